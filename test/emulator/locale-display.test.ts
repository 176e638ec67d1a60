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

const FORMATS = "https://developers.google.com/sheets/api/guides/formats";

function number(locale: string, v: number, format: string): string {
  const world = createWorld();
  const ss = world.globals.SpreadsheetApp.getActiveSpreadsheet();
  ss.setSpreadsheetLocale(locale);
  const cell = ss.getSheetByName("Sheet1")!.getRange("A1");
  cell.setValue(v);
  cell.setNumberFormat(format);
  return cell.getDisplayValue();
}

describe(`numbers follow the locale's marks; quoted text and elapsed hours as the format guide says (${FORMATS})`, () => {
  test("an Indonesian sheet writes a decimal comma and groups thousands with a dot (assumed: Sheets' Indonesian number style)", () => {
    expect(number("in_ID", 18.75, "0.0")).toBe("18,8");
    expect(number("in_ID", 1234567, "#,##0")).toBe("1.234.567");
    expect(number("en_US", 18.75, "0.0")).toBe("18.8");
    expect(number("en_US", 1234567, "#,##0")).toBe("1,234,567");
  });

  test("quoted literals stand where they are written", () => {
    expect(number("in_ID", 82.4, '0"%"')).toBe("82%");
    expect(number("in_ID", 15, '0" mnt"')).toBe("15 mnt");
  });

  test("[h] is elapsed hours; m after an hours token is minutes, not the month", () => {
    expect(number("in_ID", 200 / 1440, '[h] "j" m "mnt"')).toBe("3 j 20 mnt");
    expect(number("in_ID", 1805 / 1440, '[h] "j" m "mnt"')).toBe("30 j 5 mnt");
    expect(number("in_ID", 65 / 1440, "[h]:mm")).toBe("1:05");
  });
});
