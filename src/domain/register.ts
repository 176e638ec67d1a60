// The register row: headers of an SOP's register, a case rendered into cells, and a row read back with hand edits detected.
import { formatTanggalJam, workingMinutesBetween, type WorkingCalendarConfig } from "./calendar";
import { CASE_STATUSES, type CaseState, type CaseStatus, type FieldValue } from "./case";
import type { Sop } from "./sop";

export const H = {
  id: "ID",
  status: "Status",
  step: "Langkah",
  due: "Tenggat",
  late: "Terlambat",
  docs: "Dokumen",
  rounds: "Putaran revisi",
  srikandi: "SRIKANDI",
  version: "Versi",
  data: "Data sistem",
} as const;

export const SYSTEM_HEADERS: string[] = Object.values(H);
export const LANE_PREFIX = "▸ ";

/** A cell as the domain describes it; the adapter turns dates into Date cells. */
export type Cell = string | number | { date: string } | { dateTime: number };

export function laneHeader(header: string): string {
  return LANE_PREFIX + header;
}

export function registerSheetName(sop: Sop): string {
  return `${sop.code} · ${sop.shortTitle}`.slice(0, 100);
}

/**
 * A new register's columns: the case (ID, its fields, the documents and SRIKANDI people add), then the columns only
 * Alur writes, side by side so one warning-only protection covers them. Registers made by earlier releases keep their
 * own order: every column is found by its header.
 */
export function registerHeaders(sop: Sop): string[] {
  return [
    H.id,
    ...sop.fields.map((f) => f.label),
    H.docs,
    H.srikandi,
    H.status,
    H.step,
    ...sop.lanes.map((l) => laneHeader(l.header)),
    H.due,
    H.late,
    H.rounds,
    H.version,
    H.data,
  ];
}

/** Columns people may not edit by hand (protected with a warning): from Status to Data sistem in a new register. */
export function systemHeaders(sop: Sop): string[] {
  return [H.status, H.step, ...sop.lanes.map((l) => laneHeader(l.header)), H.due, H.late, H.rounds, H.version, H.data];
}

export function stepLabel(sop: Sop, c: CaseState): string {
  // A finished case says when: people see it on the row, and Ringkas counts this month's from this column alone.
  if (!c.stepNo) return c.status === "Selesai" ? `Selesai · ${formatTanggalJam(c.lastAt)}${c.outcome ? ` · ${c.outcome}` : ""}` : "—";
  const step = sop.steps.find((s) => s.no === c.stepNo);
  const text = step ? step.text : "";
  return `${c.stepNo} · ${text.length > 90 ? `${text.slice(0, 89)}…` : text}`;
}

/** Each lane's last act on the case: a return reads as a return in its column (↩), not as a ✓ that looks approved. */
export function lastActs(sop: Sop, c: CaseState): Map<string, "return" | "done"> {
  const out = new Map<string, "return" | "done">();
  for (const h of c.history) {
    if (h.action !== "complete" && h.action !== "approve" && h.action !== "return" && h.action !== "decide") continue;
    const lane = sop.steps.find((s) => s.no === h.stepNo)?.role;
    if (lane) out.set(lane, h.action === "return" ? "return" : "done");
  }
  return out;
}

/** Working minutes past the due instant at `now` (0 when on time or no standard). */
export function lateMinutes(c: CaseState, now: number, cal: WorkingCalendarConfig): number {
  if (c.dueAt === null || !c.stepNo || now <= c.dueAt) return 0;
  return workingMinutesBetween(cal, c.dueAt, now);
}

/** Cheap checksum so hand edits of the hidden state are noticed (not a security measure). */
export function checksum(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

type Hidden = Omit<CaseState, "fields" | "srikandi">;

/** A cell holds at most 50,000 characters; the hidden state keeps well under it, with room for the checksum. */
export const HIDDEN_BUDGET = 45_000;
const KEEP_NOTE = 300;

/**
 * Fits the hidden state into one cell. A long-lived case (many returns, long notes, many attached links) would
 * otherwise outgrow it and its next action would fail. What gives way is only what Riwayat and the Kelengkapan
 * sheet already keep in full: first the oldest history items (the first, "Kasus dibuat", stays), then the length of
 * old notes, then ticks of steps other than the current one.
 */
export function fitHidden(hidden: Hidden, budget = HIDDEN_BUDGET): Hidden {
  let h = hidden;
  const size = (x: Hidden) => JSON.stringify(x).length;
  if (size(h) <= budget) return h;
  const omitted = h.historyOmitted ?? 0;
  let history = h.history;
  let dropped = 0;
  while (history.length > 2 && size({ ...h, history, historyOmitted: omitted + dropped }) > budget) {
    const cut = Math.max(1, Math.floor((history.length - 1) / 4));
    history = [history[0], ...history.slice(1 + cut)];
    dropped += cut;
  }
  h = { ...h, history, historyOmitted: omitted + dropped };
  if (size(h) <= budget) return h;
  h = { ...h, history: h.history.map((x) => (x.note.length > KEEP_NOTE ? { ...x, note: `${x.note.slice(0, KEEP_NOTE)}…` } : x)) };
  if (size(h) <= budget) return h;
  const ticks: Hidden["ticks"] = {};
  for (const [k, v] of Object.entries(h.ticks)) if (k.startsWith(`${h.stepNo}|`)) ticks[k] = v;
  return { ...h, ticks };
}

function encodeHidden(c: CaseState): string {
  const { fields: _f, srikandi: _s, ...hidden } = c;
  const body = JSON.stringify(fitHidden(hidden));
  return `${checksum(body)}|${body}`;
}

function decodeHidden(s: string): Hidden | null {
  const bar = s.indexOf("|");
  if (bar < 0) return null;
  const body = s.slice(bar + 1);
  if (checksum(body) !== s.slice(0, bar)) return null;
  try {
    return JSON.parse(body) as Hidden;
  } catch {
    return null;
  }
}

/** The row as header → cell. */
export function renderRow(sop: Sop, c: CaseState, now: number, cal: WorkingCalendarConfig): Record<string, Cell> {
  const row: Record<string, Cell> = { [H.id]: c.id };
  for (const f of sop.fields) {
    const v = c.fields[f.key];
    row[f.label] = f.type === "date" && typeof v === "string" && v ? { date: v } : (v ?? "");
  }
  row[H.status] = c.status;
  row[H.step] = stepLabel(sop, c);
  const current = sop.steps.find((s) => s.no === c.stepNo)?.role;
  const acts = lastActs(sop, c);
  for (const l of sop.lanes) {
    const h = laneHeader(l.header);
    if (l.header === current && c.stepNo) row[h] = `▶ ${c.stepNo} · sejak ${formatTanggalJam(c.stepSince)}`;
    else if (c.done[l.header]) row[h] = `${acts.get(l.header) === "return" ? "↩ dikembalikan" : "✓"} ${formatTanggalJam(c.done[l.header])}`;
    else row[h] = "";
  }
  row[H.due] = c.dueAt === null || !c.stepNo ? "" : { dateTime: c.dueAt };
  row[H.late] = lateMinutes(c, now, cal);
  row[H.docs] = c.documents.join("\n");
  row[H.rounds] = c.rounds;
  row[H.srikandi] = c.srikandi;
  row[H.version] = c.version;
  row[H.data] = encodeHidden(c);
  return row;
}

export type ReadCell = string | number | boolean | { date: string } | null;

/** The case fields as the row shows them (people may correct them there), by the SOP's field labels. */
export function fieldsFromRow(sop: Sop, row: Record<string, ReadCell>): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const f of sop.fields) {
    const v = Object.prototype.hasOwnProperty.call(row, f.label) ? row[f.label] : undefined;
    if (v === undefined || v === null) fields[f.key] = "";
    else if (typeof v === "object") fields[f.key] = v.date;
    else if (typeof v === "boolean") fields[f.key] = v ? "TRUE" : "FALSE";
    else fields[f.key] = f.type === "number" ? v : typeof v === "number" ? String(v) : v;
  }
  return fields;
}

export type ReadResult = { ok: true; case: CaseState } | { ok: false; reason: string };

/** Reads a case back from its row (header → cell) and refuses it when system cells were edited by hand. */
export function readRow(sop: Sop, row: Record<string, ReadCell>, where: string): ReadResult {
  const id = String(row[H.id] ?? "").trim();
  const raw = String(row[H.data] ?? "");
  if (!raw) return { ok: false, reason: `${where}: baris ${id || "tanpa ID"} tidak dibuat lewat Alur (kolom "${H.data}" kosong). Buat kasus lewat panel Alur › Kasus baru.` };
  const hidden = decodeHidden(raw);
  if (!hidden) return { ok: false, reason: `${where}: kolom "${H.data}" kasus ${id} diubah secara manual, sehingga keadaan kasus tidak dapat dipercaya. Kembalikan isi sel itu dengan Edit › Urungkan, atau lewat File › Histori versi (sel yang sama di versi sebelum diubah); kasus lain tidak terpengaruh.` };
  if (hidden.id !== id) return { ok: false, reason: `${where}: ID pada baris (${id}) tidak cocok dengan data sistem (${hidden.id}). Kembalikan ID ${hidden.id} di kolom ID.` };
  const fields = fieldsFromRow(sop, row);
  // Dokumen is for people too: links pasted there are the case's documents from now on, as Alur's own are.
  const docs = H.docs in row ? String(row[H.docs] ?? "").split("\n").map((s) => s.trim()).filter(Boolean) : hidden.documents;
  const c: CaseState = { ...hidden, fields, documents: docs, srikandi: String(row[H.srikandi] ?? "") };
  // Langkah is checked by its step number; a finished case's "Selesai · <date>" in full (a bare "Selesai" is accepted).
  const stepCell = String(row[H.step] ?? "").trim();
  const finishedLabel = c.status === "Selesai" && stepCell.includes(" · ");
  const checks: [string, string, string][] = [
    [H.status, String(row[H.status] ?? ""), c.status],
    finishedLabel ? [H.step, stepCell, stepLabel(sop, c)] : [H.step, stepCell.split("·")[0].trim(), stepLabel(sop, c).split("·")[0].trim()],
    [H.version, String(row[H.version] ?? ""), String(c.version)],
  ];
  for (const [header, actual, expected] of checks) {
    if (header in row && actual.trim() !== expected) {
      return {
        ok: false,
        reason: `${where}: kolom "${header}" kasus ${id} diubah secara manual (tertulis "${actual}", seharusnya "${expected}"). Alur tidak menimpanya diam-diam: kembalikan nilainya menjadi "${expected}", atau minta admin membuka ulang/mengalihkan kasus.`,
      };
    }
  }
  if (!CASE_STATUSES.includes(c.status as CaseStatus)) return { ok: false, reason: `${where}: status kasus ${id} tidak dikenal.` };
  return { ok: true, case: c };
}

/** Reads a Date from a date cell as Jakarta's calendar date. */
export function ymdOfInstant(ms: number): string {
  const d = new Date(ms + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

/** The instant of midnight in Jakarta on a yyyy-MM-dd date: what a date cell holds. */
export function instantOfYmd(ymd: string): number {
  const [y, m, d] = ymd.split("-").map(Number);
  return Date.UTC(y, m - 1, d) - 7 * 3600_000;
}
