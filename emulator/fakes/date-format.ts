// Java SimpleDateFormat patterns (what Utilities.formatDate takes), any time zone; English names, or a sheet locale's.
import { gasError } from "./errors";
import { zonedFields, zoneLongName, zoneShortName } from "./time-zone";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

interface Names {
  months: string[];
  monthsShort: string[];
  days: string[];
  daysShort: string[];
}

const EN: Names = { months: MONTHS, monthsShort: MONTHS.map((m) => m.slice(0, 3)), days: DAYS, daysShort: DAYS.map((d) => d.slice(0, 3)) };
/** Sheets names months and days in the spreadsheet's locale: an Indonesian sheet shows "29 Nov 2026", "3 Agu 2026". */
const ID: Names = {
  months: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  monthsShort: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
  days: ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
  daysShort: ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"],
};

/** Names for a Sheets locale code ("in_ID", "id", "en_US", …); English unless Indonesian. */
export function namesOf(locale: string | undefined): Names {
  return locale && /^(in|id)(_|$)/i.test(locale) ? ID : EN;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

function offsetText(minutes: number, style: "Z" | "X" | "XX" | "XXX"): string {
  if (style !== "Z" && minutes === 0) return "Z";
  const sign = minutes < 0 ? "-" : "+";
  const a = Math.abs(minutes);
  const hh = pad(Math.floor(a / 60), 2);
  const mm = pad(a % 60, 2);
  if (style === "X") return `${sign}${hh}`;
  if (style === "XXX") return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86400000) + 1;
}

/** Formats an instant like java.text.SimpleDateFormat in the given zone. */
export function formatJavaDate(ms: number, tz: string, pattern: string, names: Names = EN): string {
  const f = zonedFields(ms, tz);
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop).replace(/''/g, "'");
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    out += field(ch, n, f, ms, tz, names);
  }
  return out;
}

function field(ch: string, n: number, f: ReturnType<typeof zonedFields>, ms: number, tz: string, names: Names): string {
  const h12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  switch (ch) {
    case "G":
      return f.year > 0 ? "AD" : "BC";
    case "y":
    case "Y":
      return n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
    case "M":
    case "L":
      if (n >= 4) return names.months[f.month - 1];
      if (n === 3) return names.monthsShort[f.month - 1];
      return pad(f.month, n);
    case "d":
      return pad(f.day, n);
    case "D":
      return pad(dayOfYear(f.year, f.month, f.day), n);
    case "E":
      return n >= 4 ? names.days[f.weekday - 1] : names.daysShort[f.weekday - 1];
    case "u":
      return pad(f.weekday, n);
    case "a":
      return f.hour < 12 ? "AM" : "PM";
    case "H":
      return pad(f.hour, n);
    case "k":
      return pad(f.hour === 0 ? 24 : f.hour, n);
    case "K":
      return pad(f.hour % 12, n);
    case "h":
      return pad(h12, n);
    case "m":
      return pad(f.minute, n);
    case "s":
      return pad(f.second, n);
    case "S":
      return pad(f.millisecond, n);
    case "z":
      return n >= 4 ? zoneLongName(tz, ms) : zoneShortName(tz, f.offsetMinutes);
    case "Z":
      return offsetText(f.offsetMinutes, "Z");
    case "X":
      return offsetText(f.offsetMinutes, n === 1 ? "X" : n === 2 ? "XX" : "XXX");
    default:
      throw gasError(`Illegal pattern character '${ch}'`);
  }
}
