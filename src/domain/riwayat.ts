// Riwayat: the append-only log, one row per transition, each row's hash chained to the one before.
import type { LogEntry } from "./case";
import type { Cell } from "./register";

export const RIWAYAT_HEADERS = [
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
] as const;

export const ACTION_LABEL: Record<LogEntry["action"], string> = {
  document: "Dokumen dibuat",
  number: "Nomor surat",
  decide: "Keputusan",
  start: "Mulai",
  complete: "Selesai & teruskan",
  approve: "Setujui",
  return: "Kembalikan",
  reassign: "Alihkan",
  reopen: "Buka ulang",
  cancel: "Batalkan",
};

const LABEL_ACTION = new Map(Object.entries(ACTION_LABEL).map(([k, v]) => [v, k as LogEntry["action"]]));

/**
 * The text a row's hash covers: every column but the hash, in a form that survives a round trip through cells. The
 * time counts in whole seconds: a date cell keeps no more (see the fidelity table), and Apps Script's clock has
 * milliseconds.
 */
export function canonical(e: LogEntry): string {
  return [new Date(Math.floor(e.at / 1000) * 1000).toISOString(), e.caseId, e.sopId, e.stepNo, e.role, e.actor, e.actingFor, e.action, e.note, e.minutes, e.standard ?? "", e.channel].join("\u001f");
}

export function chainHash(prev: string, e: LogEntry, sha256Hex: (s: string) => string): string {
  return sha256Hex(`${prev}\u001e${canonical(e)}`).slice(0, 32);
}

export function riwayatRow(e: LogEntry, hash: string): Cell[] {
  return [{ dateTime: e.at }, e.caseId, e.sopId, e.stepNo, e.role, e.actor, e.actingFor, ACTION_LABEL[e.action], e.note, e.minutes, e.standard ?? "", e.channel, hash];
}

type Raw = string | number | boolean | { date: string } | { dateTime: number } | null;

/** Reads a Riwayat row back; null when it is not a row Alur could have written. */
export function parseRiwayatRow(r: Raw[]): { entry: LogEntry; hash: string } | null {
  const at = r[0] && typeof r[0] === "object" && "dateTime" in r[0] ? r[0].dateTime : NaN;
  const action = LABEL_ACTION.get(String(r[7] ?? ""));
  if (!Number.isFinite(at) || !action) return null;
  const s = (v: Raw) => (v === null || v === undefined ? "" : String(v));
  const entry: LogEntry = {
    at,
    caseId: s(r[1]),
    sopId: s(r[2]),
    stepNo: s(r[3]),
    role: s(r[4]),
    actor: s(r[5]),
    actingFor: s(r[6]),
    action,
    note: s(r[8]),
    minutes: Number(r[9]) || 0,
    standard: r[10] === "" || r[10] === null ? null : Number(r[10]),
    channel: s(r[11]) as LogEntry["channel"],
  };
  return { entry, hash: s(r[12]) };
}

export interface IntegrityProblem {
  /** 1-based sheet row. */
  row: number;
  message: string;
}

/** Walks the chain from the first data row; every row whose hash does not follow is reported. */
export function verifyChain(rows: Raw[][], sha256Hex: (s: string) => string, firstRow = 2): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  let prev = "";
  rows.forEach((r, i) => {
    const rowNo = firstRow + i;
    const parsed = parseRiwayatRow(r);
    if (!parsed) {
      problems.push({ row: rowNo, message: `Baris ${rowNo} bukan catatan Alur yang utuh (waktu atau aksi tidak terbaca).` });
      prev = String(r[12] ?? "");
      return;
    }
    const expected = chainHash(prev, parsed.entry, sha256Hex);
    if (expected !== parsed.hash) {
      problems.push({ row: rowNo, message: `Baris ${rowNo} (${parsed.entry.caseId}, langkah ${parsed.entry.stepNo}) diubah, disisipkan atau baris sebelumnya dihapus setelah dicatat.` });
    }
    prev = parsed.hash;
  });
  return problems;
}
