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

/** The office after the retry and the hourly trigger, with each Drive file's content left out (its name, folder and trash state kept). */
const record = (o: Office) => {
  const s = { ...snapshot(o.world, null), savedAt: 0, shown: o.world.ui.shown.map((u) => u.content) } as Record<string, unknown>;
  const docs = (s.documents as Record<string, unknown>[]).map((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !/^(content|data|text|updated)$/.test(k))));
  return masked(JSON.stringify({ ...s, documents: docs }));
};

test("setup: a cut anywhere in one template Doc's layout leaves the same record, so the sweep takes every 500th of those calls", () => {
  const sc = scenario("setup");
  const cal = calibration(sc);
  const DOC = /^(Body|Paragraph|Table|TableRow|TableCell|Text|ListItem|HeaderSection|FooterSection)\./;
  // The longest run of consecutive edits of an open Doc: one template's layout.
  let best: [number, number] = [0, 0];
  for (let i = 0; i < cal.calls.length; ) {
    let j = i;
    while (j < cal.calls.length && DOC.test(cal.calls[j])) j++;
    if (j - i > best[1] - best[0]) best = [i + 1, j];
    i = j + 1;
  }
  const [from, to] = best;
  expect(to - from).toBeGreaterThan(100);
  const ks = [from, Math.floor((from + to) / 2), to];
  const runs = pointOffices(
    sc,
    ks.flatMap((k) => [
      [k, "throw", false],
      [k, "end-after", false],
    ]),
  );
  // The same mode at the three points (what the person was shown differs between a server error and no answer).
  for (const mode of [0, 1]) {
    const first = record(runs[mode].o);
    for (let i = mode + 2; i < runs.length; i += 2) expect({ point: i, after: firstDifference(record(runs[i].o), first) }).toEqual({ point: i, after: "" });
  }
  // The comparison tells runs apart: the cut executions left Docs laid out to different lengths.
  expect(masked(runs[1].cut)).not.toBe(masked(runs[5].cut));
}, 600_000);
