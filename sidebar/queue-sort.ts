// Order of Antrean saya: late cases first (most overdue first), then by due time; cases without a due time last.
import type { QueueItem } from "../src/api";

function dueMs(item: QueueItem): number {
  const ms = item.dueAt ? Date.parse(item.dueAt) : Number.NaN;
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

export function sortQueue(items: QueueItem[]): QueueItem[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => {
      const lateA = a.item.lateMinutes > 0 ? 0 : 1;
      const lateB = b.item.lateMinutes > 0 ? 0 : 1;
      if (lateA !== lateB) return lateA - lateB;
      if (lateA === 0 && a.item.lateMinutes !== b.item.lateMinutes) return b.item.lateMinutes - a.item.lateMinutes;
      const due = dueMs(a.item) - dueMs(b.item);
      return Number.isNaN(due) || due === 0 ? a.i - b.i : due;
    })
    .map((x) => x.item);
}
