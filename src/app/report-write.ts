// Every cell value Laporan, its data sheet and Monitoring SOP write goes through here, so text always lands as text.
import type { SheetValue } from "../gas/cells";
import { safeText } from "../gas/cells";

type Range = GoogleAppsScript.Spreadsheet.Range;

/** A value Alur computed: numbers and dates as they are, every string as text (never a formula, number or date). */
export type OwnValue = string | number | boolean | Date;

const asText = (v: OwnValue): SheetValue => (typeof v === "string" ? safeText(v) : v);

/** Writes a block of values in one call; strings become text whatever they begin with. */
export function writeValues(range: Range, values: OwnValue[][]): void {
  range.setValues(values.map((r) => r.map(asText)));
}

/** Writes one value (a chooser's choice, a single note cell). */
export function writeValue(range: Range, value: OwnValue): void {
  writeValues(range, [[value]]);
}
