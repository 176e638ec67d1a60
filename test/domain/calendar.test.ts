// Working minutes and due instants on the office calendar, against figures worked out by hand.
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
  workingMinutesBetween,
} from "../../src/domain/calendar";
import { HOLIDAYS_2026 } from "../../src/catalog/holidays-2026";
import { DEFAULT_CALENDAR, DEFAULT_WEEK, RAMADAN_2026_EXAMPLE } from "../../src/catalog/settings";

/** A WIB wall-clock instant, computed without the code under test. */
const wib = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi) - 7 * 3_600_000;

const plain: WorkingCalendarConfig = { week: DEFAULT_WEEK, holidays: [], dayMinutes: 450 };
const minutes = (from: number, to: number, cal = plain) => workingMinutesBetween(cal, from, to);

describe("workingMinutesBetween", () => {
  // 2026-01-05 is a Monday, 2026-01-09 a Friday.
  it("gives a Monday 07:30–16:00 as 450 minutes (one hour's break)", () => {
    expect(minutes(wib(2026, 1, 5, 7, 30), wib(2026, 1, 5, 16, 0))).toBe(450);
  });

  it("gives a Friday 07:30–16:30 as 450 minutes (ninety minutes' break)", () => {
    expect(minutes(wib(2026, 1, 9, 7, 30), wib(2026, 1, 9, 16, 30))).toBe(450);
  });

  it("ignores time before opening, after closing and in the break", () => {
    expect(minutes(wib(2026, 1, 5, 5, 0), wib(2026, 1, 5, 22, 0))).toBe(450);
    expect(minutes(wib(2026, 1, 5, 12, 0), wib(2026, 1, 5, 13, 0))).toBe(0);
    expect(minutes(wib(2026, 1, 5, 11, 0), wib(2026, 1, 5, 14, 0))).toBe(120);
    expect(minutes(wib(2026, 1, 9, 11, 0), wib(2026, 1, 9, 14, 0))).toBe(90);
  });

  it("skips the weekend: Friday 15:00 to Monday 09:00 is 90 + 90", () => {
    expect(minutes(wib(2026, 1, 9, 15, 0), wib(2026, 1, 12, 9, 0))).toBe(180);
  });

  it("counts a whole week as five days of 450", () => {
    expect(minutes(wib(2026, 1, 5, 7, 30), wib(2026, 1, 12, 7, 30))).toBe(2250);
  });

  it("is 0 when the end is not after the start", () => {
    expect(minutes(wib(2026, 1, 5, 10, 0), wib(2026, 1, 5, 10, 0))).toBe(0);
    expect(minutes(wib(2026, 1, 5, 14, 0), wib(2026, 1, 5, 10, 0))).toBe(0);
  });

  it("counts nothing on a holiday (Isra Mikraj, Friday 16 January 2026)", () => {
    expect(minutes(wib(2026, 1, 15, 16, 0), wib(2026, 1, 19, 7, 30), DEFAULT_CALENDAR)).toBe(0);
    expect(minutes(wib(2026, 1, 15, 7, 30), wib(2026, 1, 19, 16, 0), DEFAULT_CALENDAR)).toBe(900);
    expect(minutes(wib(2026, 1, 15, 7, 30), wib(2026, 1, 19, 16, 0))).toBe(1350);
  });

  it("sees Lebaran 2026 as one stretch off: 18–24 March holds no working minute", () => {
    expect(minutes(wib(2026, 3, 17, 16, 0), wib(2026, 3, 25, 7, 30), DEFAULT_CALENDAR)).toBe(0);
    // Mon 16, Tue 17, Wed 25, Thu 26, Fri 27 remain.
    expect(minutes(wib(2026, 3, 16, 0, 0), wib(2026, 3, 28, 0, 0), DEFAULT_CALENDAR)).toBe(5 * 450);
  });

  it("uses the Ramadan hours on Ramadan dates only", () => {
    const cal = { ...plain, ramadan: RAMADAN_2026_EXAMPLE };
    // Mon–Thu 08:00–15:00 less 30 minutes; Fri 08:00–15:30 less 60 minutes.
    expect(minutes(wib(2026, 3, 2), wib(2026, 3, 3), cal)).toBe(390);
    expect(minutes(wib(2026, 3, 6), wib(2026, 3, 7), cal)).toBe(390);
    expect(minutes(wib(2026, 2, 19), wib(2026, 2, 20), cal)).toBe(390);
    expect(minutes(wib(2026, 2, 18), wib(2026, 2, 19), cal)).toBe(450);
    expect(minutes(wib(2026, 3, 2, 7, 30), wib(2026, 3, 2, 8, 0), cal)).toBe(0);
  });

  it("finds 240 working days (108 000 minutes) in 2026 with the official holidays", () => {
    // 261 weekdays less 21 holidays that fall on a weekday.
    expect(minutes(wib(2026, 1, 1), wib(2027, 1, 1), DEFAULT_CALENDAR)).toBe(240 * 450);
    expect(countWorkingDays(DEFAULT_CALENDAR, "2026-01-01", "2026-12-31")).toBe(240);
  });

  it("counts whole minutes only", () => {
    const r = minutes(wib(2026, 1, 5, 8, 0) + 59_000, wib(2026, 1, 5, 9, 0) + 1_000);
    expect(r).toBe(60);
  });
});

describe("addWorkingMinutes", () => {
  const due = (from: number, m: number, cal = plain) => addWorkingMinutes(cal, from, m);

  it("puts a 2 Hari step started Thursday 14:00 due on Monday 14:00", () => {
    // Thu 14:00–16:00 = 120, Fri = 450, Mon 07:30–12:00 = 270, 13:00–14:00 = 60.
    expect(due(wib(2026, 1, 8, 14, 0), 900)).toBe(wib(2026, 1, 12, 14, 0));
  });

  it("skips a holiday: the same step started before Isra Mikraj is due on Tuesday", () => {
    expect(due(wib(2026, 1, 15, 14, 0), 900, DEFAULT_CALENDAR)).toBe(wib(2026, 1, 20, 14, 0));
  });

  it("is due at closing time, not next morning, when the day's minutes are used up exactly", () => {
    expect(due(wib(2026, 1, 5, 7, 30), 450)).toBe(wib(2026, 1, 5, 16, 0));
    expect(due(wib(2026, 1, 5, 7, 30), 451)).toBe(wib(2026, 1, 6, 7, 31));
  });

  it("starts counting at the next working minute when started outside hours", () => {
    expect(due(wib(2026, 1, 10, 10, 0), 30)).toBe(wib(2026, 1, 12, 8, 0));
    expect(due(wib(2026, 1, 5, 12, 30), 30)).toBe(wib(2026, 1, 5, 13, 30));
    expect(due(wib(2026, 1, 5, 18, 0), 60)).toBe(wib(2026, 1, 6, 8, 30));
  });

  it("steps over the break", () => {
    expect(due(wib(2026, 1, 5, 11, 0), 120)).toBe(wib(2026, 1, 5, 14, 0));
    expect(due(wib(2026, 1, 9, 11, 0), 120)).toBe(wib(2026, 1, 9, 14, 30));
  });

  it("is due at once for 0 minutes", () => {
    const t = wib(2026, 1, 10, 10, 17);
    expect(due(t, 0)).toBe(t);
  });

  it("refuses a calendar without any working day instead of looping", () => {
    const never: WorkingCalendarConfig = { week: [null, null, null, null, null, null, null], holidays: [], dayMinutes: 450 };
    expect(() => due(wib(2026, 1, 5), 30, never)).toThrow(/tidak memiliki hari kerja/);
  });
});

describe("isWorkingDay and countWorkingDays", () => {
  it("knows weekends and holidays", () => {
    expect(isWorkingDay(DEFAULT_CALENDAR, "2026-01-15")).toBe(true);
    expect(isWorkingDay(DEFAULT_CALENDAR, "2026-01-16")).toBe(false);
    expect(isWorkingDay(DEFAULT_CALENDAR, "2026-01-17")).toBe(false);
    expect(isWorkingDay(plain, "2026-01-16")).toBe(true);
    expect(isWorkingDay(DEFAULT_CALENDAR, "bukan tanggal")).toBe(false);
  });

  it("counts the working days of a leave across Lebaran", () => {
    expect(countWorkingDays(DEFAULT_CALENDAR, "2026-03-16", "2026-03-27")).toBe(5);
    expect(countWorkingDays(plain, "2026-03-16", "2026-03-27")).toBe(10);
  });
});

describe("HOLIDAYS_2026", () => {
  it("holds the 17 national holidays and 8 cuti bersama days, each date once", () => {
    expect(HOLIDAYS_2026.filter((h) => h.kind === "libur nasional")).toHaveLength(17);
    expect(HOLIDAYS_2026.filter((h) => h.kind === "cuti bersama").map((h) => h.date)).toEqual([
      "2026-02-16",
      "2026-03-18",
      "2026-03-20",
      "2026-03-23",
      "2026-03-24",
      "2026-05-15",
      "2026-05-28",
      "2026-12-24",
    ]);
    expect(new Set(HOLIDAYS_2026.map((h) => h.date)).size).toBe(HOLIDAYS_2026.length);
    expect(HOLIDAYS_2026.find((h) => h.date === "2026-08-17")?.name).toMatch(/Kemerdekaan/);
  });
});

describe("Jakarta dates", () => {
  it("turns midnight WIB, not midnight UTC, into the next date", () => {
    expect(jakartaDateString(Date.UTC(2026, 10, 28, 17, 0))).toBe("2026-11-29");
    expect(jakartaDateString(Date.UTC(2026, 10, 28, 16, 59))).toBe("2026-11-28");
  });

  it("reads a wall-clock time as WIB", () => {
    expect(jakartaTime("2026-11-29", "14:05")).toBe(wib(2026, 11, 29, 14, 5));
    expect(jakartaTime("2026-11-29")).toBe(wib(2026, 11, 29));
    expect(jakartaTime("29/11/2026")).toBeNaN();
  });

  it("writes dates the Indonesian way", () => {
    expect(formatTanggal(wib(2026, 11, 29, 14, 5))).toBe("29 November 2026");
    expect(formatTanggalJam(wib(2026, 11, 29, 14, 5))).toBe("29 November 2026 14.05");
    expect(formatTanggalJam(wib(2026, 1, 1, 0, 3))).toBe("1 Januari 2026 00.03");
    expect(formatTanggal(wib(2026, 8, 17, 23, 59))).toBe("17 Agustus 2026");
  });
});

describe("checkWorkingCalendar", () => {
  it("accepts the defaults and the Ramadan example", () => {
    expect(checkWorkingCalendar(DEFAULT_CALENDAR)).toEqual([]);
    expect(checkWorkingCalendar({ ...DEFAULT_CALENDAR, ramadan: RAMADAN_2026_EXAMPLE })).toEqual([]);
  });

  it("names the day and the problem", () => {
    const week = [...DEFAULT_WEEK];
    week[3] = { start: "16:00", end: "07:30" };
    week[5] = { start: "07:30", end: "16:30", breakStart: "17:00", breakEnd: "17:30" };
    const problems = checkWorkingCalendar({ ...plain, week, holidays: ["2026-02-30"] });
    expect(problems).toEqual([
      "Jam kerja, hari Rabu: jam selesai (07:30) harus setelah jam mulai (16:00).",
      "Jam kerja, hari Jumat: istirahat 17:00–17:30 harus di dalam jam kerja 07:30–16:30.",
      'Tanggal libur "2026-02-30" harus berbentuk yyyy-MM-dd.',
    ]);
  });

  it("makes computing with unreadable hours an error, not a silent wrong deadline", () => {
    const week = [...DEFAULT_WEEK];
    week[1] = { start: "tujuh", end: "16:00" };
    expect(() => workingMinutesBetween({ ...plain, week }, wib(2026, 1, 5), wib(2026, 1, 6))).toThrow(/Jam kerja tidak valid/);
  });
});
