// Reads the journal entries added since a sequence number, by sequence number and never by row position: staff may sort Riwayat.
import { J, JOURNAL_WIDTH, type JournalEntry, parseJournalRow } from "../domain/journal";
import { toInstantCell } from "../gas/cells";
import { planSpans } from "./queue-scan";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ReadBudget {
  /** Entries to return at most in one call; the caller asks again from the returned lastSeq when it got this many. */
  maxEntries: number;
}

export interface SinceResult {
  /** In sequence order. */
  entries: JournalEntry[];
  /** The highest sequence number returned, or afterSeq when there was nothing new. */
  lastSeq: number;
  /** The row that holds lastSeq (1, the header, while the journal is empty): where the next call looks first. */
  hint: { row: number };
  /** How the rows were found: after the hinted row, or (after a sort) through the No column. */
  path: "fast" | "scan";
  /** More entries may follow (the budget stopped the read): ask again from lastSeq and hint. */
  more: boolean;
}

/** The journal row's entry, or null for a legacy row (no No), a blank or a hand-typed row. */
function entryOf(values: unknown[]): JournalEntry | null {
  return parseJournalRow(values.map(toInstantCell))?.entry ?? null;
}

/**
 * Journal entries with No > afterSeq.
 *
 * Fast path: the rows from the hinted row down are read (only those), and used when the hinted row still holds
 * afterSeq and the rows after it continue the sequence one by one — as they do when entries are only appended.
 * Otherwise (Riwayat sorted, rows moved or deleted) the No column is read once to find the rows with No > afterSeq,
 * and only those rows are read. Legacy rows (no No) are skipped: a full rebuild counts them.
 */
export function readEntriesSince(sheet: Sheet, afterSeq: number, hint: { row: number } | null, budget: ReadBudget): SinceResult {
  const last = sheet.getLastRow();
  if (last < 2) return { entries: [], lastSeq: afterSeq, hint: { row: 1 }, path: "fast", more: false };
  const width = Math.min(JOURNAL_WIDTH, sheet.getMaxColumns());
  const max = Math.max(1, budget.maxEntries);

  if (hint && hint.row >= 1 && hint.row <= last) {
    const fast = readAfterHint(sheet, afterSeq, hint.row, last, width, max);
    if (fast) return fast;
  }
  return scanByNumber(sheet, afterSeq, last, width, max);
}

function readAfterHint(sheet: Sheet, afterSeq: number, from: number, last: number, width: number, max: number): SinceResult | null {
  // The hinted row itself is read again to check it still holds afterSeq (the header when nothing was read yet).
  const rows = Math.min(last - from + 1, max + 1);
  const values = sheet.getRange(from, 1, rows, width).getValues();
  if (from === 1 ? afterSeq !== 0 : entryOf(values[0])?.seq !== afterSeq) return null;
  const entries: JournalEntry[] = [];
  let expect = afterSeq + 1;
  let row = from;
  for (let i = 1; i < values.length; i++) {
    const e = entryOf(values[i]);
    if (!e) continue;
    if (e.seq !== expect) return null;
    entries.push(e);
    expect++;
    row = from + i;
  }
  const more = from + rows - 1 < last;
  // A block of rows without one entry (legacy rows before the journal began) says nothing about what follows.
  if (more && !entries.length) return null;
  return { entries, lastSeq: expect - 1, hint: { row }, path: "fast", more };
}

function scanByNumber(sheet: Sheet, afterSeq: number, last: number, width: number, max: number): SinceResult {
  const numbers = sheet.getRange(2, J.seq + 1, last - 1, 1).getValues();
  const wanted: { row: number; seq: number }[] = [];
  let hintRow = 1;
  numbers.forEach(([v], i) => {
    const seq = typeof v === "number" ? v : Number(v);
    if (!Number.isInteger(seq) || seq < 1) return;
    if (seq === afterSeq) hintRow = i + 2;
    if (seq > afterSeq) wanted.push({ row: i + 2, seq });
  });
  wanted.sort((a, b) => a.seq - b.seq);
  const take = wanted.slice(0, max);
  const rows = take.map((w) => w.row).sort((a, b) => a - b);
  const byRow = new Map<number, unknown[]>();
  for (const [first, lastRow] of planSpans(rows.length, (i) => rows[i])) {
    const block = sheet.getRange(first, 1, lastRow - first + 1, width).getValues();
    block.forEach((r, i) => {
      byRow.set(first + i, r);
    });
  }
  const entries: JournalEntry[] = [];
  const seen = new Set<number>();
  let lastSeq = afterSeq;
  for (const w of take) {
    const e = entryOf(byRow.get(w.row) ?? []);
    // A copied row repeats a number: the first one counts, once.
    if (!e || e.seq !== w.seq || seen.has(e.seq)) continue;
    seen.add(e.seq);
    entries.push(e);
    lastSeq = e.seq;
    hintRow = w.row;
  }
  return { entries, lastSeq, hint: { row: hintRow }, path: "scan", more: wanted.length > take.length };
}
