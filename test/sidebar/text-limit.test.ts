// The length limits as the panel says them (5.000 for long texts, each field its own), in Bahasa Indonesia and English.
import { MAX_TEXT as SERVER_MAX } from "../../src/domain/fields";
import { setLang } from "../../sidebar/i18n";
import { counterFrom, groupDigits, isTooLong, limitOf, MAX_TEXT, tooLong } from "../../sidebar/text-limit";

afterEach(() => setLang("id"));

test("the panel's limit is the server's", () => {
  expect(MAX_TEXT).toBe(SERVER_MAX);
  expect(isTooLong("a".repeat(SERVER_MAX))).toBe(false);
  expect(isTooLong("a".repeat(SERVER_MAX + 1))).toBe(true);
});

test("the message names the field and the limit with the language's digit grouping", () => {
  expect(tooLong("Alasan pengembalian")).toBe("Alasan pengembalian terlalu panjang (maksimal 5.000 karakter).");
  expect(groupDigits(1234567)).toBe("1.234.567");
  expect(groupDigits(999)).toBe("999");
  setLang("en");
  expect(tooLong("Reason for returning")).toBe("Reason for returning is too long (at most 5,000 characters).");
});

test("each field's own limit: the server's maxLength, or the long-text limit from a server that sends none", () => {
  expect(limitOf({ maxLength: 300 })).toBe(300);
  expect(limitOf({ maxLength: 254 })).toBe(254);
  expect(limitOf({})).toBe(SERVER_MAX);
  expect(limitOf({ maxLength: 0 })).toBe(SERVER_MAX);
  expect(tooLong("Perihal", 300)).toBe("Perihal terlalu panjang (maksimal 300 karakter).");
  expect(isTooLong("a".repeat(300), 300)).toBe(false);
  expect(isTooLong("a".repeat(301), 300)).toBe(true);
});

test("the counter appears in the last fifth of a limit, at most 500 characters before it", () => {
  expect(counterFrom(5000)).toBe(4500);
  expect(counterFrom(500)).toBe(400);
  expect(counterFrom(300)).toBe(240);
  expect(counterFrom(254)).toBe(203);
  expect(counterFrom(30)).toBe(24);
});
