// Data validation as Sheets applies it to a person's edit: whether a value breaks a cell's rule, the words Sheets shows
// (the rule's help text, else its own wording), the list a dropdown offers. Scripts are never checked (setValue bypasses
// validation, as in Apps Script); the grid marks an invalid value however it got there.
import { toA1 } from "../fakes/a1";
import { FakeDataValidation } from "../fakes/data-validation";
import { formatJavaDate } from "../fakes/date-format";
import { isDate } from "../fakes/errors";
import type { FakeRange } from "../fakes/range";
import type { FakeSheet } from "../fakes/sheet";
import { offsetMinutes } from "../fakes/time-zone";
import { display, type Stored } from "../fakes/values";
import { type FormulaContext, satisfied, type Value } from "./formula";

export function ruleAt(sheet: FakeSheet, row: number, col: number): FakeDataValidation | undefined {
  const v = sheet.grid.attrs(row - 1, col - 1)?.validation;
  return v instanceof FakeDataValidation ? v : undefined;
}

/** What a checkbox stores when ticked and when not: TRUE/FALSE unless the rule names its own values. */
export function checkboxValues(rule: FakeDataValidation): [unknown, unknown] {
  const v = rule.spec.values;
  return v.length >= 2 ? [v[0], v[1]] : v.length === 1 ? [v[0], ""] : [true, false];
}

/** The items of a list rule (from its list, or the values of its range as they show), or null for other rules. */
export function listOptions(rule: FakeDataValidation): string[] | null {
  if (rule.spec.criteria === "VALUE_IN_LIST") return ((rule.spec.values[0] as unknown[]) ?? []).map(String);
  if (rule.spec.criteria === "VALUE_IN_RANGE") {
    const r = rule.spec.values[0] as FakeRange | undefined;
    if (!r?.sheet) return [];
    const g = r.sheet.grid;
    const tz = r.sheet.spreadsheet.timeZone;
    const out: string[] = [];
    for (let i = 0; i < r.numRows; i++)
      for (let j = 0; j < r.numCols; j++) {
        const t = display(g.value(r.row - 1 + i, r.col - 1 + j), g.attrs(r.row - 1 + i, r.col - 1 + j)?.numberFormat, tz, r.sheet.spreadsheet.locale);
        if (t !== "" && !out.includes(t)) out.push(t);
      }
    return out;
  }
  return null;
}

/** Whether the list rule shows its arrow (requireValueInList(values, showDropdown)). */
export function showsDropdown(rule: FakeDataValidation): boolean {
  return (rule.spec.criteria === "VALUE_IN_LIST" || rule.spec.criteria === "VALUE_IN_RANGE") && rule.spec.values[1] !== false;
}

const serial = (ms: number, tz: string) => (ms + offsetMinutes(ms, tz) * 60_000) / 86_400_000 + 25569;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?:\/\/)?[^\s/$.?#][^\s.]*\.[^\s]+$/i;

function dayText(v: unknown, tz: string): string {
  return isDate(v) ? formatJavaDate((v as Date).getTime(), tz, "d/M/yyyy") : String(v);
}

/**
 * Why `value` breaks the rule, in the words Sheets uses for the criterion (Bahasa Indonesia), or null when it is
 * valid. An empty cell never breaks a rule. `at` places the cell for custom formulas (relative references).
 */
export function violation(rule: FakeDataValidation, value: Stored, at: { sheet: FakeSheet; row: number; col: number }): string | null {
  if (value === undefined || value === "") return null;
  const { criteria, values } = rule.spec;
  const tz = at.sheet.spreadsheet.timeZone;
  const shown = display(value, at.sheet.grid.attrs(at.row - 1, at.col - 1)?.numberFormat, tz, at.sheet.spreadsheet.locale);
  const n = typeof value === "number" ? value : isDate(value) ? serial((value as Date).getTime(), tz) : Number.NaN;
  const num = (x: unknown) => (isDate(x) ? serial((x as Date).getTime(), tz) : Number(x));
  switch (criteria) {
    case "VALUE_IN_LIST":
    case "VALUE_IN_RANGE": {
      const list = listOptions(rule) ?? [];
      return list.includes(shown) ? null : `Masukkan salah satu nilai berikut: ${list.join(", ")}.`;
    }
    case "CHECKBOX": {
      const [on, off] = checkboxValues(rule);
      const same = (x: unknown) => (typeof x === "string" && typeof value === "string" ? x.toLowerCase() === value.toLowerCase() : x === value);
      return same(on) || same(off) ? null : `Masukkan ${String(on).toUpperCase()} atau ${String(off === "" ? "kosong" : off).toUpperCase()}.`;
    }
    case "DATE_IS_VALID_DATE":
      return isDate(value) ? null : "Masukkan tanggal yang valid.";
    case "DATE_AFTER":
      return isDate(value) && n > num(values[0]) ? null : `Masukkan tanggal setelah ${dayText(values[0], tz)}.`;
    case "DATE_BEFORE":
      return isDate(value) && n < num(values[0]) ? null : `Masukkan tanggal sebelum ${dayText(values[0], tz)}.`;
    case "DATE_BETWEEN":
      return isDate(value) && n >= num(values[0]) && n <= num(values[1]) ? null : `Masukkan tanggal antara ${dayText(values[0], tz)} dan ${dayText(values[1], tz)}.`;
    case "NUMBER_BETWEEN":
      return n >= Number(values[0]) && n <= Number(values[1]) ? null : `Masukkan angka antara ${values[0]} dan ${values[1]}.`;
    case "NUMBER_GREATER_THAN":
      return n > Number(values[0]) ? null : `Masukkan angka yang lebih besar dari ${values[0]}.`;
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return n >= Number(values[0]) ? null : `Masukkan angka yang lebih besar dari atau sama dengan ${values[0]}.`;
    case "NUMBER_LESS_THAN":
      return n < Number(values[0]) ? null : `Masukkan angka yang lebih kecil dari ${values[0]}.`;
    case "TEXT_CONTAINS":
      return shown.includes(String(values[0])) ? null : `Masukkan teks yang memuat "${values[0]}".`;
    case "TEXT_IS_VALID_EMAIL":
      return EMAIL.test(shown) ? null : "Masukkan alamat email yang valid.";
    case "TEXT_IS_VALID_URL":
      return URL_RE.test(shown) ? null : "Masukkan URL yang valid.";
    case "CUSTOM_FORMULA": {
      const formula = String(values[0] ?? "");
      const ctx: FormulaContext = {
        now: serial(at.sheet.world.now(), tz),
        value: (r, c): Value => {
          const v = r === at.row && c === at.col ? value : at.sheet.grid.value(r - 1, c - 1);
          return v === undefined ? null : isDate(v) ? serial((v as Date).getTime(), tz) : (v as Value);
        },
      };
      // A rule's formula is written for the top-left cell of the range it was set on; Sheets keeps no range for a
      // validation, so references are taken as written for this cell (assumed: the fakes keep rules per cell).
      return satisfied(formula, ctx, { row: at.row, col: at.col }, { row: at.row, col: at.col }) ? null : `Masukkan nilai yang memenuhi rumus: ${formula}`;
    }
    default:
      return null;
  }
}

/**
 * The message that refuses an edit (rule with allowInvalid false): the rule's help text when it has one, else Sheets'
 * own sentence naming the cell, then the criterion. Sheets' Indonesian wording is not documented (assumed).
 */
export function refusal(rule: FakeDataValidation, why: string, row: number, col: number): string {
  const help = (rule.spec.helpText ?? "").trim();
  if (help) return help;
  return `Data yang Anda masukkan di sel ${toA1(row, col, 1, 1)} melanggar aturan validasi data yang ditetapkan pada sel ini. ${why}`;
}

/** The words on an invalid cell kept under a warning-only rule (Sheets marks it and says "Tidak valid: …"). */
export function invalidMark(rule: FakeDataValidation, why: string): string {
  const help = (rule.spec.helpText ?? "").trim();
  return `Tidak valid: ${help || why}`;
}
