// Converts between domain cells and Sheets values: text always lands as text, dates as Date cells.
import type { Cell, ReadCell } from "../domain/register";
import { ymdOfInstant, instantOfYmd } from "../domain/register";

export type SheetValue = string | number | boolean | Date;

/** True for Date objects from any realm (the emulator's sandbox has its own Date). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/**
 * Text from people is written with a leading apostrophe, so Sheets keeps it as text:
 * "=HYPERLINK(...)" never becomes a formula, "01234" never a number, "2024-03-01" never a date.
 */
export function safeText(s: string): string {
  return s === "" ? "" : `'${s}`;
}

export function toSheetValue(c: Cell): SheetValue {
  if (typeof c === "number") return c;
  if (typeof c === "string") return safeText(c);
  if ("date" in c) return new Date(instantOfYmd(c.date));
  return new Date(c.dateTime);
}

/** A register cell as the domain reads it: date cells become Jakarta calendar dates. */
export function toReadCell(v: unknown): ReadCell {
  if (isDate(v)) return { date: ymdOfInstant(v.getTime()) };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return null;
}

/** A log cell as the domain reads it: date cells stay instants. */
export function toInstantCell(v: unknown): string | number | boolean | { dateTime: number } | null {
  if (isDate(v)) return { dateTime: v.getTime() };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return null;
}

/** A row as header → cell (the first column of a repeated header wins): how rows are read, whatever the column order. */
export function rowByHeader(header: string[], values: unknown[]): Record<string, ReadCell> {
  const byHeader: Record<string, ReadCell> = {};
  header.forEach((h, i) => {
    if (h && !(h in byHeader)) byHeader[h] = toReadCell(values[i]);
  });
  return byHeader;
}
