// Case fields typed in the panel: Indonesian numbers, dates, choices and emails, each refused with a message saying why.
import { checkFields } from "../../src/domain/fields";
import type { CaseField } from "../../src/domain/sop";

const NILAI: CaseField = { key: "nilai", label: "Nilai", type: "number", required: true };

function number(text: string) {
  const r = checkFields([NILAI], { nilai: text });
  return r.ok ? r.values.nilai : r.errors.nilai;
}

describe("number fields in the Indonesian style", () => {
  test.each([
    ["1250000", 1250000],
    ["1.250.000", 1250000],
    ["1.250.000,50", 1250000.5],
    ["2,5", 2.5],
    ["-3", -3],
  ])("%s reads as %d", (text, value) => expect(number(text)).toBe(value));

  test("2.5 is ambiguous and refused with how to write it, never read as 25", () => {
    expect(number("2.5")).toBe("Nilai: pakai koma untuk desimal (mis. 2,5); titik hanya pemisah ribuan (mis. 1.250.000).");
  });

  test.each(["12.34.567", "1,2,3", "dua", "1.25"])("%s is not a number", (text) => expect(typeof number(text)).toBe("string"));
});
