// Alur › Monitoring SOP: the semester's monitoring form as a sheet that prints on one page width, and as a PDF made through Google Docs.
import { drive, fileUrl, loadDrive } from "./drive-store";
import { ROLES } from "../catalog/roles";
import { EVALUASI, MONITORING_HEADERS, PENILAIAN, PREFILL, type Semester, monitoringRows, semesterAt } from "../domain/monitoring";
import { emptyAggregates } from "../domain/report-agg";
import { tanggalPendek } from "../domain/report-view";
import { workbook } from "../gas/sheets";
import { type Config, loadConfig } from "./config";
import { requireIds } from "./ids";
import { withLock } from "./lock";
import { dataSheet, loadDoc } from "./report-store";
import { writeValues } from "./report-write";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const TITLE_ROWS = 4;
const HEADER_ROW = TITLE_ROWS + 1;
/** The checklist stands beside the form, after one blank column. */
const CHECK_COL = MONITORING_HEADERS.length + 2;
const WIDTHS = [40, 220, 130, 330, 180, 80, 24, 40, 260, 80];

export interface MonitoringResult {
  sheetName: string;
  created: boolean;
  /** SOP rows whose Catatan Alur (re)wrote, and those the evaluator had written (left as they were). */
  refreshed: number;
  kept: number;
  /** When the measurements were last brought up to date. */
  dataAt: number | null;
}

function activeSops(cfg: Config) {
  return cfg.sops.filter((s) => cfg.active.includes(s.id));
}

/**
 * Creates the semester's sheet (or refreshes Alur's own Catatan text in it: what the evaluator typed stays), from
 * the figures Laporan last stored; run Laporan first for today's.
 */
export function makeMonitoring(now = Date.now()): MonitoringResult {
  const ids = requireIds();
  const ss = workbook();
  const cfg = loadConfig(() => ss, ids);
  const doc = loadDoc(dataSheet(ss, false));
  const sem = semesterAt(now);
  const rows = monitoringRows(doc?.agg ?? emptyAggregates(), activeSops(cfg), sem.key, { latePercent: cfg.settings.monitorLatePercent, returnPercent: cfg.settings.monitorReturnPercent }, ROLES);
  // Whether the sheet exists, and making or refreshing it, under the lock: two admins at once make it once, and the
  // second refreshes the finished sheet rather than meeting one half laid out (or a name already taken).
  const out = withLock((): MonitoringResult => {
    const existing = ss.getSheetByName(sem.sheetName);
    if (existing) {
      const r = refresh(existing, rows);
      return { sheetName: sem.sheetName, created: false, ...r, dataAt: doc?.builtAt ?? null };
    }
    const sheet = ss.insertSheet(sem.sheetName);
    layout(sheet, sem, rows, cfg, doc?.builtAt ?? null);
    return { sheetName: sem.sheetName, created: true, refreshed: rows.length, kept: 0, dataAt: doc?.builtAt ?? null };
  });
  ss.getSheetByName(sem.sheetName)?.activate();
  return out;
}

function layout(sheet: Sheet, sem: Semester, rows: ReturnType<typeof monitoringRows>, cfg: Config, dataAt: number | null): void {
  const n = rows.length;
  const width = CHECK_COL + 2;
  const height = HEADER_ROW + Math.max(n, EVALUASI.length + 1) + 8;
  if (sheet.getMaxColumns() > width) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
  if (sheet.getMaxRows() > height) sheet.deleteRows(height + 1, sheet.getMaxRows() - height);
  const office = [cfg.settings.office.pemerintah, cfg.settings.office.dinas].filter(Boolean).join(" · ");
  const data = dataAt ? `Catatan diisi Alur dari data kasus sampai ${tanggalPendek(dataAt)}` : "Laporan belum pernah dibangun: catatan belum berisi data";
  writeValues(sheet.getRange(1, 1, TITLE_ROWS, 1), [
    ["MONITORING PELAKSANAAN SOP ADMINISTRASI PEMERINTAHAN"],
    [office],
    [`${sem.label}. ${data}; kolom Penilaian, Tindakan dan Paraf diisi penilai.`],
    [""],
  ]);
  writeValues(sheet.getRange(HEADER_ROW, 1, 1, MONITORING_HEADERS.length), [[...MONITORING_HEADERS]]);
  if (n) writeValues(sheet.getRange(HEADER_ROW + 1, 1, n, MONITORING_HEADERS.length), rows.map((r) => [r.no, r.prosedur, "", r.catatan, "", ""]));
  const sign = HEADER_ROW + n + 2;
  writeValues(sheet.getRange(sign, 4, 4, 1), [["Penilai,"], [""], ["(nama dan tanda tangan)"], ["NIP."]]);
  // The evaluation checklist beside the form.
  writeValues(sheet.getRange(HEADER_ROW - 1, CHECK_COL, 1, 1), [["EVALUASI SOP (diisi penilai)"]]);
  writeValues(sheet.getRange(HEADER_ROW, CHECK_COL, EVALUASI.length + 1, 3), [["No", "Kriteria evaluasi", "Ya / Tidak"], ...EVALUASI.map((q, i) => [i + 1, q, ""])]);

  sheet.getRange("A1").setFontWeight("bold").setFontSize(13);
  sheet.getRange(HEADER_ROW, 1, 1, MONITORING_HEADERS.length).setFontWeight("bold").setBackground("#e8f0fe").setWrap(true).setVerticalAlignment("middle").setHorizontalAlignment("center");
  sheet.getRange(HEADER_ROW, CHECK_COL, 1, 3).setFontWeight("bold").setBackground("#e8f0fe").setWrap(true).setHorizontalAlignment("center");
  sheet.getRange(HEADER_ROW - 1, CHECK_COL).setFontWeight("bold");
  if (n) {
    const body = sheet.getRange(HEADER_ROW + 1, 1, n, MONITORING_HEADERS.length);
    body.setWrap(true).setVerticalAlignment("top");
    body.setBorder(true, true, true, true, true, true);
    sheet.getRange(HEADER_ROW + 1, 3, n, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList([...PENILAIAN], true).setAllowInvalid(false).build());
    sheet.getRange(HEADER_ROW + 1, 1, n, 1).setHorizontalAlignment("center");
    rows.forEach((r, i) => {
      if (r.flagged) sheet.getRange(HEADER_ROW + 1 + i, 4).setBackground("#fce8e6");
    });
  }
  sheet.getRange(HEADER_ROW, 1, 1, MONITORING_HEADERS.length).setBorder(true, true, true, true, true, true);
  const check = sheet.getRange(HEADER_ROW, CHECK_COL, EVALUASI.length + 1, 3);
  check.setBorder(true, true, true, true, true, true);
  sheet.getRange(HEADER_ROW + 1, CHECK_COL + 1, EVALUASI.length, 1).setWrap(true);
  sheet.getRange(HEADER_ROW + 1, CHECK_COL + 2, EVALUASI.length, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(["Ya", "Tidak"], true).setAllowInvalid(false).build());
  WIDTHS.slice(0, width).forEach((w, i) => {
    sheet.setColumnWidth(i + 1, w);
  });
  sheet.setFrozenRows(HEADER_ROW);
}

/** A later run: Alur's own Catatan text is brought up to date; what the evaluator typed stays. */
function refresh(sheet: Sheet, rows: ReturnType<typeof monitoringRows>): { refreshed: number; kept: number } {
  const last = sheet.getLastRow();
  if (last <= HEADER_ROW) return { refreshed: 0, kept: 0 };
  const range = sheet.getRange(HEADER_ROW + 1, 2, last - HEADER_ROW, 3);
  const values = range.getValues();
  const byTitle = new Map(rows.map((r) => [r.prosedur, r]));
  let refreshed = 0;
  let kept = 0;
  const notes = values.map(([title, , note]) => {
    const r = byTitle.get(String(title));
    if (!r) return [String(note ?? "")];
    if (String(note ?? "") === "" || String(note).startsWith(PREFILL)) {
      refreshed++;
      return [r.catatan];
    }
    kept++;
    return [String(note)];
  });
  writeValues(sheet.getRange(HEADER_ROW + 1, 4, notes.length, 1), notes);
  return { refreshed, kept };
}

/**
 * The semester's form as a PDF: a Google Doc built from the sheet as it is now (the evaluator's entries included),
 * then saved as PDF in Drive. Docs rather than the spreadsheet's export URL: it needs no further OAuth scope.
 */
export function monitoringPdf(now = Date.now()): { pdfUrl: string; docUrl: string; name: string } {
  const ss = workbook();
  const sem = semesterAt(now);
  // The form is read under the lock (a few reads): never a sheet another admin's Monitoring SOP is still laying out.
  // The Doc and the PDF are made outside it; each request gets its own files, which no one else writes.
  const { head, rows, checks } = withLock(() => {
    const sheet = ss.getSheetByName(sem.sheetName);
    if (!sheet) throw new Error(`Sheet "${sem.sheetName}" belum ada. Pilih dulu Alur › Monitoring SOP untuk membuatnya, isi penilaiannya, lalu buat PDF-nya.`);
    const last = sheet.getLastRow();
    const table = sheet.getRange(HEADER_ROW, 1, Math.max(1, last - HEADER_ROW + 1), MONITORING_HEADERS.length).getDisplayValues();
    return {
      head: sheet.getRange(1, 1, TITLE_ROWS - 1, 1).getDisplayValues().map((r) => r[0]),
      rows: table.filter((r, i) => i === 0 || /^\d+$/.test(r[0])),
      checks: sheet.getRange(HEADER_ROW, CHECK_COL, EVALUASI.length + 1, 3).getDisplayValues(),
    };
  });
  const name = `${sem.sheetName} (${tanggalPendek(now)})`;
  const doc = DocumentApp.create(name);
  const body = doc.getBody();
  body.appendParagraph(head[0]).setHeading(DocumentApp.ParagraphHeading.HEADING2).setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  for (const line of head.slice(1)) if (line) body.appendParagraph(line).setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  body.appendTable(rows);
  body.appendParagraph("Evaluasi SOP").setHeading(DocumentApp.ParagraphHeading.HEADING3);
  body.appendTable(checks);
  body.appendParagraph("");
  body.appendParagraph(`Penilai,\n\n\n(nama dan tanda tangan)\nNIP.`).setAlignment(DocumentApp.HorizontalAlignment.RIGHT);
  doc.saveAndClose();
  // Through the advanced Drive service, which works with the drive.file scope (DriveApp needs full Drive access).
  const pdf = drive().Files.create({ name: `${name}.pdf`, mimeType: "application/pdf", ...(loadDrive()?.root ? { parents: [loadDrive()?.root as string] } : {}) }, doc.getAs("application/pdf")).id as string;
  return { pdfUrl: fileUrl(pdf), docUrl: doc.getUrl(), name };
}
