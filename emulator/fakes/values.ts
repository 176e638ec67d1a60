// What Sheets makes of a value written with setValue(s), and how a stored value displays (getDisplayValues).
import { gasError, isDate } from "./errors";
import { formatJavaDate, namesOf } from "./date-format";
import { offsetMinutes, zonedToEpoch } from "./time-zone";

/**
 * A stored cell value; undefined is an empty cell (read as ""). Date cells are Node-realm Dates owned by the grid:
 * SheetDates written through the fakes (their serial number is the cell's value), or plain Dates loaded raw
 * (World.fill, a restored workbook), whose serial is taken in the spreadsheet's zone when they are read.
 */
export type Stored = string | number | boolean | Date | undefined;

/**
 * Sheets keeps a date-time as a serial number: days since 30 December 1899 in the spreadsheet's time zone, the
 * fraction being the time of day (developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption). The
 * fakes keep whole seconds of it (assumed: Google documents the double, not its precision), dropping milliseconds:
 * a Date written with milliseconds reads back at the start of its second, never in the next second or day.
 */
export const SERIAL_OF_1970 = 25569;
const DAY_SECONDS = 86400;

/** The serial number of an instant in zone tz, to the whole second. */
export function toSerial(ms: number, tz: string): number {
  const wall = ms + offsetMinutes(ms, tz) * 60000;
  return Math.floor(wall / 1000) / DAY_SECONDS + SERIAL_OF_1970;
}

/** The instant (epoch ms) a serial number stands for in zone tz, to the whole second. */
export function fromSerial(serial: number, tz: string): number {
  const wall = Math.round((serial - SERIAL_OF_1970) * DAY_SECONDS) * 1000;
  const guess = wall - offsetMinutes(wall, tz) * 60000;
  return wall - offsetMinutes(guess, tz) * 60000;
}

/** A date cell: its serial number, and (as a Date) the instant it stood for when written. */
export class SheetDate extends Date {
  constructor(
    readonly serial: number,
    tz: string,
  ) {
    super(fromSerial(serial, tz));
  }
}

/** The value a date cell holds once an instant is written to it in zone tz. */
export function dateCell(ms: number, tz: string): SheetDate {
  return new SheetDate(toSerial(ms, tz), tz);
}

/** What getValues gives for a stored date: a new Date from the cell's serial number in the spreadsheet's zone now. */
export function cellDate(v: Date, tz: string): Date {
  return new Date(fromSerial(v instanceof SheetDate ? v.serial : toSerial(v.getTime(), tz), tz));
}

/** A stored value as getValues returns it. */
export function readCell(v: Stored, tz: string): Exclude<Stored, undefined> | "" {
  if (v === undefined) return "";
  return v instanceof Date ? cellDate(v, tz) : v;
}

export const MAX_CELL_CHARS = 50000;
/** Number format Sheets reports for a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = "0.###############";
export const PLAIN_TEXT = "@";

export interface Written {
  value: Stored;
  formula?: string;
  /** Format Sheets assigns when it recognises a percent or a date in the text. */
  format?: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Sheets' parsing of one written value; `format` is the cell's current number format. */
export function coerce(v: unknown, format: string | undefined, tz: string): Written {
  if (v === null || v === undefined || v === "") return { value: undefined };
  if (typeof v === "number") return { value: Number.isFinite(v) ? v : "#NUM!" };
  if (typeof v === "boolean") return { value: v };
  if (isDate(v)) return { value: dateCell(v.getTime(), tz) };
  const s = typeof v === "string" ? v : String(v);
  if (s.length > MAX_CELL_CHARS) throw gasError("Your input contains more than the maximum of 50000 characters in a single cell.");
  if (format === PLAIN_TEXT) return { value: s };
  if (s.startsWith("=") && s.length > 1) return { value: undefined, formula: s };
  if (s.startsWith("'")) return { value: s.slice(1) || undefined };
  if (NUMBER.test(s)) return { value: Number(s) };
  if (GROUPED.test(s)) return { value: Number(s.replace(/,/g, "")) };
  const pct = PERCENT.exec(s);
  if (pct) return { value: Number(pct[1]) / 100, format: "0%" };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === "true" };
  const d = DATE.exec(s);
  if (d) {
    const [y, mo, day, h, mi, sec] = d.slice(1).map((x) => (x === undefined ? undefined : Number(x)));
    if (mo! >= 1 && mo! <= 12 && day! >= 1 && day! <= 31) {
      const ms = zonedToEpoch(tz, y!, mo!, day!, h ?? 0, mi ?? 0, sec ?? 0);
      return { value: dateCell(ms, tz), format: h === undefined ? "yyyy-mm-dd" : "yyyy-mm-dd h:mm:ss" };
    }
  }
  return { value: s };
}

/** Sheets date format → Java pattern: "mm" means minutes next to h or s, months elsewhere; "ddd"/"dddd" name the weekday. */
function javaPattern(sheetsFormat: string): string {
  return sheetsFormat
    .replace(/d{3,}/g, (d) => (d.length >= 4 ? "EEEE" : "EEE"))
    .replace(/(h+)(:)(m+)/gi, (_a, h: string, c: string, m: string) => `${h.replace(/h/gi, "H")}${c}${m.replace(/m/g, "\u0001")}`)
    .replace(/(m+)(:)(s+)/gi, (_a, m: string, c: string, s: string) => `${m.replace(/m/g, "\u0001")}${c}${s}`)
    .replace(/m/g, "M")
    .replace(/\u0001/g, "m")
    .replace(/am\/pm/gi, "a");
}

/** Decimal and grouping marks of a Sheets locale: Indonesian writes 1.234,5 (assumed for "in"/"id" locales, as Sheets shows them). */
function marks(locale: string | undefined): { dec: string; group: string } {
  return locale && /^(in|id)(_|$)/i.test(locale) ? { dec: ",", group: "." } : { dec: ".", group: "," };
}

/** A format's quoted literals ("j", "%") kept in place; the rest is the pattern. */
function splitLiterals(format: string): { text: string; literal: boolean }[] {
  const out: { text: string; literal: boolean }[] = [];
  for (let i = 0; i < format.length; ) {
    if (format[i] === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      out.push({ text: format.slice(i + 1, stop), literal: true });
      i = stop + 1;
    } else {
      let j = i;
      while (j < format.length && format[j] !== '"') j++;
      out.push({ text: format.slice(i, j), literal: false });
      i = j;
    }
  }
  return out;
}

/** "[h]" elapsed hours with minutes ("m", "mm" after hours): a duration in days shown as "3 j 20 mnt". */
function formatDuration(days: number, format: string): string {
  const total = Math.round(Math.abs(days) * 1440);
  const h = Math.floor(total / 60);
  const m = total % 60;
  const sign = days < 0 && total > 0 ? "-" : "";
  return (
    sign +
    splitLiterals(format)
      .map((p) => (p.literal ? p.text : p.text.replace(/\[h+\]|mm|m/gi, (t) => (t.startsWith("[") ? String(h) : t.length === 2 ? String(m).padStart(2, "0") : String(m)))))
      .join("")
  );
}

function formatNumber(n: number, format: string | undefined, locale?: string): string {
  const { dec, group } = marks(locale);
  if (!format || format === DEFAULT_NUMBER_FORMAT || format === PLAIN_TEXT || format === "General") return String(Number(n.toPrecision(15))).replace(".", dec);
  if (/\[h+\]/i.test(format)) return formatDuration(n, format);
  const parts = splitLiterals(format.split(";")[0]);
  const pattern = parts
    .filter((p) => !p.literal)
    .map((p) => p.text)
    .join("");
  const percent = pattern.includes("%");
  const body = pattern.replace(/[^0#.,]/g, "");
  const frac = body.split(".")[1] ?? "";
  const required = (frac.match(/0/g) ?? []).length;
  const optional = (frac.match(/#/g) ?? []).length;
  const value = percent ? n * 100 : n;
  let text = value.toFixed(required + optional);
  if (optional) text = text.replace(new RegExp(`(\\.\\d{${required}}\\d*?)0+$`), "$1").replace(/\.$/, "");
  const [int, fr] = text.split(".");
  const grouped = body.split(".")[0].includes(",") ? int.replace(/\B(?=(\d{3})+(?!\d))/g, group) : int;
  const number = fr ? `${grouped}${dec}${fr}` : grouped;
  // The number stands where its pattern stands among the literals; a percent sign stays where it was written.
  let placed = false;
  return parts
    .map((p) => {
      if (p.literal) return p.text;
      if (placed) return p.text.replace(/[0#.,]/g, "");
      placed = true;
      return p.text.replace(/[0#.,]+/, number);
    })
    .join("");
}

/** What the cell shows: getDisplayValues and text search read this. Month and day names follow the sheet's locale. */
export function display(value: Stored, format: string | undefined, tz: string, locale?: string): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const names = namesOf(locale);
  if (typeof value === "number") {
    if (format && !/\[h+\]/i.test(format) && /[dy]|h:|:s/i.test(format) && format !== PLAIN_TEXT) return formatJavaDate(fromSerial(value, tz), tz, javaPattern(format), names);
    return formatNumber(value, format, locale);
  }
  if (value instanceof Date) {
    const dayFirst = names !== namesOf("en_US");
    const pattern = format && format !== DEFAULT_NUMBER_FORMAT && format !== PLAIN_TEXT ? javaPattern(format) : dayFirst ? "d/M/yyyy H:mm:ss" : "M/d/yyyy H:mm:ss";
    return formatJavaDate(cellDate(value, tz).getTime(), tz, pattern, names);
  }
  return value;
}
