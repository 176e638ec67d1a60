// Executions cut short at one chosen call (the fault sweep, npm run test:faults, tries every call): what the next
// execution and the hourly trigger must make of it. An ended execution reaches no service again; its unflushed
// spreadsheet writes may be lost (an assumed row of the fidelity table), which these tests take to happen.
import { ADMIN, type Alur, P, setupAlur } from "../../emulator/alur-world";
import { createWorld } from "../../emulator/fakes";
import { Bundle } from "../../emulator/load-bundle";
import { SM_FIELDS } from "../../emulator/panel-cost";
import { restore, restoreSpreadsheets, snapshot, snapshotSpreadsheets } from "../../emulator/server/persist";

/**
 * Runs `fn` as one execution that ends just before its `nth` call of `method` ("Kind.method"), then puts the
 * spreadsheets back to what its last SpreadsheetApp.flush() held. Returns whether the end was reached.
 */
function cutBefore(alur: Alur, method: string, nth: number, fn: () => unknown): boolean {
  const w = alur.world;
  let held = snapshotSpreadsheets(w);
  let seen = 0;
  w.onFlush = () => {
    held = snapshotSpreadsheets(w);
  };
  w.latency = (kind, m) => {
    if (`${kind}.${m}` === method && ++seen === nth) w.fault = { at: w.faultCalls + 1, mode: "end-before" };
    return 0;
  };
  w.fault = { at: -1, mode: "throw" };
  w.faultCalls = 0;
  try {
    fn();
  } catch {
    // The execution ended: nothing of it answers.
  }
  const ended = w.ended;
  Object.assign(w, { ended: false, fault: null, latency: null, onFlush: null });
  if (ended) restoreSpreadsheets(w, held);
  return ended;
}

/** A new World holding what `snap` held, with Alur's calls on it. */
function restored(snap: ReturnType<typeof snapshot>): Alur {
  const world = createWorld({ seed: 5, user: ADMIN, now: () => snap.now, spreadsheetId: snap.boundId });
  restore(world, snap);
  const bundle = new Bundle(world);
  const call: Alur["call"] = (user, name, arg) => world.within({ user }, () => bundle.scriptRun("alurApi", [name, arg])) as never;
  return {
    world,
    bundle,
    ctx: bundle.ctx,
    call,
    ok: (user, name, arg) => {
      const r = call(user, name, arg);
      if (!r.ok) throw new Error(r.error);
      return r.data;
    },
    later: (minutes) => world.clock.advance(minutes * 60_000),
  };
}

const hourly = (alur: Alur) => alur.world.within("time-trigger", () => alur.ctx.hourlyRefresh());
const journal = (alur: Alur, id: string) => alur.world.read("Riwayat").filter((r) => r[1] === id);

describe("an execution cut short", () => {
  test("an action whose final flush never came is finished by the retry, not done twice (the head settles only after the flush)", () => {
    const alur = setupAlur();
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const arg = { caseId: v.id, expectedVersion: 1, action: "complete" as const };
    // The action's second flush is its last: the entry was flushed, the row written, the email sent, then the end.
    expect(cutBefore(alur, "SpreadsheetApp.flush", 2, () => alur.call(P("jfu"), "act", arg))).toBe(true);
    const again = alur.ok(P("jfu"), "act", arg);
    expect(again.version).toBe(2);
    expect(journal(alur, v.id).map((r) => r[14])).toEqual(["start", "complete"]);
    const row = alur.world.read("SM · Surat Masuk").find((r) => r[0] === v.id) as unknown[];
    expect(row[(alur.world.read("SM · Surat Masuk")[0] as string[]).indexOf("Versi")]).toBe(2);
    // Step 2's holder is told once (every email of a case has the case's one subject).
    expect(alur.world.outbox.filter((m) => m.subject.startsWith(`[Alur] ${v.id} · `) && m.to.includes(P("kasubbag-umum")))).toHaveLength(1);
  });

  test("reopening a finished case counts it out of its month once, wherever the reopening is cut off", () => {
    const prepared = setupAlur({ admins: [P("admin")] });
    let v = prepared.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    for (const h of ["jfu", "kasubbag-umum", "sekretaris", "kepala-dinas", "sekretaris", "kasubbag-umum", "jfu"]) v = prepared.ok(P(h), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
    expect(v.status).toBe("Selesai");
    const done = (alur: Alur) => JSON.parse(alur.world.stores.script.map.get("alur.ix.meta") as string).done as Record<string, Record<string, number>>;
    expect(done(prepared)).toEqual({ "2026-11": { "surat-masuk": 1 } });
    const snap = snapshot(prepared.world, null);
    const arg = { caseId: v.id, expectedVersion: 8, action: "reopen" as const, reason: "Perlu dilengkapi" };
    // Every property write of the reopening in turn, each on the same finished case.
    let cuts = 0;
    for (let nth = 1; ; nth++) {
      const alur = restored(snap);
      if (!cutBefore(alur, "Properties.setProperty", nth, () => alur.call(P("admin"), "act", arg))) break;
      cuts++;
      alur.ok(P("admin"), "act", arg);
      hourly(alur);
      expect({ nth, done: done(alur) }).toEqual({ nth, done: { "2026-11": { "surat-masuk": 0 } } });
    }
    expect(cuts).toBeGreaterThan(2);
  }, 60_000);

  test("a mail run cut off before its third email sends the first two once, not again (each mark is flushed)", () => {
    const alur = setupAlur();
    alur.world.mail.quota = 0;
    const a = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const b = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "Dua" } });
    const c = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "Tiga" } });
    // The JFU who records a letter holds its first step (nobody is told); finishing it tells the Kasubbag, in the queue.
    for (const x of [a, b, c]) alur.ok(P("jfu"), "act", { caseId: x.id, expectedVersion: 1, action: "complete" });
    alur.world.mail.quota = 100;
    expect(cutBefore(alur, "MailApp.sendEmail", 3, () => hourly(alur))).toBe(true);
    hourly(alur);
    for (const id of [a.id, b.id, c.id]) expect(alur.world.outbox.filter((m) => m.subject.includes(id))).toHaveLength(1);
  });
});
