// What an action costs does not grow with the register or Riwayat: the same service calls and cells read at both sizes.
import { ACTIONS, measureActions } from "../../emulator/cost";

test("start, complete, approve and return cost at most 15 Spreadsheet calls, the same on 50 and 5,000 rows", () => {
  const small = measureActions(50, 100);
  const large = measureActions(5000, 20000);
  for (const a of ACTIONS) {
    expect({ action: a, calls: small[a].spreadsheetCalls }).toEqual({ action: a, calls: large[a].spreadsheetCalls });
    expect({ action: a, cells: small[a].cellsRead }).toEqual({ action: a, cells: large[a].cellsRead });
    expect(large[a].spreadsheetCalls).toBeLessThanOrEqual(15);
    expect(large[a].allCalls).toBe(small[a].allCalls);
  }
}, 60000);
