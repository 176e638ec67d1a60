// Laporan: brought up to date each morning from the journal entries added since the last run, or rebuilt in full (admins) over several runs.
import { ROLES } from "../catalog/roles";
import { formatTanggalJam } from "../domain/calendar";
import { H } from "../domain/register";
import { J, JOURNAL_WIDTH, parseJournalRow } from "../domain/journal";
import type { OpenCase } from "../domain/open-index";
import { type CaseEnd, type FoldContext, emptyAggregates } from "../domain/report-agg";
import { type Fact, caseEvent, emptyScratch, factOfJournal, factOfLegacy, finishRebuild, foldForRebuild, foldJournal } from "../domain/report-fold";
import { FMT, LAYOUT, type LaporanView, STEP_CHART_PREFIX, buildLaporan, stepChartRows, stepChartTitle } from "../domain/report-view";
import { parseRiwayatRow } from "../domain/riwayat";
import { toInstantCell } from "../gas/cells";
import { headerIndex, readHeader, sheetById, workbook } from "../gas/sheets";
import { type Config, allSops, calendar, loadConfig } from "./config";
import { type SheetIds, requireIds, saveIds } from "./ids";
import { withLock } from "./lock";
import { loadOpenCases } from "./open-index";
import { planSpans } from "./queue-scan";
import { readEntriesSince } from "./journal-read";
import { type RebuildState, type ReportDoc, dataSheet, loadDoc, saveDoc } from "./report-store";
import { writeValues } from "./report-write";
import { isIndonesian } from "./locale";
import { logWarn } from "./log";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LAPORAN = "Laporan";
/** One run stops reading before Apps Script's 6 minutes: what is left continues in the next run. */
export const RUN_BUDGET_MS = 270_000;
/** Riwayat rows per read in a full rebuild, journal entries per read in the daily run. */
const CHUNK_ROWS = 5000;
const DAILY_BATCH = 5000;
const RUNNING = "alur.report.running";
/** The number format Sheets gives a cell nobody formatted. */
const AUTO = "0.###############";
/** A run older than this is taken to have died (Apps Script stops every run at 6 minutes). */
const STALE_MS = 7 * 60_000;
export const CONTINUE_HANDLER = "continueReportRebuild";

export interface ReportResult {
  sheetName: string;
  /** Entries counted in the figures (all of Riwayat's that Laporan reads). */
  entries: number;
  at: number;
  mode: "daily" | "rebuild";
  /** False while a full rebuild still has rows to read (it continues in the next run). */
  done: boolean;
  /** Rows read so far and in all (rebuild), entries added (daily). */
  processed: number;
  total: number;
  added: number;
}

const ribuan = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/** Only one report run at a time (the trigger and an admin may start one together): a mark set under the lock. */
function exclusive<T>(fn: () => T): T {
  const props = PropertiesService.getScriptProperties();
  withLock(() => {
    const since = Number(props.getProperty(RUNNING) ?? 0);
    if (since && Date.now() - since < STALE_MS) throw new Error("Laporan sedang dibangun oleh proses lain (pemicu harian atau admin lain). Tidak ada yang berubah; coba lagi beberapa menit lagi.");
    props.setProperty(RUNNING, String(Date.now()));
  });
  try {
    return fn();
  } finally {
    props.deleteProperty(RUNNING);
  }
}

interface Run {
  ss: Spreadsheet;
  ids: SheetIds;
  cfg: Config;
  fold: FoldContext;
  started: number;
  progress: (done: number, total: number) => void;
}

function newRun(progress?: (done: number, total: number) => void): Run {
  const ids = requireIds();
  const ss = workbook();
  const cfg = loadConfig(() => ss, ids);
  const sops = allSops(cfg);
  return { ss, ids, cfg, fold: { sops: new Map(sops.map((s) => [s.id, s])), dayMinutes: cfg.settings.dayMinutes, calendar: calendar(cfg) }, started: Date.now(), progress: progress ?? (() => undefined) };
}

const overBudget = (run: Run) => Date.now() - run.started > RUN_BUDGET_MS;

/**
 * The daily run (trigger, panel): the journal entries added since the checkpoint, or — the first time, or while a full
 * rebuild is under way — the rebuild, continued from its cursor.
 */
export function updateReport(): ReportResult {
  return exclusive(() => {
    const run = newRun();
    const sheet = dataSheet(run.ss, true) as Sheet;
    const doc = loadDoc(sheet);
    if (!doc || doc.rebuild) return rebuildSteps(run, sheet, doc, false);
    return daily(run, sheet, doc);
  });
}

/** Bangun ulang Laporan (admins): starts a full rebuild from the first Riwayat row; `progress` hears of every chunk. */
export function rebuildReportFully(progress?: (done: number, total: number) => void): ReportResult {
  return exclusive(() => {
    const run = newRun(progress);
    const sheet = dataSheet(run.ss, true) as Sheet;
    return rebuildSteps(run, sheet, loadDoc(sheet), true);
  });
}

/** The one-off trigger a rebuild leaves when it runs out of time: it carries the rebuild on. */
export function continueRebuild(): ReportResult | null {
  for (const t of ScriptApp.getProjectTriggers()) if (t.getHandlerFunction() === CONTINUE_HANDLER) ScriptApp.deleteTrigger(t);
  return updateReport();
}

function daily(run: Run, sheet: Sheet, doc: ReportDoc): ReportResult {
  const riwayat = sheetById(run.ss, run.ids.riwayat, "Riwayat");
  const facts: Fact[] = [];
  let lastSeq = doc.lastSeq;
  let hint = doc.hint;
  for (;;) {
    const r = readEntriesSince(riwayat, lastSeq, hint, { maxEntries: DAILY_BATCH });
    for (const e of r.entries) facts.push(factOfJournal(e));
    lastSeq = r.lastSeq;
    hint = r.hint;
    if (!r.more || overBudget(run)) break;
  }
  foldJournal(doc.agg, facts, run.fold, (caseId, before) => lastEndOf(riwayat, caseId, before, run.fold));
  const next: ReportDoc = { ...doc, lastSeq, hint, builtAt: Date.now(), added: facts.length, full: false };
  const name = saveAndRender(run, sheet, next);
  return { sheetName: name, entries: next.agg.entries, at: next.builtAt, mode: "daily", done: true, processed: facts.length, total: facts.length, added: facts.length };
}

/**
 * How a case ended before it was reopened (the reopen's number is `before`): its own rows, found with a TextFinder in
 * the ID Kasus column — a reopen is rare, and only then is Riwayat searched.
 */
function lastEndOf(riwayat: Sheet, caseId: string, before: number, fold: FoldContext): CaseEnd | null {
  const last = riwayat.getLastRow();
  if (last < 2) return null;
  const hits = riwayat
    .getRange(2, J.caseId + 1, last - 1, 1)
    .createTextFinder(caseId)
    .matchEntireCell(true)
    .findAll();
  const rows = [...new Set(hits.map((h) => h.getRow()))].sort((a, b) => a - b);
  const width = Math.min(JOURNAL_WIDTH, riwayat.getMaxColumns());
  let best: { seq: number; end: CaseEnd | null } | null = null;
  for (const [first, lastRow] of planSpans(rows.length, (i) => rows[i])) {
    for (const values of riwayat.getRange(first, 1, lastRow - first + 1, width).getValues()) {
      const e = parseJournalRow(values.map(toInstantCell))?.entry;
      if (!e || e.caseId !== caseId || e.seq >= before) continue;
      const ev = caseEvent(factOfJournal(e), fold);
      if (ev !== undefined && (!best || e.seq > best.seq)) best = { seq: e.seq, end: ev };
    }
  }
  return best?.end ?? null;
}

function newRebuild(total: number): RebuildState {
  return { cursor: 2, total, startedAt: Date.now(), runs: 0, lastSeq: 0, hintRow: 1, check: [], agg: emptyAggregates(), scratch: emptyScratch() };
}

/** Hash cells of a few rows read so far: when a sort moved them, the rows read so far mean nothing any more. */
function checkRows(riwayat: Sheet, cursor: number): { row: number; text: string }[] {
  const rows = [...new Set([2, Math.max(2, Math.floor(cursor / 2)), cursor - 1])].filter((r) => r >= 2 && r < cursor);
  return rows.map((row) => ({ row, text: String(riwayat.getRange(row, J.hash + 1).getValue()) }));
}

function rebuildSteps(run: Run, sheet: Sheet, doc: ReportDoc | null, fresh: boolean): ReportResult {
  const riwayat = sheetById(run.ss, run.ids.riwayat, "Riwayat");
  let last = riwayat.getLastRow();
  const width = Math.min(JOURNAL_WIDTH, riwayat.getMaxColumns());
  let st = !fresh && doc?.rebuild ? doc.rebuild : newRebuild(last);
  if (st.runs > 0 && (last < st.cursor - 1 || checkRows(riwayat, st.cursor).some((c, i) => c.text !== st.check[i]?.text || c.row !== st.check[i]?.row))) {
    // Riwayat was sorted or rows were deleted since the last run: start again, so nothing is counted twice or missed.
    st = newRebuild(last);
  }
  st.runs++;
  run.progress(st.cursor - 2, Math.max(0, last - 1));
  while (st.cursor <= last) {
    const n = Math.min(CHUNK_ROWS, last - st.cursor + 1);
    const values = riwayat.getRange(st.cursor, 1, n, width).getValues();
    values.forEach((raw, i) => {
      const cells = raw.map(toInstantCell);
      const journal = parseJournalRow(cells);
      if (journal) {
        foldForRebuild(st.agg, st.scratch, factOfJournal(journal.entry), run.fold);
        if (journal.entry.seq > st.lastSeq) {
          st.lastSeq = journal.entry.seq;
          st.hintRow = st.cursor + i;
        }
        return;
      }
      const legacy = parseRiwayatRow(cells.slice(0, 13) as Parameters<typeof parseRiwayatRow>[0]);
      if (legacy) foldForRebuild(st.agg, st.scratch, factOfLegacy(legacy.entry), run.fold);
    });
    st.cursor += n;
    run.progress(st.cursor - 2, Math.max(0, last - 1));
    if (st.cursor > last) last = riwayat.getLastRow();
    if (st.cursor <= last && overBudget(run)) {
      st.check = checkRows(riwayat, st.cursor);
      const kept: ReportDoc = doc ? { ...doc, rebuild: st } : { v: 1, lastSeq: 0, hint: null, agg: emptyAggregates(), builtAt: 0, added: 0, full: true, rebuild: st };
      saveDoc(sheet, kept);
      scheduleContinuation();
      return { sheetName: laporanName(run), entries: st.agg.entries, at: Date.now(), mode: "rebuild", done: false, processed: st.cursor - 2, total: last - 1, added: 0 };
    }
  }
  const status = Object.keys(st.scratch.legacy).length ? registerStatuses(run.ss, run.ids.registers) : new Map<string, string>();
  finishRebuild(st.agg, st.scratch, run.fold, (id) => status.get(id));
  const next: ReportDoc = { v: 1, lastSeq: st.lastSeq, hint: { row: st.hintRow }, agg: st.agg, builtAt: Date.now(), added: 0, full: true };
  const name = saveAndRender(run, sheet, next);
  return { sheetName: name, entries: next.agg.entries, at: next.builtAt, mode: "rebuild", done: true, processed: Math.max(0, last - 1), total: Math.max(0, last - 1), added: 0 };
}

/** A one-off trigger a minute from now carries the rebuild on (the daily trigger would too, the next morning). */
function scheduleContinuation(): void {
  try {
    if (ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === CONTINUE_HANDLER)) return;
    ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(60_000).create();
  } catch (err) {
    logWarn(`Laporan: pemicu lanjutan tidak dapat dipasang (${String(err)}); pemicu harian melanjutkannya besok pagi.`);
  }
}

/** Every case's Status from its register (legacy rows only: journal entries carry the case's status). */
function registerStatuses(ss: Spreadsheet, registers: Record<string, number>): Map<string, string> {
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

// ---- the Laporan sheet ----

/**
 * The Laporan sheet, by the id recorded at its first rebuild. A sheet the office already calls "Laporan" is never
 * taken over (its data would be cleared): Alur then makes its own under another name.
 */
function laporanSheet(ss: Spreadsheet, create: boolean): Sheet | null {
  const ids = requireIds();
  const byId = ids.laporan === undefined ? null : ss.getSheetById(ids.laporan);
  if (byId || !create) return byId;
  const name = [LAPORAN, `${LAPORAN} Alur`, `${LAPORAN} Alur 2`, `${LAPORAN} Alur 3`].find((n) => !ss.getSheetByName(n)) ?? `${LAPORAN} Alur ${Date.now()}`;
  const sheet = ss.insertSheet(name);
  saveIds({ ...ids, laporan: sheet.getSheetId() });
  return sheet;
}

function laporanName(run: Run): string {
  return laporanSheet(run.ss, false)?.getName() ?? LAPORAN;
}

function subtitle(doc: ReportDoc, textDurations: boolean): string {
  const how = doc.full ? "dibangun ulang dari seluruh Riwayat" : `diperbarui dengan ${ribuan(doc.added)} catatan baru`;
  const legacy = doc.agg.legacy ? ` (${ribuan(doc.agg.legacy)} di antaranya catatan format lama)` : "";
  const locale = textDurations ? " Lokal spreadsheet ini bukan Indonesia: durasi ditulis sebagai teks." : "";
  return `Per ${formatTanggalJam(doc.builtAt)} WIB, ${how}: ${ribuan(doc.agg.entries)} catatan Riwayat dihitung${legacy}. Waktu = jam kerja. Kasus berjalan dan terlambat: keadaan saat ini.${locale} Sheet ini ditulis ulang setiap pagi; jangan mengetik di sini.`;
}

/**
 * The figures and the sheet written under the lock: the SOP chooser's onEdit (which reads the figures and redraws the
 * first chart, src/app/edit.ts) then never interleaves with them. The long reading of Riwayat stays outside it.
 */
function saveAndRender(run: Run, sheet: Sheet, next: ReportDoc): string {
  return withLock(() => {
    saveDoc(sheet, next);
    return render(run, next, loadOpenCases());
  });
}

/** Writes the whole sheet: values in one call, formats in one, then styles, the chooser and the four charts. */
function render(run: Run, doc: ReportDoc, open: OpenCase[]): string {
  const sheet = laporanSheet(run.ss, true) as Sheet;
  const rows0 = sheet.getLastRow();
  const chosen = rows0 >= LAYOUT.chooserRow ? String(sheet.getRange(LAYOUT.chooserRow, LAYOUT.chooserCol).getValue()) : "";
  const textDurations = !isIndonesian(run.ss.getSpreadsheetLocale());
  const view = buildLaporan({
    aggregates: doc.agg,
    open,
    sops: allSops(run.cfg),
    roles: ROLES,
    officials: run.cfg.officials,
    now: Date.now(),
    dayMinutes: run.cfg.settings.dayMinutes,
    chosen,
    durationsAsText: textDurations,
    subtitle: subtitle(doc, textDurations),
  });
  writeLaporan(sheet, view);
  return sheet.getName();
}

function writeLaporan(sheet: Sheet, view: LaporanView): void {
  const rows = view.grid.length;
  const cols = view.width;
  sheet.clear();
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).clearDataValidations();
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  else if (sheet.getMaxRows() > rows + 20) sheet.deleteRows(rows + 21, sheet.getMaxRows() - rows - 20);
  if (sheet.getMaxColumns() < cols) sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
  else if (sheet.getMaxColumns() > cols + 2) sheet.deleteColumns(cols + 3, sheet.getMaxColumns() - cols - 2);
  const all = sheet.getRange(1, 1, rows, cols);
  writeValues(all, view.grid);
  all.setNumberFormats(view.formats.map((r) => r.map((f) => f || AUTO)));
  sheet.getRange("A1").setFontSize(15).setFontWeight("bold");
  sheet.getRange("A2").setFontColor("#555555");
  sheet.getRangeList(view.bold).setFontWeight("bold");
  sheet.getRangeList(view.headerRanges).setFontWeight("bold").setBackground("#e8f0fe");
  for (const a1 of view.bigRanges) sheet.getRange(a1).setFontSize(14).setFontWeight("bold").setHorizontalAlignment("right");
  for (const a1 of view.wrapRanges) sheet.getRange(a1).setWrap(true).setVerticalAlignment("middle");
  view.columnWidths.forEach((w, i) => {
    sheet.setColumnWidth(i + 1, w);
  });
  const chooser = sheet.getRange(view.chooser.row, view.chooser.col);
  chooser.setBackground("#fff8e1").setFontWeight("bold");
  if (view.chooser.options.length) {
    chooser.setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(view.chooser.options, true).setAllowInvalid(false).setHelpText("Pilih SOP yang langkah-langkahnya ditampilkan di grafik pertama.").build());
  }
  drawCharts(sheet, view);
}

function chartOf(sheet: Sheet, c: LaporanView["charts"][number], builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  let b = builder.clearRanges();
  for (const r of c.ranges) b = b.addRange(sheet.getRange(r.row, r.col, r.rows, r.cols));
  const type = c.type === "LINE" ? Charts.ChartType.LINE : c.type === "BAR" ? Charts.ChartType.BAR : Charts.ChartType.COLUMN;
  return b
    .setChartType(type)
    .setNumHeaders(1)
    .setOption("title", c.title)
    .setOption("legend", { position: c.key === "steps" || c.key === "sops" ? "bottom" : "none" })
    .setOption("width", c.width)
    .setOption("height", c.height)
    .setOption(c.type === "BAR" ? "hAxis" : "vAxis", { title: c.vAxis, minValue: 0, ...(c.percent ? { maxValue: 100 } : {}) })
    .setPosition(c.anchor.row, c.anchor.col, 0, 0)
    .build();
}

/** The four charts: updated in place when they are there, else drawn anew (never duplicated). */
function drawCharts(sheet: Sheet, view: LaporanView): void {
  const existing = sheet.getCharts();
  if (existing.length === view.charts.length) {
    view.charts.forEach((c, i) => {
      sheet.updateChart(chartOf(sheet, c, existing[i].modify()));
    });
    return;
  }
  for (const c of existing) sheet.removeChart(c);
  for (const c of view.charts) sheet.insertChart(chartOf(sheet, c, sheet.newChart()));
}

/**
 * The chooser changed (onEdit): the first chart's data block is written for the chosen SOP and the chart retitled.
 * Reads the stored aggregates (a few cells), never Riwayat.
 */
export function chooseReportSop(sheet: Sheet, value: string): void {
  const ss = sheet.getParent();
  const ids = requireIds();
  const cfg = loadConfig(() => ss, ids);
  const doc = loadDoc(dataSheet(ss, false));
  const sop = allSops(cfg).find((s) => `${s.code} · ${s.shortTitle}` === value.trim());
  if (!doc || !sop) return;
  const data = stepChartRows(doc.agg, sop, cfg.settings.dayMinutes);
  const block: (string | number)[][] = Array.from({ length: LAYOUT.stepDataRows }, (_, i) => (data[i] ? [data[i][0], data[i][1], data[i][2]] : ["", "", ""]));
  const range = sheet.getRange(LAYOUT.stepDataRow + 1, 1, LAYOUT.stepDataRows, 3);
  writeValues(range, block);
  range.setNumberFormats(block.map((r) => [AUTO, r[1] === "" ? AUTO : FMT.hours, r[2] === "" ? AUTO : FMT.hours]));
  const chart = sheet.getCharts().find((c) => String(c.getOptions().get("title") ?? "").startsWith(STEP_CHART_PREFIX));
  if (chart) {
    const title = stepChartTitle(value.trim());
    sheet.updateChart(chart.modify().clearRanges().addRange(sheet.getRange(LAYOUT.stepDataRow, 1, Math.max(1, data.length) + 1, 3)).setOption("title", title).build());
  }
}
