// Range: a fixed block of cells on a sheet; values with Sheets' coercion, formats, notes, validations, checkboxes.
import { toA1 } from "./a1";
import { gasError, integerArgs, signatureError } from "./errors";
import { Fake, asFake, asGas } from "./fake";
import type { CellAttrs } from "./grid";
import { type FakeDataValidation, FakeDataValidationBuilder } from "./data-validation";
import { FakeProtection } from "./protection";
import type { FakeSheet } from "./sheet";
import { sortRows, type SortSpec } from "./sort";
import { FakeTextFinder } from "./text-finder";
import { DEFAULT_NUMBER_FORMAT, coerce, display, readCell, type Stored } from "./values";
import type { World } from "./world";

type GRange = GoogleAppsScript.Spreadsheet.Range;
type Methods =
  | "getValues" | "setValues" | "getValue" | "setValue" | "getDisplayValues" | "getDisplayValue"
  | "getFormulas" | "getFormula" | "setFormula" | "setFormulas"
  | "getNumberFormats" | "getNumberFormat" | "setNumberFormat" | "setNumberFormats"
  | "getBackgrounds" | "getBackground" | "setBackground" | "setBackgrounds"
  | "setFontWeight" | "setFontWeights" | "getFontWeight" | "getFontWeights" | "setFontColor" | "setFontStyle" | "setFontSize" | "setFontFamily"
  | "setNote" | "setNotes" | "getNote" | "getNotes" | "clearNote"
  | "setDataValidation" | "setDataValidations" | "getDataValidation" | "getDataValidations" | "clearDataValidations"
  | "setWrap" | "setWraps" | "getWrap" | "setHorizontalAlignment" | "setHorizontalAlignments" | "getHorizontalAlignment" | "setVerticalAlignment"
  | "getRow" | "getRowIndex" | "getColumn" | "getNumRows" | "getNumColumns" | "getLastRow" | "getLastColumn" | "getHeight" | "getWidth"
  | "getA1Notation" | "getSheet" | "getGridId" | "offset" | "getCell"
  | "clearContent" | "clear" | "clearFormat" | "activate" | "isBlank"
  | "check" | "uncheck" | "isChecked" | "insertCheckboxes" | "removeCheckboxes"
  | "createTextFinder" | "protect" | "sort" | "setBorder";

const STYLE_KEYS: (keyof CellAttrs)[] = ["numberFormat", "background", "fontWeight", "fontColor", "fontStyle", "fontSize", "fontFamily", "horizontalAlignment", "verticalAlignment", "wrap"];

function dimensionError(what: "rows" | "columns", data: number, range: number): Error {
  return gasError(`The number of ${what} in the data does not match the number of ${what} in the range. The data has ${data} but the range has ${range}.`);
}

export class FakeRange extends Fake implements Pick<GRange, Methods> {
  readonly kind = "Range";
  constructor(
    world: World,
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {
    super(world);
  }

  private get tz_(): string {
    return this.sheet.spreadsheet.timeZone;
  }
  private get cells_(): number {
    return this.numRows * this.numCols;
  }

  /** A 2D array over the range, one call per cell with 0-based sheet coordinates. */
  map_<T>(fn: (r: number, c: number) => T): T[][] {
    const out: T[][] = new Array(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const line: T[] = new Array(this.numCols);
      for (let j = 0; j < this.numCols; j++) line[j] = fn(this.row - 1 + i, this.col - 1 + j);
      out[i] = line;
    }
    return out;
  }

  private each_(fn: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) fn(this.row - 1 + i, this.col - 1 + j, i, j);
  }

  private check2d_(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) throw signatureError([data], `SpreadsheetApp.Range.${method}`);
    if (data.length !== this.numRows) throw dimensionError("rows", data.length, this.numRows);
    for (const r of data as unknown[][]) if (r.length !== this.numCols) throw dimensionError("columns", r.length, this.numCols);
    return data as unknown[][];
  }

  /** Writes with Sheets' coercion; all cells are parsed before any is written, so an error writes nothing. */
  private write_(valueAt: (i: number, j: number) => unknown): void {
    const grid = this.sheet.grid;
    const parsed = this.map_((r, c) => coerce(valueAt(r - this.row + 1, c - this.col + 1), grid.attrs(r, c)?.numberFormat, this.tz_));
    this.each_((r, c, i, j) => {
      const w = parsed[i][j];
      grid.setValue(r, c, w.value);
      const a = grid.attrs(r, c);
      grid.setAttr(r, c, "formula", w.formula);
      if (w.format && (!a?.numberFormat || a.numberFormat === DEFAULT_NUMBER_FORMAT)) grid.setAttr(r, c, "numberFormat", w.format);
    });
    this.world.counter.written(this.cells_);
  }

  /** A date cell gives a new Date from its serial number in the spreadsheet's zone (see values.ts). */
  private read_(r: number, c: number): Stored | "" {
    return readCell(this.sheet.grid.value(r, c), this.tz_);
  }

  getValues(): unknown[][] {
    this.world.counter.read(this.cells_);
    return this.map_((r, c) => this.read_(r, c));
  }
  getValue(): unknown {
    this.world.counter.read(1);
    return this.read_(this.row - 1, this.col - 1);
  }
  getDisplayValues(): string[][] {
    this.world.counter.read(this.cells_);
    const g = this.sheet.grid;
    return this.map_((r, c) => display(g.value(r, c), g.attrs(r, c)?.numberFormat, this.tz_, this.sheet.spreadsheet.locale));
  }
  getDisplayValue(): string {
    this.world.counter.read(1);
    const g = this.sheet.grid;
    return display(g.value(this.row - 1, this.col - 1), g.attrs(this.row - 1, this.col - 1)?.numberFormat, this.tz_, this.sheet.spreadsheet.locale);
  }
  setValues(values: unknown[][]): GRange {
    const data = this.check2d_(values, "setValues");
    this.write_((i, j) => data[i][j]);
    return asGas(this);
  }
  setValue(value: unknown): GRange {
    this.write_(() => value);
    return asGas(this);
  }
  getFormulas(): string[][] {
    this.world.counter.read(this.cells_);
    return this.map_((r, c) => this.sheet.grid.attrs(r, c)?.formula ?? "");
  }
  getFormula(): string {
    this.world.counter.read(1);
    return this.sheet.grid.attrs(this.row - 1, this.col - 1)?.formula ?? "";
  }
  setFormula(formula: string): GRange {
    this.write_(() => (formula.startsWith("=") ? formula : `=${formula}`));
    return asGas(this);
  }
  setFormulas(formulas: string[][]): GRange {
    const data = this.check2d_(formulas, "setFormulas");
    this.write_((i, j) => data[i][j]);
    return asGas(this);
  }

  private attr_<K extends keyof CellAttrs>(key: K, r: number, c: number): CellAttrs[K] | undefined {
    return this.sheet.grid.attrs(r, c)?.[key];
  }
  private setAttr_<K extends keyof CellAttrs>(key: K, value: CellAttrs[K]): GRange {
    this.each_((r, c) => this.sheet.grid.setAttr(r, c, key, value));
    return asGas(this);
  }
  private setAttrs_<K extends keyof CellAttrs>(key: K, values: unknown, method: string, conv: (v: unknown) => CellAttrs[K]): GRange {
    const data = this.check2d_(values, method);
    // A row equal to the one before it (a block of formats or rules set for 999 rows) is converted once.
    const grid = this.sheet.grid;
    let prev: unknown[] | null = null;
    let converted: CellAttrs[K][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const src = data[i] as unknown[];
      if (!prev || src.length !== prev.length || src.some((v, j) => v !== (prev as unknown[])[j])) converted = src.map(conv);
      prev = src;
      for (let j = 0; j < this.numCols; j++) grid.setAttr(this.row - 1 + i, this.col - 1 + j, key, converted[j]);
    }
    return asGas(this);
  }
  private nullable_(v: unknown): string | undefined {
    return v === null || v === undefined || v === "" ? undefined : String(v);
  }

  getNumberFormats(): string[][] {
    return this.map_((r, c) => this.attr_("numberFormat", r, c) ?? DEFAULT_NUMBER_FORMAT);
  }
  getNumberFormat(): string {
    return this.attr_("numberFormat", this.row - 1, this.col - 1) ?? DEFAULT_NUMBER_FORMAT;
  }
  setNumberFormat(format: string): GRange {
    return this.setAttr_("numberFormat", format);
  }
  setNumberFormats(formats: unknown[][]): GRange {
    return this.setAttrs_("numberFormat", formats, "setNumberFormats", (v) => this.nullable_(v));
  }
  getBackgrounds(): string[][] {
    return this.map_((r, c) => this.attr_("background", r, c) ?? "#ffffff");
  }
  getBackground(): string {
    return this.attr_("background", this.row - 1, this.col - 1) ?? "#ffffff";
  }
  setBackground(color: string | null): GRange {
    return this.setAttr_("background", this.nullable_(color));
  }
  setBackgrounds(colors: string[][]): GRange {
    return this.setAttrs_("background", colors, "setBackgrounds", (v) => this.nullable_(v));
  }
  setFontWeight(weight: string | null): GRange {
    return this.setAttr_("fontWeight", this.nullable_(weight));
  }
  setFontWeights(weights: unknown[][]): GRange {
    return this.setAttrs_("fontWeight", weights, "setFontWeights", (v) => this.nullable_(v));
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return (this.attr_("fontWeight", this.row - 1, this.col - 1) ?? "normal") as GoogleAppsScript.Spreadsheet.FontWeight;
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.map_((r, c) => (this.attr_("fontWeight", r, c) ?? "normal") as GoogleAppsScript.Spreadsheet.FontWeight);
  }
  setFontColor(color: string | null): GRange {
    return this.setAttr_("fontColor", this.nullable_(color));
  }
  setFontStyle(style: string | null): GRange {
    return this.setAttr_("fontStyle", this.nullable_(style));
  }
  setFontSize(size: number): GRange {
    return this.setAttr_("fontSize", size);
  }
  setFontFamily(family: string | null): GRange {
    return this.setAttr_("fontFamily", this.nullable_(family));
  }
  setWrap(wrap: boolean): GRange {
    return this.setAttr_("wrap", wrap);
  }
  setWraps(wraps: boolean[][]): GRange {
    return this.setAttrs_("wrap", wraps, "setWraps", (v) => Boolean(v));
  }
  getWrap(): boolean {
    return this.attr_("wrap", this.row - 1, this.col - 1) ?? true;
  }
  setHorizontalAlignment(alignment: string | null): GRange {
    return this.setAttr_("horizontalAlignment", this.nullable_(alignment));
  }
  setHorizontalAlignments(alignments: unknown[][]): GRange {
    return this.setAttrs_("horizontalAlignment", alignments, "setHorizontalAlignments", (v) => this.nullable_(v));
  }
  getHorizontalAlignment(): string {
    return this.attr_("horizontalAlignment", this.row - 1, this.col - 1) ?? "general";
  }
  setVerticalAlignment(alignment: string | null): GRange {
    return this.setAttr_("verticalAlignment", this.nullable_(alignment));
  }
  setBorder(..._args: unknown[]): GRange {
    return asGas(this);
  }
  setNote(note: string | null): GRange {
    return this.setAttr_("note", this.nullable_(note));
  }
  setNotes(notes: unknown[][]): GRange {
    return this.setAttrs_("note", notes, "setNotes", (v) => this.nullable_(v));
  }
  getNote(): string {
    return this.attr_("note", this.row - 1, this.col - 1) ?? "";
  }
  getNotes(): string[][] {
    return this.map_((r, c) => this.attr_("note", r, c) ?? "");
  }
  clearNote(): GRange {
    return this.setAttr_("note", undefined);
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GRange {
    const v = rule ? asFake<FakeDataValidation>(rule) : undefined;
    v?.checkLimits_();
    return this.setAttr_("validation", v);
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): GRange {
    const data = this.check2d_(rules, "setDataValidations");
    for (const line of data) for (const rule of line) (rule as FakeDataValidation | null)?.checkLimits_();
    return this.setAttrs_("validation", data, "setDataValidations", (v) => v ?? undefined);
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return (this.attr_("validation", this.row - 1, this.col - 1) as GoogleAppsScript.Spreadsheet.DataValidation | undefined) ?? null;
  }
  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.map_((r, c) => (this.attr_("validation", r, c) as GoogleAppsScript.Spreadsheet.DataValidation | undefined) ?? null);
  }
  clearDataValidations(): GRange {
    return this.setAttr_("validation", undefined);
  }

  private checkbox_(r: number, c: number): FakeDataValidation | undefined {
    const v = this.attr_("validation", r, c) as FakeDataValidation | undefined;
    return v?.isCheckbox_() ? v : undefined;
  }
  private checkValues_(v: FakeDataValidation): [unknown, unknown] {
    const values = v.spec.values;
    return values.length >= 2 ? [values[0], values[1]] : values.length === 1 ? [values[0], ""] : [true, false];
  }
  insertCheckboxes(checked?: unknown, unchecked?: unknown): GRange {
    const rule = new FakeDataValidationBuilder(this.world).requireCheckbox(checked, unchecked).build() as unknown as FakeDataValidation;
    this.setAttr_("validation", rule);
    const off = this.checkValues_(rule)[1];
    this.each_((r, c) => this.sheet.grid.setValue(r, c, off === "" ? undefined : (off as Stored)));
    return asGas(this);
  }
  removeCheckboxes(): GRange {
    this.each_((r, c) => {
      if (!this.checkbox_(r, c)) return;
      this.sheet.grid.setAttr(r, c, "validation", undefined);
      this.sheet.grid.setValue(r, c, undefined);
    });
    return asGas(this);
  }
  private setChecked_(on: boolean): GRange {
    this.each_((r, c) => {
      const rule = this.checkbox_(r, c);
      if (!rule) return;
      const [yes, no] = this.checkValues_(rule);
      this.sheet.grid.setValue(r, c, ((on ? yes : no) === "" ? undefined : on ? yes : no) as Stored);
    });
    this.world.counter.written(this.cells_);
    return asGas(this);
  }
  check(): GRange {
    return this.setChecked_(true);
  }
  uncheck(): GRange {
    return this.setChecked_(false);
  }
  isChecked(): boolean | null {
    let state: boolean | null | undefined;
    this.each_((r, c) => {
      const rule = this.checkbox_(r, c);
      const value = this.read_(r, c);
      const now = rule ? value === this.checkValues_(rule)[0] : null;
      state = state === undefined ? now : state === now ? state : null;
    });
    return state ?? null;
  }

  getRow(): number {
    return this.row;
  }
  getRowIndex(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getHeight(): number {
    return this.numRows;
  }
  getWidth(): number {
    return this.numCols;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.numCols - 1;
  }
  getA1Notation(): string {
    return toA1(this.row, this.col, this.numRows, this.numCols);
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return asGas(this.sheet);
  }
  getGridId(): number {
    return this.sheet.sheetId;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    integerArgs([rowOffset, columnOffset, numRows, numColumns].filter((x) => x !== undefined), "SpreadsheetApp.Range.offset");
    return asGas(this.sheet.range_(this.row + rowOffset, this.col + columnOffset, numRows ?? this.numRows, numColumns ?? this.numCols));
  }
  getCell(row: number, column: number): GRange {
    integerArgs([row, column], "SpreadsheetApp.Range.getCell");
    if (row < 1 || column < 1 || row > this.numRows || column > this.numCols) throw gasError("Cell reference out of range");
    return asGas(this.sheet.range_(this.row + row - 1, this.col + column - 1, 1, 1));
  }
  isBlank(): boolean {
    let blank = true;
    this.each_((r, c) => {
      if (this.sheet.grid.value(r, c) !== undefined || this.attr_("formula", r, c)) blank = false;
    });
    return blank;
  }

  clearContent(): GRange {
    this.each_((r, c) => {
      this.sheet.grid.setValue(r, c, undefined);
      this.sheet.grid.setAttr(r, c, "formula", undefined);
    });
    return asGas(this);
  }
  clearFormat(): GRange {
    for (const key of STYLE_KEYS) this.setAttr_(key, undefined);
    return asGas(this);
  }
  clear(options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; skipFilteredRows?: boolean }): GRange {
    const o = options ?? {};
    const only = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    if (!only || o.contentsOnly) this.clearContent();
    if (!only || o.formatOnly) this.clearFormat();
    if (o.validationsOnly) this.clearDataValidations();
    if (o.commentsOnly) this.clearNote();
    return asGas(this);
  }
  activate(): GRange {
    this.sheet.spreadsheet.activeSheet = this.sheet;
    this.sheet.spreadsheet.activeRange = this;
    return asGas(this);
  }
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return asGas(new FakeTextFinder(this.world, [this], findText));
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const p = new FakeProtection(this.world, "RANGE", this.sheet, this);
    this.sheet.protections.push(p);
    return asGas(p);
  }
  sort(sortSpecObj: unknown): GRange {
    sortRows(this.sheet.grid, this.row - 1, this.numRows, this.col, sortSpecObj as SortSpec);
    return asGas(this);
  }
}
