// Laporan's running aggregates and checkpoint, kept as JSON text in a hidden sheet (a few cells, however long Riwayat grows).
import type { Aggregates } from "../domain/report-agg";
import type { RebuildScratch } from "../domain/report-fold";
import { writeValues } from "./report-write";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DATA_SHEET = "Alur Data Laporan";
const SHEET_KEY = "alur.report.sheet";
/** Text per cell: below Sheets' 50,000 characters, surrogate pairs kept whole. */
const CHUNK = 40_000;

/** A full rebuild under way: where it stopped, and what it has counted so far. */
export interface RebuildState {
  /** Next Riwayat row to read. */
  cursor: number;
  /** Rows when the rebuild began (for the progress message). */
  total: number;
  startedAt: number;
  runs: number;
  /** Highest journal number seen, and its row. */
  lastSeq: number;
  hintRow: number;
  /** A few rows' Hash cells as read: a sort between two runs changes them, and the rebuild then starts over. */
  check: { row: number; text: string }[];
  agg: Aggregates;
  scratch: RebuildScratch;
}

export interface ReportDoc {
  v: 1;
  /** The last journal number counted, and the row that held it (where the next daily run looks first). */
  lastSeq: number;
  hint: { row: number } | null;
  agg: Aggregates;
  /** When the figures were last brought up to date, and how many entries that run added. */
  builtAt: number;
  added: number;
  full: boolean;
  rebuild?: RebuildState;
}

function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + CHUNK);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out.length ? out : [""];
}

/** The data sheet, by the id recorded when it was made; null before the first report. */
export function dataSheet(ss: Spreadsheet, create: boolean): Sheet | null {
  const props = PropertiesService.getScriptProperties();
  const id = props.getProperty(SHEET_KEY);
  const found = id === null ? null : ss.getSheetById(Number(id));
  if (found || !create) return found;
  const name = [DATA_SHEET, `${DATA_SHEET} 2`, `${DATA_SHEET} 3`].find((n) => !ss.getSheetByName(n)) ?? `${DATA_SHEET} ${Date.now()}`;
  const sheet = ss.insertSheet(name);
  // Two columns, a few rows: the grid stays small.
  if (sheet.getMaxColumns() > 2) sheet.deleteColumns(3, sheet.getMaxColumns() - 2);
  if (sheet.getMaxRows() > 10) sheet.deleteRows(11, sheet.getMaxRows() - 10);
  writeValues(sheet.getRange(1, 1, 1, 2), [["Data Laporan Alur", "Dikelola Alur untuk membangun Laporan setiap hari; jangan diubah. Bila terhapus, jalankan Bangun ulang Laporan."]]);
  sheet.hideSheet();
  props.setProperty(SHEET_KEY, String(sheet.getSheetId()));
  return sheet;
}

/** The stored state, or null (no report yet, or its text was damaged: then a full rebuild starts). */
export function loadDoc(sheet: Sheet | null): ReportDoc | null {
  if (!sheet) return null;
  const last = sheet.getLastRow();
  if (last < 2) return null;
  const text = sheet
    .getRange(2, 2, last - 1, 1)
    .getValues()
    .map((r) => String(r[0] ?? ""))
    .join("");
  try {
    const doc = JSON.parse(text) as ReportDoc;
    if (doc?.v !== 1 || doc.agg?.v !== 1) return null;
    return doc;
  } catch {
    return null;
  }
}

/** Writes the state in one call (and blanks the rows a longer earlier state used). */
export function saveDoc(sheet: Sheet, doc: ReportDoc): void {
  const parts = chunks(JSON.stringify(doc));
  const before = Math.max(0, sheet.getLastRow() - 1);
  const rows = Math.max(parts.length, before);
  if (sheet.getMaxRows() < rows + 1) sheet.insertRowsAfter(sheet.getMaxRows(), rows + 1 - sheet.getMaxRows());
  const values = Array.from({ length: rows }, (_, i) => (i < parts.length ? [`Bagian ${i + 1}`, parts[i]] : ["", ""]));
  writeValues(sheet.getRange(2, 1, rows, 2), values);
}
