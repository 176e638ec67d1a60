// The working calendar at its edges (src/domain/calendar.ts): the first and last day of Ramadan, clock times at their
// limits, every problem an admin can make in Pengaturan named, and minutes at the very start and end of a span.
import {
  type WorkingCalendarConfig,
  addWorkingMinutes,
  checkWorkingCalendar,
  countWorkingDays,
  formatTanggal,
  formatTanggalJam,
  isWorkingDay,
  jakartaDateString,
  jakartaTime,
  parseClock,
  workingMinutesBetween,
} from "../../src/domain/calendar";
import { DEFAULT_WEEK, RAMADAN_WEEK } from "../../src/catalog/settings";

/** A WIB wall-clock instant, computed without the code under test. */
const wib = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi) - 7 * 3_600_000;
const plain: WorkingCalendarConfig = { week: DEFAULT_WEEK, holidays: [], dayMinutes: 450 };
/** Ramadan hours from Wednesday 4 to Wednesday 11 March 2026 (Mon–Thu 08:00–15:00, 30 minutes' break: 390 minutes). */
const ramadan: WorkingCalendarConfig = { ...plain, ramadan: { from: "2026-03-04", to: "2026-03-11", week: RAMADAN_WEEK } };
const day = (cal: WorkingCalendarConfig, y: number, mo: number, d: number) => workingMinutesBetween(cal, wib(y, mo, d), wib(y, mo, d + 1));

describe("Ramadan hours", () => {
  test("hold from the first day to the last day inclusive, and not the day before or after", () => {
    expect(day(ramadan, 2026, 3, 3)).toBe(450);
    expect(day(ramadan, 2026, 3, 4)).toBe(390);
    expect(day(ramadan, 2026, 3, 11)).toBe(390);
    expect(day(ramadan, 2026, 3, 12)).toBe(450);
  });

  test("due times follow them: 60 minutes from 14:30 on the last day end at 08:00 the next (normal) day", () => {
    // 30 minutes to 15:00 on Wednesday 11 (Ramadan), then from 07:30 on Thursday 12 (normal hours).
    expect(addWorkingMinutes(ramadan, wib(2026, 3, 11, 14, 30), 60)).toBe(wib(2026, 3, 12, 8, 0));
    expect(addWorkingMinutes(plain, wib(2026, 3, 11, 14, 30), 60)).toBe(wib(2026, 3, 11, 15, 30));
  });

  test("a calendar whose Ramadan week is not seven days is refused", () => {
    const bad = { ...plain, ramadan: { from: "2026-03-04", to: "2026-03-11", week: RAMADAN_WEEK.slice(0, 6) } };
    expect(() => workingMinutesBetween(bad, wib(2026, 3, 2), wib(2026, 3, 3))).toThrow("Jam kerja Ramadan harus berisi 7 hari (Minggu sampai Sabtu).");
    expect(() => workingMinutesBetween({ ...plain, week: DEFAULT_WEEK.slice(0, 6) }, wib(2026, 3, 2), wib(2026, 3, 3))).toThrow("Jam kerja harus berisi 7 hari (Minggu sampai Sabtu).");
  });
});

describe("clock times", () => {
  test("read HH:mm or H.mm up to 24:00, and nothing else", () => {
    expect(parseClock("07:30")).toBe(450);
    expect(parseClock(" 7.30 ")).toBe(450);
    expect(parseClock("00:00")).toBe(0);
    expect(parseClock("23:59")).toBe(1439);
    expect(parseClock("24:00")).toBe(1440);
    for (const bad of ["24:01", "25:00", "12:60", "7:3", "123:00", "07:30:00", "07-30", "", "jam 8"]) expect([bad, parseClock(bad)]).toEqual([bad, null]);
    expect(parseClock(undefined)).toBeNull();
  });

  test("a wall-clock time is read as WIB; an unreadable date or time is NaN", () => {
    expect(jakartaTime("2026-11-02", "24:00")).toBe(wib(2026, 11, 3));
    expect(jakartaTime(" 2026-11-02 ")).toBe(wib(2026, 11, 2));
    expect(jakartaTime("2026-11-02", "8 pagi")).toBeNaN();
    expect(jakartaTime("2/11/2026")).toBeNaN();
    expect(jakartaDateString(wib(2026, 11, 2, 23, 59))).toBe("2026-11-02");
    expect(formatTanggalJam(wib(2026, 1, 5, 9, 5))).toBe("5 Januari 2026 09.05");
    expect(formatTanggalJam(wib(2026, 12, 31, 23, 59))).toBe("31 Desember 2026 23.59");
    expect(formatTanggal(wib(2026, 12, 31, 23, 59))).toBe("31 Desember 2026");
  });
});

describe("checking the calendar an admin wrote", () => {
  test("names every kind of problem, in Bahasa Indonesia", () => {
    const week = [...DEFAULT_WEEK];
    week[1] = { start: "tujuh", end: "16:00" };
    week[2] = { start: "07:30", end: "16:00", breakStart: "12:00" };
    week[3] = { start: "07:30", end: "16:00", breakStart: "13:00", breakEnd: "12:00" };
    week[4] = { start: "07:30", end: "16:00", breakStart: "07:00", breakEnd: "08:00" };
    week[5] = { start: "07:30", end: "07:30" };
    expect(checkWorkingCalendar({ week, holidays: ["2026-1-1", "2026-02-29"], dayMinutes: 0 })).toEqual([
      'Jam kerja, hari Senin: jam mulai dan selesai harus ditulis seperti "07:30" (tertulis "tujuh"–"16:00").',
      'Jam kerja, hari Selasa: jam istirahat harus ditulis seperti "12:00" sampai "13:00".',
      "Jam kerja, hari Rabu: istirahat harus selesai (12:00) setelah mulai (13:00).",
      "Jam kerja, hari Kamis: istirahat 07:00–08:00 harus di dalam jam kerja 07:30–16:00.",
      "Jam kerja, hari Jumat: jam selesai (07:30) harus setelah jam mulai (07:30).",
      "Menit kerja per hari harus lebih dari nol (tertulis 0).",
      'Tanggal libur "2026-1-1" harus berbentuk yyyy-MM-dd.',
      'Tanggal libur "2026-02-29" harus berbentuk yyyy-MM-dd.',
    ]);
  });

  test("a week without working days, of the wrong length, or a Ramadan with bad dates", () => {
    expect(checkWorkingCalendar({ ...plain, week: [null, null, null, null, null, null, null] })).toEqual(["Jam kerja tidak memiliki satu pun hari kerja."]);
    expect(checkWorkingCalendar({ ...plain, week: DEFAULT_WEEK.slice(1) })).toEqual(["Jam kerja harus berisi 7 hari (Minggu sampai Sabtu)."]);
    expect(checkWorkingCalendar({ ...plain, dayMinutes: Number.NaN })).toEqual(["Menit kerja per hari harus lebih dari nol (tertulis NaN)."]);
    expect(checkWorkingCalendar({ ...plain, ramadan: { from: "2026-03-20", to: "2026-02-19", week: RAMADAN_WEEK } })).toEqual(["Ramadan selesai (2026-02-19) sebelum mulai (2026-03-20)."]);
    expect(checkWorkingCalendar({ ...plain, ramadan: { from: "19-02-2026", to: "2026-03-20", week: RAMADAN_WEEK } })).toEqual([
      'Tanggal Ramadan harus berbentuk yyyy-MM-dd (tertulis "19-02-2026" dan "2026-03-20").',
    ]);
    expect(checkWorkingCalendar({ ...plain, ramadan: { from: "2026-02-19", to: "2026-02-30", week: [null, null, null, null, null, null, null] } })).toEqual([
      'Tanggal Ramadan harus berbentuk yyyy-MM-dd (tertulis "2026-02-19" dan "2026-02-30").',
      "Jam kerja Ramadan tidak memiliki satu pun hari kerja.",
    ]);
    // A one-day Ramadan and hours without a break are fine.
    const noBreak = [...DEFAULT_WEEK];
    noBreak[1] = { start: "08:00", end: "12:00" };
    expect(checkWorkingCalendar({ ...plain, week: noBreak, ramadan: { from: "2026-03-04", to: "2026-03-04", week: RAMADAN_WEEK } })).toEqual([]);
  });
});

describe("minutes at the edges of a span", () => {
  test("a day without a break counts straight through; a break at the very start or end leaves one span", () => {
    const week: WorkingCalendarConfig["week"] = [null, { start: "08:00", end: "12:00" }, { start: "08:00", end: "12:00", breakStart: "08:00", breakEnd: "09:00" }, { start: "08:00", end: "12:00", breakStart: "11:00", breakEnd: "12:00" }, null, null, null];
    const cal = { ...plain, week };
    // 2026-01-05 is a Monday.
    expect(day(cal, 2026, 1, 5)).toBe(240);
    expect(day(cal, 2026, 1, 6)).toBe(180);
    expect(day(cal, 2026, 1, 7)).toBe(180);
    expect(addWorkingMinutes(cal, wib(2026, 1, 6, 7, 0), 1)).toBe(wib(2026, 1, 6, 9, 1));
    expect(addWorkingMinutes(cal, wib(2026, 1, 7, 10, 0), 60)).toBe(wib(2026, 1, 7, 11, 0));
    expect(addWorkingMinutes(cal, wib(2026, 1, 7, 10, 0), 61)).toBe(wib(2026, 1, 12, 8, 1));
  });

  test("a due time lands on the span's last minute, not the next span's first; a fraction of a minute counts as a whole one", () => {
    // Monday 11:00 + 60 is 12:00 (the break starts then), not 13:00.
    expect(addWorkingMinutes(plain, wib(2026, 1, 5, 11, 0), 60)).toBe(wib(2026, 1, 5, 12, 0));
    expect(addWorkingMinutes(plain, wib(2026, 1, 5, 11, 0), 61)).toBe(wib(2026, 1, 5, 13, 1));
    expect(addWorkingMinutes(plain, wib(2026, 1, 5, 11, 0), 0.5)).toBe(wib(2026, 1, 5, 11, 1));
    expect(addWorkingMinutes(plain, wib(2026, 1, 5, 11, 0) + 30_000, 1)).toBe(wib(2026, 1, 5, 11, 1));
    expect(addWorkingMinutes(plain, wib(2026, 1, 5, 11, 0), -5)).toBe(wib(2026, 1, 5, 11, 0));
    // Started in the break: counting starts when it ends.
    expect(addWorkingMinutes(plain, wib(2026, 1, 5, 12, 30), 1)).toBe(wib(2026, 1, 5, 13, 1));
    expect(workingMinutesBetween(plain, wib(2026, 1, 5, 11, 59), wib(2026, 1, 5, 13, 1))).toBe(2);
  });

  test("a calendar idle for a year is refused, one with a working day after eleven months is not", () => {
    const holidays: string[] = [];
    for (let d = wib(2026, 1, 1); d < wib(2026, 12, 1); d += 86_400_000) holidays.push(jakartaDateString(d));
    const due = addWorkingMinutes({ ...plain, holidays }, wib(2026, 1, 1), 30);
    expect(due).toBe(wib(2026, 12, 1, 8, 0));
    const all: string[] = [];
    for (let d = wib(2026, 1, 1); d < wib(2027, 3, 1); d += 86_400_000) all.push(jakartaDateString(d));
    expect(() => addWorkingMinutes({ ...plain, holidays: all }, wib(2026, 1, 1), 30)).toThrow(
      "Kalender kerja tidak memiliki hari kerja selama 400 hari berturut-turut; periksa jam kerja dan hari libur.",
    );
  });

  test("working days: a holiday typed with spaces is still a holiday; an unreadable date is not a working day", () => {
    const cal = { ...plain, holidays: [" 2026-01-06 "] };
    expect(isWorkingDay(cal, "2026-01-06")).toBe(false);
    expect(isWorkingDay(cal, "2026-01-07")).toBe(true);
    expect(isWorkingDay(cal, "besok")).toBe(false);
    expect(countWorkingDays(cal, "2026-01-05", "2026-01-09")).toBe(4);
    expect(countWorkingDays(cal, "2026-01-05", "2026-01-05")).toBe(1);
    expect(countWorkingDays(cal, "2026-01-09", "2026-01-05")).toBe(0);
  });
});
