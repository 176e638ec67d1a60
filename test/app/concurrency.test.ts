// Two executions at the same moment, really interleaved at service-call boundaries (worker threads, seeded scheduler):
// exactly one action applies and case IDs stay unique. The same tests run on a build without the lock must fail.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ADMIN, P, setupAlur } from "../../emulator/alur-world";
import { DEFAULT_CODE_PATH } from "../../emulator/ensure-built";
import { ROOT } from "../../emulator/paths";
import { runConcurrently } from "../../emulator/concurrency/run-concurrently";

const NO_LOCK = join(ROOT, "build/test/Code-nolock.js");
const SEEDS = [1, 2, 3, 4, 5, 6];
const SM_FIELDS = { perihal: "Surat", asalSurat: "Setda", nomorSurat: "1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };

beforeAll(() => {
  execFileSync(process.execPath, ["--input-type=module", "-e", `const m = await import(${JSON.stringify(join(ROOT, "scripts/build.mjs"))}); await m.buildServer({ outfile: ${JSON.stringify(NO_LOCK)}, unsafeNoLock: true });`]);
}, 60000);

type ApiValue = { ok: boolean; error?: string; data?: { id: string } };

async function doubleComplete(codePath: string, seed: number) {
  const alur = setupAlur({ admins: [ADMIN] });
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

async function parallelStarts(codePath: string, seed: number): Promise<string[]> {
  const alur = setupAlur({ admins: [ADMIN] });
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
      const { values, logged } = await doubleComplete(DEFAULT_CODE_PATH, seed);
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
      const ids = await parallelStarts(DEFAULT_CODE_PATH, seed);
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
