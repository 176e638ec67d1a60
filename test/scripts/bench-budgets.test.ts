// The bench's verdict: CI fails on a figure past its budget, a cost that grows with the sheet, or a failure count.
import { type BenchFigures, verdict } from "../../scripts/bench-budgets";
import { ACTION_FIGURES, DAILY_REPORT_FIGURE, EMAIL_FIGURES, PANEL_FIGURES, SETUP_FIGURES } from "../../emulator/figures";

function asStated(): BenchFigures {
  const all = { ...ACTION_FIGURES, ...EMAIL_FIGURES, ...PANEL_FIGURES };
  const at = (n: number) => ({ "100": n, "20000": n });
  return {
    serviceCalls: Object.fromEntries(Object.entries(all).map(([k, f]) => [k, at(f.calls)])),
    cellsRead: Object.fromEntries(Object.entries(all).map(([k, f]) => [k, at(f.cells)])),
    report: { "100000": { serviceCalls: DAILY_REPORT_FIGURE.calls, cellsRead: DAILY_REPORT_FIGURE.cells }, "300000": { serviceCalls: DAILY_REPORT_FIGURE.calls, cellsRead: DAILY_REPORT_FIGURE.cells } },
    setup: { ...SETUP_FIGURES },
    robustness: { faultPoints: 10, faultFailures: 0, badInputFailures: 0, lostOrDoubled: 0 },
  };
}

test("README's figures pass", () => {
  expect(verdict(asStated())).toEqual({ broken: [], stale: [] });
});

test("an action past 18 calls, a cost that grows with the register, setup past 600 and a lost email each fail", () => {
  const out = asStated();
  out.serviceCalls.complete = { "100": 19, "20000": 19 };
  out.cellsRead.bootstrap = { "100": 52, "20000": 60 };
  out.setup.first = 601;
  out.robustness.lostOrDoubled = 1;
  const { broken, stale } = verdict(out);
  expect(broken).toEqual([
    "complete at 100 rows: 19 Spreadsheet calls, budget 18",
    "complete at 20000 rows: 19 Spreadsheet calls, budget 18",
    expect.stringMatching(/^bootstrap: grows with the sheet/),
    "setup: 601 Spreadsheet calls, budget 600",
    "robustness.lostOrDoubled is 1",
  ]);
  expect(stale.length).toBeGreaterThan(0);
});

test("a figure that only differs from README warns without failing", () => {
  const out = asStated();
  out.serviceCalls.start = { "100": 11, "20000": 11 };
  const { broken, stale } = verdict(out);
  expect(broken).toEqual([]);
  expect(stale).toEqual(["start at 100 rows: 11 calls / 26 cells, README says 12 / 26", "start at 20000 rows: 11 calls / 26 cells, README says 12 / 26"]);
});
