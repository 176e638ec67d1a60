// Laporan, its data sheet and Monitoring SOP write through the one text-safe writer (src/gas/write.ts): text always lands as text.
import { putRows } from "../gas/write";

type Range = GoogleAppsScript.Spreadsheet.Range;

/** A value Alur computed: numbers and dates as they are, every string as text (never a formula, number or date). */
export type OwnValue = string | number | boolean | Date;

/** Writes a block of values in one call; strings become text whatever they begin with. */
export function writeValues(range: Range, values: OwnValue[][]): void {
  putRows(range, values);
}

/** Writes one value (a chooser's choice, a single note cell). */
export function writeValue(range: Range, value: OwnValue): void {
  putRows(range, [[value]]);
}
