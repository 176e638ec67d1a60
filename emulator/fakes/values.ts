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

function formatNumber(n: number, format: string | undefined): string {
  if (!format || format === DEFAULT_NUMBER_FORMAT || format === PLAIN_TEXT || format === "General") return String(Number(n.toPrecision(15)));
  // Quoted text before or after the digits shows as written: '0" mnt"' shows 105 as "105 mnt".
  const lit = /^((?:"[^"]*")*)([^"]*?)((?:"[^"]*")*)$/.exec(format);
  if (lit && (lit[1] || lit[3])) {
    const unquote = (q: string) => q.replace(/"([^"]*)"/g, "$1");
    return `${unquote(lit[1])}${formatNumber(n, lit[2] || "0")}${unquote(lit[3])}`;
  }
  const percent = format.endsWith("%");
  const body = percent ? format.slice(0, -1) : format;
  const decimals = (body.split(".")[1] ?? "").replace(/[^0#]/g, "").length;
  const value = percent ? n * 100 : n;
  let text = value.toFixed(decimals);
  if (body.includes(",")) {
    const [int, frac] = text.split(".");
    text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? `.${frac}` : "");
  }
  return percent ? `${text}%` : text;
}

/** What the cell shows: getDisplayValues and text search read this. Month and day names follow the sheet's locale. */
export function display(value: Stored, format: string | undefined, tz: string, locale?: string): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const names = namesOf(locale);
  if (typeof value === "number") {
    if (format && /[dy]|h:|:s/i.test(format) && format !== PLAIN_TEXT) return formatJavaDate(fromSerial(value, tz), tz, javaPattern(format), names);
    return formatNumber(value, format);
  }
  if (value instanceof Date) {
    const dayFirst = names !== namesOf("en_US");
    const pattern = format && format !== DEFAULT_NUMBER_FORMAT && format !== PLAIN_TEXT ? javaPattern(format) : dayFirst ? "d/M/yyyy H:mm:ss" : "M/d/yyyy H:mm:ss";
    return formatJavaDate(cellDate(value, tz).getTime(), tz, pattern, names);
  }
  return value;
}
