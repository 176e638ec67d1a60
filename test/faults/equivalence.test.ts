// Why the sweep runs "ends just before call k" once, as "ends just after call k-1": both cut executions leave the same
// services behind (and so the same office after the retry and the hourly trigger).
import { snapshot } from "../../emulator/server/persist";
import type { Office } from "./office";
import { scenario } from "./scenarios";
import { calibration, type Mode, pointCuts, pointOffices, TRACELESS, unflushed } from "./sweep";

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

/**
 * Why the sweep runs "ends just after call k" once, as the point before it, when call k leaves no trace (a read, a
 * search set up in memory, a computation): the cut executions leave every service the same. Checked at every
 * other such call of an action, at every 8th of the mail retry's and every 16th of the two operations with the most of
 * them (the document worker's reads of a Doc, the hourly trigger), and at the first of each kind of call; where a
 * write waits for its flush, with it dropped too.
 */
test.each([
  ["complete", 2],
  ["document worker", 16],
  ["hourly refresh", 16],
  ["mail retry", 8],
])("%s: ending just after a call that leaves no trace leaves what ending just after the call before it leaves", (name, every) => {
  const sc = scenario(name as string);
  const cal = calibration(sc);
  const ks = cal.calls.map((_, i) => i + 1).filter((k) => TRACELESS.test(cal.calls[k - 1]));
  // Every n-th such call, and the first of each kind (so every kind of call the shortcut skips is compared once).
  const firstOf = new Map<string, number>();
  for (const k of ks) if (!firstOf.has(cal.calls[k - 1])) firstOf.set(cal.calls[k - 1], k);
  const firsts = new Set(firstOf.values());
  const picked = ks.filter((k, i) => i % (every as number) === 0 || firsts.has(k));
  expect(picked.length).toBeGreaterThan(10);
  const before = (k: number): [number, Mode] => (k === 1 ? [1, "end-before"] : [k - 1, "end-after"]);
  const points: [number, Mode, boolean][] = picked.flatMap((k) => {
    const drops = unflushed(cal, k) ? [false, true] : [false];
    return drops.flatMap((drop): [number, Mode, boolean][] => [[k, "end-after", drop], [...before(k), drop]]);
  });
  const { cuts } = pointCuts(sc, points);
  for (let i = 0; i < points.length; i += 2) {
    const [k, , drop] = points[i];
    expect({ k, call: cal.calls[k - 1], drop, cut: firstDifference(masked(cuts[i]), masked(cuts[i + 1])) }).toEqual({ k, call: cal.calls[k - 1], drop, cut: "" });
  }
  // The comparison tells runs apart: a cut just after a call that writes leaves something else than the cut before it.
  const writes = cal.calls.map((_, i) => i + 1).filter((k) => /\.(setValues|appendRow|setProperty|sendEmail)$/.test(cal.calls[k - 1]));
  const w = writes[writes.length - 1];
  const { cuts: pair } = pointCuts(sc, [[w, "end-after", false], [w - 1, "end-after", false]]);
  expect(masked(pair[0])).not.toBe(masked(pair[1]));
}, 300_000);
