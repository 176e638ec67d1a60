// Sheet: size, rows and columns that shift data, getRange with Apps Script's errors, protections, sorting.
import { parseA1 } from "./a1";
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder, newSpec, placeChart } from "./chart";
import type { FakeConditionalFormatRule } from "./conditional-format";
import { gasError, integerArgs, signatureError } from "./errors";
import { Fake, asFake, asGas } from "./fake";
import { Grid } from "./grid";
import { FakeProtection } from "./protection";
import { FakeRange } from "./range";
import { FakeRangeList } from "./range-list";
import { sortRows } from "./sort";
import type { FakeSpreadsheet } from "./spreadsheet";
import { FakeTextFinder } from "./text-finder";
import type { World } from "./world";

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type Methods =
  | "getName" | "setName" | "getSheetName" | "getSheetId" | "getIndex" | "getParent" | "getType"
  | "getLastRow" | "getLastColumn" | "getMaxRows" | "getMaxColumns"
  | "insertRows" | "insertRowsAfter" | "insertRowsBefore" | "insertRowAfter" | "insertRowBefore"
  | "insertColumns" | "insertColumnsAfter" | "insertColumnsBefore" | "insertColumnAfter" | "insertColumnBefore"
  | "deleteRow" | "deleteRows" | "deleteColumn" | "deleteColumns" | "appendRow"
  | "getRange" | "getRangeList" | "getDataRange" | "getSheetValues"
  | "setFrozenRows" | "getFrozenRows" | "setFrozenColumns" | "getFrozenColumns"
  | "setColumnWidth" | "setColumnWidths" | "getColumnWidth" | "setRowHeight" | "getRowHeight" | "autoResizeColumn" | "autoResizeColumns"
  | "hideColumns" | "showColumns" | "isColumnHiddenByUser" | "hideRows" | "showRows" | "isRowHiddenByUser"
  | "hideSheet" | "showSheet" | "isSheetHidden" | "setTabColor" | "getTabColor"
  | "protect" | "getProtections" | "createTextFinder" | "getConditionalFormatRules" | "setConditionalFormatRules"
  | "sort" | "activate" | "clear" | "clearContents" | "clearFormats" | "clearNotes" | "getCharts" | "getFilter" | "copyTo"
  | "newChart" | "insertChart" | "removeChart" | "updateChart";

/** Assumed wording: the reference does not say what removeChart/updateChart do with a chart this sheet lacks. */
export const CHART_NOT_ON_SHEET = "The chart does not exist on this sheet.";

export const MAX_SHEET_NAME = 100;

export class FakeSheet extends Fake implements Pick<GSheet, Methods> {
  readonly kind = "Sheet";
  readonly grid: Grid;
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  tabColor: string | null = null;
  protections: FakeProtection[] = [];
  rules: FakeConditionalFormatRule[] = [];
  /** Inserted charts, in insertion order; they go when the sheet goes. */
  charts: FakeEmbeddedChart[] = [];
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenCols = new Set<number>();
  readonly hiddenRows = new Set<number>();

  constructor(
    world: World,
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly sheetId: number,
    rows = 1000,
    cols = 26,
  ) {
    super(world);
    this.grid = new Grid(rows, cols);
  }

  /** A validated range (1-based), with Apps Script's error for each way it can be wrong. */
  range_(row: number, col: number, numRows: number, numCols: number): FakeRange {
    if (row < 1) throw gasError("The starting row of the range is too small.");
    if (col < 1) throw gasError("The starting column of the range is too small.");
    if (numRows < 1) throw gasError("The number of rows in the range must be at least 1.");
    if (numCols < 1) throw gasError("The number of columns in the range must be at least 1.");
    if (row + numRows - 1 > this.grid.maxRows || col + numCols - 1 > this.grid.maxCols) {
      throw gasError("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return new FakeRange(this.world, this, Math.trunc(row), Math.trunc(col), Math.trunc(numRows), Math.trunc(numCols));
  }

  /** A range from A1 notation relative to this sheet ("A1", "A2:C", "B:B", "3:4"). */
  rangeA1_(notation: string): FakeRange {
    const ref = parseA1(notation);
    if (!ref) throw gasError("Range not found");
    const r1 = ref.row1 ?? 1;
    const c1 = ref.col1 ?? 1;
    const r2 = ref.row2 ?? this.grid.maxRows;
    const c2 = ref.col2 ?? this.grid.maxCols;
    const top = Math.min(r1, r2);
    const left = Math.min(c1, c2);
    return this.range_(top, left, Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1);
  }

  getName(): string {
    return this.name;
  }
  getSheetName(): string {
    return this.name;
  }
  setName(name: string): GSheet {
    this.spreadsheet.checkSheetName_(name, this);
    this.name = name;
    return asGas(this);
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return asGas(this.spreadsheet);
  }
  getType(): GoogleAppsScript.Spreadsheet.SheetType {
    return "GRID" as unknown as GoogleAppsScript.Spreadsheet.SheetType;
  }
  getLastRow(): number {
    return this.grid.lastRow();
  }
  getLastColumn(): number {
    return this.grid.lastCol();
  }
  getMaxRows(): number {
    return this.grid.maxRows;
  }
  getMaxColumns(): number {
    return this.grid.maxCols;
  }

  private rowsAt_(position: number, howMany: number, after: boolean): GSheet {
    if (!(position >= (after ? 1 : 1)) || position > this.grid.maxRows || !(howMany >= 1)) throw gasError("Those rows are out of bounds.");
    this.grid.insertRows(after ? position : position - 1, howMany);
    return asGas(this);
  }
  private colsAt_(position: number, howMany: number, after: boolean): GSheet {
    if (!(position >= 1) || position > this.grid.maxCols || !(howMany >= 1)) throw gasError("Those columns are out of bounds.");
    this.grid.insertCols(after ? position : position - 1, howMany);
    return asGas(this);
  }
  insertRows(rowIndex: number, numRows?: number): void {
    this.rowsAt_(rowIndex, numRows ?? 1, false);
  }
  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    return this.rowsAt_(afterPosition, howMany, true);
  }
  insertRowsBefore(beforePosition: number, howMany: number): GSheet {
    return this.rowsAt_(beforePosition, howMany, false);
  }
  insertRowAfter(afterPosition: number): GSheet {
    return this.rowsAt_(afterPosition, 1, true);
  }
  insertRowBefore(beforePosition: number): GSheet {
    return this.rowsAt_(beforePosition, 1, false);
  }
  insertColumns(columnIndex: number, numColumns?: number): void {
    this.colsAt_(columnIndex, numColumns ?? 1, false);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    return this.colsAt_(afterPosition, howMany, true);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): GSheet {
    return this.colsAt_(beforePosition, howMany, false);
  }
  insertColumnAfter(afterPosition: number): GSheet {
    return this.colsAt_(afterPosition, 1, true);
  }
  insertColumnBefore(beforePosition: number): GSheet {
    return this.colsAt_(beforePosition, 1, false);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (!(rowPosition >= 1) || !(howMany >= 1) || rowPosition + howMany - 1 > this.grid.maxRows) throw gasError("Those rows are out of bounds.");
    if (howMany >= this.grid.maxRows - this.frozenRows) throw gasError("Sorry, it is not possible to delete all non-frozen rows.");
    this.grid.deleteRows(rowPosition - 1, howMany);
  }
  deleteRow(rowPosition: number): GSheet {
    this.deleteRows(rowPosition, 1);
    return asGas(this);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (!(columnPosition >= 1) || !(howMany >= 1) || columnPosition + howMany - 1 > this.grid.maxCols) throw gasError("Those columns are out of bounds.");
    if (howMany >= this.grid.maxCols - this.frozenCols) throw gasError("Sorry, it is not possible to delete all non-frozen columns.");
    this.grid.deleteCols(columnPosition - 1, howMany);
  }
  deleteColumn(columnPosition: number): GSheet {
    this.deleteColumns(columnPosition, 1);
    return asGas(this);
  }
  /** Writes after the last row with content, growing the sheet as Sheets does. */
  appendRow(rowContents: unknown[]): GSheet {
    if (!Array.isArray(rowContents)) throw signatureError([rowContents], "SpreadsheetApp.Sheet.appendRow");
    const row = this.grid.lastRow() + 1;
    if (row > this.grid.maxRows) this.grid.maxRows = row;
    if (rowContents.length > this.grid.maxCols) this.grid.maxCols = rowContents.length;
    if (rowContents.length > 0) this.range_(row, 1, 1, rowContents.length).setValues([rowContents]);
    return asGas(this);
  }

  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number): GRange {
    const args = [a, column, numRows, numColumns].filter((x) => x !== undefined);
    if (typeof a === "string" && args.length === 1) {
      const ref = parseA1(a);
      if (ref?.sheet !== undefined && ref.sheet !== this.name) return asGas(this.spreadsheet.rangeA1_(a));
      return asGas(this.rangeA1_(ref?.sheet !== undefined ? a.slice(a.lastIndexOf("!") + 1) : a));
    }
    if (args.length < 2) throw signatureError(args, "SpreadsheetApp.Sheet.getRange");
    integerArgs(args, "SpreadsheetApp.Sheet.getRange");
    return asGas(this.range_(a as number, column!, numRows ?? 1, numColumns ?? 1));
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    return asGas(new FakeRangeList(this.world, a1Notations.map((n) => this.rangeA1_(n))));
  }
  getDataRange(): GRange {
    return asGas(this.range_(1, 1, Math.max(this.grid.lastRow(), 1), Math.max(this.grid.lastCol(), 1)));
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    integerArgs([startRow, startColumn, numRows, numColumns], "SpreadsheetApp.Sheet.getSheetValues");
    const rows = numRows === -1 ? this.grid.lastRow() - startRow + 1 : numRows;
    const cols = numColumns === -1 ? this.grid.lastCol() - startColumn + 1 : numColumns;
    return this.range_(startRow, startColumn, rows, cols).getValues();
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this.grid.maxRows) throw gasError("Those rows are out of bounds.");
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns >= this.grid.maxCols) throw gasError("Those columns are out of bounds.");
    this.frozenCols = columns;
  }
  getFrozenColumns(): number {
    return this.frozenCols;
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    this.colWidths.set(columnPosition, width);
    return asGas(this);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.colWidths.set(c, width);
    return asGas(this);
  }
  getColumnWidth(columnPosition: number): number {
    return this.colWidths.get(columnPosition) ?? 100;
  }
  setRowHeight(rowPosition: number, height: number): GSheet {
    this.rowHeights.set(rowPosition, height);
    return asGas(this);
  }
  getRowHeight(rowPosition: number): number {
    return this.rowHeights.get(rowPosition) ?? 21;
  }
  autoResizeColumn(_columnPosition: number): GSheet {
    return asGas(this);
  }
  autoResizeColumns(_startColumn: number, _numColumns: number): GSheet {
    return asGas(this);
  }
  private hide_(set: Set<number>, start: number | GRange, count: number | undefined, hide: boolean, rows: boolean): void {
    const first = typeof start === "number" ? start : rows ? asFake<FakeRange>(start).row : asFake<FakeRange>(start).col;
    const n = typeof start === "number" ? (count ?? 1) : rows ? asFake<FakeRange>(start).numRows : asFake<FakeRange>(start).numCols;
    for (let i = first; i < first + n; i++) hide ? set.add(i) : set.delete(i);
  }
  hideColumns(columnIndex: number, numColumns?: number): void {
    this.hide_(this.hiddenCols, columnIndex, numColumns, true, false);
  }
  showColumns(columnIndex: number, numColumns?: number): void {
    this.hide_(this.hiddenCols, columnIndex, numColumns, false, false);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.hiddenCols.has(columnPosition);
  }
  hideRows(rowIndex: number, numRows?: number): void {
    this.hide_(this.hiddenRows, rowIndex, numRows, true, true);
  }
  showRows(rowIndex: number, numRows?: number): void {
    this.hide_(this.hiddenRows, rowIndex, numRows, false, true);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return this.hiddenRows.has(rowPosition);
  }
  hideSheet(): GSheet {
    if (this.spreadsheet.sheets.filter((s) => !s.hidden && s !== this).length === 0) throw gasError("You can't hide all the sheets in a document.");
    this.hidden = true;
    return asGas(this);
  }
  showSheet(): GSheet {
    this.hidden = false;
    return asGas(this);
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }
  setTabColor(color: string | null): GSheet {
    this.tabColor = color;
    return asGas(this);
  }
  getTabColor(): string | null {
    return this.tabColor;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const existing = this.protections.find((p) => p.type === "SHEET");
    if (existing) return asGas(existing);
    const p = new FakeProtection(this.world, "SHEET", this, this.range_(1, 1, this.grid.maxRows, this.grid.maxCols));
    this.protections.push(p);
    return asGas(p);
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.protections.filter((p) => p.type === String(type)).map((p) => asGas(p));
  }
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return asGas(new FakeTextFinder(this.world, [{ sheet: this, row: 1, col: 1, numRows: this.grid.maxRows, numCols: this.grid.maxCols }], findText));
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.rules.map((r) => asGas(r));
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.rules = rules.map((r) => asFake<FakeConditionalFormatRule>(r));
  }
  sort(columnPosition: number, ascending?: boolean): GSheet {
    const start = this.frozenRows;
    const count = this.grid.lastRow() - start;
    if (count > 0) sortRows(this.grid, start, count, 1, { column: columnPosition, ascending: ascending !== false });
    return asGas(this);
  }
  activate(): GSheet {
    this.spreadsheet.activeSheet = this;
    this.spreadsheet.activeRange = null;
    return asGas(this);
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): GSheet {
    this.range_(1, 1, this.grid.maxRows, this.grid.maxCols).clear(options);
    if (!options) this.grid.clear();
    return asGas(this);
  }
  clearContents(): GSheet {
    this.range_(1, 1, this.grid.maxRows, this.grid.maxCols).clearContent();
    return asGas(this);
  }
  clearFormats(): GSheet {
    this.range_(1, 1, this.grid.maxRows, this.grid.maxCols).clearFormat();
    return asGas(this);
  }
  clearNotes(): GSheet {
    this.range_(1, 1, this.grid.maxRows, this.grid.maxCols).clearNote();
    return asGas(this);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.charts.map((c) => asGas(c));
  }
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return asGas(new FakeEmbeddedChartBuilder(this.world, this, newSpec(), null));
  }
  /** Stores a copy with its own id: inserting one built chart twice makes two charts. */
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const c = asFake<FakeEmbeddedChart>(chart);
    if (!(c instanceof FakeEmbeddedChart)) throw signatureError([chart], "SpreadsheetApp.Sheet.insertChart");
    this.charts.push(placeChart(this.world, this, c));
  }
  private chartIndex_(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): number {
    const c = asFake<FakeEmbeddedChart>(chart);
    const i = c instanceof FakeEmbeddedChart && c.chartId !== null ? this.charts.findIndex((x) => x.chartId === c.chartId) : -1;
    if (i < 0) throw gasError(CHART_NOT_ON_SHEET);
    return i;
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.charts.splice(this.chartIndex_(chart), 1);
  }
  /** Replaces the chart of the same id with the rebuilt one (from chart.modify()...build()). */
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const i = this.chartIndex_(chart);
    this.charts[i] = placeChart(this.world, this, asFake<FakeEmbeddedChart>(chart), this.charts[i].chartId as number);
  }
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return null;
  }
  /** Copies values and cell attributes into another spreadsheet as "Copy of <name>". */
  copyTo(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GSheet {
    const target = asFake<FakeSpreadsheet>(spreadsheet);
    const copy = target.addSheet_(target.uniqueName_(`Copy of ${this.name}`), target.sheets.length, this.grid.maxRows, this.grid.maxCols);
    copy.grid.rows = this.grid.rows.map((row) => (row ? { v: [...row.v], a: row.a ? [...row.a] : undefined } : row));
    copy.grid.touch();
    copy.frozenRows = this.frozenRows;
    copy.frozenCols = this.frozenCols;
    return asGas(copy);
  }
}
