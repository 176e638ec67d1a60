// Acting from an email costs the same on a register of 100 rows as on one of 20,000: the confirm page at most 15
// Spreadsheet calls, the action from it at most 18.
import { measureEmail } from "../../emulator/email-cost";
import { BUDGETS, EMAIL_FIGURES } from "../../emulator/figures";

test("the confirm page costs at most 15 Spreadsheet calls and its action at most 18, the same on 100 and 20,000 register rows", () => {
  const small = measureEmail(100, 10_000);
  const large = measureEmail(20_000, 100_000);
  for (const k of ["emailPage", "emailAction"] as const) {
    expect({ k, calls: small[k].spreadsheetCalls, cells: small[k].cellsRead, all: small[k].allCalls }).toEqual({ k, calls: large[k].spreadsheetCalls, cells: large[k].cellsRead, all: large[k].allCalls });
  }
  // README's figures (emulator/figures.ts), within the email issue's budgets.
  for (const k of ["emailPage", "emailAction"] as const) {
    expect({ k, calls: large[k].spreadsheetCalls, cells: large[k].cellsRead }).toEqual({ k, ...EMAIL_FIGURES[k] });
    expect(EMAIL_FIGURES[k].calls).toBeLessThanOrEqual(BUDGETS[k]);
  }
}, 60000);
