// Why the sweep runs "ends just before call k" once, as "ends just after call k-1": both cut executions leave the same
// services behind (and so the same office after the retry and the hourly trigger).
import { snapshot } from "../../emulator/server/persist";
import type { Office } from "./office";
import { scenario } from "./scenarios";
import { calibration, pointOffices, unflushed } from "./sweep";

/** Random ids masked: each restored office draws from a generator seeded anew. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;
const masked = (s: string) => s.replace(UUID, "<uuid>");
const after = (o: Office) => masked(JSON.stringify({ ...snapshot(o.world, null), savedAt: 0, shown: o.world.ui.shown.map((u) => u.content) }));

function firstDifference(a: string, b: string): string {
  if (a === b) return "";
  let at = 0;
  while (a[at] === b[at]) at++;
  return `${a.slice(Math.max(0, at - 120), at + 80)} ≠ ${b.slice(Math.max(0, at - 120), at + 80)}`;
}

test("complete: ending just before call k leaves what ending just after call k-1 leaves, unflushed writes kept or dropped", () => {
  const ks: [number, boolean][] = [
    [5, false],
    [23, true],
    [41, false],
    [60, true],
  ];
  const runs = pointOffices(
    scenario("complete"),
    ks.flatMap(([k, drop]) => [
      [k, "end-before", drop],
      [k - 1, "end-after", drop],
    ]),
  );
  for (let i = 0; i < ks.length; i++) {
    const [before, past] = [runs[2 * i], runs[2 * i + 1]];
    const k = ks[i][0];
    expect({ k, cut: firstDifference(masked(before.cut), masked(past.cut)) }).toEqual({ k, cut: "" });
    expect({ k, after: firstDifference(after(before.o), after(past.o)) }).toEqual({ k, after: "" });
  }
  // The comparison tells runs apart: ending after call k-1 and after call k leave different services when call k writes.
  expect(runs).toHaveLength(8);
  const [early, late] = pointOffices(scenario("complete"), [
    [40, "end-after", false],
    [60, "end-after", false],
  ]);
  expect(masked(early.cut)).not.toBe(masked(late.cut));
}, 300_000);

test("complete: where nothing was written since the last flush, dropping the unflushed writes leaves what keeping them leaves", () => {
  const sc = scenario("complete");
  const cal = calibration(sc);
  const ks = cal.calls.map((_, i) => i + 1);
  const clean = ks.filter((k) => !unflushed(cal, k));
  const dirty = ks.filter((k) => unflushed(cal, k));
  // The sweep skips the dropped twin of the clean points; both kinds occur in an action.
  expect(clean.length).toBeGreaterThan(10);
  expect(dirty.length).toBeGreaterThan(3);
  const k = clean[Math.floor(clean.length / 2)];
  const d = dirty[dirty.length - 1];
  const [kept, dropped, dirtyKept, dirtyDropped] = pointOffices(sc, [
    [k, "end-after", false],
    [k, "end-after", true],
    [d, "end-after", false],
    [d, "end-after", true],
  ]);
  expect(masked(dropped.cut)).toBe(masked(kept.cut));
  // Where a write waits for its flush, dropping it does leave another office.
  expect(masked(dirtyDropped.cut)).not.toBe(masked(dirtyKept.cut));
}, 300_000);
