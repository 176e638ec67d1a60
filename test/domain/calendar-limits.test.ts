// The working calendar at its limits (src/domain/calendar.ts): the exact length of idle stretch that is refused, dates
// with two-digit months and days, and calendars an admin could not have meant.
import { type WorkingCalendarConfig, addWorkingMinutes, checkWorkingCalendar, formatTanggalJam, jakartaDateString, workingMinutesBetween } from "../../src/domain/calendar";
import { DEFAULT_WEEK } from "../../src/catalog/settings";

/** A WIB wall-clock instant, computed without the code under test. */
const wib = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi) - 7 * 3_600_000;
const plain: WorkingCalendarConfig = { week: DEFAULT_WEEK, holidays: [], dayMinutes: 450 };

/** Every day from..to (yyyy-MM-dd, inclusive), written without the code under test. */
function days(from: [number, number, number], count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(new Date(Date.UTC(from[0], from[1] - 1, from[2] + i)).toISOString().slice(0, 10));
  return out;
}

describe("an idle stretch", () => {
  // Every day 08:00–09:00, so only the holidays make days idle.
  const daily = { start: "08:00", end: "09:00" };
  const everyDay: WorkingCalendarConfig = { week: [daily, daily, daily, daily, daily, daily, daily], holidays: [], dayMinutes: 60 };
  const refused = "Kalender kerja tidak memiliki hari kerja selama 400 hari berturut-turut; periksa jam kerja dan hari libur.";

  test("of 400 days is still crossed; of 401 days is refused", () => {
    // 400 days off from 1 January 2026: the first working day is 5 February 2027.
    const cal400 = { ...everyDay, holidays: days([2026, 1, 1], 400) };
    expect(cal400.holidays[399]).toBe("2027-02-04");
    expect(addWorkingMinutes(cal400, wib(2026, 1, 1), 30)).toBe(wib(2027, 2, 5, 8, 30));
    expect(() => addWorkingMinutes({ ...everyDay, holidays: days([2026, 1, 1], 401) }, wib(2026, 1, 1), 30)).toThrow(refused);
  });

  test("counts a day started at its closing time as idle: nothing of it was left to work", () => {
    const cal400 = { ...everyDay, holidays: days([2026, 1, 1], 400) };
    expect(() => addWorkingMinutes(cal400, wib(2025, 12, 31, 9, 0), 30)).toThrow(refused);
    expect(addWorkingMinutes(cal400, wib(2025, 12, 31, 8, 59), 30)).toBe(wib(2027, 2, 5, 8, 29));
  });

  test("is only a stretch without working minutes: a standard of more than 400 working days is computed", () => {
    // 410 days of one working hour each, from Thursday 1 January 2026: the last one is 14 February 2027.
    expect(addWorkingMinutes(everyDay, wib(2026, 1, 1), 410 * 60)).toBe(wib(2027, 2, 14, 9, 0));
  });
});

describe("minutes between two instants", () => {
  test("are none when the end lies days before the start", () => {
    expect(workingMinutesBetween(plain, wib(2026, 1, 6, 10, 0), wib(2026, 1, 5, 10, 0))).toBe(0);
    expect(workingMinutesBetween(plain, wib(2026, 1, 9, 10, 0), wib(2026, 1, 5, 10, 0))).toBe(0);
  });
});

describe("dates with two-digit months and days", () => {
  test("are written with their digits as they are", () => {
    expect(jakartaDateString(wib(2026, 10, 10, 12, 0))).toBe("2026-10-10");
    expect(jakartaDateString(wib(2026, 9, 9, 12, 0))).toBe("2026-09-09");
    expect(formatTanggalJam(wib(2026, 10, 10, 10, 10))).toBe("10 Oktober 2026 10.10");
    expect(formatTanggalJam(wib(2026, 10, 10, 9, 9))).toBe("10 Oktober 2026 09.09");
  });

  test("holidays on such dates are kept", () => {
    const cal = { ...plain, holidays: ["2026-11-10", "2026-12-25"] };
    expect(workingMinutesBetween(cal, wib(2026, 11, 10), wib(2026, 11, 11))).toBe(0);
    expect(workingMinutesBetween(cal, wib(2026, 11, 9), wib(2026, 11, 10))).toBe(450);
    expect(checkWorkingCalendar(cal)).toEqual([]);
  });
});

describe("calendars an admin could not have meant", () => {
  test("a holiday that is not a date, however it was typed, is named", () => {
    expect(checkWorkingCalendar({ ...plain, holidays: ["NaN-NaN-NaN", "2026-13-01", "2026-11-31"] })).toEqual([
      'Tanggal libur "NaN-NaN-NaN" harus berbentuk yyyy-MM-dd.',
      'Tanggal libur "2026-13-01" harus berbentuk yyyy-MM-dd.',
      'Tanggal libur "2026-11-31" harus berbentuk yyyy-MM-dd.',
    ]);
  });

  test("a week that is not a list of seven days is refused, in the check and in the computation", () => {
    const seven = "Jam kerja harus berisi 7 hari (Minggu sampai Sabtu).";
    expect(checkWorkingCalendar({ ...plain, week: "Senin-Jumat" as never })).toEqual([seven]);
    expect(checkWorkingCalendar({ ...plain, week: undefined as never })).toEqual([seven]);
    expect(() => workingMinutesBetween({ ...plain, week: "1234567" as never }, wib(2026, 1, 5), wib(2026, 1, 6))).toThrow(seven);
    expect(() => workingMinutesBetween({ ...plain, ramadan: { from: "2026-03-01", to: "2026-03-02", week: "1234567" as never } }, wib(2026, 1, 5), wib(2026, 1, 6))).toThrow("Jam kerja Ramadan harus berisi 7 hari (Minggu sampai Sabtu).");
    expect(checkWorkingCalendar({ ...plain, ramadan: { from: "2026-03-01", to: "2026-03-02", week: "1234567" as never } })).toEqual(["Jam kerja Ramadan harus berisi 7 hari (Minggu sampai Sabtu)."]);
  });

  test("a break that does not read, or ends when it starts, is named", () => {
    const week = [...DEFAULT_WEEK];
    week[1] = { start: "07:30", end: "16:00", breakStart: "siang", breakEnd: "13:00" };
    week[2] = { start: "07:30", end: "16:00", breakStart: "12:00", breakEnd: "12:00" };
    expect(checkWorkingCalendar({ ...plain, week })).toEqual([
      'Jam kerja, hari Senin: jam istirahat harus ditulis seperti "12:00" sampai "13:00".',
      "Jam kerja, hari Selasa: istirahat harus selesai (12:00) setelah mulai (12:00).",
    ]);
  });

  test("a day with a break but hours that do not read names the hours first", () => {
    const week = [...DEFAULT_WEEK];
    week[2] = { start: "07:30", end: "pukul 4", breakStart: "12:00", breakEnd: "13:00" };
    expect(checkWorkingCalendar({ ...plain, week })).toEqual(['Jam kerja, hari Selasa: jam mulai dan selesai harus ditulis seperti "07:30" (tertulis "07:30"–"pukul 4").']);
  });
});
