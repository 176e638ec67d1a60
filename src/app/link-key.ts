// Alur › Ganti kunci tautan email: an admin stops every link sent so far (a mailbox lost, an email forwarded widely).
import { Refusal, env } from "./cases";
import { rotateKey } from "./keys";
import { withLock } from "./lock";

export function rotateLinkKeyFromMenu(): void {
  // The menu's own UI first: called from anywhere else (a web page), this throws before anything is read or changed.
  const ui = SpreadsheetApp.getUi();
  try {
    const e = env();
    if (!e.actor.admin) throw new Refusal("Hanya admin (Pengaturan › Email admin) yang dapat mengganti kunci tautan email.");
    const sure = ui.alert(
      "Ganti kunci tautan email",
      "Semua tautan di email Alur yang sudah terkirim (tombol Setujui, Kembalikan, Selesai dan Lihat kasus) akan berhenti berlaku. Kasus, Riwayat dan Antrean Email tidak berubah; email berikutnya membawa tautan baru. Lanjutkan?",
      ui.ButtonSet.YES_NO,
    );
    if (sure !== ui.Button.YES) return;
    const id = withLock(() => rotateKey("link"));
    ui.alert("Ganti kunci tautan email", `Kunci tautan email diganti (${id}). Tautan dari email sebelumnya kini menampilkan halaman "Tautan sudah tidak berlaku".`, ui.ButtonSet.OK);
  } catch (err) {
    ui.alert("Alur", err instanceof Error ? err.message : String(err), ui.ButtonSet.OK);
  }
}
