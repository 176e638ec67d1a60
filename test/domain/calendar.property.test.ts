// Laws the working calendar must keep for any instants, durations and holiday lists.
import fc from "fast-check";
import { type WorkingCalendarConfig, addWorkingMinutes, workingMinutesBetween } from "../../src/domain/calendar";
import { DEFAULT_CALENDAR, DEFAULT_WEEK, RAMADAN_2026_EXAMPLE } from "../../src/catalog/settings";

const DAY = 86_400_000;
const WIB = 7 * 3_600_000;
const START = Date.UTC(2025, 11, 1) - WIB;
const END = Date.UTC(2027, 1, 1) - WIB;

const instant = fc.integer({ min: START, max: END });
const ymd = (ms: number) => new Date(ms + WIB).toISOString().slice(0, 10);

/** Calendars: the official 2026 one, one with Ramadan hours, and random holiday lists on the default week. */
const calendar: fc.Arbitrary<WorkingCalendarConfig> = fc.oneof(
  fc.constant(DEFAULT_CALENDAR),
  fc.constant({ ...DEFAULT_CALENDAR, ramadan: RAMADAN_2026_EXAMPLE }),
  fc.array(instant, { maxLength: 40 }).map((days) => ({ week: DEFAULT_WEEK, holidays: days.map(ymd), dayMinutes: 450 })),
);

const minutes = fc.integer({ min: 0, max: 20_000 });

describe("working calendar laws", () => {
  it("adds up: minutes(a, c) = minutes(a, b) + minutes(b, c) for a ≤ b ≤ c", () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q);
        expect(workingMinutesBetween(cal, a, c)).toBe(workingMinutesBetween(cal, a, b) + workingMinutesBetween(cal, b, c));
      }),
    );
  });

  it("is never negative and always whole", () => {
    fc.assert(
      fc.property(calendar, instant, instant, (cal, a, b) => {
        const m = workingMinutesBetween(cal, a, b);
        expect(m).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(m)).toBe(true);
      }),
    );
  });

  it("is zero across a span made only of holidays", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: DAY - 1 }), fc.integer({ min: 0, max: DAY - 1 }), (t, days, s, e) => {
        const first = Math.floor((t + WIB) / DAY) * DAY - WIB;
        const holidays = Array.from({ length: days }, (_, i) => ymd(first + i * DAY));
        const cal = { week: DEFAULT_WEEK, holidays, dayMinutes: 450 };
        const from = first + Math.min(s, e);
        const to = first + (days - 1) * DAY + Math.max(s, e);
        expect(workingMinutesBetween(cal, from, to)).toBe(0);
      }),
    );
  });

  it("puts the due instant no earlier than the start, with exactly the asked minutes in between", () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, x, m) => {
        const due = addWorkingMinutes(cal, x, m);
        expect(due).toBeGreaterThanOrEqual(x);
        expect(workingMinutesBetween(cal, x, due)).toBe(m);
      }),
    );
  });

  it("puts the due instant as early as possible: a minute before, the minutes are not yet used", () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 20_000 }), (cal, x, m) => {
        const due = addWorkingMinutes(cal, x, m);
        expect(workingMinutesBetween(cal, x, due - 60_000)).toBe(m - 1);
      }),
    );
  });

  it("is monotonic in the end, the duration and the start", () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, minutes, minutes, (cal, x, p, q, m1, m2) => {
        const [b, c] = p <= q ? [p, q] : [q, p];
        expect(workingMinutesBetween(cal, x, b)).toBeLessThanOrEqual(workingMinutesBetween(cal, x, c));
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addWorkingMinutes(cal, x, lo)).toBeLessThanOrEqual(addWorkingMinutes(cal, x, hi));
        expect(addWorkingMinutes(cal, b, lo)).toBeLessThanOrEqual(addWorkingMinutes(cal, c, lo));
      }),
    );
  });
});
