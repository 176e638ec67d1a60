// 1,000 number reservations as really interleaved executions (16 worker threads, each running executions one after
// another in fresh script contexts; a seeded scheduler interleaves them at every service call): every number is given
// once, the sequence has no gap but the numbers marked Batal, and a cancelled number is never given again. The same rush
// on a build without the lock gives numbers twice (the test can fail).
import { ADMIN, P, setupAlur } from "../../emulator/alur-world";
import { ensureNoLockBuild } from "../../emulator/concurrency/nolock";
import { runConcurrently } from "../../emulator/concurrency/run-concurrently";
import { DEFAULT_CODE_PATH } from "../../emulator/ensure-built";
import { DIST } from "../../emulator/paths";

const USERS = [P("jfu"), P("kasubbag-umum"), P("sekretaris"), P("petugas-adm-surat"), P("kasubbag-program"), P("bendahara-pengeluaran")];

// The one no-lock build every concurrency test shares (emulator/concurrency/nolock.ts).
let UNSAFE = { codePath: DEFAULT_CODE_PATH, htmlDir: DIST };
beforeAll(() => {
  UNSAFE = ensureNoLockBuild();
}, 120000);

type Reply = { ok: boolean; error?: string; data?: { nomor: string; key: string } };

async function reservations(count: number, cancels: number, codePath: string, htmlDir: string, seed: number) {
  const alur = setupAlur({ admins: [ADMIN], htmlDir, codePath });
  // Numbers reserved before the rush, some of which an admin cancels during it.
  const early = Array.from({ length: cancels }, (_, i) => alur.ok(P("jfu"), "reserveNumber", { klasifikasi: "000.8.3.3", perihal: `Awal ${i}` }));
  const specs = [
    ...Array.from({ length: count }, (_, i) => ({ fn: "alurApi", args: ["reserveNumber", { klasifikasi: "000.8.3.3", perihal: `Surat ${i}` }], user: USERS[i % USERS.length] })),
    ...early.map((n) => ({ fn: "alurApi", args: ["cancelNumber", { key: n.key, reason: "tidak jadi dikirim" }], user: ADMIN })),
  ];
  // Shuffle the cancellations in among the reservations.
  for (let i = specs.length - 1; i > 0; i--) {
    const j = (i * 7919 + seed) % (i + 1);
    [specs[i], specs[j]] = [specs[j], specs[i]];
  }
  const results = await runConcurrently(alur.world, specs, { seed, codePath, maxWorkers: 16, maxSteps: 400000, timeoutMs: 600000 });
  const replies = results.map((r) => (r.ok ? (r.value as Reply) : { ok: false, error: r.error }));
  const [head, ...rows] = alur.world.read("Agenda Surat");
  const col = (h: string) => head.indexOf(h);
  const book = rows.map((r) => ({ key: String(r[col("Kunci")]), urut: Number(r[col("Urut")]), nomor: String(r[col("Nomor")]), status: String(r[col("Status")]) }));
  return { alur, early, replies, book };
}

describe("Agenda Surat under concurrent executions", () => {
  test("1,000 reservations at once: 1,000 distinct numbers, no gap but the numbers marked Batal, none given twice", async () => {
    const { early, replies, book } = await reservations(Number(process.env.ALUR_RESERVATIONS ?? 1000), 10, DEFAULT_CODE_PATH, DIST, 7);
    const failed = replies.filter((r) => !r.ok);
    expect(failed).toEqual([]);
    const given = replies.filter((r) => r.data?.nomor).map((r) => r.data?.nomor as string);
    expect(given).toHaveLength(1000);
    expect(new Set(given).size).toBe(1000);
    // The book: 1,010 rows numbered 1…1,010 without a gap; exactly the ten early numbers are Batal.
    expect(book.map((b) => b.urut).sort((a, b) => a - b)).toEqual(Array.from({ length: 1010 }, (_, i) => i + 1));
    expect(new Set(book.map((b) => b.key)).size).toBe(1010);
    expect(book.filter((b) => b.status === "Batal").map((b) => b.key).sort()).toEqual(early.map((n) => n.key).sort());
    // A cancelled number is never given again.
    for (const n of early) expect(given).not.toContain(n.nomor);
  }, 600000);

  test("without the lock the same rush gives a number twice (the test above can fail)", async () => {
    const { replies } = await reservations(60, 0, UNSAFE.codePath, UNSAFE.htmlDir, 3);
    const given = replies.filter((r) => r.data?.nomor).map((r) => r.data?.nomor as string);
    expect(new Set(given).size).toBeLessThan(given.length);
  }, 300000);
});
