// Rebuilds the Laporan sheet from Riwayat: tables per SOP, month, step and pelaksana, and charts beside them.
import type { LogEntry } from "../domain/case";
import { formatTanggalJam } from "../domain/calendar";
import { buildReport, type Report } from "../domain/report";
import { parseRiwayatRow } from "../domain/riwayat";
import { type Cell, H } from "../domain/register";
import { ROLES } from "../catalog/roles";
import { toInstantCell } from "../gas/cells";
import { type Writable, putRows } from "../gas/write";
import { headerIndex, readHeader, sheetById, workbook } from "../gas/sheets";
import { allSops, calendar, loadConfig } from "./config";
import { requireIds, saveIds } from "./ids";
import { withLock } from "./lock";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const LAPORAN = "Laporan";
/** Charts sit to the right of the widest table (the per-SOP table has 10 columns), one under the other. */
const CHART_COLUMN = 11;
const CHART_WIDTH = 640;
const CHART_HEIGHT = 360;
/** Rows a chart of CHART_HEIGHT covers at the default row height (21 px), with a gap. */
const CHART_ROWS = 19;

export interface ReportResult {
  sheetName: string;
  entries: number;
  at: number;
}

/**
 * Riwayat as log entries (rows Alur did not write are skipped). A report reads the whole log, but only the columns it
 * uses: time, case, SOP, step, role (A–E), action (H), minutes and standard (J–K) — not the notes, which can be long.
 */
function readEntries(sheet: Sheet): LogEntry[] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const n = last - 1;
  const head = sheet.getRange(2, 1, n, 5).getValues();
  const action = sheet.getRange(2, 8, n, 1).getValues();
  const minutes = sheet.getRange(2, 10, n, 2).getValues();
  const out: LogEntry[] = [];
  for (let i = 0; i < n; i++) {
    const row = [...head[i], "", "", action[i][0], "", minutes[i][0], minutes[i][1], "", ""];
    const parsed = parseRiwayatRow(row.map(toInstantCell));
    if (parsed) out.push(parsed.entry);
  }
  return out;
}

/** Every case's Status from its register (two column reads per register): the truth of whether it finished. */
function statuses(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, registers: Record<string, number>): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of Object.values(registers)) {
    const sheet = ss.getSheetById(id);
    if (!sheet) continue;
    const last = sheet.getLastRow();
    if (last < 2) continue;
    const idx = headerIndex(readHeader(sheet));
    const [idCol, stCol] = [idx.get(H.id), idx.get(H.status)];
    if (idCol === undefined || stCol === undefined) continue;
    const ids = sheet.getRange(2, idCol + 1, last - 1, 1).getValues();
    const sts = sheet.getRange(2, stCol + 1, last - 1, 1).getValues();
    ids.forEach(([caseId], i) => {
      if (caseId) out.set(String(caseId), String(sts[i][0]));
    });
  }
  return out;
}

interface Layout {
  grid: Writable[][];
  width: number;
  bold: string[];
  headerRows: string[];
  charts: { a1: { row: number; rows: number; columns: number }; type: "COLUMN" | "LINE"; title: string }[];
}


/** Lays the report out top to bottom; positions are 1-based sheet rows. */
export function layout(report: Report, builtAt: number): Layout {
  const width = Math.max(...report.blocks.map((b) => b.headers.length), 2);
  const grid: Writable[][] = [];
  const bold: string[] = [];
  const headerRows: string[] = [];
  const charts: Layout["charts"] = [];
  const push = (row: Cell[]) => grid.push([...row]);
  push([report.title]);
  bold.push("A1");
  push([`Diperbarui ${formatTanggalJam(builtAt)} WIB. ${report.subtitle}`]);
  for (const b of report.blocks) {
    push([]);
    push([b.heading]);
    bold.push(`A${grid.length}`);
    push(b.headers);
    const headerRow = grid.length;
    headerRows.push(`A${headerRow}:${columnLetter(b.headers.length)}${headerRow}`);
    if (b.rows.length) for (const r of b.rows) push(r);
    else push(["Belum ada data di Riwayat."]);
    if (b.chart && b.rows.length) charts.push({ a1: { row: headerRow, rows: b.rows.length + 1, columns: b.chart.columns }, type: b.chart.type, title: b.chart.title });
  }
  for (const r of grid) while (r.length < width) r.push("");
  return { grid, width, bold, headerRows, charts };
}

function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * The Laporan sheet, by the id recorded at its first rebuild. A sheet the office already calls "Laporan" is never
 * taken over (its data would be cleared): Alur then makes its own under another name.
 */
function laporanSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet {
  const ids = requireIds();
  const byId = ids.laporan === undefined ? null : ss.getSheetById(ids.laporan);
  if (byId) return byId;
  const name = [LAPORAN, `${LAPORAN} Alur`, `${LAPORAN} Alur 2`, `${LAPORAN} Alur 3`].find((n) => !ss.getSheetByName(n)) ?? `${LAPORAN} Alur ${Date.now()}`;
  const sheet = ss.insertSheet(name);
  saveIds({ ...ids, laporan: sheet.getSheetId() });
  return sheet;
}

/**
 * Reads Riwayat (without the lock: it is append-only), computes the report, then writes it under the lock in one
 * setValues, replacing the previous tables and charts so that two rebuilds never leave a mixture.
 */
export function rebuildReport(now = Date.now()): ReportResult {
  const ids = requireIds();
  const ss = workbook();
  const cfg = loadConfig(() => ss, ids);
  const entries = readEntries(sheetById(ss, ids.riwayat, "Riwayat"));
  const status = statuses(ss, ids.registers);
  const report = buildReport(entries, allSops(cfg), ROLES, calendar(cfg).dayMinutes, now, { statusOf: (id) => status.get(id) });
  const out = layout(report, now);
  return withLock(() => {
    const sheet = laporanSheet(ss);
    for (const c of sheet.getCharts()) sheet.removeChart(c);
    sheet.clear();
    const rows = out.grid.length;
    if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
    const needCols = Math.max(out.width, CHART_COLUMN);
    if (sheet.getMaxColumns() < needCols) sheet.insertColumnsAfter(sheet.getMaxColumns(), needCols - sheet.getMaxColumns());
    putRows(sheet.getRange(1, 1, rows, out.width), out.grid);
    sheet.getRangeList(out.bold).setFontWeight("bold");
    sheet.getRangeList(out.headerRows).setFontWeight("bold").setBackground("#e8f0fe");
    sheet.getRange("A1").setFontSize(14);
    out.charts.forEach((c, i) => {
      const chart = sheet
        .newChart()
        .setChartType(c.type === "LINE" ? Charts.ChartType.LINE : Charts.ChartType.COLUMN)
        .addRange(sheet.getRange(c.a1.row, 1, c.a1.rows, c.a1.columns))
        .setNumHeaders(1)
        .setOption("title", c.title)
        .setOption("legend", { position: "bottom" })
        .setOption("width", CHART_WIDTH)
        .setOption("height", CHART_HEIGHT)
        .setPosition(3 + i * CHART_ROWS, CHART_COLUMN, 0, 0)
        .build();
      sheet.insertChart(chart);
    });
    return { sheetName: sheet.getName(), entries: entries.length, at: now };
  });
}
