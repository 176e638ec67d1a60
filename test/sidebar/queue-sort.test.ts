// Antrean saya order: late first (most overdue first), then by due time, cases without a due time last.
import type { QueueItem } from "../../src/api";
import { sortQueue } from "../../sidebar/queue-sort";

const item = (caseId: string, dueAt: string | null, lateMinutes = 0): QueueItem => ({
  caseId,
  sopCode: "SK",
  sopTitle: "SOP Penanganan Surat Keluar",
  perihal: caseId,
  stepNo: "1",
  stepText: "",
  roleName: "Sekretaris",
  dueAt,
  lateMinutes,
  status: "Berjalan",
});

test("late cases come first, the longest overdue at the top, then the rest by due time", () => {
  const sorted = sortQueue([
    item("soon", "2026-11-30T03:00:00Z"),
    item("none", null),
    item("late-a-bit", "2026-11-28T03:00:00Z", 10),
    item("later", "2026-12-02T03:00:00Z"),
    item("very-late", "2026-11-20T03:00:00Z", 900),
  ]);
  expect(sorted.map((q) => q.caseId)).toEqual(["very-late", "late-a-bit", "soon", "later", "none"]);
});

test("the order is stable for equal due times and the input is not changed", () => {
  const input = [item("b", null), item("a", null), item("c", "2026-11-30T03:00:00Z")];
  expect(sortQueue(input).map((q) => q.caseId)).toEqual(["c", "b", "a"]);
  expect(input.map((q) => q.caseId)).toEqual(["b", "a", "c"]);
});
