// Checks Riwayat's chain: the whole of it on request (Periksa integritas), and hourly what was appended since the last check.
import { J, JOURNAL_WIDTH, type JournalProblem, type RawCell, verifyJournal } from "../domain/journal";
import { verifyChain } from "../domain/riwayat";
import { hmacHex, sha256Hex } from "../gas/digest";
import { sheetById } from "../gas/sheets";
import type { Env } from "./cases";
import { type Head, readHead } from "./journal";
import { keyRing } from "./keys";
import { reportProblem } from "./problems";
import { instantCell } from "./rebuild";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const hmacFor = () => {
  const ring = keyRing("chain");
  return (kid: string) => {
    const secret = ring.get(kid);
    return secret ? hmacHex(secret) : null;
  };
};

/** The head as verification sees it: a pending entry counts once it is in the sheet (the next lock holder settles it). */
function checkedHead(head: Head, rows: { cells: RawCell[] }[]): { seq: number; hash: string } {
  const p = head.pending;
  if (p && rows.some((r) => Number(r.cells[J.seq]) === p.seq && String(r.cells[J.hash]) === p.hash)) return { seq: p.seq, hash: p.hash };
  return { seq: head.seq, hash: head.hash };
}

export interface IntegrityReport {
  rows: number;
  entries: number;
  problems: { row: number; message: string }[];
}

/**
 * Reads the whole of Riwayat (an audit, on request) and checks both chains: the rows of earlier releases in their
 * sheet order, as they were made, and the journal by sequence number, so sorting or filtering Riwayat raises nothing.
 */
export function checkJournal(sheet: Sheet): IntegrityReport {
  const last = sheet.getLastRow();
  const width = Math.min(Math.max(sheet.getLastColumn(), 13), JOURNAL_WIDTH);
  const values = last < 2 ? [] : sheet.getRange(2, 1, last - 1, width).getValues();
  const rows = values.map((v, i) => ({ row: i + 2, cells: v.map(instantCell) }));
  const isJournal = (c: RawCell[]) => Number.isInteger(Number(c[J.seq])) && Number(c[J.seq]) >= 1 && String(c[J.kind] ?? "") !== "";
  const legacy = rows.filter((r) => !isJournal(r.cells));
  const journal = rows.filter((r) => isJournal(r.cells));
  const problems: { row: number; message: string }[] = [];
  if (legacy.length) {
    for (const p of verifyChain(legacy.map((r) => r.cells.slice(0, 13)) as never, sha256Hex)) {
      const r = legacy[p.row - 2];
      problems.push({ row: r?.row ?? p.row, message: p.message.replace(/Baris \d+/, `Baris ${r?.row ?? p.row}`) });
    }
  }
  const head = readHead();
  problems.push(...verifyJournal(journal, hmacFor(), checkedHead(head, journal), { seq: 0, hash: head.genesis }));
  return { rows: rows.length, entries: journal.length, problems: problems.sort((a, b) => a.row - b.row) };
}

/** Where the hourly check stopped: the last entry verified, its hash, and the row it was on (where to look next). */
const VERIFIED = "alur.journal.verified";

interface Verified {
  seq: number;
  hash: string;
  row: number;
}

/**
 * Checks the entries appended since the last run. Appends land at the bottom, so the rows after the last checked one
 * are read first; if their numbers do not follow on (Riwayat was sorted), the No column is read to find them. Each new
 * problem is recorded once for the admins.
 */
export function verifyRecent(e: Env, deadline: number): JournalProblem[] {
  const props = PropertiesService.getScriptProperties();
  let from: Verified = { seq: 0, hash: readHead(props).genesis, row: 1 };
  try {
    const v = JSON.parse(props.getProperty(VERIFIED) ?? "null") as Verified | null;
    if (v && Number.isInteger(v.seq)) from = v;
  } catch {
    // Start over from the first entry.
  }
  const head = readHead(props);
  if (head.seq <= from.seq || Date.now() > deadline) return [];
  const sheet = sheetById(e.ss, e.ids.riwayat, "Riwayat");
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const tail = (start: number) => {
    const first = Math.max(2, start);
    if (first > last) return [];
    return sheet.getRange(first, 1, last - first + 1, JOURNAL_WIDTH).getValues().map((v, i) => ({ row: first + i, cells: v.map(instantCell) }));
  };
  let rows = tail(from.row + 1);
  const follows = rows.length > 0 && Number(rows[0].cells[J.seq]) === from.seq + 1 && rows.every((r, i) => Number(r.cells[J.seq]) === from.seq + 1 + i);
  if (!follows) {
    // Sorted or filtered since: find the newer entries by their numbers.
    const seqs = sheet.getRange(2, J.seq + 1, last - 1, 1).getValues();
    const wanted = seqs.map(([s], i) => ({ s: Number(s), row: i + 2 })).filter((x) => x.s > from.seq);
    const lo = Math.min(...wanted.map((x) => x.row));
    rows = wanted.length ? tail(lo).filter((r) => Number(r.cells[J.seq]) > from.seq) : [];
  }
  const upTo = checkedHead(head, rows);
  const problems = verifyJournal(rows, hmacFor(), upTo, from);
  for (const p of problems) reportProblem(`chain:${p.seq}`, `Riwayat: ${p.message}`, e.now);
  const top = rows.find((r) => Number(r.cells[J.seq]) === upTo.seq);
  if (top) props.setProperty(VERIFIED, JSON.stringify({ seq: upTo.seq, hash: String(top.cells[J.hash]), row: top.row }));
  return problems;
}
