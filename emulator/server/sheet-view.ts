// What the page draws of one sheet: a window of rows as display text with formats, checkboxes, dropdowns and rule colours.
import type { FakeConditionalFormatRule } from "../fakes/conditional-format";
import { FakeDataValidation } from "../fakes/data-validation";
import { formatJavaDate } from "../fakes/date-format";
import type { CellAttrs } from "../fakes/grid";
import type { FakeSheet } from "../fakes/sheet";
import type { FakeSpreadsheet } from "../fakes/spreadsheet";
import { offsetMinutes } from "../fakes/time-zone";
import { display, type Stored } from "../fakes/values";
import { evaluate, type FormulaContext, satisfied, type Value } from "./formula";
import { invalidMark, showsDropdown, violation } from "./validation";

export const PAGE_ROWS = 200;

export interface CellView {
  /** Display text. */
  t: string;
  /** Raw value or formula for the formula bar, when it differs from t. */
  raw?: string;
  bg?: string;
  fc?: string;
  b?: 1;
  i?: 1;
  s?: 1;
  al?: string;
  /** Checkbox cell: its state. */
  chk?: boolean;
  /** Dropdown (list validation), and its choices. */
  dd?: 1;
  /** The value breaks the cell's validation rule (kept under a warning-only rule, or written by a script): why. */
  bad?: string;
  note?: string;
  /** Numbers and dates align right unless told otherwise. */
  num?: 1;
  wrap?: 1;
}

export interface SheetView {
  name: string;
  maxRows: number;
  maxCols: number;
  lastRow: number;
  lastCol: number;
  frozenRows: number;
  frozenCols: number;
  offset: number;
  rows: { r: number; cells: CellView[] }[];
  cols: { c: number; width: number }[];
  active: { row: number; col: number; numRows: number; numCols: number } | null;
}

export interface TabView {
  name: string;
  hidden: boolean;
  color: string | null;
  rows: number;
}

export function tabs(ss: FakeSpreadsheet): TabView[] {
  return ss.sheets.map((s) => ({ name: s.name, hidden: s.hidden, color: s.tabColor, rows: Math.max(0, s.grid.lastRow() - s.frozenRows) }));
}

/** What the cell shows, as the fakes' getDisplayValues does: the sheet's locale names months and orders the day first. */
function text(sheet: FakeSheet, v: Stored, a: CellAttrs | undefined, tz: string): string {
  return display(v, a?.numberFormat, tz, sheet.spreadsheet.locale);
}

function within(rule: FakeConditionalFormatRule, sheet: FakeSheet, r: number, c: number): boolean {
  return rule.spec.ranges.some((g) => g.sheet === sheet && r >= g.row && r < g.row + g.numRows && c >= g.col && c < g.col + g.numCols);
}

/** Sheets serial day number of an instant in the spreadsheet's zone (what a formula sees of a date cell). */
function serial(ms: number, tz: string): number {
  return (ms + offsetMinutes(ms, tz) * 60_000) / 86_400_000 + 25569;
}

function formulaContext(sheet: FakeSheet, now: number): FormulaContext {
  const tz = sheet.spreadsheet.timeZone;
  return {
    now: serial(now, tz),
    value: (row, col): Value => {
      if (row < 1 || col < 1) return null;
      const v = sheet.grid.value(row - 1, col - 1);
      if (v === undefined || v === "") return v === "" ? "" : null;
      return v instanceof Date ? serial(v.getTime(), tz) : (v as Value);
    },
  };
}

/** The rule kinds setup uses, custom formulas included (evaluated on the world's clock). */
function matches(rule: FakeConditionalFormatRule, v: Stored, at: { sheet: FakeSheet; r: number; c: number; ctx: () => FormulaContext }): boolean {
  const [x] = rule.spec.values as unknown[];
  if (rule.spec.condition === "CUSTOM_FORMULA") {
    const first = rule.spec.ranges.find((g) => g.sheet === at.sheet && at.r >= g.row && at.r < g.row + g.numRows && at.c >= g.col && at.c < g.col + g.numCols);
    return !!first && satisfied(String(x), at.ctx(), { row: at.r, col: at.c }, { row: first.row, col: first.col });
  }
  const n = typeof v === "number" ? v : v instanceof Date ? Number.NaN : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
  const s = v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v);
  switch (rule.spec.condition) {
    case "NUMBER_GREATER_THAN":
      return n > Number(x);
    case "NUMBER_LESS_THAN":
      return n < Number(x);
    case "TEXT_CONTAINS":
      return s.toLowerCase().includes(String(x).toLowerCase());
    case "TEXT_EQUAL_TO":
      return s === String(x);
    case "CELL_EMPTY":
      return s === "";
    case "CELL_NOT_EMPTY":
      return s !== "";
    default:
      return false;
  }
}

/**
 * A formula's result as the grid shows it: the fakes keep formulas without computing them, so what the small evaluator
 * knows (arithmetic, references, comparisons, AND/OR/IF, NOW…) is computed here; anything else shows as written.
 */
function formulaShown(sheet: FakeSheet, r: number, c: number, formula: string, ctx: () => FormulaContext): { t: string; num: boolean } {
  try {
    const x = evaluate(formula, ctx(), { row: r, col: c }, { row: r, col: c });
    if (typeof x === "number") return { t: String(Number(x.toPrecision(15))), num: true };
    if (typeof x === "boolean") return { t: x ? "TRUE" : "FALSE", num: false };
    return { t: x === null ? "" : String(x), num: false };
  } catch {
    void sheet;
    return { t: formula, num: false };
  }
}

function cell(sheet: FakeSheet, r: number, c: number, tz: string, rules: FakeConditionalFormatRule[], ctx: () => FormulaContext): CellView {
  const v = sheet.grid.value(r - 1, c - 1);
  const a = sheet.grid.attrs(r - 1, c - 1);
  const computed = a?.formula && v === undefined ? formulaShown(sheet, r, c, a.formula, ctx) : null;
  const out: CellView = { t: computed ? computed.t : text(sheet, v, a, tz) };
  if (computed?.num) out.num = 1;
  if (a?.formula) out.raw = a.formula;
  else if (v instanceof Date) out.raw = formatJavaDate(v.getTime(), tz, "d/M/yyyy H:mm:ss");
  if (typeof v === "number" || v instanceof Date) out.num = 1;
  if (a?.background) out.bg = a.background;
  if (a?.fontColor) out.fc = a.fontColor;
  if (a?.fontWeight === "bold") out.b = 1;
  if (a?.fontStyle === "italic") out.i = 1;
  if (a?.horizontalAlignment) out.al = a.horizontalAlignment;
  if (a?.wrap) out.wrap = 1;
  if (a?.note) out.note = a.note;
  const dv = a?.validation;
  if (dv instanceof FakeDataValidation) {
    if (dv.spec.criteria === "CHECKBOX") out.chk = v === (dv.spec.values.length ? dv.spec.values[0] : true);
    else if (showsDropdown(dv) && r <= sheet.grid.lastRow() + 1) out.dd = 1;
    const why = a?.formula ? null : violation(dv, v, { sheet, row: r, col: c });
    if (why) out.bad = invalidMark(dv, why);
  }
  for (const rule of rules) {
    if (!within(rule, sheet, r, c) || !matches(rule, v, { sheet, r, c, ctx })) continue;
    const f = rule.spec.format;
    if (typeof f.background === "string") out.bg = f.background;
    if (typeof f.fontColor === "string") out.fc = f.fontColor;
    if (f.bold) out.b = 1;
    if (f.italic) out.i = 1;
    if (f.strikethrough) out.s = 1;
    break;
  }
  return out;
}

/**
 * Rows offset+1 .. offset+PAGE_ROWS (after the frozen rows, which always come first), over the columns with content
 * and a little room after them.
 */
export function sheetView(sheet: FakeSheet, offset: number, active: { row: number; col: number; numRows: number; numCols: number } | null = null): SheetView {
  const tz = sheet.spreadsheet.timeZone;
  const lastRow = sheet.grid.lastRow();
  const lastCol = sheet.grid.lastCol();
  const shownRows = Math.min(sheet.grid.maxRows, Math.max(lastRow + 5, 30));
  const shownCols = Math.min(sheet.grid.maxCols, Math.max(lastCol + 1, 8));
  const frozen = sheet.frozenRows;
  const start = Math.max(frozen + 1, Math.min(frozen + 1 + offset, shownRows));
  const end = Math.min(shownRows, start + PAGE_ROWS - 1);
  const wanted = [...Array.from({ length: frozen }, (_, i) => i + 1), ...Array.from({ length: Math.max(0, end - start + 1) }, (_, i) => start + i)];
  const cols = Array.from({ length: shownCols }, (_, i) => i + 1).filter((c) => !sheet.hiddenCols.has(c));
  const rules = sheet.rules;
  let fctx: FormulaContext | null = null;
  const ctx = () => (fctx ??= formulaContext(sheet, sheet.world.now()));
  const rows = wanted.filter((r) => !sheet.hiddenRows.has(r)).map((r) => ({ r, cells: cols.map((c) => cell(sheet, r, c, tz, rules, ctx)) }));
  // Columns nobody sized fit their longest text on this page, within reason.
  const fitted = (j: number) => Math.min(260, Math.max(64, ...rows.map((row) => row.cells[j].t.length * 7.6 + 26)));
  return {
    name: sheet.name,
    maxRows: sheet.grid.maxRows,
    maxCols: sheet.grid.maxCols,
    lastRow,
    lastCol,
    frozenRows: frozen,
    frozenCols: sheet.frozenCols,
    offset: start - frozen - 1,
    rows,
    cols: cols.map((c, j) => ({ c, width: sheet.colWidths.get(c) ?? Math.round(fitted(j)) })),
    active: active ? { row: active.row, col: active.col, numRows: active.numRows, numCols: active.numCols } : null,
  };
}
