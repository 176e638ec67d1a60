// The 5.000-character limit as the panel says it, in Bahasa Indonesia and English.
import { MAX_TEXT as SERVER_MAX } from "../../src/domain/fields";
import { setLang } from "../../sidebar/i18n";
import { groupDigits, isTooLong, MAX_TEXT, tooLong } from "../../sidebar/text-limit";

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
