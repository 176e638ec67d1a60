// Laporan from Riwayat: figures per SOP, month, step and pelaksana, worked out by hand for a small log.
import { ROLES } from "../../src/catalog/roles";
import { jakartaTime } from "../../src/domain/calendar";
import type { LogEntry } from "../../src/domain/case";
import { buildReport, endsCase } from "../../src/domain/report";
import { NOV, OCT, UJI as SOP } from "./report-fixtures";

let t = 0;
function e(caseId: string, action: LogEntry["action"], stepNo: string, minutes: number, at = NOV): LogEntry {
  const step = SOP.steps.find((s) => s.no === stepNo);
  return { at: at + t++ * 60_000, caseId, sopId: "uji", stepNo, role: step?.role ?? "", actor: "x@dinas.example", actingFor: "", action, note: "", minutes, standard: step ? (stepNo === "1" ? 60 : 30) : null, channel: "sidebar" };
}

const LOG: LogEntry[] = [
  e("UJ-1", "start", "1", 0),
  e("UJ-1", "complete", "1", 50), // on time
  e("UJ-1", "return", "2", 40), // late (30)
  e("UJ-1", "complete", "1", 20),
  e("UJ-1", "approve", "2", 10), // ends the case: 50 + 40 + 20 + 10 = 120 minutes = 2 hours
  e("UJ-2", "start", "1", 0),
  e("UJ-2", "complete", "1", 90), // late (60), still running
  e("UJ-3", "start", "1", 0, OCT),
  e("UJ-3", "cancel", "1", 5, OCT),
];

// Built inside each test, not when the file loads: a mutation run switches its mutant on as a test starts.
const block = (key: string) => buildReport(LOG, [SOP], ROLES, 450, jakartaTime("2026-11-29", "10:00")).blocks.find((b) => b.key === key)!;

describe("Laporan", () => {
  test("per SOP: average working time of finished cases against the SOP's standard, counts and on-time share", () => {
    expect(block("sop").rows).toEqual([["UJ", 2, 1.5, "Uji", 3, 1, 1, 1, 5, 60]]);
  });

  test("per month, oldest first: started, finished, late steps, steps done, on time", () => {
    expect(block("month").rows).toEqual([
      ["Oktober 2026", 1, 0, 0, 0, ""],
      ["November 2026", 2, 1, 2, 5, 60],
    ]);
  });

  test("per step: executions, mean and longest against the step's standard, pelaksana by its canonical name", () => {
    expect(block("step").rows).toEqual([
      ["UJ", "1", "Menyusun konsep", "Jabatan Fungsional Umum (JFU)", 3, 0.9, 1, 67, 1.5],
      ["UJ", "2", "Memeriksa konsep", "Kasubbag Umum dan Kepegawaian", 2, 0.4, 0.5, 50, 0.7],
    ]);
  });

  test("per pelaksana, busiest first", () => {
    expect(block("role").rows).toEqual([
      ["Jabatan Fungsional Umum (JFU)", 3, 0.9, 67, 1],
      ["Kasubbag Umum dan Kepegawaian", 2, 0.4, 50, 1],
    ]);
  });

  test("a case ends at the last process step or at a Ya that ends the SOP, not at a return", () => {
    expect(endsCase(SOP, e("X", "approve", "2", 1))).toBe(true);
    expect(endsCase(SOP, e("X", "return", "2", 1))).toBe(false);
    expect(endsCase(SOP, e("X", "complete", "1", 1))).toBe(false);
  });

  test("an empty Riwayat gives empty tables, not errors", () => {
    const r = buildReport([], [SOP], ROLES, 450, NOV);
    expect(r.blocks.map((b) => b.rows.length)).toEqual([0, 0, 0, 0]);
  });

  test("months after the report date are left out and at most the last N months are kept", () => {
    const r = buildReport(LOG, [SOP], ROLES, 450, jakartaTime("2026-10-31", "10:00"));
    expect(r.blocks.find((b) => b.key === "month")!.rows.map((x) => x[0])).toEqual(["Oktober 2026"]);
    const one = buildReport(LOG, [SOP], ROLES, 450, NOV, { months: 1 });
    expect(one.blocks.find((b) => b.key === "month")!.rows.map((x) => x[0])).toEqual(["November 2026"]);
  });

  test("a month without activity shows as zeros between active ones, up to the report's month", () => {
    const aug = jakartaTime("2026-08-03", "08:00");
    const r = buildReport([e("UJ-9", "start", "1", 0, aug), ...LOG], [SOP], ROLES, 450, jakartaTime("2026-12-01", "08:00"));
    expect(r.blocks.find((b) => b.key === "month")!.rows).toEqual([
      ["Agustus 2026", 1, 0, 0, 0, ""],
      ["September 2026", 0, 0, 0, 0, ""],
      ["Oktober 2026", 1, 0, 0, 0, ""],
      ["November 2026", 2, 1, 2, 5, 60],
      ["Desember 2026", 0, 0, 0, 0, ""],
    ]);
  });

  test("with the registers' Status known, a case counts as finished at its last step whatever revision it followed", () => {
    // UJ-2 followed an earlier revision that ended after step 1 (its register says Selesai); UJ-1 was reopened.
    const status: Record<string, string> = { "UJ-1": "Berjalan", "UJ-2": "Selesai", "UJ-3": "Dibatalkan" };
    const r = buildReport(LOG, [SOP], ROLES, 450, NOV, { statusOf: (id) => status[id] });
    const sop = r.blocks.find((b) => b.key === "sop")!.rows[0];
    // Finished: one case (UJ-2), 90 working minutes = 1.5 hours.
    expect(sop.slice(0, 2)).toEqual(["UJ", 1.5]);
    expect(sop[5]).toBe(1);
  });

  test("with the registers' Status known, a case cancelled and then reopened is not counted as cancelled", () => {
    const log = [...LOG, e("UJ-3", "reopen", "1", 0, OCT)];
    const cancelled = (status: string) => buildReport(log, [SOP], ROLES, 450, NOV, { statusOf: (id) => (id === "UJ-3" ? status : undefined) }).blocks[0].rows[0][6];
    expect(cancelled("Berjalan")).toBe(0);
    expect(cancelled("Dibatalkan")).toBe(1);
  });
});
