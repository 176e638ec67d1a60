// The managers' menu items: Bangun ulang Laporan (admins, with progress) and Monitoring SOP (sheet, then PDF).
import { env } from "./cases";
import { makeMonitoring, monitoringPdf } from "./monitoring";
import { rebuildReportFully, updateReport } from "./report";
import { workbook } from "../gas/sheets";

const ribuan = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

function requireAdmin(what: string): void {
  if (!env().actor.admin) throw new Error(`${what} hanya untuk admin (Pengaturan › Email admin). Tidak ada yang berubah.`);
}

function alert(title: string, body: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, body, ui.ButtonSet.OK);
}

function guarded(title: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    alert(title, err instanceof Error ? err.message : String(err));
  }
}

/** Alur › Bangun ulang Laporan: every Riwayat row read again, progress shown as it goes; continues by itself past the time limit. */
export function menuRebuildReport(): void {
  guarded("Bangun ulang Laporan", () => {
    requireAdmin("Bangun ulang Laporan");
    const ss = workbook();
    let shown = -1;
    const r = rebuildReportFully((done, total) => {
      if (shown >= 0 && done - shown < 20_000 && done < total) return;
      shown = done;
      try {
        ss.toast(`Memproses ${ribuan(done)} dari ${ribuan(total)} baris Riwayat…`, "Bangun ulang Laporan", 30);
      } catch (_e) {
        // No toast outside the editor; the work goes on.
      }
    });
    if (!r.done) {
      alert(
        "Bangun ulang Laporan",
        `${ribuan(r.processed)} dari ${ribuan(r.total)} baris Riwayat sudah diproses. Sisanya dilanjutkan otomatis dalam beberapa menit (batas waktu satu proses Apps Script 6 menit); Laporan diganti setelah semuanya selesai.`,
      );
      return;
    }
    ss.getSheetByName(r.sheetName)?.activate();
    alert("Bangun ulang Laporan", `Laporan dibangun ulang dari ${ribuan(r.total)} baris Riwayat (${ribuan(r.entries)} catatan dihitung).`);
  });
}

/** Alur › Monitoring SOP: the semester's form, prefilled from the measurements (Laporan is brought up to date first). */
export function menuMonitoring(): void {
  guarded("Monitoring SOP", () => {
    requireAdmin("Monitoring SOP");
    let note = "";
    try {
      updateReport();
    } catch (err) {
      note = `\n\nLaporan tidak dapat diperbarui sekarang (${err instanceof Error ? err.message : String(err)}); catatan memakai data terakhir.`;
    }
    const r = makeMonitoring();
    const what = r.created
      ? `Sheet "${r.sheetName}" dibuat: satu baris per SOP aktif, kolom Catatan diisi dari data kasus.`
      : `Sheet "${r.sheetName}" sudah ada: ${r.refreshed} catatan Alur diperbarui, ${r.kept} catatan penilai dibiarkan.`;
    alert("Monitoring SOP", `${what} Isi kolom Penilaian, Tindakan dan Paraf serta daftar Evaluasi SOP, lalu pilih Alur › PDF Monitoring SOP.${note}`);
  });
}

/** Alur › PDF Monitoring SOP: the form as it is now, as a PDF in Drive. */
export function menuMonitoringPdf(): void {
  guarded("PDF Monitoring SOP", () => {
    requireAdmin("PDF Monitoring SOP");
    const r = monitoringPdf();
    alert("PDF Monitoring SOP", `PDF "${r.name}" dibuat di Google Drive Anda:\n${r.pdfUrl}\n\nDokumen Google yang dapat disunting: ${r.docUrl}`);
  });
}
