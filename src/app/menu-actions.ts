// What each Alur menu item does (the menu itself is built in menu.ts without touching any service).
import { requireIds } from "./ids";
import { setup } from "./setup";
import { sheetById, workbook } from "../gas/sheets";
import { Refusal, env } from "./cases";
import { allSops } from "./config";
import { checkJournal } from "./integrity";
import { withLock } from "./lock";
import { clearProblems } from "./problems";
import { rebuildRegister } from "./rebuild";

export type MenuAction = "new" | "queue" | "report" | "setup" | "settings" | "integrity" | "rebuild" | "help";

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

/**
 * Rebuilds every register row the journal knows from Riwayat alone (admins only), register by register while the
 * execution has time; run it again to go on. Rows of cases from before the journal are left as they are.
 */
function rebuildAll(): string[] {
  const deadline = Date.now() + 4.5 * 60_000;
  return withLock(() => {
    const e = env();
    if (!e.actor.admin) throw new Refusal("Hanya admin yang dapat membangun ulang register.");
    const lines: string[] = [];
    let done = true;
    for (const sop of allSops(e.cfg)) {
      const r = rebuildRegister(e, sop, deadline);
      if (r.rebuilt || r.unknown.length) lines.push(`${sop.shortTitle}: ${r.rebuilt} baris dibangun ulang, ${r.same} sudah sesuai${r.unknown.length ? `, ${r.unknown.length} tidak dapat dibangun ulang dari Riwayat (${r.unknown.slice(0, 5).join(", ")}${r.unknown.length > 5 ? ", …" : ""})` : ""}.`);
      if (!r.done) {
        done = false;
        break;
      }
    }
    if (done) clearProblems("rebuild:");
    lines.push(done ? "Selesai: semua register sesuai dengan Riwayat." : "Waktu habis sebelum semua register diperiksa: jalankan menu ini sekali lagi untuk melanjutkan.");
    return lines;
  });
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
        const r = checkJournal(sheetById(ss, requireIds().riwayat, "Riwayat"));
        const body = r.problems.length
          ? `${r.problems.length} masalah dari ${r.rows} baris Riwayat:\n${r.problems.slice(0, 30).map((p) => `• ${p.message}`).join("\n")}${r.problems.length > 30 ? "\n…" : ""}`
          : `Riwayat utuh: ${r.rows} baris diperiksa, tidak ada yang diubah manual.`;
        ui.alert("Periksa integritas", body, ui.ButtonSet.OK);
        return;
      }
      case "rebuild": {
        const lines = rebuildAll();
        ui.alert("Bangun ulang register dari Riwayat", lines.join("\n"), ui.ButtonSet.OK);
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
