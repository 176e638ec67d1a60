// When an installable time-driven trigger falls due next, from its builder settings (everyHours, atHour, after, at...).
import { zonedFields, zonedToEpoch } from "../fakes/time-zone";
import type { TriggerRecord } from "../fakes/triggers";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEKDAYS = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const time = (v: unknown): number | undefined => (v instanceof Date ? v.getTime() : num(v));

/**
 * The first moment after `last` when the trigger runs, or null when it never runs again.
 * `created` is when the workspace first saw it (one-shot "after" triggers count from there).
 */
export function nextDue(t: TriggerRecord, last: number | null, created: number, tz: string): number | null {
  if (t.eventType !== "CLOCK") return null;
  const s = t.schedule;
  const zone = typeof s.timezone === "string" ? s.timezone : tz;
  const at = time(s.at);
  if (at !== undefined) return last === null ? at : null;
  const after = num(s.after);
  if (after !== undefined) return last === null ? created + after : null;
  const from = last ?? created;
  const minutes = num(s.everyMinutes);
  if (minutes) return from + minutes * MINUTE;
  const hours = num(s.everyHours);
  if (hours) return from + hours * HOUR;
  const days = num(s.everyDays);
  const weeks = num(s.everyWeeks);
  const weekDay = typeof s.weekDay === "string" ? WEEKDAYS.indexOf(s.weekDay) : -1;
  if (!days && !weeks && weekDay < 0) return null;
  // Daily and weekly triggers run once in the hour given by atHour (Apps Script picks a minute; nearMinute steers it).
  const hour = num(s.atHour) ?? 0;
  const minute = num(s.nearMinute) ?? 0;
  const step = weeks ? 7 * weeks : days || 7;
  const f = zonedFields(from, zone);
  let candidate = zonedToEpoch(zone, f.year, f.month, f.day, hour, minute);
  if (weekDay >= 0) {
    const dow = f.weekday % 7;
    candidate += ((weekDay - dow + 7) % 7) * DAY;
  }
  if (last === null) return candidate > from ? candidate : candidate + (weekDay >= 0 ? 7 : 1) * DAY;
  while (candidate <= from) candidate += step * DAY;
  return candidate;
}
