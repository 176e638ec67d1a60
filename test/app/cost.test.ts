// What an action costs does not grow with the register or Riwayat: the same service calls and cells read at both sizes.
import { ACTIONS, measureActions, measureDailyReport } from "../../emulator/cost";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ACTION_FIGURES, BUDGETS, DAILY_REPORT_FIGURE, figuresTable } from "../../emulator/figures";
import { ROOT } from "../../emulator/paths";

test("start, complete, approve and return cost at most 18 Spreadsheet calls, the same on 100 and 20,000 register rows and on 10,000 and 100,000 Riwayat rows", () => {
  const small = measureActions(100, 10_000);
  const large = measureActions(20_000, 100_000);
  for (const a of ACTIONS) {
    expect({ action: a, calls: small[a].spreadsheetCalls }).toEqual({ action: a, calls: large[a].spreadsheetCalls });
    expect({ action: a, cells: small[a].cellsRead }).toEqual({ action: a, cells: large[a].cellsRead });
    // README's figures (emulator/figures.ts), within the journal issue's budget.
    expect({ action: a, calls: large[a].spreadsheetCalls, cells: large[a].cellsRead }).toEqual({ action: a, ...ACTION_FIGURES[a] });
    expect(ACTION_FIGURES[a].calls).toBeLessThanOrEqual(BUDGETS.action);
    expect(large[a].allCalls).toBe(small[a].allCalls);
  }
}, 60000);

test("the daily Laporan run reads the new journal entries and the open cases, not the history: the same at 3,000 and 9,000 entries", () => {
  const small = measureDailyReport(3000, 200);
  const large = measureDailyReport(9000, 200);
  // README's figure: 1,000 new entries on 100,000 (the stored aggregates hold a count per distinct duration, so the
  // figure depends on the data measured, not on the size of the history).
  const thousand = measureDailyReport(100_000, 1000);
  expect({ calls: thousand.spreadsheetCalls, cells: thousand.cellsRead }).toEqual(DAILY_REPORT_FIGURE);
  expect(large.spreadsheetCalls).toBe(small.spreadsheetCalls);
  expect(large.cellsRead).toBe(small.cellsRead);
  // 201 rows of 19 columns (the hinted row and the new ones), the stored aggregates and the running cases' rows.
  expect(large.cellsRead).toBeLessThan(201 * 19 + 1000);
}, 120000);

test("README's table of figures is the one emulator/figures.ts renders (the figures these tests assert)", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = /<!-- figures[^>]*-->\n([\s\S]*?)\n<!-- \/figures -->/.exec(readme)?.[1];
  expect(block).toBe(figuresTable());
});
