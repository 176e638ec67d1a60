// The office's working calendar in WIB: working minutes between instants, due instants, Indonesian date text.

/** One day's office hours as "HH:mm" strings; the break, if any, lies inside them. */
export interface DayHours {
  start: string;
  end: string;
  breakStart?: string;
  breakEnd?: string;
}

export interface WorkingCalendarConfig {
  /** 7 entries, 0 = Sunday; null = no work that weekday. */
  week: (DayHours | null)[];
  /** Non-working dates, "yyyy-MM-dd". */
  holidays: string[];
  /** Dates from..to (inclusive, "yyyy-MM-dd") use the Ramadan week instead. */
  ramadan?: { from: string; to: string; week: (DayHours | null)[] };
  /** Minutes of a regular working day: what one "Hari" of an SOP's Waktu is worth. */
  dayMinutes: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
// Asia/Jakarta has been UTC+7 without daylight saving since 1964, so a fixed offset is exact.
const WIB = 7 * 3_600_000;
const DAY_MINUTES = 1440;

/** Working spans of one day as [from, to) minutes after midnight. */
type Spans = [number, number][];

interface Compiled {
  week: Spans[];
  ramadanWeek: Spans[] | null;
  ramadanFrom: string;
  ramadanTo: string;
  holidays: Set<string>;
}

const CLOCK = /^(\d{1,2})[:.](\d{2})$/;

/** "07:30" (or "7.30") → minutes after midnight; null when it is not a clock time. */
export function parseClock(s: string | undefined): number | null {
  const m = CLOCK.exec(String(s ?? "").trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

const DAY_NAMES = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

function hoursProblem(h: DayHours): string | null {
  const start = parseClock(h.start);
  const end = parseClock(h.end);
  if (start === null || end === null) return `jam mulai dan selesai harus ditulis seperti "07:30" (tertulis "${h.start}"–"${h.end}")`;
  if (end <= start) return `jam selesai (${h.end}) harus setelah jam mulai (${h.start})`;
  if (!h.breakStart && !h.breakEnd) return null;
  const bs = parseClock(h.breakStart);
  const be = parseClock(h.breakEnd);
  if (bs === null || be === null) return `jam istirahat harus ditulis seperti "12:00" sampai "13:00"`;
  if (be <= bs) return `istirahat harus selesai (${h.breakEnd}) setelah mulai (${h.breakStart})`;
  if (bs < start || be > end) return `istirahat ${h.breakStart}–${h.breakEnd} harus di dalam jam kerja ${h.start}–${h.end}`;
  return null;
}

function weekProblems(week: (DayHours | null)[], what: string): string[] {
  if (!Array.isArray(week) || week.length !== 7) return [`${what} harus berisi 7 hari (Minggu sampai Sabtu).`];
  const out: string[] = [];
  week.forEach((h, i) => {
    const p = h ? hoursProblem(h) : null;
    if (p) out.push(`${what}, hari ${DAY_NAMES[i]}: ${p}.`);
  });
  if (out.length === 0 && week.every((h) => h === null)) out.push(`${what} tidak memiliki satu pun hari kerja.`);
  return out;
}

const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** Every problem of a calendar, in Bahasa Indonesia; empty when the calendar is usable. */
export function checkWorkingCalendar(cal: WorkingCalendarConfig): string[] {
  const out = weekProblems(cal.week, "Jam kerja");
  if (!(cal.dayMinutes > 0)) out.push(`Menit kerja per hari harus lebih dari nol (tertulis ${cal.dayMinutes}).`);
  for (const d of cal.holidays) if (!isRealDate(d)) out.push(`Tanggal libur "${d}" harus berbentuk yyyy-MM-dd.`);
  if (cal.ramadan) {
    const { from, to } = cal.ramadan;
    if (!isRealDate(from) || !isRealDate(to)) out.push(`Tanggal Ramadan harus berbentuk yyyy-MM-dd (tertulis "${from}" dan "${to}").`);
    else if (to < from) out.push(`Ramadan selesai (${to}) sebelum mulai (${from}).`);
    out.push(...weekProblems(cal.ramadan.week, "Jam kerja Ramadan"));
  }
  return out;
}

function isRealDate(ymd: string): boolean {
  return YMD.test(ymd) && jakartaDateString(jakartaTime(ymd)) === ymd;
}

function spansOf(h: DayHours | null): Spans {
  if (!h) return [];
  const problem = hoursProblem(h);
  // Computing with unreadable hours would give silently wrong deadlines; settings are checked before use.
  if (problem) throw new Error(`Jam kerja tidak valid: ${problem}.`);
  const start = parseClock(h.start) as number;
  const end = parseClock(h.end) as number;
  const bs = parseClock(h.breakStart);
  const be = parseClock(h.breakEnd);
  if (bs === null || be === null) return [[start, end]];
  return [
    [start, bs],
    [be, end],
  ].filter(([a, b]) => b > a) as Spans;
}

function compile(cal: WorkingCalendarConfig): Compiled {
  if (!Array.isArray(cal.week) || cal.week.length !== 7) throw new Error("Jam kerja harus berisi 7 hari (Minggu sampai Sabtu).");
  if (cal.ramadan && (!Array.isArray(cal.ramadan.week) || cal.ramadan.week.length !== 7)) {
    throw new Error("Jam kerja Ramadan harus berisi 7 hari (Minggu sampai Sabtu).");
  }
  return {
    week: cal.week.map(spansOf),
    ramadanWeek: cal.ramadan ? cal.ramadan.week.map(spansOf) : null,
    ramadanFrom: cal.ramadan?.from ?? "",
    ramadanTo: cal.ramadan?.to ?? "",
    holidays: new Set(cal.holidays.map((d) => String(d).trim())),
  };
}

/** Days since 1970-01-01 on the Jakarta calendar. */
const dayNumber = (ms: number): number => Math.floor((ms + WIB) / DAY);
/** The instant of Jakarta midnight starting day number d. */
const dayStart = (d: number): number => d * DAY - WIB;
// 1970-01-01 was a Thursday.
const weekday = (d: number): number => (((d + 4) % 7) + 7) % 7;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function ymdOf(d: number): string {
  const t = new Date(d * DAY);
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

function spansOn(c: Compiled, d: number): Spans {
  const ymd = ymdOf(d);
  if (c.holidays.has(ymd)) return [];
  const inRamadan = c.ramadanWeek !== null && ymd >= c.ramadanFrom && ymd <= c.ramadanTo;
  return (inRamadan ? (c.ramadanWeek as Spans[]) : c.week)[weekday(d)];
}

/** Working minutes of day d between minute offsets from and to. */
function minutesIn(spans: Spans, from: number, to: number): number {
  let sum = 0;
  for (const [a, b] of spans) sum += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return sum;
}

// Whole minutes keep the sums exact and additive; seconds inside a minute do not count.
const floorMinute = (ms: number): number => Math.floor(ms / MINUTE) * MINUTE;

/** Working minutes between two instants (0 when to ≤ from); holidays and off-hours count nothing. */
export function workingMinutesBetween(cal: WorkingCalendarConfig, fromMs: number, toMs: number): number {
  const from = floorMinute(fromMs);
  const to = floorMinute(toMs);
  if (!(to > from)) return 0;
  const c = compile(cal);
  const d0 = dayNumber(from);
  const d1 = dayNumber(to);
  const off0 = (from - dayStart(d0)) / MINUTE;
  const off1 = (to - dayStart(d1)) / MINUTE;
  if (d0 === d1) return minutesIn(spansOn(c, d0), off0, off1);
  let sum = minutesIn(spansOn(c, d0), off0, DAY_MINUTES);
  for (let d = d0 + 1; d < d1; d++) sum += minutesIn(spansOn(c, d), 0, DAY_MINUTES);
  return sum + minutesIn(spansOn(c, d1), 0, off1);
}

// A calendar whose every day is off would never reach a due instant.
const MAX_IDLE_DAYS = 400;

/**
 * The due instant: the earliest instant at which `minutes` working minutes have passed since fromMs.
 * Outside working hours counting starts at the next working minute; 0 minutes is due at once.
 */
export function addWorkingMinutes(cal: WorkingCalendarConfig, fromMs: number, minutes: number): number {
  if (!(minutes > 0)) return fromMs;
  let left = Math.ceil(minutes);
  const c = compile(cal);
  const from = floorMinute(fromMs);
  let d = dayNumber(from);
  let off = (from - dayStart(d)) / MINUTE;
  let idle = 0;
  for (;;) {
    const spans = spansOn(c, d);
    let worked = false;
    for (const [a, b] of spans) {
      const s = Math.max(a, off);
      if (s >= b) continue;
      worked = true;
      if (left <= b - s) return dayStart(d) + (s + left) * MINUTE;
      left -= b - s;
    }
    idle = worked ? 0 : idle + 1;
    if (idle > MAX_IDLE_DAYS) throw new Error(`Kalender kerja tidak memiliki hari kerja selama ${MAX_IDLE_DAYS} hari berturut-turut; periksa jam kerja dan hari libur.`);
    d += 1;
    off = 0;
  }
}

/** True when ymd ("yyyy-MM-dd") has working hours and is not a holiday. */
export function isWorkingDay(cal: WorkingCalendarConfig, ymd: string): boolean {
  const at = jakartaTime(ymd);
  return !Number.isNaN(at) && spansOn(compile(cal), dayNumber(at)).length > 0;
}

/** Working days from fromYmd to toYmd inclusive, e.g. the length of a leave request. */
export function countWorkingDays(cal: WorkingCalendarConfig, fromYmd: string, toYmd: string): number {
  const c = compile(cal);
  const d1 = dayNumber(jakartaTime(toYmd));
  let n = 0;
  for (let d = dayNumber(jakartaTime(fromYmd)); d <= d1; d++) if (spansOn(c, d).length > 0) n++;
  return n;
}

/** The instant of a Jakarta wall-clock time: jakartaTime("2026-11-29", "14:05"). NaN when unreadable. */
export function jakartaTime(ymd: string, hhmm = "00:00"): number {
  const t = String(ymd).trim();
  const clock = parseClock(hhmm);
  if (!YMD.test(t) || clock === null) return Number.NaN;
  const [y, mo, d] = t.split("-").map(Number);
  return Date.UTC(y, mo - 1, d) - WIB + clock * MINUTE;
}

/** The Jakarta calendar date of an instant, "yyyy-MM-dd". */
export function jakartaDateString(ms: number): string {
  return ymdOf(dayNumber(ms));
}

export const BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/** "29 November 2026" (WIB); Intl is not trusted on Apps Script. */
export function formatTanggal(ms: number): string {
  const t = new Date(ms + WIB);
  return `${t.getUTCDate()} ${BULAN[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
}

/** "29 November 2026 14.05" (WIB): Indonesian writes the time with a dot. */
export function formatTanggalJam(ms: number): string {
  const t = new Date(ms + WIB);
  return `${formatTanggal(ms)} ${pad2(t.getUTCHours())}.${pad2(t.getUTCMinutes())}`;
}
