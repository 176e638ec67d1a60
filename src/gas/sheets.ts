// Thin, batched access to the workbook: sheets by recorded id, header maps, rows found by ID with a TextFinder.
import { type Writable, putRows } from "./write";
import { scratchScope } from "./scope";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SPREADSHEET_ID = "alur.spreadsheetId";

/** The office's register spreadsheet: the active one in the editor, the recorded one in the web app and triggers. */
export function workbook(): Spreadsheet {
  // Uji mandiri runs Alur's own code on a scratch copy (src/gas/scope.ts).
  const scratch = scratchScope();
  if (scratch) return SpreadsheetApp.openById(scratch.spreadsheetId);
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id = PropertiesService.getScriptProperties().getProperty(SPREADSHEET_ID);
  if (!id) throw new Error("Alur belum disiapkan: buka spreadsheet register dan jalankan Alur › Siapkan Alur.");
  return SpreadsheetApp.openById(id);
}

export function rememberWorkbook(ss: Spreadsheet): void {
  const props = PropertiesService.getScriptProperties();
  const id = ss.getId();
  // Written only when it changes: setup on a complete workbook writes nothing.
  if (props.getProperty(SPREADSHEET_ID) !== id) props.setProperty(SPREADSHEET_ID, id);
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

/** Columns up to the last titled one: blank columns after it are nobody's. */
export function titledWidth(header: string[]): number {
  let w = header.length;
  while (w > 1 && !header[w - 1]) w--;
  return w;
}

export interface RowRead {
  range: GoogleAppsScript.Spreadsheet.Range;
  width: number;
  values: unknown[];
}

/** Reads one row up to the last titled column (the blank columns after it are not read). */
export function readRowValues(sheet: Sheet, row: number, header: string[]): RowRead {
  const width = titledWidth(header);
  const range = sheet.getRange(row, 1, 1, width);
  return { range, width, values: range.getValues()[0] };
}

/**
 * Writes only the columns Alur owns (those named in `cells`), as contiguous runs: a column staff added — a note, a
 * link, an ARRAYFORMULA's spill — is never touched. One run spanning the whole header reuses the range already read,
 * so the usual case costs one call; each column inserted between Alur's adds one run.
 */
export function writeOwnedCells(sheet: Sheet, row: number, header: string[], read: RowRead | null, cells: Record<string, Writable>): void {
  const runs: { start: number; values: Writable[] }[] = [];
  const seen = new Set<string>();
  header.forEach((h, i) => {
    const owned = h in cells && !seen.has(h);
    if (owned) seen.add(h);
    const last = runs[runs.length - 1];
    if (!owned) return;
    if (last && last.start + last.values.length === i) last.values.push(cells[h]);
    else runs.push({ start: i, values: [cells[h]] });
  });
  for (const run of runs) {
    const whole = read !== null && run.start === 0 && run.values.length === read.width;
    putRows(whole ? read.range : sheet.getRange(row, run.start + 1, 1, run.values.length), [run.values]);
  }
}
