// Siapkan Alur: creates what is missing (sheets, headers, seed rows, registers, formats, trigger) and never overwrites what people typed.
import { builtInCatalog } from "../catalog/builtin";
import { HOLIDAYS_2026 } from "../catalog/holidays-2026";
import { ROLES } from "../catalog/roles";
import { CASE_STATUSES } from "../domain/case";
import type { CaseField } from "../domain/sop";
import { PEJABAT_HEADERS, examplePejabat } from "../domain/pejabat-sheet";
import { H, registerHeaders, registerSheetName, systemHeaders } from "../domain/register";
import { RIWAYAT_HEADERS } from "../domain/riwayat";
import { alignByHeader } from "../domain/columns";
import { ANTREAN_HEADERS, LIBUR_HEADERS, PENGATURAN_HEADERS, SETTING_ROWS } from "../domain/settings";
import { IDENTITY_HEADERS, SOP_HEADERS, identityRow, readSopSheets, stepRows } from "../domain/sop-sheet";
import { instantOfYmd } from "../domain/register";
import { safeText } from "../gas/cells";
import { rememberWorkbook } from "../gas/sheets";
import { invalidateConfig } from "./config";
import { checkSopSheets } from "./sop-check";
import { type SheetIds, loadIds, saveIds } from "./ids";
import { ensureLinkSecret } from "./link-secret";
import { withLock } from "./lock";
import { lettersModule } from "./letters-module";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const KELENGKAPAN_HEADERS = ["ID Kasus", "Langkah", "Item", "Selesai", "Tautan", "Oleh", "Waktu"];
export const ARSIP_HEADERS = ["Revisi", "SOP", "Dicatat", "Definisi (JSON)"];

const text = (rows: (string | number | boolean)[][]) => rows.map((r) => r.map((v) => (typeof v === "string" ? safeText(v) : v)));

function ensureSheet(ss: Spreadsheet, id: number | undefined, name: string, headers: readonly string[], changes: string[]): { sheet: Sheet; created: boolean } {
  let sheet = id === undefined ? null : ss.getSheetById(id);
  let created = false;
  if (!sheet) sheet = ss.getSheetByName(name);
  if (!sheet) {
    sheet = ss.insertSheet(name);
    created = true;
    changes.push(`Sheet "${name}" dibuat.`);
  }
  const lastCol = sheet.getLastColumn();
  const current = lastCol ? sheet.getRange(1, 1, 1, lastCol).getValues()[0].map((v) => String(v).trim()) : [];
  const missing = headers.filter((h) => !current.includes(h));
  if (missing.length) {
    const width = current.length + missing.length;
    const maxCols = sheet.getMaxColumns();
    if (width > maxCols) sheet.insertColumnsAfter(maxCols, width - maxCols);
    sheet.getRange(1, current.length + 1, 1, missing.length).setValues([missing.map(safeText)]);
    if (!created) changes.push(`Sheet "${sheet.getName()}": kolom ditambahkan: ${missing.join(", ")}.`);
  }
  if (created || missing.length) {
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, 1, current.length + missing.length).setFontWeight("bold").setBackground("#e8f0fe");
  }
  return { sheet, created };
}

function appendRows(sheet: Sheet, rows: (string | number | boolean | Date)[][]): void {
  if (!rows.length) return;
  const start = Math.max(sheet.getLastRow(), 1) + 1;
  const maxRows = sheet.getMaxRows();
  if (start + rows.length - 1 > maxRows) sheet.insertRowsAfter(maxRows, start + rows.length - 1 - maxRows);
  sheet.getRange(start, 1, rows.length, rows[0].length).setValues(rows);
}

function columnValues(sheet: Sheet, col: number): string[] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  return sheet.getRange(2, col, last - 1, 1).getValues().map((r) => String(r[0]).trim());
}

function formatRegister(sheet: Sheet, headers: string[], sopFields: CaseField[], sys: string[]): void {
  const rows = sheet.getMaxRows() - 1;
  const col = (h: string) => headers.indexOf(h) + 1;
  for (const f of sopFields) {
    const c = col(f.label);
    if (c < 1) continue;
    const range = sheet.getRange(2, c, rows, 1);
    if (f.type === "choice" && f.options?.length) {
      range.setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(f.options, true).setAllowInvalid(false).build());
    } else if (f.type === "date") {
      range.setNumberFormat("d mmm yyyy");
      range.setDataValidation(SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).setHelpText("Isi dengan tanggal").build());
    }
  }
  sheet.getRange(2, col(H.status), rows, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(CASE_STATUSES, false).setAllowInvalid(true).build());
  sheet.getRange(2, col(H.due), rows, 1).setNumberFormat("d mmm yyyy hh:mm");
  sheet.getRange(2, col(H.late), rows, 1).setNumberFormat('0" mnt"');
  const late = sheet.getRange(2, col(H.late), rows, 1);
  const due = sheet.getRange(2, col(H.due), rows, 1);
  const dueLetter = due.getA1Notation().replace(/\d+.*$/, "");
  sheet.setConditionalFormatRules([
    SpreadsheetApp.newConditionalFormatRule().whenNumberGreaterThan(0).setBackground("#f4c7c3").setFontColor("#a50e0e").setRanges([late]).build(),
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND(ISNUMBER(${dueLetter}2),${dueLetter}2>NOW(),${dueLetter}2-NOW()<0.25)`)
      .setBackground("#fce8b2")
      .setRanges([due])
      .build(),
  ]);
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription());
  for (const h of sys) {
    const desc = `Alur: ${h}`;
    const c = col(h);
    if (c < 1 || existing.includes(desc)) continue;
    sheet.getRange(1, c, sheet.getMaxRows(), 1).protect().setDescription(desc).setWarningOnly(true);
  }
  sheet.hideColumns(col(H.data));
  sheet.setFrozenColumns(1);
}

const TRIGGERS = "alur.triggers";
const TRIGGER_NAMES: Record<string, string> = { hourlyRefresh: "pemicu per jam", dailyReport: "pemicu harian Laporan", onSheetChange: "pemicu perubahan sheet" };

/**
 * Installs each trigger once for the whole office. getProjectTriggers lists only the current user's triggers, so the
 * installer is recorded in script properties: when another admin runs setup, nothing is installed twice.
 */
function ensureTriggers(ss: Spreadsheet, changes: string[]): void {
  const props = PropertiesService.getScriptProperties();
  const owners = JSON.parse(props.getProperty(TRIGGERS) ?? "{}") as Record<string, string>;
  const me = Session.getEffectiveUser().getEmail();
  const mine = new Set(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()));
  const others: string[] = [];
  const wanted: [string, () => void, string][] = [
    ["hourlyRefresh", () => ScriptApp.newTrigger("hourlyRefresh").timeBased().everyHours(1).create(), "Pemicu per jam dipasang (memperbarui kolom Terlambat)."],
    ["dailyReport", () => ScriptApp.newTrigger("dailyReport").timeBased().everyDays(1).atHour(5).inTimezone("Asia/Jakarta").create(), "Pemicu harian dipasang (membangun ulang Laporan setiap pagi)."],
    ["onSheetChange", () => ScriptApp.newTrigger("onSheetChange").forSpreadsheet(ss).onChange().create(), "Pemicu perubahan dipasang (baris Pejabat atau Hari Libur yang dihapus, disisipkan atau diurutkan langsung berlaku)."],
  ];
  let changed = false;
  for (const [handler, create, message] of wanted) {
    if (mine.has(handler)) continue;
    if (owners[handler] && owners[handler] !== me) {
      others.push(`${TRIGGER_NAMES[handler] ?? handler} (dipasang oleh ${owners[handler]})`);
      continue;
    }
    create();
    // A blank effective user is never recorded: the next admin's setup must not take it for someone else's trigger.
    if (me) owners[handler] = me;
    changed = true;
    changes.push(message);
  }
  if (changed) props.setProperty(TRIGGERS, JSON.stringify(owners));
  if (others.length) {
    changes.push(
      `Pemicu yang sudah dipasang admin lain: ${others.join(", ")}. Bila admin itu tidak lagi bertugas: hapus pemicunya di Ekstensi › Apps Script › Pemicu, hapus properti "${TRIGGERS}" di Setelan project › Properti skrip, lalu jalankan Siapkan Alur lagi.`,
    );
  }
}

export function setup(): string[] {
  return withLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    rememberWorkbook(ss);
    const old: Partial<SheetIds> = loadIds() ?? {};
    const changes0: string[] = [];
    const zone = ss.getSpreadsheetTimeZone();
    if (zone !== "Asia/Jakarta") {
      // Sheets keeps date-times as wall-clock values in the sheet's zone: changing the zone of a workbook that already
      // holds Riwayat would shift every recorded time. Only a workbook without history is switched.
      const riwayat = old.riwayat === undefined ? null : ss.getSheetById(old.riwayat);
      if (!riwayat || riwayat.getLastRow() < 2) {
        ss.setSpreadsheetTimeZone("Asia/Jakarta");
        changes0.push("Zona waktu spreadsheet diatur ke Asia/Jakarta (WIB), sama dengan Alur, agar tanggal di register terbaca benar.");
      } else {
        changes0.push(`Perhatian: zona waktu spreadsheet ini ${zone}, bukan Asia/Jakarta. Alur tidak mengubahnya karena Riwayat sudah berisi; tanggal yang diketik tangan dapat terbaca bergeser. Hubungi admin sebelum mengubah zona waktu (File › Setelan).`);
      }
    }
    const changes: string[] = changes0;
    const pengaturan = ensureSheet(ss, old.pengaturan, "Pengaturan", PENGATURAN_HEADERS, changes);
    const haveKeys = new Set(columnValues(pengaturan.sheet, 1));
    const newSettings = SETTING_ROWS.filter(([k]) => !haveKeys.has(k));
    appendRows(pengaturan.sheet, text(newSettings));
    if (newSettings.length && !pengaturan.created) changes.push(`Pengaturan ditambahkan: ${newSettings.map(([k]) => k).join(", ")}.`);

    const CATALOG = builtInCatalog();
    const identitas = ensureSheet(ss, old.identitas, "SOP Identitas", IDENTITY_HEADERS, changes);
    const sop = ensureSheet(ss, old.sop, "SOP", SOP_HEADERS, changes);
    const haveSops = new Set(columnValues(identitas.sheet, 1));
    const newSops = CATALOG.filter((s) => !haveSops.has(s.id));
    const firstNew = Math.max(identitas.sheet.getLastRow(), 1) + 1;
    appendRows(identitas.sheet, text(newSops.map((s) => identityRow(s))));
    if (newSops.length) {
      // A checkbox rule keeps the TRUE values (insertCheckboxes would reset them to false).
      identitas.sheet.getRange(firstNew, IDENTITY_HEADERS.indexOf("Aktif") + 1, newSops.length, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    }
    const haveSteps = new Set(columnValues(sop.sheet, 1));
    appendRows(sop.sheet, text(CATALOG.filter((s) => !haveSteps.has(s.id)).flatMap(stepRows)));
    if (newSops.length && !identitas.created) changes.push(`SOP ditambahkan dari katalog bawaan: ${newSops.map((s) => s.shortTitle).join(", ")}.`);

    const pejabat = ensureSheet(ss, old.pejabat, "Pejabat", PEJABAT_HEADERS, changes);
    if (pejabat.created) {
      appendRows(pejabat.sheet, text(examplePejabat(ROLES)));
      changes.push("Pejabat diisi daftar contoh (nama dan email fiktif): ganti dengan pejabat kantor Anda.");
      pejabat.sheet
        .getRange(2, 1, pejabat.sheet.getMaxRows() - 1, 1)
        .setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(ROLES.filter((r) => !r.external).map((r) => r.name), true).build());
      pejabat.sheet.getRange(2, 8, pejabat.sheet.getMaxRows() - 1, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(["Plt.", "Plh."], true).build());
    }
    const libur = ensureSheet(ss, old.libur, "Hari Libur", LIBUR_HEADERS, changes);
    if (libur.created) {
      appendRows(libur.sheet, HOLIDAYS_2026.map((h) => [new Date(instantOfYmd(h.date)), safeText(h.name), safeText(h.kind)]));
      libur.sheet.getRange(2, 1, HOLIDAYS_2026.length, 1).setNumberFormat("d mmm yyyy");
    }
    const riwayat = ensureSheet(ss, old.riwayat, "Riwayat", RIWAYAT_HEADERS, changes);
    if (riwayat.created) riwayat.sheet.getRange(2, 1, riwayat.sheet.getMaxRows() - 1, 1).setNumberFormat("d mmm yyyy hh:mm");
    const kelengkapan = ensureSheet(ss, old.kelengkapan, "Kelengkapan", KELENGKAPAN_HEADERS, changes);
    const arsip = ensureSheet(ss, old.arsipSop, "Arsip SOP", ARSIP_HEADERS, changes);
    const antrean = ensureSheet(ss, old.antreanEmail, "Antrean Email", ANTREAN_HEADERS, changes);

    const identityValues = alignByHeader(identitas.sheet.getDataRange().getValues(), IDENTITY_HEADERS).rows;
    const stepValues = alignByHeader(sop.sheet.getDataRange().getValues(), SOP_HEADERS).rows;
    const read = readSopSheets(identityValues as never, stepValues as never);
    const registers: Record<string, number> = { ...(old.registers ?? {}) };
    for (const s of read.sops.filter((x) => read.active.includes(x.id))) {
      const headers = registerHeaders(s);
      const reg = ensureSheet(ss, registers[s.id], registerSheetName(s), headers, changes);
      registers[s.id] = reg.sheet.getSheetId();
      if (reg.created) formatRegister(reg.sheet, headers, s.fields, systemHeaders(s));
    }
    const ids: SheetIds = {
      pengaturan: pengaturan.sheet.getSheetId(),
      sop: sop.sheet.getSheetId(),
      identitas: identitas.sheet.getSheetId(),
      pejabat: pejabat.sheet.getSheetId(),
      libur: libur.sheet.getSheetId(),
      riwayat: riwayat.sheet.getSheetId(),
      kelengkapan: kelengkapan.sheet.getSheetId(),
      arsipSop: arsip.sheet.getSheetId(),
      antreanEmail: antrean.sheet.getSheetId(),
      ...(old.laporan !== undefined ? { laporan: old.laporan } : {}),
      registers,
      url: ss.getUrl(),
    };
    saveIds(ids);
    invalidateConfig();
    const marked = checkSopSheets(ss, ids);
    if (marked) changes.push(`${marked} kesalahan di sheet SOP/SOP Identitas ditandai merah dengan catatan di selnya; SOP itu tidak dipakai sampai diperbaiki.`);
    ensureTriggers(ss, changes);
    ensureLinkSecret();
    lettersModule().ensureLetters(ss, ids, changes);
    if (read.errors.length) changes.push(...read.errors.map((e) => `${e.sheet} baris ${e.row}, kolom ${e.column}: ${e.message}`));
    if (!changes.length) changes.push("Semua sudah lengkap; tidak ada yang diubah.");
    return changes;
  });
}
