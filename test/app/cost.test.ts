// What an action costs does not grow with the register or Riwayat: the same service calls and cells read at both sizes.
import { ACTIONS, measureActions, measureDailyReport } from "../../emulator/cost";

test("start, complete, approve and return cost at most 18 Spreadsheet calls, the same on 100 and 20,000 register rows and on 10,000 and 100,000 Riwayat rows", () => {
  const small = measureActions(100, 10_000);
  const large = measureActions(20_000, 100_000);
  for (const a of ACTIONS) {
    expect({ action: a, calls: small[a].spreadsheetCalls }).toEqual({ action: a, calls: large[a].spreadsheetCalls });
    expect({ action: a, cells: small[a].cellsRead }).toEqual({ action: a, cells: large[a].cellsRead });
    expect(large[a].spreadsheetCalls).toBeLessThanOrEqual(18);
    expect(large[a].allCalls).toBe(small[a].allCalls);
  }
}, 60000);

test("the daily Laporan run reads the new journal entries and the open cases, not the history: the same at 3,000 and 9,000 entries", () => {
  const small = measureDailyReport(3000, 200);
  const large = measureDailyReport(9000, 200);
  expect(large.spreadsheetCalls).toBe(small.spreadsheetCalls);
  expect(large.cellsRead).toBe(small.cellsRead);
  // 201 rows of 19 columns (the hinted row and the new ones), the stored aggregates and the running cases' rows.
  expect(large.cellsRead).toBeLessThan(201 * 19 + 1000);
}, 120000);
