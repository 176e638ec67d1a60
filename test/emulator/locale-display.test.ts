// Dates shown in the spreadsheet's locale (Sheets: "locale affects formatting details such as functions, dates, and currency").
import { createWorld } from "../../emulator/fakes";

const REFERENCE = "https://support.google.com/docs/answer/58515";

function shown(locale: string, format: string | null): string {
  const world = createWorld();
  const ss = world.globals.SpreadsheetApp.getActiveSpreadsheet();
  ss.setSpreadsheetLocale(locale);
  const cell = ss.getSheetByName("Sheet1")!.getRange("A1");
  cell.setValue(new Date(Date.UTC(2026, 7, 3, 2, 30))); // 3 August 2026, 09:30 WIB
  if (format) cell.setNumberFormat(format);
  return cell.getDisplayValue();
}

describe(`display values follow the spreadsheet locale (${REFERENCE})`, () => {
  test("an Indonesian sheet names months in Indonesian", () => {
    expect(shown("in_ID", "d mmm yyyy")).toBe("3 Agu 2026");
    expect(shown("in_ID", "d mmmm yyyy")).toBe("3 Agustus 2026");
    expect(shown("in_ID", "dddd, d mmmm yyyy")).toBe("Senin, 3 Agustus 2026");
  });

  test("an English sheet names them in English", () => {
    expect(shown("en_US", "d mmm yyyy")).toBe("3 Aug 2026");
  });

  test("an unformatted date-time is day first in Indonesian, month first in the US", () => {
    expect(shown("in_ID", null)).toBe("3/8/2026 9:30:00");
    expect(shown("en_US", null)).toBe("8/3/2026 9:30:00");
  });
});
