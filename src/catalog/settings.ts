// Default working hours (Perpres 21/2023, 37.5 hours a week) and the example Ramadan hours, as calendar data.
import type { DayHours, WorkingCalendarConfig } from "../domain/calendar";
import { HOLIDAYS_2026 } from "./holidays-2026";

/** One Hari of an SOP's Waktu: 7.5 working hours. */
export const DEFAULT_DAY_MINUTES = 450;

const MON_THU: DayHours = { start: "07:30", end: "16:00", breakStart: "12:00", breakEnd: "13:00" };
// Friday's longer break leaves room for Friday prayers.
const FRIDAY: DayHours = { start: "07:30", end: "16:30", breakStart: "11:30", breakEnd: "13:00" };

/** Sunday first, as Date.getUTCDay counts. */
export const DEFAULT_WEEK: (DayHours | null)[] = [null, MON_THU, MON_THU, MON_THU, MON_THU, FRIDAY, null];

/** Ramadan hours, 32.5 hours a week; the head of the agency sets the real ones and the dates each year. */
export const RAMADAN_WEEK: (DayHours | null)[] = [
  null,
  { start: "08:00", end: "15:00", breakStart: "12:00", breakEnd: "12:30" },
  { start: "08:00", end: "15:00", breakStart: "12:00", breakEnd: "12:30" },
  { start: "08:00", end: "15:00", breakStart: "12:00", breakEnd: "12:30" },
  { start: "08:00", end: "15:00", breakStart: "12:00", breakEnd: "12:30" },
  { start: "08:00", end: "15:30", breakStart: "11:30", breakEnd: "12:30" },
  null,
];

/** An example Ramadan 1447 H period (government calendar); not enabled by default. */
export const RAMADAN_2026_EXAMPLE = { from: "2026-02-19", to: "2026-03-20", week: RAMADAN_WEEK };

/** The calendar Alur uses until the office sets its own: regular hours and the 2026 holidays, no Ramadan hours. */
export const DEFAULT_CALENDAR: WorkingCalendarConfig = {
  week: DEFAULT_WEEK,
  holidays: HOLIDAYS_2026.map((h) => h.date),
  dayMinutes: DEFAULT_DAY_MINUTES,
};
