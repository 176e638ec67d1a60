// What setup says when it stops before Apps Script's time limit: what is left, and to run it again.

/** "Siapkan Alur berhenti …": `left` names what is not made yet (e.g. "sebagian register belum dibuat"). */
export function stoppedEarly(left: string): string {
  return `Siapkan Alur berhenti sebelum batas waktu Apps Script (6 menit): ${left}. Jalankan Ekstensi › Alur › Siapkan Alur sekali lagi untuk melanjutkan; yang sudah dibuat tidak diulang.`;
}
