// Stand-in for the lead's journal (src/app/journal.ts): recordCase and recordEntry with the contract's signatures,
// written on the existing appendLog until Riwayat becomes the journal. Replace the import of this file at merge.
import type { CaseState, Channel, LogEntry, Notification } from "../domain/case";
import type { JournalEntry } from "../domain/journal";
import { renderRow } from "../domain/register";
import type { Sop } from "../domain/sop";
import { toSheetValue } from "../gas/cells";
import { type RowRead, sheetById, writeOwnedCells } from "../gas/sheets";
import type { Env } from "./cases";
import { calendar } from "./config";
import { appendLog } from "./log";

export type EntrySpec = Omit<JournalEntry, "seq" | "at" | "sopTitle" | "version" | "channel"> & { channel?: Channel };

/** Where a case's row is: what loadCase returns. */
export interface RecordTarget {
  sop: Sop;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  header: string[];
  row: number;
  read: RowRead | null;
}

function legacy(e: Env, entry: EntrySpec): LogEntry {
  return {
    at: e.now,
    caseId: entry.caseId,
    sopId: entry.sopId,
    stepNo: entry.stepNo,
    role: entry.role,
    actor: entry.actor,
    actingFor: entry.actingFor,
    // Kinds the old log cannot name (tick, correct, reminder) are not recorded by this stand-in.
    action: entry.kind as LogEntry["action"],
    note: entry.note,
    minutes: entry.minutes,
    standard: entry.standard,
    channel: entry.channel ?? "sidebar",
  };
}

/** Appends the entry and writes the case's register row from `next`; call under the lock. Notes are sent by the caller. */
export function recordCase(e: Env, target: RecordTarget, next: CaseState, entry: EntrySpec, _notes: Notification[]): void {
  const riwayat = sheetById(e.ss, e.ids.riwayat, "Riwayat");
  const cells = Object.fromEntries(Object.entries(renderRow(target.sop, next, e.now, calendar(e.cfg))).map(([h, v]) => [h, toSheetValue(v)]));
  writeOwnedCells(target.sheet, target.row, target.header, target.read, cells);
  appendLog(riwayat, [legacy(e, entry)]);
}

/** An entry that does not move a case row (a number reserved outside a case). */
export function recordEntry(e: Env, entry: EntrySpec): JournalEntry {
  appendLog(sheetById(e.ss, e.ids.riwayat, "Riwayat"), [legacy(e, entry)]);
  return { ...entry, seq: 0, at: e.now, sopTitle: "", version: 0, channel: entry.channel ?? "sidebar" };
}
