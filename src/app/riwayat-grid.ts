// Keeps a sheet's grid no wider than its columns: every cell of the grid counts toward a spreadsheet's 10 million.
import { JOURNAL_WIDTH } from "../domain/journal";

/** Deletes the blank columns after `width` (never one that holds anything). True when it deleted some. */
export function trimGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, width: number): boolean {
  const max = sheet.getMaxColumns();
  if (max <= width || sheet.getLastColumn() > width) return false;
  sheet.deleteColumns(width + 1, max - width);
  return true;
}

/** Riwayat's grid trimmed to the journal's columns: 300,000 rows × 19 columns = 5.7 million cells instead of 7.8 million at Sheets' default 26. */
export function trimRiwayatGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  return trimGrid(sheet, JOURNAL_WIDTH);
}
