// What each Alur menu item does (the menu itself is built in menu.ts without touching any service).
import { loadIds, requireIds } from "./ids";
import { checkSopSheets } from "./sop-check";
import { checkLog } from "./log";
import { setup } from "./setup";
import { sheetById, workbook } from "../gas/sheets";

export type MenuAction = "new" | "queue" | "report" | "setup" | "settings" | "integrity" | "help";

const VIEW_KEY = "alur.view";

/** The view the sidebar opens on, left by the menu item that opened it (read once by bootstrap). */
export function takeInitialView(): string {
  const cache = CacheService.getUserCache();
  const v = cache.get(VIEW_KEY) ?? "case";
  cache.remove(VIEW_KEY);
  return v;
}

function openSidebar(view: string): void {
  CacheService.getUserCache().put(VIEW_KEY, view, 120);
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Alur"));
}

const HELP = [
  "Alur menjalankan SOP kantor sebagai register kasus.",
  "1. Siapkan Alur membuat sheet Pengaturan, SOP, Pejabat, Hari Libur, Riwayat dan satu register per SOP.",
  "2. Isi sheet Pejabat dengan pejabat kantor (peran, nama, NIP, email).",
  "3. Buka panel (Ekstensi › Alur › Buka panel) untuk membuat kasus baru dan menindaklanjuti kasus.",
  "Setiap tindakan tercatat di Riwayat dengan waktu kerja terhadap standar waktu SOP.",
  "4. Sheet Laporan (ringkasan, grafik, dan waktu kerja terhadap standar per SOP, langkah, pelaksana, orang dan bulan) diperbarui setiap pagi, atau dari panel › Ringkas › Perbarui Laporan; admin dapat membangunnya ulang penuh (Alur › Bangun ulang Laporan).",
  "5. Setiap semester, admin membuat lembar Monitoring SOP (Alur › Monitoring SOP) dan PDF-nya.",
  "Kolom boleh dipindah, disisipkan, disaring dan diurutkan; judul kolom Alur jangan diubah.",
].join("\n");

/** After an admin edits the SOP sheets (from onEdit): mark what is wrong. Quietly skipped before setup. */
export function checkEditedSops(): void {
  const ids = loadIds();
  if (ids) checkSopSheets(SpreadsheetApp.getActiveSpreadsheet(), ids);
}

export function runMenu(action: MenuAction): void {
  const ui = SpreadsheetApp.getUi();
  try {
    switch (action) {
      case "new":
      case "queue":
      case "report":
        openSidebar(action);
        return;
      case "setup": {
        const changes = setup();
        ui.alert("Siapkan Alur", changes.join("\n"), ui.ButtonSet.OK);
        return;
      }
      case "settings": {
        const ss = workbook();
        sheetById(ss, requireIds().pengaturan, "Pengaturan").activate();
        return;
      }
      case "integrity": {
        const ss = workbook();
        const r = checkLog(sheetById(ss, requireIds().riwayat, "Riwayat"));
        const body = r.problems.length
          ? `${r.problems.length} masalah dari ${r.rows} baris Riwayat:\n${r.problems.slice(0, 30).map((p) => `• ${p.message}`).join("\n")}${r.problems.length > 30 ? "\n…" : ""}`
          : `Riwayat utuh: ${r.rows} baris diperiksa, tidak ada yang diubah manual.`;
        ui.alert("Periksa integritas", body, ui.ButtonSet.OK);
        return;
      }
      case "help":
        ui.alert("Bantuan Alur", HELP, ui.ButtonSet.OK);
        return;
    }
  } catch (err) {
    ui.alert("Alur", err instanceof Error ? err.message : String(err), ui.ButtonSet.OK);
  }
}
