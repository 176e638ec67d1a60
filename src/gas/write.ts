// The one write path: every value Alur puts in a cell goes through here as a text-safe value; Alur's own formulas through putFormulas.
import { type Cell, instantOfYmd } from "../domain/register";
import { isDate } from "./cells";

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a caller may hand the writer: a domain cell, a value read from a sheet, or nothing. */
export type Writable = Cell | boolean | Date | null | undefined;

/**
 * The value Sheets stores as it was meant: text with a leading apostrophe (so "=HYPERLINK(…)", "+62…", "01234" or
 * "2024-03-01" stay text, whether typed by a person or read back from a cell), dates as Date cells, numbers as numbers.
 */
export function cellValue(v: Writable): string | number | boolean | Date {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v === "" ? "" : `'${v}`;
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  if (isDate(v)) return v;
  if ("date" in v) return new Date(instantOfYmd(v.date));
  return new Date(v.dateTime);
}

/** Writes a block of values; the range must have the block's size. */
export function putRows(range: Range, rows: Writable[][]): void {
  range.setValues(rows.map((r) => r.map(cellValue)));
}

/** Appends one row after the sheet's last row with content. */
export function appendRowTo(sheet: Sheet, row: Writable[]): void {
  sheet.appendRow(row.map(cellValue));
}

/** Alur's own formulas (never text from people): the only place a formula is written. */
export function putFormulas(range: Range, formulas: string[][]): void {
  range.setFormulas(formulas);
}
