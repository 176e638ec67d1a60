// Folding Riwayat into Laporan's aggregates (src/domain/report-fold.ts): the daily run in sequence order, a reopen
// taking back how the case ended, and the full rebuild in any row order, legacy rows decided by the register's Status.
import { jakartaTime } from "../../src/domain/calendar";
import type { LogEntry } from "../../src/domain/case";
import type { JournalEntry } from "../../src/domain/journal";
import { type Aggregates, type CaseEnd, emptyAggregates } from "../../src/domain/report-agg";
import { type Fact, caseEvent, emptyScratch, factOfJournal, factOfLegacy, finishRebuild, foldForRebuild, foldJournal } from "../../src/domain/report-fold";
import type { Sop } from "../../src/domain/sop";
import { CTX, NOV, OCT, UJI } from "./report-fixtures";

const H = 3_600_000;
/** Monday 2 November 2026 08:00 WIB plus hours (10:00 is 120 working minutes on). */
const at = (hours: number) => NOV + hours * H;

const fact = (seq: number | null, kind: string, extra: Partial<Fact> = {}): Fact => ({
  seq,
  at: at(2),
  kind,
  caseId: "UJ-1",
  sopId: "uji",
  stepNo: "1",
  lane: "JFU",
  actor: "jfu@dinas.example",
  minutes: kind === "start" || kind === "cancel" || kind === "reopen" ? 0 : 30,
  standard: 60,
  ...extra,
});
const finish = (seq: number, extra: Partial<Fact> = {}) => fact(seq, "approve", { stepNo: "2", lane: "KASUBBAG", status: "Selesai", createdAt: NOV, ...extra });
const noEnd = () => null;
/** Finished and cancelled cases of UJI (0 when the SOP has no case figures at all). */
const done = (a: Aggregates) => a.sopCases.uji?.n ?? 0;
const cancelled = (a: Aggregates) => a.sopCases.uji?.cancelled ?? 0;

describe("Riwayat rows as facts", () => {
  test("a journal row carries its sequence, the case's status after it and when the case was started", () => {
    const e: JournalEntry = {
      seq: 7,
      at: at(2),
      kind: "approve",
      caseId: "UJ-1",
      sopId: "uji",
      sopTitle: "SOP Uji",
      stepNo: "2",
      role: "KASUBBAG",
      actor: "k@dinas.example",
      actingFor: "",
      note: "",
      minutes: 12,
      standard: 30,
      channel: "sidebar",
      version: 3,
      data: { state: { status: "Selesai", createdAt: NOV } as never },
    };
    expect(factOfJournal(e)).toEqual({ seq: 7, at: at(2), kind: "approve", caseId: "UJ-1", sopId: "uji", stepNo: "2", lane: "KASUBBAG", actor: "k@dinas.example", minutes: 12, standard: 30, status: "Selesai", createdAt: NOV });
    const bare = factOfJournal({ ...e, data: { state: { createdAt: "kemarin" } as never } });
    expect(bare).not.toHaveProperty("status");
    expect(bare).not.toHaveProperty("createdAt");
    expect(factOfJournal({ ...e, data: {} })).not.toHaveProperty("status");
  });

  test("a legacy row has no sequence; its action is its kind", () => {
    const e: LogEntry = { at: NOV, caseId: "UJ-1", sopId: "uji", stepNo: "1", role: "JFU", actor: "j@dinas.example", actingFor: "", action: "complete", note: "", minutes: 40, standard: 60, channel: "sidebar" };
    expect(factOfLegacy(e)).toEqual({ seq: null, at: NOV, kind: "complete", caseId: "UJ-1", sopId: "uji", stepNo: "1", lane: "JFU", actor: "j@dinas.example", minutes: 40, standard: 60 });
  });

  test("a step that leaves the case Selesai finishes it after its working time from the start; cancel and reopen are case events", () => {
    expect(caseEvent(finish(3), CTX)).toEqual({ kind: "finish", sopId: "uji", at: at(2), minutes: 120 });
    expect(caseEvent(finish(3, { createdAt: undefined }), CTX)).toEqual({ kind: "finish", sopId: "uji", at: at(2), minutes: 0 });
    expect(caseEvent(fact(3, "cancel"), CTX)).toEqual({ kind: "cancel", sopId: "uji", at: at(2), minutes: 0 });
    expect(caseEvent(fact(3, "reopen"), CTX)).toBeNull();
    expect(caseEvent(fact(3, "complete", { status: "Berjalan" }), CTX)).toBeUndefined();
    expect(caseEvent(fact(3, "correct", { status: "Selesai" }), CTX)).toBeUndefined();
    expect(caseEvent(fact(3, "decide", { status: "Selesai", createdAt: NOV }), CTX)?.kind).toBe("finish");
  });
});

describe("the daily run", () => {
  test("counts entries, starts and passes (minutes whole, never negative; a return marked), and a finished case", () => {
    const a = emptyAggregates();
    foldJournal(a, [fact(1, "start", { at: NOV }), fact(2, "complete", { minutes: 44.6 }), fact(3, "return", { stepNo: "2", minutes: -5, standard: 30 }), fact(4, "note"), finish(5)], CTX, noEnd);
    expect(a.entries).toBe(5);
    expect(a.legacy).toBe(0);
    expect(a.sopCases.uji).toEqual({ h: { "120": 1 }, n: 1, timed: 1, within: 0, started: 1, cancelled: 0 });
    expect(a.step["uji|1"]).toEqual({ h: { "45": 1 }, n: 1, timed: 1, within: 1, returns: 0 });
    expect(a.step["uji|2"]).toEqual({ h: { "0": 1, "30": 1 }, n: 2, timed: 2, within: 2, returns: 1 });
    expect(a.month["2026-11"]).toMatchObject({ started: 1, finished: 1, cancelled: 0 });
  });

  test("rows are folded in sequence order: a reopen undoes the ending before it in the same run", () => {
    const a = emptyAggregates();
    foldJournal(a, [finish(9, { caseId: "UJ-2" }), fact(8, "reopen"), finish(7)], CTX, () => {
      throw new Error("the run's own ending must be used");
    });
    expect(a.sopCases.uji).toMatchObject({ n: 1, h: { "120": 1 } });
    expect(a.month["2026-11"].finished).toBe(1);
  });

  test("a reopen of a case ended before the run takes back the ending found in Riwayat, once", () => {
    const ended: CaseEnd = { kind: "cancel", sopId: "uji", at: at(1), minutes: 0 };
    const a = emptyAggregates();
    a.sopCases.uji = { h: {}, n: 0, timed: 0, within: 0, started: 1, cancelled: 1 };
    a.month["2026-11"] = { steps: { h: {}, n: 0, timed: 0, within: 0, returns: 0 }, started: 1, finished: 0, cancelled: 1 };
    const asked: [string, number][] = [];
    foldJournal(a, [fact(20, "reopen"), fact(21, "reopen")], CTX, (id, before) => {
      asked.push([id, before]);
      return ended;
    });
    expect(asked).toEqual([["UJ-1", 20]]);
    expect(a.sopCases.uji.cancelled).toBe(0);
    expect(a.month["2026-11"].cancelled).toBe(0);
  });

  test("a cancel then a reopen then a finish in one run leaves one finished case and no cancel", () => {
    const a = emptyAggregates();
    foldJournal(a, [fact(1, "cancel"), fact(2, "reopen"), finish(3)], CTX, noEnd);
    expect(a.sopCases.uji).toMatchObject({ n: 1, cancelled: 0 });
  });
});

describe("the full rebuild", () => {
  const rebuild = (facts: Fact[], statusOf: (id: string) => string | undefined = () => undefined, sops = CTX.sops): Aggregates => {
    const a = emptyAggregates();
    const s = emptyScratch();
    const ctx = { ...CTX, sops };
    for (const f of facts) foldForRebuild(a, s, f, ctx);
    finishRebuild(a, s, ctx, statusOf);
    return a;
  };

  test("a journal case ends as its latest ending event says, whatever the rows' order", () => {
    const finishedLast = rebuild([finish(5), fact(4, "reopen"), fact(3, "cancel"), fact(6, "note")]);
    expect(finishedLast.sopCases.uji).toMatchObject({ n: 1, cancelled: 0 });
    const reopenedLast = rebuild([fact(6, "reopen"), finish(5), fact(7, "complete", { status: "Berjalan" })]);
    expect([done(reopenedLast), cancelled(reopenedLast)]).toEqual([0, 0]);
    expect(reopenedLast.entries).toBe(3);
    expect(reopenedLast.step["uji|1"].n).toBe(1);
    const cancelledFirstRead = rebuild([fact(3, "cancel"), fact(6, "note"), finish(5)]);
    expect([done(cancelledFirstRead), cancelled(cancelledFirstRead)]).toEqual([1, 0]);
  });

  test("a legacy case the register says is Selesai: from its first start to its latest step, on the calendar", () => {
    const a = rebuild(
      [fact(null, "complete", { at: at(2) }), fact(null, "start", { at: at(1) }), fact(null, "start", { at: NOV }), fact(null, "approve", { at: at(3), stepNo: "2" }), fact(null, "complete", { at: at(3), stepNo: "1" })],
      (id) => (id === "UJ-1" ? "Selesai" : undefined),
    );
    expect(a.legacy).toBe(5);
    expect(a.sopCases.uji).toMatchObject({ n: 1, started: 2, h: { "180": 1 } });
    expect(a.month["2026-11"].finished).toBe(1);
  });

  test("a legacy case with no start row counts the minutes of its steps (whole, never negative)", () => {
    const a = rebuild([fact(null, "complete", { minutes: 20.4 }), fact(null, "return", { minutes: 10.6 }), fact(null, "complete", { minutes: -3 }), fact(null, "note", { minutes: 99 })], () => "Selesai");
    expect(a.sopCases.uji.h).toEqual({ "31": 1 });
  });

  test("a legacy case cancelled on its register counts as cancelled at its last cancel; without a cancel row it is not counted", () => {
    const oct = jakartaTime("2026-10-30", "09:00");
    const a = rebuild([fact(null, "cancel", { at: oct }), fact(null, "cancel", { at: NOV }), fact(null, "cancel", { at: oct })], () => "Dibatalkan");
    expect(a.sopCases.uji.cancelled).toBe(1);
    expect(a.month["2026-11"].cancelled).toBe(1);
    expect(a.month["2026-10"]?.cancelled ?? 0).toBe(0);
    const finishedAfterAll = rebuild([fact(null, "cancel", { at: OCT }), fact(null, "start", { at: NOV }), fact(null, "approve", { stepNo: "2", at: at(1) })], () => "Selesai");
    expect([done(finishedAfterAll), cancelled(finishedAfterAll)]).toEqual([1, 0]);
    const none = rebuild([fact(null, "complete"), fact(null, "approve", { stepNo: "2" })], () => "Dibatalkan");
    expect(none.sopCases.uji).toBeUndefined();
  });

  test("a legacy case whose register row is gone: finished when its last step ended the SOP", () => {
    const approved = rebuild([fact(null, "start", { at: NOV }), fact(null, "approve", { stepNo: "2", at: at(1) })]);
    expect(approved.sopCases.uji).toMatchObject({ n: 1, h: { "60": 1 } });
    const stillAtOne = rebuild([fact(null, "start", { at: NOV }), fact(null, "approve", { stepNo: "2", at: at(1) }), fact(null, "complete", { at: at(2) })]);
    expect(done(stillAtOne)).toBe(0);
    const readBackwards = rebuild([fact(null, "start", { at: NOV }), fact(null, "complete", { at: at(2) }), fact(null, "approve", { stepNo: "2", at: at(1) })]);
    expect(done(readBackwards)).toBe(0);
    // A later tie: the row read last decides.
    const tie = rebuild([fact(null, "complete", { at: at(1) }), fact(null, "approve", { stepNo: "2", at: at(1) })]);
    expect(done(tie)).toBe(1);
    const noSop = rebuild([fact(null, "approve", { stepNo: "2", sopId: "hilang" })]);
    expect(noSop.sopCases.hilang).toBeUndefined();
    const noStep = rebuild([fact(null, "approve", { stepNo: "9" })]);
    expect(done(noStep)).toBe(0);
    const onlyStart = rebuild([fact(null, "start")], () => "Selesai");
    expect(done(onlyStart)).toBe(0);
    expect(done(rebuild([fact(null, "complete", { status: "Selesai" })], () => "Berjalan"))).toBe(0);
  });

  test("the last process step ends the SOP when completed; a Ya that goes on, or a decision completed, does not", () => {
    const linear: Sop = { ...UJI, steps: [UJI.steps[0], { ...UJI.steps[1], kind: "process", yesTo: undefined, noTo: undefined }] };
    const goesOn: Sop = { ...UJI, steps: [UJI.steps[0], { ...UJI.steps[1], yesTo: "1" }] };
    const sops = (s: Sop) => new Map([[s.id, s]]);
    expect(done(rebuild([fact(null, "complete", { stepNo: "2" })], undefined, sops(linear)))).toBe(1);
    expect(done(rebuild([fact(null, "complete", { stepNo: "1" })], undefined, sops(linear)))).toBe(0);
    expect(done(rebuild([fact(null, "approve", { stepNo: "2" })], undefined, sops(linear)))).toBe(0);
    expect(done(rebuild([fact(null, "approve", { stepNo: "2" })], undefined, sops(goesOn)))).toBe(0);
    expect(done(rebuild([fact(null, "complete", { stepNo: "2" })], undefined, sops(UJI)))).toBe(0);
  });

  test("a case with journal rows is decided by the journal, its legacy rows notwithstanding", () => {
    const a = rebuild([fact(null, "start", { at: NOV }), fact(null, "approve", { stepNo: "2", at: at(1) }), fact(4, "cancel")], () => "Selesai");
    expect(a.sopCases.uji).toMatchObject({ n: 0, cancelled: 1 });
    expect(a.legacy).toBe(2);
    expect(a.entries).toBe(3);
  });
});
