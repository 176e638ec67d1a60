// Laporan's aggregates (src/domain/report-agg.ts): a step done exactly on its standard is within it, a minute more is
// late; cases against the SOP's total standard; nearest-rank medians; a reopened case's end taken back.
import { jakartaTime } from "../../src/domain/calendar";
import type { CaseStatus } from "../../src/domain/case";
import {
  emptyAggregates,
  figures,
  foldEnd,
  foldPass,
  foldStart,
  isEnd,
  longest,
  parseAggregates,
  percentile,
  roleKey,
  semesterOf,
  sopStandardMinutes,
} from "../../src/domain/report-agg";
import { CTX, NOV, UJI as SOP, UNTIMED, pass } from "./report-fixtures";

describe("passes of steps", () => {
  test("a step done exactly on its standard is within it; a minute over is not; a step without one is not timed", () => {
    const a = emptyAggregates();
    foldPass(a, pass(60), CTX);
    foldPass(a, pass(61), CTX);
    foldPass(a, pass(5, { standard: null }), CTX);
    foldPass(a, pass(0), CTX);
    const step = a.step["uji|1"];
    expect(step).toEqual({ h: { "0": 1, "5": 1, "60": 1, "61": 1 }, n: 4, timed: 3, within: 2, returns: 0 });
    expect(figures(step)).toEqual({ n: 4, median: 5, p90: 61, longest: 61, withinShare: 2 / 3, returns: 0 });
  });

  test("each pass counts for its step, role, person, SOP, month and semester; returns are counted", () => {
    const a = emptyAggregates();
    foldPass(a, pass(20, { lane: "KASUBBAG", stepNo: "2", actor: " Kasubbag@Dinas.Example ", returned: true, standard: 30 }), CTX);
    foldPass(a, pass(40, { at: jakartaTime("2026-06-30", "15:00") }), CTX);
    expect(a.step["uji|2"]).toMatchObject({ n: 1, returns: 1, within: 1 });
    expect(a.role["kasubbag-umum"]).toMatchObject({ n: 1, returns: 1 });
    expect(a.role.jfu).toMatchObject({ n: 1, returns: 0 });
    expect(a.person["kasubbag@dinas.example"]).toMatchObject({ n: 1 });
    expect(a.sopSteps.uji).toMatchObject({ n: 2, timed: 2, within: 2, returns: 1 });
    expect(a.month["2026-11"].steps).toMatchObject({ n: 1 });
    expect(a.month["2026-06"].steps).toMatchObject({ n: 1 });
    expect(Object.keys(a.sem).sort()).toEqual(["uji|1|2026-1", "uji|2|2026-2"]);
  });

  test("a lane the SOP no longer has counts under its header; semesters split at 1 July, WIB", () => {
    expect(roleKey(CTX, "uji", "KASUBBAG")).toBe("kasubbag-umum");
    expect(roleKey(CTX, "uji", "BENDAHARA")).toBe("BENDAHARA");
    expect(roleKey(CTX, "hilang", "JFU")).toBe("JFU");
    expect(semesterOf(jakartaTime("2026-06-30", "23:59"))).toBe("2026-1");
    expect(semesterOf(jakartaTime("2026-07-01", "00:00"))).toBe("2026-2");
    expect(semesterOf(jakartaTime("2026-01-01", "00:00"))).toBe("2026-1");
  });
});

describe("cases", () => {
  test("a case finished exactly in the SOP's total standard is within it; a minute over is not; cancelled and started are counted", () => {
    expect(sopStandardMinutes(SOP, 450)).toBe(90);
    expect(sopStandardMinutes(UNTIMED, 450)).toBeNull();
    expect(sopStandardMinutes(undefined, 450)).toBeNull();
    const a = emptyAggregates();
    foldStart(a, "uji", NOV);
    foldStart(a, "uji", NOV);
    foldEnd(a, { kind: "finish", sopId: "uji", at: NOV, minutes: 90 }, CTX, 1);
    foldEnd(a, { kind: "finish", sopId: "uji", at: NOV, minutes: 91 }, CTX, 1);
    foldEnd(a, { kind: "finish", sopId: "uji", at: NOV, minutes: 30 }, CTX, 1);
    foldEnd(a, { kind: "cancel", sopId: "uji", at: NOV, minutes: 0 }, CTX, 1);
    foldEnd(a, { kind: "finish", sopId: "tanpa", at: NOV, minutes: 10 }, CTX, 1);
    expect(a.sopCases.uji).toEqual({ h: { "30": 1, "90": 1, "91": 1 }, n: 3, timed: 3, within: 2, started: 2, cancelled: 1 });
    expect(a.sopCases.tanpa).toMatchObject({ n: 1, timed: 0, within: 0 });
    expect(a.month["2026-11"]).toMatchObject({ started: 2, finished: 4, cancelled: 1 });
  });

  test("a case ends when it is Selesai or Dibatalkan; running and returned cases have not ended", () => {
    expect(["Selesai", "Dibatalkan", "Berjalan", "Dikembalikan", undefined].map((x) => isEnd(x as CaseStatus | undefined))).toEqual([true, true, false, false, false]);
  });

  test("a reopened case's end is taken back, leaving no trace of it", () => {
    const a = emptyAggregates();
    const end = { kind: "finish" as const, sopId: "uji", at: NOV, minutes: 90 };
    foldEnd(a, end, CTX, 1);
    foldEnd(a, end, CTX, -1);
    expect(a.sopCases.uji).toEqual({ h: {}, n: 0, timed: 0, within: 0, started: 0, cancelled: 0 });
    foldEnd(a, { kind: "cancel", sopId: "uji", at: NOV, minutes: 0 }, CTX, 1);
    foldEnd(a, { kind: "cancel", sopId: "uji", at: NOV, minutes: 0 }, CTX, -1);
    expect(a.month["2026-11"]).toMatchObject({ finished: 0, cancelled: 0 });
    expect(figures(a.sopCases.uji)).toEqual({ n: 0, median: null, p90: null, longest: null, withinShare: null, returns: 0 });
  });
});

describe("figures", () => {
  test("medians and p90 are nearest-rank: the smallest duration with that share of passes at or below it", () => {
    const h = { "10": 1, "20": 1, "30": 1, "40": 1 };
    expect(percentile(h, 50)).toBe(20);
    expect(percentile(h, 51)).toBe(30);
    expect(percentile(h, 90)).toBe(40);
    expect(percentile(h, 0)).toBe(10);
    expect(percentile({ "100": 1, "9": 3 }, 75)).toBe(9);
    expect(percentile({ "100": 1, "9": 3 }, 76)).toBe(100);
    expect(percentile({}, 50)).toBeNull();
    expect(percentile(h, 100)).toBe(40);
    expect(percentile(h, 150)).toBe(40);
    expect(longest({ "9": 3, "100": 1, "20": 2 })).toBe(100);
    expect(longest({})).toBeNull();
  });

  test("no tally, or one with no passes, has no figures; a tally with passes but none timed has no share", () => {
    expect(figures(undefined)).toEqual({ n: 0, median: null, p90: null, longest: null, withinShare: null, returns: 0 });
    expect(figures({ h: {}, n: 0, timed: 0, within: 0, returns: 2 }).returns).toBe(2);
    // A count taken below zero (an ending undone that was never counted) shows as no passes, never as −1.
    expect(figures({ h: {}, n: -1, timed: 0, within: 0 }).n).toBe(0);
    expect(figures({ h: { "5": 2 }, n: 2, timed: 0, within: 0 })).toEqual({ n: 2, median: 5, p90: 5, longest: 5, withinShare: null, returns: 0 });
  });

  test("the saved state reads back; anything else reads as none", () => {
    const a = emptyAggregates();
    foldPass(a, pass(60), CTX);
    expect(parseAggregates(JSON.stringify(a))).toEqual(a);
    expect(parseAggregates("")).toBeNull();
    expect(parseAggregates("{bukan")).toBeNull();
    expect(parseAggregates("null")).toBeNull();
    expect(parseAggregates(JSON.stringify({ ...a, v: 2 }))).toBeNull();
    expect(parseAggregates(JSON.stringify({ v: 1 }))).toBeNull();
  });
});
