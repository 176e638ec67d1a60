// Dates and durations as people in the office read them: WIB wall time ("29 Nov 2026 14.05") and working minutes.
import { t } from "./i18n";

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n: number) => (n < 10 ? "0" : "") + n;

/** An ISO instant shown in WIB (UTC+7, no daylight saving), without relying on Intl time zone data. */
export function formatWib(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + WIB_OFFSET_MS);
  const month = t("months").split(" ")[d.getUTCMonth()];
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}${t("timeSep")}${pad(d.getUTCMinutes())}`;
}

/** Working minutes as "45 mnt", "2 j" or "1 j 5 mnt" (days are not used: a working day's length is a setting). */
export function formatMinutes(total: number): string {
  const m = Math.max(0, Math.round(total));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return t("minutes", { m: rest });
  return rest === 0 ? t("hours", { h }) : t("hoursMinutes", { h, m: rest });
}

/** Share of the standard time already spent, 0–100, for the SLA bar. */
export function slaPercent(spent: number, standard: number | null): number {
  if (!standard || standard <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((spent / standard) * 100)));
}

/** Only https links become clickable: a typed "javascript:" must never be an href. */
export function safeHref(link: string): string | null {
  return /^https:\/\/[^\s"<>]+$/i.test(link.trim()) ? link.trim() : null;
}
