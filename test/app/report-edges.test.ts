// Laporan runs one at a time (src/app/report.ts, exclusive): a run that finds another one's mark younger than seven
// minutes is turned away in Bahasa Indonesia and changes nothing; an older mark (a run Apps Script stopped) is ignored;
// every run clears its mark when it ends, also when it fails.
import { ADMIN, type Alur, P, setupAlur } from "../../emulator/alur-world";
import type { FakeSheet } from "../../emulator/fakes/sheet";
import { SM_FIELDS } from "../../emulator/panel-cost";
import { appendRows, numbered, plainCases, resetRiwayat } from "./report-fixtures";

const RUNNING = "alur.report.running";
const BUSY = "Laporan sedang dibangun oleh proses lain (pemicu harian atau admin lain). Tidak ada yang berubah; coba lagi beberapa menit lagi.";
let alur: Alur;
const props = () => alur.world.globals.PropertiesService.getScriptProperties();
const marked = (minutesAgo: number) => props().setProperty(RUNNING, String(alur.world.now() - minutesAgo * 60_000));
const laporan = () => alur.world.spreadsheet.getSheets().find((s) => s.getName().startsWith("Laporan")) ?? null;

beforeAll(() => {
  alur = setupAlur({ admins: [ADMIN] });
  alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
});

describe("one Laporan run at a time", () => {
  test("a run under way (its mark under seven minutes old) turns the next away and nothing is written; at seven minutes the mark is taken as dead", () => {
    for (const ago of [0, 1, 6.9]) {
      marked(ago);
      expect({ ago, r: alur.call(ADMIN, "rebuildReport", null) }).toEqual({ ago, r: { ok: false, error: BUSY } });
      expect(laporan()).toBeNull();
      // The mark is the other run's: left as it was.
      expect(props().getProperty(RUNNING)).toBe(String(alur.world.now() - ago * 60_000));
    }
    marked(7);
    const r = alur.ok(ADMIN, "rebuildReport", null);
    expect(r).toMatchObject({ sheetName: "Laporan", entries: 1 });
    expect(props().getProperty(RUNNING)).toBeNull();
    // The daily trigger after it: not turned away, and the mark gone again.
    alur.world.within({ user: ADMIN }, () => alur.ctx.dailyReport());
    expect(props().getProperty(RUNNING)).toBeNull();
    expect(alur.ok(ADMIN, "rebuildReport", null)).toMatchObject({ sheetName: "Laporan", entries: 1 });
  });

  test("a run that fails clears its mark: the next one is not turned away", () => {
    // Sheets fails while the run reads Riwayat.
    alur.world.onCall = (kind, method) => {
      if (kind === "Sheet" && method === "getMaxColumns") throw new Error("Service Spreadsheets failed while accessing document.");
    };
    try {
      expect(alur.call(ADMIN, "rebuildReport", null)).toMatchObject({ ok: false });
    } finally {
      alur.world.onCall = null;
    }
    expect(props().getProperty(RUNNING)).toBeNull();
    expect(alur.ok(ADMIN, "rebuildReport", null)).toMatchObject({ sheetName: "Laporan", entries: 1 });
  });

  test("the one-off trigger that carries a rebuild on removes itself and no other trigger", () => {
    const app = alur.world.globals.ScriptApp;
    const handlers = () => app.getProjectTriggers().map((t) => t.getHandlerFunction()).sort();
    const before = handlers();
    alur.world.within({ user: ADMIN }, () => app.newTrigger("continueReportRebuild").timeBased().after(60_000).create());
    alur.world.within("trigger", () => alur.ctx.continueReportRebuild());
    expect(handlers()).toEqual(before);
    expect(before).toContain("dailyReport");
    expect(props().getProperty(RUNNING)).toBeNull();
  });

  test("the morning run after a change of the sheets (configuration read afresh) adds the new entries to Laporan, and says so", () => {
    alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "Pagi" } });
    alur.world.within({ user: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
    alur.world.within("trigger", () => alur.ctx.dailyReport());
    expect(String(alur.world.read("Laporan")[1][0])).toMatch(/diperbarui dengan 1 catatan baru: 2 catatan Riwayat dihitung/);
  });
});

// The last tests: Riwayat is replaced by 5,008 journal rows, more than one read of 5,000 (a rebuild checks its time
// budget of 4.5 minutes between reads).
describe("Bangun ulang Laporan over two reads of Riwayat", () => {
  const rebuildMenu = () => alur.world.within({ user: ADMIN }, () => alur.ctx.menuRebuildReport());
  const lastAlert = () => alur.world.ui.shown.at(-1)?.content;
  const DONE = "Laporan dibangun ulang dari 5.008 baris Riwayat (5.008 catatan dihitung).";
  const CUT = /^5\.000 dari 5\.008 baris Riwayat sudah diproses\. Sisanya dilanjutkan otomatis/;

  /** Runs the menu while the clock jumps by `ms` as the first 5,000 rows are read: the run has then used that much. */
  function rebuildTaking(ms: number): void {
    const clock = alur.world.clock as { now: () => number };
    const real = clock.now;
    let jump = 0;
    let riwayatRead = false;
    alur.world.onCall = (kind, method) => {
      if (kind === "Sheet" && method === "getMaxColumns") riwayatRead = true;
      else if (riwayatRead && kind === "Range" && method === "getValues") jump = ms;
    };
    clock.now = () => real() + jump;
    try {
      rebuildMenu();
    } finally {
      alur.world.onCall = null;
      clock.now = real;
    }
  }

  beforeAll(() => {
    resetRiwayat(alur);
    appendRows(alur, numbered(plainCases(626, Date.UTC(2026, 9, 1, 1, 0)), 1));
  });

  test("a rebuild that has used exactly 4.5 minutes after the first read goes on to the end; a millisecond more and it stops, saying the rest follows", () => {
    rebuildTaking(270_000);
    expect(lastAlert()).toBe(DONE);
    rebuildTaking(270_001);
    expect(lastAlert()).toMatch(CUT);
    expect(alur.world.triggers.filter((t) => t.handler === "continueReportRebuild")).toHaveLength(1);
  });

  test("Bangun ulang while a cut-off rebuild waits to be continued starts again from the first row; a second cut leaves no second trigger", () => {
    rebuildTaking(270_001);
    expect(lastAlert()).toMatch(CUT);
    expect(alur.world.triggers.filter((t) => t.handler === "continueReportRebuild")).toHaveLength(1);
    const toasts = alur.world.ui.toasts.length;
    rebuildMenu();
    expect(alur.world.ui.toasts.slice(toasts).map((t) => t.message)).toEqual(["Memproses 0 dari 5.008 baris Riwayat…", "Memproses 5.008 dari 5.008 baris Riwayat…"]);
    expect(lastAlert()).toBe(DONE);
  });

  const subtitle = () => String(alur.world.spreadsheet.getSheetByName("Laporan")!.getRange("A2").getValue());
  const riwayat = () => alur.world.spreadsheet.getSheetByName("Riwayat")!;
  const continued = () => alur.world.within("trigger", () => alur.ctx.continueReportRebuild());
  /** Journal column 14 holds each entry's sequence number. */
  const sortBySeq = (ascending: boolean) => riwayat().getRange(2, 1, riwayat().getLastRow() - 1, riwayat().getLastColumn()).sort({ column: 14, ascending });

  test("Riwayat sorted between a cut and its continuation: the continuation starts again, so the next morning adds nothing twice", () => {
    rebuildTaking(270_001);
    expect(lastAlert()).toMatch(CUT);
    sortBySeq(false);
    continued();
    expect(subtitle()).toMatch(/dibangun ulang dari seluruh Riwayat: 5\.008 catatan Riwayat dihitung\./);
    sortBySeq(true);
    alur.world.within("time-trigger", () => alur.ctx.dailyReport());
    expect(subtitle()).toMatch(/diperbarui dengan 0 catatan baru: 5\.008 catatan Riwayat dihitung\./);
  });

  test("rows deleted from Riwayat between a cut and its continuation: the continuation starts again and counts what is left", () => {
    rebuildTaking(270_001);
    expect(lastAlert()).toMatch(CUT);
    const kept = riwayat().getRange(2, 1, 100, riwayat().getLastColumn()).getValues();
    riwayat().deleteRows(2, 100);
    try {
      continued();
      expect(subtitle()).toMatch(/: 4\.908 catatan Riwayat dihitung\./);
    } finally {
      riwayat().insertRowsBefore(2, 100);
      riwayat().getRange(2, 1, 100, kept[0].length).setValues(kept);
    }
  });
});

describe("Laporan as drawn", () => {
  test("the title, the figures, the headers, the chooser and the four charts look as designed, and a second rebuild keeps four charts", () => {
    const own = setupAlur({ admins: [ADMIN] });
    const v = own.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    own.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" });
    own.ok(ADMIN, "rebuildReport", null);
    const s = own.world.spreadsheet.getSheetByName("Laporan")!;
    const grid = (own.world.sheet("Laporan") as unknown as FakeSheet).grid;
    // The grid's attributes are 0-based; Sheets' rows and columns 1-based.
    const attr = (row: number, col: number) => grid.attrs(row - 1, col - 1) ?? {};
    expect([attr(1, 1).fontSize, s.getRange("A1").getFontWeight(), attr(2, 1).fontColor]).toEqual([15, "bold", "#555555"]);
    // The headline figures: big, bold, right-aligned.
    for (const row of [4, 5, 6, 7, 8]) expect([row, attr(row, 2).fontSize, s.getRange(row, 2).getFontWeight(), s.getRange(row, 2).getHorizontalAlignment()]).toEqual([row, 14, "bold", "right"]);
    // Table headers: bold on light blue, wrapped, centred vertically.
    for (const a1 of ["A12", "B12", "A34", "K34", "A38", "A42", "A46", "A50", "H50"]) {
      const r = s.getRange(a1);
      expect([a1, r.getBackground(), r.getFontWeight(), r.getWrap(), attr(r.getRow(), r.getColumn()).verticalAlignment]).toEqual([a1, "#e8f0fe", "bold", true, "middle"]);
    }
    // The chooser: highlighted, a list of SOPs only, with its help text.
    const chooser = s.getRange(10, 3);
    expect([chooser.getBackground(), chooser.getFontWeight()]).toEqual(["#fff8e1", "bold"]);
    const rule = chooser.getDataValidation()!;
    expect([String(rule.getCriteriaType()), rule.getAllowInvalid(), rule.getHelpText()]).toEqual(["VALUE_IN_LIST", false, "Pilih SOP yang langkah-langkahnya ditampilkan di grafik pertama."]);
    const [options, dropdown] = rule.getCriteriaValues() as [string[], boolean];
    expect([options[0], dropdown]).toEqual(["SM · Surat Masuk", true]);
    // Column A holds the labels, B the headline figures, C the chooser; the tables' columns after them.
    expect(Array.from({ length: 13 }, (_, i) => s.getColumnWidth(i + 1))).toEqual([228, 100, 150, 114, 114, 114, 114, 114, 114, 114, 114, 114, 114]);
    const charts = () =>
      s.getCharts().map((c) => {
        const o = c.getOptions();
        const info = c.getContainerInfo();
        return {
          type: (c as unknown as { spec: { type: string } }).spec.type,
          title: o.get("title"),
          legend: o.get("legend"),
          size: [o.get("width"), o.get("height")],
          vAxis: o.get("vAxis"),
          hAxis: o.get("hAxis"),
          at: [info.getAnchorRow(), info.getAnchorColumn()],
          ranges: c.getRanges().map((r) => r.getA1Notation()),
          headers: c.getNumHeaders?.() ?? (c as unknown as { spec: { numHeaders: number } }).spec.numHeaders,
        };
      });
    const want = [
      { type: "COLUMN", title: "Median dan standar per langkah: SM · Surat Masuk", legend: { position: "bottom" }, size: [452, 290], vAxis: { title: "jam kerja", minValue: 0 }, hAxis: null, at: [3, 4], ranges: ["A12:C19"], headers: 1 },
      { type: "BAR", title: "Dalam standar per SOP (%)", legend: { position: "bottom" }, size: [452, 290], vAxis: null, hAxis: { title: "%", minValue: 0, maxValue: 100 }, at: [3, 8], ranges: ["A34:A35", "J34:K35"], headers: 1 },
      { type: "LINE", title: "Langkah dalam standar per bulan (%)", legend: { position: "none" }, size: [452, 290], vAxis: { title: "%", minValue: 0, maxValue: 100 }, hAxis: null, at: [17, 4], ranges: ["A50:A51", "H50:H51"], headers: 1 },
      { type: "BAR", title: "Kasus terlambat kini per pelaksana", legend: { position: "none" }, size: [452, 290], vAxis: null, hAxis: { title: "kasus", minValue: 0 }, at: [17, 8], ranges: ["A42:A43", "H42:H43"], headers: 1 },
    ];
    expect(charts()).toEqual(want);
    // Built again: the same four charts, updated in place (the same charts, not new ones).
    const chartIds = s.getCharts().map((c) => c.getChartId());
    own.ok(ADMIN, "rebuildReport", null);
    expect(charts()).toEqual(want);
    expect(s.getCharts().map((c) => c.getChartId())).toEqual(chartIds);
    // A new sheet's 1,000 rows and 26 columns are trimmed to what Laporan shows (53 rows; 13 columns, the last one
    // blank) and 20 spare rows and 2 spare columns.
    expect([s.getMaxRows(), s.getLastRow(), s.getMaxColumns(), s.getLastColumn()]).toEqual([73, 53, 15, 12]);
    // The chooser set to Surat Keluar (read with the configuration afresh): its steps fill the first chart's block —
    // hours formatted as hours, the rows past its steps blank in every column and plainly formatted — and the chart
    // is retitled; a chooser emptied changes nothing.
    const chooseSk = (value: string) => {
      own.world.caches.script.map.clear();
      chooser.setValue(value);
      own.world.within("simple-trigger", () => own.ctx.onEdit({ range: chooser, value } as never));
    };
    const k = own.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: { perihal: "Permohonan data", tujuan: "Kepala BPS", sifat: "Biasa", klasifikasi: "000.5.2" } });
    own.later(30);
    own.ok(P("sekretaris"), "act", { caseId: k.id, expectedVersion: k.version, action: "complete" });
    own.ok(ADMIN, "rebuildReport", null);
    chooseSk("SK · Surat Keluar");
    const block = s.getRange(13, 1, 18, 3);
    const values = block.getValues();
    const formats = block.getNumberFormats();
    const steps = values.filter((r) => r[0] !== "").length;
    expect(steps).toBeGreaterThan(3);
    expect(values.slice(steps).every((r) => r.every((x) => x === ""))).toBe(true);
    // An hour figure shows as hours; a step with none yet stays blank and plain.
    expect(values[0].slice(1).every((x) => typeof x === "number")).toBe(true);
    expect(formats.slice(0, steps).map((r, i) => r.slice(1).map((f, j) => [values[i][j + 1] === "", f]))).toEqual(values.slice(0, steps).map((r) => r.slice(1).map((x) => [x === "", x === "" ? "0.###############" : "0.0#"])));
    expect(formats.slice(steps).every((r) => r.every((f) => f === "0.###############"))).toBe(true);
    expect(charts()[0]).toMatchObject({ title: "Median dan standar per langkah: SK · Surat Keluar", ranges: [`A12:C${12 + steps}`] });
    chooseSk("");
    expect(charts()[0]).toMatchObject({ title: "Median dan standar per langkah: SK · Surat Keluar", ranges: [`A12:C${12 + steps}`] });
  });
});
