// Thin, batched access to the workbook: sheets by recorded id, header maps, rows found by ID with a TextFinder.
import { type SheetValue, isDate } from "./cells";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SPREADSHEET_ID = "alur.spreadsheetId";

/** The office's register spreadsheet: the active one in the editor, the recorded one in the web app and triggers. */
export function workbook(): Spreadsheet {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id = PropertiesService.getScriptProperties().getProperty(SPREADSHEET_ID);
  if (!id) throw new Error("Alur belum disiapkan: buka spreadsheet register dan jalankan Alur › Siapkan Alur.");
  return SpreadsheetApp.openById(id);
}

export function rememberWorkbook(ss: Spreadsheet): void {
  PropertiesService.getScriptProperties().setProperty(SPREADSHEET_ID, ss.getId());
}

/** A sheet by the id recorded at setup, so admins may rename it. */
export function sheetById(ss: Spreadsheet, id: number | null, label: string): Sheet {
  const sheet = id === null ? null : ss.getSheetById(id);
  if (!sheet) throw new Error(`Sheet ${label} tidak ditemukan (mungkin terhapus). Jalankan Alur › Siapkan Alur untuk membuatnya kembali.`);
  return sheet;
}

/** The whole first row; its width is the sheet's column count, so the cost does not grow with the rows. */
export function readHeader(sheet: Sheet): string[] {
  return sheet.getRange("1:1").getValues()[0].map((v) => String(v).trim());
}

export function headerIndex(header: string[]): Map<string, number> {
  const m = new Map<string, number>();
  header.forEach((h, i) => {
    if (h && !m.has(h)) m.set(h, i);
  });
  return m;
}

/**
 * Row numbers whose ID column holds exactly `id`: a TextFinder search, so the register is not read.
 * Only hits in the ID column count (the same text may stand in a note elsewhere).
 */
export function findRowsById(sheet: Sheet, id: string, idCol: number): number[] {
  const hits = sheet.createTextFinder(id).matchEntireCell(true).findAll();
  const rows: number[] = [];
  for (const r of hits) {
    const m = /^([A-Z]+)(\d+)$/.exec(r.getA1Notation());
    if (m && colNumber(m[1]) === idCol + 1) rows.push(Number(m[2]));
  }
  return rows;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function readRowValues(sheet: Sheet, row: number): { range: GoogleAppsScript.Spreadsheet.Range; values: unknown[]; formulas: string[] } {
  const range = sheet.getRange(`${row}:${row}`);
  return { range, values: range.getValues()[0], formulas: range.getFormulas()[0] };
}

/** Lays values into a row as wide as the header: columns the domain does not know keep what they hold. */
export function mergeRow(header: string[], current: unknown[], formulas: string[], byHeader: Record<string, SheetValue>): SheetValue[] {
  return header.map((h, i) => {
    if (h in byHeader) return byHeader[h];
    if (formulas[i]) return formulas[i];
    const v = current[i];
    if (isDate(v) || typeof v === "number" || typeof v === "boolean") return v;
    // Re-written text must stay text: an "=…" that was text stays text.
    const s = v === undefined || v === null ? "" : String(v);
    return s === "" ? "" : `'${s}`;
  });
}
