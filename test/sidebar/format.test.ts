// WIB dates, working-minute durations, the SLA bar and which links may become clickable.
import { formatMinutes, formatWib, safeHref, slaPercent } from "../../sidebar/format";
import { setLang } from "../../sidebar/i18n";

afterEach(() => setLang("id"));

test("an instant is shown in WIB (UTC+7), across midnight and the year end", () => {
  expect(formatWib("2026-11-29T07:05:00.000Z")).toBe("29 Nov 2026 14.05");
  expect(formatWib("2026-12-31T17:30:00Z")).toBe("1 Jan 2027 00.30");
  expect(formatWib("2026-08-16T23:59:00Z")).toBe("17 Agu 2026 06.59");
  setLang("en");
  expect(formatWib("2026-08-16T23:59:00Z")).toBe("17 Aug 2026 06:59");
});

test("text that is not a date is shown as it came", () => {
  expect(formatWib("besok")).toBe("besok");
});

test("working minutes read as minutes, hours, or both", () => {
  expect(formatMinutes(0)).toBe("0 mnt");
  expect(formatMinutes(45)).toBe("45 mnt");
  expect(formatMinutes(120)).toBe("2 j");
  expect(formatMinutes(95)).toBe("1 j 35 mnt");
  expect(formatMinutes(-5)).toBe("0 mnt");
  setLang("en");
  expect(formatMinutes(95)).toBe("1 h 35 min");
});

test("the SLA bar fills with the share of the standard spent, capped at full", () => {
  expect(slaPercent(30, 60)).toBe(50);
  expect(slaPercent(90, 60)).toBe(100);
  expect(slaPercent(10, null)).toBe(0);
  expect(slaPercent(10, 0)).toBe(0);
});

test("only https links become clickable", () => {
  expect(safeHref(" https://drive.google.com/file/d/1/view ")).toBe("https://drive.google.com/file/d/1/view");
  expect(safeHref("javascript:alert(1)")).toBeNull();
  expect(safeHref("http://drive.google.com")).toBeNull();
  expect(safeHref('https://x.test/"><img src=x>')).toBeNull();
  expect(safeHref("")).toBeNull();
});
