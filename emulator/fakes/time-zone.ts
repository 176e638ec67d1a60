// Wall-clock fields of an instant in any IANA zone (or GMT±hh:mm), via Intl, and the reverse.
// Java (and so Apps Script) falls back to GMT for an unknown zone id; so do we.

export interface ZonedFields {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 1 = Monday .. 7 = Sunday
  offsetMinutes: number;
}

const formats = new Map<string, Intl.DateTimeFormat | null>();

function fixedOffset(tz: string): number | null {
  if (tz === "UTC" || tz === "GMT" || tz === "Z" || tz === "Etc/UTC" || tz === "Etc/GMT") return 0;
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
  if (!m) return null;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function formatFor(tz: string): Intl.DateTimeFormat | null {
  if (!formats.has(tz)) {
    let f: Intl.DateTimeFormat | null = null;
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: tz,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      f = null;
    }
    formats.set(tz, f);
  }
  return formats.get(tz) ?? null;
}

/** Offsets by zone and 15-minute slot: zone transitions fall on quarter hours, and a 100,000-row read of date cells asks often. */
const offsets = new Map<string, Map<number, number>>();
const QUARTER_HOUR = 900000;

/** The zone offset (minutes east of UTC) at an instant; unknown zones are GMT. */
export function offsetMinutes(ms: number, tz: string): number {
  const fixed = fixedOffset(tz);
  if (fixed !== null) return fixed;
  let byZone = offsets.get(tz);
  if (!byZone) {
    byZone = new Map();
    offsets.set(tz, byZone);
  }
  const slot = Math.floor(ms / QUARTER_HOUR);
  let offset = byZone.get(slot);
  if (offset === undefined) {
    if (byZone.size > 100000) byZone.clear();
    offset = computeOffset(slot * QUARTER_HOUR, tz);
    byZone.set(slot, offset);
  }
  return offset;
}

function computeOffset(ms: number, tz: string): number {
  const f = formatFor(tz);
  if (!f) return 0;
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms))) if (part.type !== "literal") p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return Math.round((asUtc - (ms - (((ms % 1000) + 1000) % 1000))) / 60000);
}

export function zonedFields(ms: number, tz: string): ZonedFields {
  const offset = offsetMinutes(ms, tz);
  const d = new Date(ms + offset * 60000);
  const dow = d.getUTCDay();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: dow === 0 ? 7 : dow,
    offsetMinutes: offset,
  };
}

/** The instant whose wall clock in tz reads the given fields. */
export function zonedToEpoch(tz: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = wall - offsetMinutes(wall, tz) * 60000;
  guess = wall - offsetMinutes(guess, tz) * 60000;
  return guess;
}

/** Short zone names Java prints for "z" in the zones Alur meets; others print as GMT±hh:mm. */
const SHORT_NAMES: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT", UTC: "UTC", GMT: "GMT" };

export function zoneShortName(tz: string, offset: number): string {
  if (SHORT_NAMES[tz]) return SHORT_NAMES[tz];
  const sign = offset < 0 ? "-" : "+";
  const a = Math.abs(offset);
  return `GMT${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

export function zoneLongName(tz: string, ms: number): string {
  try {
    const part = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "long" }).formatToParts(new Date(ms)).find((p) => p.type === "timeZoneName");
    return part?.value ?? "Greenwich Mean Time";
  } catch {
    return "Greenwich Mean Time";
  }
}
