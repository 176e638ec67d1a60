// The letters code records through the journal with the shapes it was written against: a loaded case as the target.
import type { CaseState, Notification } from "../domain/case";
import type { JournalEntry } from "../domain/journal";
import type { Sop } from "../domain/sop";
import type { RowRead } from "../gas/sheets";
import type { Env } from "./cases";
import * as journal from "./journal";

export type EntrySpec = journal.EntrySpec;

/** Where a case's row is: what loadCase returns (`c` is the case as it was read). */
export interface RecordTarget {
  sop: Sop;
  c: CaseState;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  header: string[];
  row: number;
  read: RowRead | null;
}

/** Records a change of a loaded case (entry first, then its row, index and emails); call under the lock. */
export function recordCase(e: Env, target: RecordTarget, next: CaseState, spec: EntrySpec, notes: Notification[]): JournalEntry {
  const loaded = { sop: target.sop, c: target.c, sheet: target.sheet, header: target.header, row: target.row, read: target.read as RowRead };
  return journal.recordCase(e, { sop: target.sop, sheet: target.sheet, header: target.header, loaded }, next, target.c, spec, notes);
}

/** An entry that does not move a case row (a number reserved outside a case, an SOP page exported). */
export function recordEntry(e: Env, spec: EntrySpec): JournalEntry {
  const sop = e.cfg.sops.find((s) => s.id === spec.sopId) ?? null;
  return journal.recordEntry(e, sop, spec);
}
