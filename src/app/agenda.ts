// Agenda Surat: numbers reserved under the lock, never reused, never cut; the book is appended to, never read whole.
import { AGENDA_HEADERS, type Book, agendaKey, counterKey, formatNumber, keySequence } from "../domain/agenda";
import { jakartaDateString } from "../domain/calendar";
import type { LetterNumber } from "../domain/letters";
import { sheetById } from "../gas/sheets";
import { appendRowTo, putRows } from "../gas/write";
import { type Env, Refusal } from "./cases";
import { loadLetterSheets } from "./templates";

const COL = Object.fromEntries(AGENDA_HEADERS.map((h, i) => [h, i + 1])) as Record<(typeof AGENDA_HEADERS)[number], number>;

export function agendaSheet(e: Env): GoogleAppsScript.Spreadsheet.Sheet {
  const ids = loadLetterSheets();
  return sheetById(e.ss, ids?.agenda ?? null, "Agenda Surat");
}

/** Rows whose Kunci is exactly `key`: a TextFinder search, so the book's size does not matter. */
function rowsOfKey(sheet: GoogleAppsScript.Spreadsheet.Sheet, key: string): number[] {
  // A TextFinder refuses empty text: no key names no row.
  if (!key.trim()) return [];
  return sheet
    .createTextFinder(key)
    .matchEntireCell(true)
    .findAll()
    .filter((r) => r.getColumn() === COL.Kunci)
    .map((r) => r.getRow());
}

/** The highest sequence of a counter on the sheet (recovery when the counter property is lost: one column read). */
function highestOnSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, prefix: string): number {
  const last = sheet.getLastRow();
  if (last < 2) return 0;
  let max = 0;
  for (const [v] of sheet.getRange(2, COL.Kunci, last - 1, 1).getValues()) {
    const k = String(v);
    if (k.startsWith(prefix)) max = Math.max(max, keySequence(k));
  }
  return max;
}

export interface Reservation {
  book: Book;
  klasifikasi: string;
  caseId: string;
  template: string;
  perihal: string;
}

/**
 * Reserves the next number of a book (call under the lock). The counter lives in script properties; the candidate is
 * still looked up in the book, so a lost counter or a row typed by hand never gives a number twice.
 */
export function reserveNumber(e: Env, r: Reservation): LetterNumber {
  const sheet = agendaSheet(e);
  const ls = e.cfg.settings.letters;
  const ymd = jakartaDateString(e.now);
  const year = ymd.slice(0, 4);
  const klas = r.book === "Keluar" && ls.perClassification ? r.klasifikasi : null;
  const props = PropertiesService.getScriptProperties();
  const counter = counterKey(r.book, year, klas);
  const prefix = agendaKey(r.book, year, klas, 0).replace(/0$/, "");
  const stored = props.getProperty(counter);
  let n = stored === null ? highestOnSheet(sheet, prefix) : Number(stored) || 0;
  let key = "";
  for (let tries = 0; ; tries++) {
    n++;
    key = agendaKey(r.book, year, klas, n);
    if (!rowsOfKey(sheet, key).length) break;
    if (tries === 2) n = Math.max(n, highestOnSheet(sheet, prefix));
    if (tries > 5) throw new Refusal("Nomor surat berikutnya tidak dapat ditentukan karena kolom Kunci di Agenda Surat tidak urut. Minta admin memeriksanya.");
  }
  const pattern = r.book === "Keluar" ? e.cfg.settings.numberFormat : ls.agendaFormat;
  const nomor = formatNumber(pattern, { klasifikasi: r.klasifikasi, urut: n, unit: e.cfg.settings.unitCode, ymd });
  const row: (string | number | Date)[] = [key, r.book, year, n, nomor, r.klasifikasi, "Dipesan", r.caseId, r.template, r.perihal, e.actor.email, new Date(e.now), "", ""];
  appendRowTo(sheet, row);
  props.setProperty(counter, String(n));
  return { nomor, key, status: "Dipesan", at: e.now };
}

/** Marks a number issued (Terbit) or cancelled (Batal, with a reason); a cancelled number stays in the book for good. */
export function setNumberStatus(e: Env, key: string, status: "Terbit" | "Batal", note = ""): void {
  const sheet = agendaSheet(e);
  const rows = rowsOfKey(sheet, key);
  if (rows.length !== 1) throw new Refusal(rows.length ? `Kunci ${key} tertulis di ${rows.length} baris Agenda Surat; minta admin memeriksanya.` : `Nomor dengan kunci ${key} tidak ada di Agenda Surat.`);
  const current = String(sheet.getRange(rows[0], COL.Status).getValue());
  if (current === "Batal") throw new Refusal(`Nomor ${key} sudah dibatalkan dan tidak dapat dipakai lagi.`);
  putRows(sheet.getRange(rows[0], COL.Terbit, 1, 2), [[status === "Terbit" ? new Date(e.now) : "", note]]);
  putRows(sheet.getRange(rows[0], COL.Status, 1, 1), [[status]]);
}
