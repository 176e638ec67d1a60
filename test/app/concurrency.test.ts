// Two executions at the same moment, really interleaved at service-call boundaries (worker threads, seeded scheduler):
// exactly one action applies and case IDs stay unique. The same tests run on a build without the lock must fail.
import { ADMIN, P, setupAlur } from "../../emulator/alur-world";
import { ensureNoLockBuild } from "../../emulator/concurrency/nolock";
import { runConcurrently } from "../../emulator/concurrency/run-concurrently";
import { DEFAULT_CODE_PATH } from "../../emulator/ensure-built";
import { DIST } from "../../emulator/paths";

const SEEDS = [1, 2, 3, 4, 5, 6];
const SM_FIELDS = { perihal: "Surat", asalSurat: "Setda", nomorSurat: "1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };

// The one no-lock build every concurrency test shares (its Code.js and its lazy modules).
let NO_LOCK = { codePath: DEFAULT_CODE_PATH, htmlDir: DIST };
beforeAll(() => {
  NO_LOCK = ensureNoLockBuild();
}, 60000);
const REAL = () => ({ codePath: DEFAULT_CODE_PATH, htmlDir: DIST });

type ApiValue = { ok: boolean; error?: string; data?: { id: string } };

async function doubleComplete(build: { codePath: string; htmlDir: string }, seed: number) {
  const { codePath } = build;
  const alur = setupAlur({ admins: [ADMIN], ...build });
  const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
  const act = { caseId: v.id, expectedVersion: 1, action: "complete" };
  const results = await runConcurrently(
    alur.world,
    [
      // Two different people (the holder and an admin): the same person pressing twice is answered, not refused.
      { fn: "alurApi", args: ["act", act], user: P("jfu") },
      { fn: "alurApi", args: ["act", act], user: ADMIN },
    ],
    { seed, codePath },
  );
  const values = results.map((r) => (r.ok ? (r.value as ApiValue) : { ok: false, error: r.error }));
  const logged = alur.world.read("Riwayat").filter((r) => r[1] === v.id && r[7] === "Selesai & teruskan").length;
  return { values, logged };
}

async function parallelStarts(build: { codePath: string; htmlDir: string }, seed: number): Promise<string[]> {
  const { codePath } = build;
  const alur = setupAlur({ admins: [ADMIN], ...build });
  alur.ok(P("jfu"), "listSops", null);
  const results = await runConcurrently(
    alur.world,
    [P("jfu"), P("jfu"), P("sekretaris")].map((user, i) => ({ fn: "alurApi", args: ["startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: `Surat ${i}` } }], user })),
    { seed, codePath },
  );
  return results.map((r) => (r.ok ? ((r.value as ApiValue).data?.id ?? `gagal: ${(r.value as ApiValue).error}`) : `error: ${r.error}`));
}

describe("concurrent executions", () => {
  test("two people completing the same step at once: exactly one applies, the other is told it was handled", async () => {
    for (const seed of SEEDS) {
      const { values, logged } = await doubleComplete(REAL(), seed);
      expect(values.filter((v) => v.ok)).toHaveLength(1);
      expect(values.find((v) => !v.ok)?.error).toMatch(/sudah ditindaklanjuti oleh (jfu|admin)@dinas\.example/);
      expect(logged).toBe(1);
    }
  }, 120000);

  test("without the lock the same schedules apply the action twice (the test can fail)", async () => {
    const twice: boolean[] = [];
    for (const seed of SEEDS) twice.push((await doubleComplete(NO_LOCK, seed)).logged > 1);
    expect(twice.some(Boolean)).toBe(true);
  }, 120000);

  test("case IDs stay unique under concurrent starts", async () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const ids = await parallelStarts(REAL(), seed);
      expect(ids.every((id) => /^SM-2026-000[1-3]$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(3);
    }
  }, 120000);

  test("without the lock concurrent starts can share an ID (the test can fail)", async () => {
    const duplicated: boolean[] = [];
    for (const seed of SEEDS) duplicated.push(new Set(await parallelStarts(NO_LOCK, seed)).size < 3);
    expect(duplicated.some(Boolean)).toBe(true);
  }, 120000);
});
