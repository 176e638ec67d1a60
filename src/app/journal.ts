// Riwayat as the journal: an entry is appended (and flushed) before anything else it causes; the rest can be rebuilt from it.
import type { CaseState, Channel, Notification } from "../domain/case";
import { type CaseCore, type EntryData, type JournalEntry, J, JOURNAL_WIDTH, entryHash, journalRow, parseJournalRow, wholeSeconds } from "../domain/journal";
import { H, fitHidden, renderRow } from "../domain/register";
import type { Sop } from "../domain/sop";
import { hmacHex } from "../gas/digest";
import { type RowRead, sheetById, writeOwnedCells } from "../gas/sheets";
import { appendRowTo } from "../gas/write";
import { type Env, type LoadedCase, systemEnv } from "./cases";
import { calendar } from "./config";
import { currentKey } from "./keys";
import { type FinishedChange, finishedChange, indexCase, withFinished } from "./open-index";
import { deliver, planMails } from "./notify";
import { reportProblem } from "./problems";
import { rebuildCase } from "./rebuild";
import { logError } from "./log";

/**
 * The head of the chain: the last sequence number and its hash, in script properties (one read finds it). Before an
 * entry is appended the head names it as pending; it is settled only after the entry's row and emails are done and the
 * row is flushed (withLock settles it after its final flush: a property outlives an unflushed write, so a head settled
 * before the flush could outlive the row it vouches for). So a lock holder that finds a pending head knows the
 * execution before it was cut off, and finishes or undoes its work.
 */
const HEAD = "alur.journal.head";
/** Where earlier releases kept the last hash of their (row-ordered) chain: the journal's chain continues from it. */
const LEGACY_LAST = "alur.riwayat.last";

interface Pending {
  seq: number;
  hash: string;
  prevSeq: number;
  prevHash: string;
  caseId: string;
  /** Emails of the entry already sent. */
  sent: number;
  /** The finished count the entry changes (Ringkas), applied in the same property write that settles it. */
  done?: FinishedChange;
}

export interface Head {
  seq: number;
  hash: string;
  /** The hash the first journal entry follows (the end of an earlier release's chain, or ""). */
  genesis: string;
  pending?: Pending;
}

type Props = GoogleAppsScript.Properties.Properties;

export function readHead(props: Props = PropertiesService.getScriptProperties()): Head {
  const raw = props.getProperty(HEAD);
  if (raw) {
    try {
      const h = JSON.parse(raw) as Head;
      if (Number.isInteger(h.seq) && typeof h.hash === "string") return { ...h, genesis: h.genesis ?? "" };
    } catch {
      // Falls through: an unreadable head is reported and the chain is checked from the sheet.
    }
    reportProblem("journal:head", "Catatan kepala Riwayat (properti skrip alur.journal.head) rusak. Jalankan Periksa integritas; hubungi pengembang Alur.");
    throw new Error("Catatan kepala Riwayat rusak; tidak ada yang diubah. Admin: jalankan Alur › Periksa integritas.");
  }
  const legacy = props.getProperty(LEGACY_LAST) ?? "";
  return { seq: 0, hash: legacy, genesis: legacy };
}

function writeHead(props: Props, head: Head): void {
  props.setProperty(HEAD, JSON.stringify(head));
}

/** What a caller says about an entry; the journal adds the number, time, title, version and hash. */
export type EntrySpec = Omit<JournalEntry, "seq" | "at" | "sopTitle" | "version" | "channel" | "data"> & { channel?: Channel; version?: number; data?: EntryData };

/** Kinds whose entry carries the case's fields (the others leave them as they were). */
const FIELD_KINDS = new Set(["start", "correct"]);

/** The case without fields and history, fitted to the Data cell as the row's hidden state is. */
export function coreOf(c: CaseState): CaseCore {
  const { fields: _f, srikandi: _s, ...hidden } = c;
  const { history: _h, historyOmitted: _o, ...core } = fitHidden(hidden);
  return core;
}

/** A Data cell holds at most 50,000 characters. */
const DATA_LIMIT = 49_000;

/** The head this execution has finished with, settled by withLock once its writes are flushed (settleFlushed). */
let unsettled: Head | null = null;

function appendEntry(e: Env, draft: Omit<JournalEntry, "seq">, caseId: string, done: FinishedChange | null = null): { entry: JournalEntry; head: Head } {
  const props = PropertiesService.getScriptProperties();
  let head = readHead(props);
  let count: [string, string] | null = null;
  if (unsettled) {
    // An entry of this execution (a recovered one) is done but not yet settled: its row is flushed first, and the new
    // pending head settles it (with the count it changes) in the same write.
    SpreadsheetApp.flush();
    const { pending: before, ...settled } = unsettled;
    if (before?.done) count = withFinished(before.done, props);
    head = settled;
    unsettled = null;
  }
  const key = currentKey("chain");
  const entry: JournalEntry = { ...draft, seq: head.seq + 1, at: wholeSeconds(draft.at) };
  const json = JSON.stringify(entry.data);
  if (json.length > DATA_LIMIT) throw new Error(`Isian kasus ${caseId} terlalu panjang untuk dicatat di Riwayat (${json.length} karakter). Persingkat isian atau catatan; tidak ada yang diubah.`);
  const hash = entryHash(head.hash, entry, key.id, hmacHex(key.secret));
  // Riwayat is found before the head changes, so a missing sheet stops the action with nothing to undo.
  const sheet = sheetById(e.ss, e.ids.riwayat, "Riwayat");
  const pending: Pending = { seq: entry.seq, hash, prevSeq: head.seq, prevHash: head.hash, caseId, sent: 0, ...(done ? { done } : {}) };
  if (count) props.setProperties(Object.fromEntries([[HEAD, JSON.stringify({ ...head, pending })], count]));
  else writeHead(props, { ...head, pending });
  appendRowTo(sheet, journalRow(entry, hash, key.id));
  // The entry is the record: it is flushed before the row or the emails it causes.
  SpreadsheetApp.flush();
  return { entry, head: { seq: entry.seq, hash, genesis: head.genesis, pending } };
}

/** The entry's work is done: the head is settled after the final flush (settleFlushed). */
function settle(head: Head): void {
  unsettled = head;
}

/**
 * Called by withLock right after its final SpreadsheetApp.flush(): settles the head this execution finished with,
 * with the finished count it changes in the same property write.
 */
export function settleFlushed(): void {
  const head = unsettled;
  unsettled = null;
  if (!head) return;
  const props = PropertiesService.getScriptProperties();
  const { pending, ...settled } = head;
  if (pending?.done) props.setProperties(Object.fromEntries([[HEAD, JSON.stringify(settled)], withFinished(pending.done, props)]));
  else writeHead(props, settled);
}

/** Where a case's row is: the loaded row of an existing case, or the register a new case is appended to. */
export interface CaseTarget {
  sop: Sop;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  header: string[];
  loaded?: LoadedCase;
}

function draftOf(e: Env, sop: Sop | null, spec: EntrySpec, version: number, data: EntryData): Omit<JournalEntry, "seq"> {
  return { ...spec, at: e.now, sopTitle: sop?.shortTitle ?? "", channel: spec.channel ?? "sidebar", version: spec.version ?? version, data };
}

/**
 * Records a change of a case: the entry first (with the case as it is now, its fields when the kind sets them, and the
 * emails it asks for), then the register row and the open-case index from it, then the emails. Call it holding the
 * lock. A failure after the entry is flushed does not undo the action: the next lock holder finishes it.
 */
export function recordCase(e: Env, target: CaseTarget, next: CaseState, before: CaseState | null, spec: EntrySpec, notes: Notification[]): JournalEntry {
  const data: EntryData = { ...(spec.data ?? {}), state: coreOf(next), ...(FIELD_KINDS.has(spec.kind) ? { fields: next.fields } : {}), ...(notes.length ? { notes } : {}) };
  const { entry, head } = appendEntry(e, draftOf(e, target.sop, spec, next.version, data), next.id, finishedChange(before, next));
  try {
    projectCase(e, target, next, before, false);
  } catch (err) {
    // The action is recorded; the row is brought forward from the journal by whoever next takes the lock.
    logError(`Baris ${next.id} belum diperbarui: ${String(err)}`);
    return entry;
  }
  finish(e, head, notes, 0);
  return entry;
}

/** Records an entry that does not change a case's row (a reminder sent, a letter number taken for the book). */
export function recordEntry(e: Env, sop: Sop | null, spec: EntrySpec, notes: Notification[] = []): JournalEntry {
  const data: EntryData = { ...(spec.data ?? {}), ...(notes.length ? { notes } : {}) };
  const { entry, head } = appendEntry(e, draftOf(e, sop, spec, spec.version ?? 0, data), spec.caseId);
  finish(e, head, notes, 0);
  return entry;
}

/** Sends the entry's emails from `from` on, keeping count in the head, then settles it. */
function finish(e: Env, head: Head, notes: Notification[], from: number): void {
  const props = PropertiesService.getScriptProperties();
  const planned = planMails(e, notes);
  deliver(e, planned, from, (done) => {
    if (head.pending) writeHead(props, { ...head, pending: { ...head.pending, sent: done } });
  });
  settle(head);
}

/** The row's cells for a case (header → cell), as renderRow makes them. */
function rowCells(e: Env, sop: Sop, c: CaseState): Record<string, ReturnType<typeof renderRow>[string]> {
  return renderRow(sop, c, e.now, calendar(e.cfg));
}

/**
 * Writes a case's register row from its state, and its index record. An existing row keeps its ID cell (which is never
 * written), so the row can be checked after the write: if someone sorted the register between the read and the write,
 * the row now holds another case, which is rebuilt from the journal, and so is this one.
 */
export function projectCase(e: Env, target: CaseTarget, next: CaseState, before: CaseState | null, countFinish = true): void {
  const cells = rowCells(e, target.sop, next);
  if (target.loaded) {
    const { sheet, row, header, read } = target.loaded;
    delete cells[H.id];
    writeOwnedCells(sheet, row, header, read as RowRead, cells);
    const idCol = header.indexOf(H.id);
    const there = String(sheet.getSheetValues(row, idCol + 1, 1, 1)[0][0] ?? "").trim();
    if (there !== next.id) repairAfterSort(e, next.id, there);
  } else {
    appendRowTo(
      target.sheet,
      target.header.map((h) => (h in cells ? cells[h] : "")),
    );
  }
  indexCase(target.sop, next, before, e.cfg.settings.dayMinutes, undefined, countFinish);
}

function repairAfterSort(e: Env, ours: string, theirs: string): void {
  const where = `Register diurutkan saat Alur menulis kasus ${ours}`;
  for (const id of [theirs, ours]) {
    if (!id) continue;
    const r = rebuildCase(e, id);
    if (r === "unknown") reportProblem(`sort:${id}`, `${where}: baris kasus ${id} tertimpa dan tidak dapat dibangun ulang dari Riwayat (kasus dari versi Alur sebelumnya). Periksa baris itu dengan File › Histori versi.`, e.now);
  }
}

/** The row of Riwayat holding entry `seq` (one search of the No column), or 0. */
export function rowOfSeq(sheet: GoogleAppsScript.Spreadsheet.Sheet, seq: number): number {
  const last = sheet.getLastRow();
  if (last < 2) return 0;
  const hit = sheet
    .getRange(2, J.seq + 1, last - 1, 1)
    .createTextFinder(String(seq))
    .matchEntireCell(true)
    .findNext();
  return hit ? hit.getRow() : 0;
}

/**
 * Called by every lock holder before its own work: one property read. A pending head means the last execution was cut
 * off after naming its entry: if the entry is in Riwayat, its row, index record and remaining emails are brought
 * forward and the head settled; if it is not, the head goes back to where it was (the action never happened).
 */
export function recoverJournal(): void {
  const props = PropertiesService.getScriptProperties();
  const raw = props.getProperty(HEAD);
  if (!raw || !raw.includes('"pending"')) return;
  const head = readHead(props);
  const p = head.pending;
  if (!p) return;
  const e = systemEnv();
  if (!e) return;
  const sheet = sheetById(e.ss, e.ids.riwayat, "Riwayat");
  const row = rowOfSeq(sheet, p.seq);
  const parsed = row ? parseJournalRow(sheet.getRange(row, 1, 1, JOURNAL_WIDTH).getValues()[0].map(instantCell)) : null;
  if (!parsed || parsed.hash !== p.hash) {
    writeHead(props, { seq: p.prevSeq, hash: p.prevHash, genesis: head.genesis });
    return;
  }
  const entry = parsed.entry;
  const settled: Head = { seq: p.seq, hash: p.hash, genesis: head.genesis, pending: p };
  if (entry.data.state) {
    try {
      const r = rebuildCase(e, entry.caseId);
      if (r === "unknown") reportProblem(`rebuild:${entry.caseId}`, `Kasus ${entry.caseId}: barisnya tidak dapat diperbarui dari Riwayat. Admin: Alur › Bangun ulang register.`, e.now);
    } catch (err) {
      reportProblem(`rebuild:${entry.caseId}`, `Kasus ${entry.caseId}: barisnya tidak dapat diperbarui dari Riwayat (${String(err)}). Admin: Alur › Bangun ulang register.`, e.now);
    }
  }
  finish(e, settled, (entry.data.notes as Notification[] | undefined) ?? [], p.sent);
}

function instantCell(v: unknown): string | number | boolean | { dateTime: number } | null {
  if (Object.prototype.toString.call(v) === "[object Date]") return { dateTime: (v as Date).getTime() };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return null;
}

/** True when the head names a pending entry of this case (an unlocked read then takes the lock to bring it forward). */
export function pendingFor(caseId: string): boolean {
  const raw = PropertiesService.getScriptProperties().getProperty(HEAD);
  return !!raw && raw.includes('"pending"') && raw.includes(JSON.stringify(caseId));
}
