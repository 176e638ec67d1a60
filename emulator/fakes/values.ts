// What Sheets makes of a value written with setValue(s), and how a stored value displays (getDisplayValues).
import { gasError, isDate } from "./errors";
import { formatJavaDate, namesOf } from "./date-format";
import { zonedToEpoch } from "./time-zone";

/** A stored cell value; undefined is an empty cell (read as ""). Dates are Node-realm Dates owned by the grid. */
export type Stored = string | number | boolean | Date | undefined;

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
  if (isDate(v)) return { value: new Date(v.getTime()) };
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
      return { value: new Date(ms), format: h === undefined ? "yyyy-mm-dd" : "yyyy-mm-dd h:mm:ss" };
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
    if (format && /[dy]|h:|:s/i.test(format) && format !== PLAIN_TEXT) return formatJavaDate(serialToMs(value), tz, javaPattern(format), names);
    return formatNumber(value, format);
  }
  if (value instanceof Date) {
    const dayFirst = names !== namesOf("en_US");
    const pattern = format && format !== DEFAULT_NUMBER_FORMAT && format !== PLAIN_TEXT ? javaPattern(format) : dayFirst ? "d/M/yyyy H:mm:ss" : "M/d/yyyy H:mm:ss";
    return formatJavaDate(value.getTime(), tz, pattern, names);
  }
  return value;
}

/** Sheets serial day numbers (days since 1899-12-30) to epoch ms, for numbers shown with a date format. */
function serialToMs(serial: number): number {
  return Math.round((serial - 25569) * 86400000);
}
