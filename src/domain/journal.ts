// Riwayat as the journal: one row per entry (an action, a tick, a document, a letter number, …), chained by sequence number with a keyed hash.
import type { CaseState, Channel, FieldValue, Notification } from "./case";
import type { Cell } from "./register";

/**
 * The columns of Riwayat, in the order Alur writes them. The first thirteen are the columns of earlier releases and keep
 * their meaning (SOP is the SOP's id); the rest were added for the journal. Staff must not move them: Riwayat is
 * Alur's own, protected sheet, and a row is read by position.
 */
export const JOURNAL_HEADERS = [
  "Waktu",
  "ID Kasus",
  "SOP",
  "Langkah",
  "Peran",
  "Email pelaku",
  "Atas nama",
  "Aksi",
  "Catatan",
  "Menit kerja",
  "Standar (menit)",
  "Saluran",
  "Hash",
  "No",
  "Jenis",
  "Judul SOP",
  "Versi",
  "Data",
  "Kunci",
] as const;

/** Column positions (0-based) of JOURNAL_HEADERS. */
export const J = {
  at: 0,
  caseId: 1,
  sopId: 2,
  stepNo: 3,
  role: 4,
  actor: 5,
  actingFor: 6,
  label: 7,
  note: 8,
  minutes: 9,
  standard: 10,
  channel: 11,
  hash: 12,
  seq: 13,
  kind: 14,
  sopTitle: 15,
  version: 16,
  data: 17,
  key: 18,
} as const;

export const JOURNAL_WIDTH = JOURNAL_HEADERS.length;

/**
 * What an entry records. The case actions keep the names of earlier releases; the others are recorded without moving
 * the case: a Kelengkapan tick, a document made, a letter number taken, fields corrected, a reminder sent, and a cuti
 * decision. New kinds may be added; a reader skips kinds it does not know.
 */
export type EntryKind =
  | "start"
  | "complete"
  | "approve"
  | "return"
  | "reassign"
  | "reopen"
  | "cancel"
  | "tick"
  | "document"
  | "number"
  | "correct"
  | "reminder"
  | "decide";

export const KIND_LABEL: Record<EntryKind, string> = {
  start: "Mulai",
  complete: "Selesai & teruskan",
  approve: "Setujui",
  return: "Kembalikan",
  reassign: "Alihkan",
  reopen: "Buka ulang",
  cancel: "Batalkan",
  tick: "Kelengkapan",
  document: "Dokumen dibuat",
  number: "Nomor surat",
  correct: "Ubah isian",
  reminder: "Pengingat",
  decide: "Keputusan",
};

/** Kinds that close a step and carry the working minutes spent in it (what Laporan measures). */
export const STEP_KINDS: ReadonlySet<string> = new Set(["complete", "approve", "return", "decide"]);

/** The case without its fields and history: what its register row's system cells are rendered from. */
export type CaseCore = Omit<CaseState, "fields" | "history" | "historyOmitted" | "srikandi">;

/** The Data column: what the kind needs, and enough to rebuild the case's register row from the journal alone. */
export interface EntryData {
  /** The case after this entry (every kind that changes the case carries it). */
  state?: CaseCore;
  /** The case's fields after this entry, carried by the kinds that set them (start, correct). */
  fields?: Record<string, FieldValue>;
  /** Field corrections: label, old and new value. */
  changes?: { key: string; label: string; from: FieldValue; to: FieldValue }[];
  /** The panel's request id of a start, so a retried start finds the case it made. */
  requestId?: string;
  /** The emails this entry asks for; sent once, after the entry and the row are written. */
  notes?: Notification[];
  /** Kind-specific values (a tick's item and link, a document's link, a letter's number, a decision, …). */
  [key: string]: unknown;
}

export interface JournalEntry {
  /** 1, 2, 3, … across the whole office: the chain's order, whatever the rows' order in the sheet. */
  seq: number;
  /** Epoch ms, whole seconds: what a date cell keeps. */
  at: number;
  kind: EntryKind;
  caseId: string;
  sopId: string;
  sopTitle: string;
  stepNo: string;
  /** Lane header of the step (the SOP's Pelaksana column), "" when none. */
  role: string;
  actor: string;
  /** "Plt. Sekretaris (Nama)", "atas nama Pemohon", "sebagai admin", or "". */
  actingFor: string;
  note: string;
  /** Working minutes spent in the step (kinds in STEP_KINDS), else 0. */
  minutes: number;
  /** The step's standard in working minutes (upper bound), or null. */
  standard: number | null;
  channel: Channel;
  /** The case's version after this entry (unchanged by kinds that do not move the case). */
  version: number;
  data: EntryData;
}

/** Whole seconds: a date cell keeps no more (see the fidelity table), and the hash must survive a round trip. */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** The text an entry's hash covers: every column but the hash, in a form that survives a round trip through cells. */
export function canonical(e: JournalEntry, keyId: string): string {
  return [
    e.seq,
    new Date(wholeSeconds(e.at)).toISOString(),
    e.kind,
    e.caseId,
    e.sopId,
    e.sopTitle,
    e.stepNo,
    e.role,
    e.actor,
    e.actingFor,
    e.note,
    e.minutes,
    e.standard ?? "",
    e.channel,
    e.version,
    JSON.stringify(e.data),
    keyId,
  ].join("\u001f");
}

/** HMAC of the previous hash and this entry, hex, as the adapter computes it with the chain key. */
export type Hmac = (message: string) => string;

export function entryHash(prevHash: string, e: JournalEntry, keyId: string, hmac: Hmac): string {
  return hmac(`${prevHash}\u001e${canonical(e, keyId)}`).slice(0, 40);
}

export function journalRow(e: JournalEntry, hash: string, keyId: string): Cell[] {
  return [
    { dateTime: wholeSeconds(e.at) },
    e.caseId,
    e.sopId,
    e.stepNo,
    e.role,
    e.actor,
    e.actingFor,
    KIND_LABEL[e.kind] ?? e.kind,
    e.note,
    e.minutes,
    e.standard ?? "",
    e.channel,
    hash,
    e.seq,
    e.kind,
    e.sopTitle,
    e.version,
    JSON.stringify(e.data),
    keyId,
  ];
}

export type RawCell = string | number | boolean | { dateTime: number } | { date: string } | null | undefined;

export interface ParsedRow {
  entry: JournalEntry;
  hash: string;
  keyId: string;
}

const s = (v: RawCell) => (v === null || v === undefined ? "" : typeof v === "object" ? "" : String(v));

/** Reads a journal row back; null when it is not a journal row (a legacy row, a blank or hand-typed row). */
export function parseJournalRow(r: RawCell[]): ParsedRow | null {
  const at = r[J.at] && typeof r[J.at] === "object" && "dateTime" in (r[J.at] as object) ? (r[J.at] as { dateTime: number }).dateTime : Number.NaN;
  const seq = Number(r[J.seq]);
  const kind = s(r[J.kind]) as EntryKind;
  if (!Number.isFinite(at) || !Number.isInteger(seq) || seq < 1 || !kind) return null;
  let data: EntryData;
  try {
    const parsed = JSON.parse(s(r[J.data]) || "{}") as unknown;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
    data = parsed as EntryData;
  } catch {
    return null;
  }
  const std = r[J.standard];
  const entry: JournalEntry = {
    seq,
    at,
    kind,
    caseId: s(r[J.caseId]),
    sopId: s(r[J.sopId]),
    sopTitle: s(r[J.sopTitle]),
    stepNo: s(r[J.stepNo]),
    role: s(r[J.role]),
    actor: s(r[J.actor]),
    actingFor: s(r[J.actingFor]),
    note: s(r[J.note]),
    minutes: Number(r[J.minutes]) || 0,
    standard: std === "" || std === null || std === undefined ? null : Number(std),
    channel: s(r[J.channel]) as Channel,
    version: Number(r[J.version]) || 0,
    data,
  };
  return { entry, hash: s(r[J.hash]), keyId: s(r[J.key]) };
}

export interface JournalProblem {
  /** 1-based sheet row, 0 when the problem is a missing entry. */
  row: number;
  seq: number;
  message: string;
}

/**
 * Checks the journal rows (in any order: they are put in sequence order first) against the chain: every number from
 * the first checked to `head.seq` is there once, each row's hash follows from the previous entry's under the key it
 * names, and nothing stands after the head. `from` (with the hash before it) lets a caller check only what was added
 * since an earlier check. Rows that are not journal rows are left to the caller.
 */
export function verifyJournal(
  rows: { row: number; cells: RawCell[] }[],
  hmacFor: (keyId: string) => Hmac | null,
  head: { seq: number; hash: string },
  from: { seq: number; hash: string },
): JournalProblem[] {
  const problems: JournalProblem[] = [];
  const bySeq = new Map<number, { row: number; p: ParsedRow }>();
  for (const r of rows) {
    const p = parseJournalRow(r.cells);
    if (!p || p.entry.seq <= from.seq) continue;
    const seen = bySeq.get(p.entry.seq);
    if (seen) {
      problems.push({ row: r.row, seq: p.entry.seq, message: `No ${p.entry.seq} tertulis dua kali (baris ${seen.row} dan ${r.row}): salah satunya disalin atau ditambahkan manual.` });
      continue;
    }
    bySeq.set(p.entry.seq, { row: r.row, p });
  }
  let prev = from.hash;
  for (let seq = from.seq + 1; seq <= head.seq; seq++) {
    const got = bySeq.get(seq);
    if (!got) {
      problems.push({ row: 0, seq, message: `Catatan No ${seq} tidak ada di Riwayat: barisnya dihapus.` });
      prev = "";
      continue;
    }
    const { row, p } = got;
    const hmac = hmacFor(p.keyId);
    if (!hmac) problems.push({ row, seq, message: `Baris ${row} (No ${seq}) menyebut kunci "${p.keyId}" yang tidak dikenal Alur: baris itu tidak dibuat Alur.` });
    else if (entryHash(prev, p.entry, p.keyId, hmac) !== p.hash) {
      problems.push({ row, seq, message: `Baris ${row} (No ${seq}, ${p.entry.caseId}) diubah setelah dicatat${prev ? "" : ", atau catatan sebelumnya dihapus"}.` });
    }
    prev = p.hash;
  }
  if (head.seq > from.seq && bySeq.get(head.seq) && bySeq.get(head.seq)?.p.hash !== head.hash) {
    const { row } = bySeq.get(head.seq) as { row: number };
    problems.push({ row, seq: head.seq, message: `Baris ${row} (No ${head.seq}) bukan catatan terakhir yang dibuat Alur: isinya diganti.` });
  }
  for (const [seq, { row }] of bySeq) {
    if (seq > head.seq) problems.push({ row, seq, message: `Baris ${row} (No ${seq}) ditambahkan di luar Alur.` });
  }
  return problems.sort((a, b) => a.seq - b.seq);
}
