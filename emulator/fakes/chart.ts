// Embedded charts: Charts.ChartType, the EmbeddedChartBuilder, and charts that read their live ranges when drawn.
import { gasError, signatureError } from "./errors";
import { Fake, asFake, asGas } from "./fake";
import { FakeRange } from "./range";
import type { FakeSheet } from "./sheet";
import type { World } from "./world";

type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GRange = GoogleAppsScript.Spreadsheet.Range;

const CHART_TYPES = [
  "TIMELINE", "AREA", "BAR", "BUBBLE", "CANDLESTICK", "COLUMN", "COMBO", "GAUGE", "GEO", "HISTOGRAM", "RADAR", "LINE", "ORG", "PIE", "SCATTER",
  "SPARKLINE", "STEPPED_AREA", "TABLE", "TREEMAP", "WATERFALL",
] as const;
export type ChartTypeName = (typeof CHART_TYPES)[number];
export const ChartType = Object.freeze(Object.fromEntries(CHART_TYPES.map((t) => [t, t]))) as { readonly [K in ChartTypeName]: K };

/** Everything a chart is; plain data except the ranges, which stay live. */
export interface ChartSpec {
  type: ChartTypeName | null;
  ranges: FakeRange[];
  options: Record<string, unknown>;
  position: { row: number; col: number; offsetX: number; offsetY: number };
  /** -1: Sheets decides whether the first row holds headers. */
  numHeaders: number;
  transpose: boolean;
}

export function newSpec(): ChartSpec {
  return { type: null, ranges: [], options: {}, position: { row: 1, col: 1, offsetX: 0, offsetY: 0 }, numHeaders: -1, transpose: false };
}

function copySpec(s: ChartSpec): ChartSpec {
  return { ...s, ranges: [...s.ranges], options: { ...s.options }, position: { ...s.position } };
}

const sameRange = (a: FakeRange, b: FakeRange) => a.sheet === b.sheet && a.row === b.row && a.col === b.col && a.numRows === b.numRows && a.numCols === b.numCols;

class FakeContainerInfo extends Fake implements Pick<GoogleAppsScript.Spreadsheet.ContainerInfo, "getAnchorRow" | "getAnchorColumn" | "getOffsetX" | "getOffsetY"> {
  readonly kind = "ContainerInfo";
  constructor(
    world: World,
    readonly position: ChartSpec["position"],
  ) {
    super(world);
  }
  getAnchorRow(): number {
    return this.position.row;
  }
  getAnchorColumn(): number {
    return this.position.col;
  }
  getOffsetX(): number {
    return this.position.offsetX;
  }
  getOffsetY(): number {
    return this.position.offsetY;
  }
}

class FakeChartOptions extends Fake implements Pick<GoogleAppsScript.Charts.ChartOptions, "get"> {
  readonly kind = "ChartOptions";
  constructor(
    world: World,
    readonly options: Record<string, unknown>,
  ) {
    super(world);
  }
  /** An option never set reads as null. */
  get(option: string): unknown {
    return Object.hasOwn(this.options, option) ? this.options[option] : null;
  }
}

type ChartMethods = "getChartId" | "getRanges" | "getOptions" | "getContainerInfo" | "modify" | "getNumHeaders" | "getTransposeRowsAndColumns";

/**
 * A chart. Built from a builder it is detached (getChartId() is null); Sheet.insertChart stores a copy with an id,
 * which is what Sheet.getCharts returns.
 */
export class FakeEmbeddedChart extends Fake implements Pick<GChart, ChartMethods> {
  readonly kind = "EmbeddedChart";
  constructor(
    world: World,
    readonly sheet: FakeSheet,
    readonly spec: ChartSpec,
    public chartId: number | null,
  ) {
    super(world);
  }
  getChartId(): number | null {
    return this.chartId;
  }
  getRanges(): GRange[] {
    return this.spec.ranges.map((r) => asGas<GRange>(new FakeRange(this.world, r.sheet, r.row, r.col, r.numRows, r.numCols)));
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return asGas(new FakeChartOptions(this.world, { ...this.spec.options }));
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return asGas(new FakeContainerInfo(this.world, { ...this.spec.position }));
  }
  getNumHeaders(): number {
    return this.spec.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this.spec.transpose;
  }
  /** A builder holding this chart's settings; the chart changes only when Sheet.updateChart gets the rebuilt chart. */
  modify(): GBuilder {
    return asGas(new FakeEmbeddedChartBuilder(this.world, this.sheet, copySpec(this.spec), this.chartId));
  }
  /** The chart's data as it is now: rows of its ranges side by side (read raw, so drawing costs no counted reads). */
  table_(): unknown[][] {
    const blocks = this.spec.ranges.map((r) =>
      Array.from({ length: r.numRows }, (_, i) => Array.from({ length: r.numCols }, (_, j) => r.sheet.grid.value(r.row - 1 + i, r.col - 1 + j) ?? "")),
    );
    const height = Math.max(0, ...blocks.map((b) => b.length));
    let rows = Array.from({ length: height }, (_, i) => blocks.flatMap((b) => b[i] ?? []));
    if (this.spec.transpose) rows = (rows[0] ?? []).map((_, j) => rows.map((r) => r[j]));
    return rows;
  }
}

type BuilderMethods =
  | "addRange" | "removeRange" | "clearRanges" | "getRanges" | "setChartType" | "getChartType" | "setOption" | "setPosition" | "getContainer"
  | "setNumHeaders" | "setTransposeRowsAndColumns" | "build"
  | "asAreaChart" | "asBarChart" | "asColumnChart" | "asComboChart" | "asHistogramChart" | "asLineChart" | "asPieChart" | "asScatterChart" | "asTableChart";

/**
 * EmbeddedChartBuilder. The as…Chart() methods set the type and return this same builder, which also takes the
 * most used setters of the typed builders (setTitle, setXAxisTitle, setYAxisTitle, setLegendPosition, setStacked,
 * setColors), each stored as the chart option of the same meaning.
 */
export class FakeEmbeddedChartBuilder extends Fake implements Pick<GBuilder, BuilderMethods> {
  readonly kind = "EmbeddedChartBuilder";
  constructor(
    world: World,
    readonly sheet: FakeSheet,
    readonly spec: ChartSpec,
    readonly chartId: number | null,
  ) {
    super(world);
  }
  private self_(): GBuilder {
    return asGas(this);
  }
  addRange(range: GRange): GBuilder {
    const r = asFake<FakeRange>(range);
    if (!(r instanceof FakeRange)) throw signatureError([range], "SpreadsheetApp.EmbeddedChartBuilder.addRange");
    this.spec.ranges.push(r);
    return this.self_();
  }
  removeRange(range: GRange): GBuilder {
    const r = asFake<FakeRange>(range);
    this.spec.ranges = this.spec.ranges.filter((x) => !sameRange(x, r));
    return this.self_();
  }
  clearRanges(): GBuilder {
    this.spec.ranges = [];
    return this.self_();
  }
  getRanges(): GRange[] {
    return this.spec.ranges.map((r) => asGas<GRange>(new FakeRange(this.world, r.sheet, r.row, r.col, r.numRows, r.numCols)));
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): GBuilder {
    const t = String(type) as ChartTypeName;
    if (!CHART_TYPES.includes(t)) throw gasError("Invalid argument: type");
    this.spec.type = t;
    return this.self_();
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return this.spec.type as unknown as GoogleAppsScript.Charts.ChartType;
  }
  setOption(option: string, value: unknown): GBuilder {
    this.spec.options[String(option)] = value;
    return this.self_();
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GBuilder {
    if (![anchorRowPos, anchorColPos, offsetX, offsetY].every((n) => typeof n === "number")) {
      throw signatureError([anchorRowPos, anchorColPos, offsetX, offsetY], "SpreadsheetApp.EmbeddedChartBuilder.setPosition");
    }
    this.spec.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this.self_();
  }
  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return asGas(new FakeContainerInfo(this.world, { ...this.spec.position }));
  }
  setNumHeaders(headers: number): GBuilder {
    this.spec.numHeaders = Math.trunc(headers);
    return this.self_();
  }
  setTransposeRowsAndColumns(transpose: boolean): GBuilder {
    this.spec.transpose = !!transpose;
    return this.self_();
  }
  private as_(type: ChartTypeName): never {
    this.spec.type = type;
    return this.self_() as never;
  }
  asAreaChart(): GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder {
    return this.as_("AREA");
  }
  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.as_("BAR");
  }
  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.as_("COLUMN");
  }
  asComboChart(): GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder {
    return this.as_("COMBO");
  }
  asHistogramChart(): GoogleAppsScript.Spreadsheet.EmbeddedHistogramChartBuilder {
    return this.as_("HISTOGRAM");
  }
  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this.as_("LINE");
  }
  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this.as_("PIE");
  }
  asScatterChart(): GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder {
    return this.as_("SCATTER");
  }
  asTableChart(): GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder {
    return this.as_("TABLE");
  }
  setTitle(chartTitle: string): GBuilder {
    return this.setOption("title", chartTitle);
  }
  setXAxisTitle(title: string): GBuilder {
    return this.setOption("hAxis.title", title);
  }
  setYAxisTitle(title: string): GBuilder {
    return this.setOption("vAxis.title", title);
  }
  setLegendPosition(position: unknown): GBuilder {
    return this.setOption("legend.position", String(position).toLowerCase());
  }
  setStacked(): GBuilder {
    return this.setOption("isStacked", true);
  }
  setColors(cssValues: string[]): GBuilder {
    return this.setOption("colors", [...cssValues]);
  }
  /** A chart of no type cannot be drawn: Sheets refuses it (assumed wording). */
  build(): GChart {
    if (!this.spec.type) throw gasError("The chart type must be set before building the chart.");
    return asGas(new FakeEmbeddedChart(this.world, this.sheet, copySpec(this.spec), this.chartId));
  }
}

export class FakeCharts extends Fake implements Pick<GoogleAppsScript.Charts.Charts, "ChartType"> {
  readonly kind = "Charts";
  readonly ChartType = ChartType as unknown as typeof GoogleAppsScript.Charts.ChartType;
}

/** A stored copy of a built chart, with a fresh id unique in the spreadsheet. */
export function placeChart(world: World, sheet: FakeSheet, chart: FakeEmbeddedChart, id?: number): FakeEmbeddedChart {
  const taken = new Set(sheet.spreadsheet.sheets.flatMap((s) => s.charts.map((c) => c.chartId)));
  let chartId = id ?? 0;
  while (id === undefined && (chartId === 0 || taken.has(chartId))) chartId = 100000000 + Math.floor(world.random() * 1900000000);
  return new FakeEmbeddedChart(world, sheet, copySpec(chart.spec), chartId);
}
