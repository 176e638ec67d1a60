// Rebuilds register rows and the open-case index from Riwayat alone: one case (after a cut-off action or a sort race), one register, or all.
import type { CaseState, HistoryItem } from "../domain/case";
import { type JournalEntry, J, JOURNAL_WIDTH, KIND_LABEL, parseJournalRow, type RawCell } from "../domain/journal";
import { H, fieldsFromRow, readRow } from "../domain/register";
import { parseRiwayatRow } from "../domain/riwayat";
import type { Sop } from "../domain/sop";
import { isDate, rowByHeader } from "../gas/cells";
import { findRowsById, readHeader, readRowValues, sheetById } from "../gas/sheets";
import { type Env, caseSopOf, registerOf } from "./cases";
import { projectCase } from "./journal";
import { indexCase } from "./open-index";
import { readAroundHits } from "./queue-scan";
import { loadArchivedSop } from "./sop-archive";

/** A timeline item of each kind that shows in the case's history (ticks and reminders do not). */
const HISTORY_KINDS = new Set(Object.keys(KIND_LABEL).filter((k) => k !== "tick" && k !== "reminder"));

export function instantCell(v: unknown): RawCell {
  if (isDate(v)) return { dateTime: v.getTime() };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return null;
}

export interface CaseJournal {
  /** Journal entries of the case, in sequence order. */
  entries: JournalEntry[];
  /** Rows of earlier releases (no sequence number), in time order: they carry history, not state. */
  legacy: HistoryItem[];
}

/** Every Riwayat row of one case: one search of the ID Kasus column, then the rows around the hits. */
export function journalOf(e: Env, caseId: string): CaseJournal {
  const sheet = sheetById(e.ss, e.ids.riwayat, "Riwayat");
  const last = sheet.getLastRow();
  if (last < 2) return { entries: [], legacy: [] };
  const hits = sheet
    .getRange(2, J.caseId + 1, last - 1, 1)
    .createTextFinder(caseId)
    .matchEntireCell(true)
    .findAll();
  if (!hits.length) return { entries: [], legacy: [] };
  const rows = readAroundHits(sheet, hits, JOURNAL_WIDTH, (cell) => cell === caseId);
  const entries: JournalEntry[] = [];
  const legacy: HistoryItem[] = [];
  for (const { values } of rows) {
    const cells = values.map(instantCell);
    if (String(cells[J.caseId] ?? "") !== caseId) continue;
    const p = parseJournalRow(cells);
    if (p) {
      entries.push(p.entry);
      continue;
    }
    const old = parseRiwayatRow(cells.slice(0, 13) as never);
    if (old) legacy.push({ at: old.entry.at, by: old.entry.actor, actingFor: old.entry.actingFor, action: old.entry.action, stepNo: old.entry.stepNo, note: old.entry.note, minutes: old.entry.minutes, standard: old.entry.standard });
  }
  entries.sort((a, b) => a.seq - b.seq);
  legacy.sort((a, b) => a.at - b.at);
  return { entries, legacy };
}

/** What else an entry recorded (letter numbers a step took): timeline items after the entry's own. */
interface Also {
  kind: string;
  note: string;
  stepNo: string;
}

export function historyOf(j: CaseJournal): HistoryItem[] {
  const items: HistoryItem[] = [];
  for (const x of j.entries) {
    if (HISTORY_KINDS.has(x.kind)) items.push({ at: x.at, by: x.actor, actingFor: x.actingFor, action: x.kind as HistoryItem["action"], stepNo: x.stepNo, note: x.note, minutes: x.minutes, standard: x.standard });
    const also = Array.isArray(x.data.also) ? (x.data.also as Also[]) : [];
    for (const a of also) items.push({ at: x.at, by: x.actor, actingFor: "", action: a.kind as HistoryItem["action"], stepNo: a.stepNo, note: a.note, minutes: 0, standard: null });
  }
  return [...j.legacy, ...items];
}

/** The case as its journal has it: the last entry's state, the last fields recorded (else `rowFields`), the whole history. */
export function caseFromJournal(j: CaseJournal, rowFields: CaseState["fields"] | null, srikandi: string): CaseState | null {
  let core: JournalEntry | null = null;
  let withFields: JournalEntry | null = null;
  for (const x of j.entries) {
    if (x.data.state) core = x;
    if (x.data.fields) withFields = x;
  }
  if (!core?.data.state) return null;
  const fields = withFields?.data.fields ?? rowFields;
  if (!fields) return null;
  return { ...core.data.state, fields, srikandi, history: historyOf(j) };
}

function sameCase(a: CaseState, b: CaseState): boolean {
  // Letters count too: a number entry changes them without moving the version (a row missing its number is rebuilt).
  const key = (c: CaseState) => JSON.stringify([c.version, c.status, c.stepNo, c.stepSince, c.dueAt, c.assignee, c.rounds, c.done, c.ticks, c.documents, c.sopRev, c.fields, c.letters ?? null]);
  return key(a) === key(b);
}

function revisionOf(e: Env, rev: string, current: Sop | null, title: string): Sop {
  return current && e.cfg.revs[current.id] === rev ? current : loadArchivedSop(e, rev, current ?? title);
}

export type RebuildResult = "rebuilt" | "same" | "unknown";

/**
 * Brings one case's register row and index record in line with its journal. "unknown" when the journal cannot say
 * (a case from an earlier release that no action has touched since, or an ID written on several rows).
 */
export function rebuildCase(e: Env, caseId: string): RebuildResult {
  const { id: sopId, current } = caseSopOf(e.cfg, caseId);
  const sheet = registerOf(e, sopId, current?.shortTitle ?? sopId);
  const header = readHeader(sheet);
  const idCol = header.indexOf(H.id);
  if (idCol < 0) return "unknown";
  const j = journalOf(e, caseId);
  if (!j.entries.some((x) => x.data.state)) return "unknown";
  const rows = findRowsById(sheet, caseId, idCol);
  if (rows.length > 1) return "unknown";
  const read = rows.length ? readRowValues(sheet, rows[0], header) : null;
  const byHeader = read ? rowByHeader(header, read.values) : null;
  const probe = caseFromJournal(j, {}, "");
  if (!probe) return "unknown";
  const sop = revisionOf(e, probe.sopRev, current, sopId);
  const c = caseFromJournal(j, byHeader ? fieldsFromRow(sop, byHeader) : null, String(byHeader?.[H.srikandi] ?? ""));
  if (!c) return "unknown";
  const parsed = byHeader ? readRow(sop, byHeader, "") : null;
  const before = parsed?.ok ? parsed.case : null;
  if (before && sameCase(before, c)) {
    indexCase(sop, c, null, e.cfg.settings.dayMinutes, undefined, false);
    return "same";
  }
  if (read && rows.length) {
    projectCase(e, { sop, sheet, header, loaded: { sop, c, sheet, header, row: rows[0], read } }, c, null, false);
  } else {
    projectCase(e, { sop, sheet, header }, c, null, false);
  }
  return "rebuilt";
}

/** For a register rebuild: the register's cases the journal knows, rebuilt one by one while the time budget lasts. */
export function rebuildRegister(e: Env, sop: Sop, deadline: number): { rebuilt: number; same: number; unknown: string[]; done: boolean } {
  const sheet = sheetById(e.ss, e.ids.riwayat, "Riwayat");
  const last = sheet.getLastRow();
  const out = { rebuilt: 0, same: 0, unknown: [] as string[], done: true };
  if (last < 2) return out;
  const ids = new Set<string>();
  for (const [caseId, s] of sheet.getRange(2, J.caseId + 1, last - 1, 2).getValues()) if (String(s) === sop.id && caseId) ids.add(String(caseId));
  for (const id of ids) {
    if (Date.now() > deadline) {
      out.done = false;
      break;
    }
    const r = rebuildCase(e, id);
    if (r === "rebuilt") out.rebuilt++;
    else if (r === "same") out.same++;
    else out.unknown.push(id);
  }
  return out;
}
