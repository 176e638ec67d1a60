// Sends the emails that waited in Antrean Email (daily quota spent, mail service down) once the quota allows.
import { ANTREAN_HEADERS } from "../domain/settings";
import { alignByHeader } from "../domain/columns";
import { formatTanggalJam } from "../domain/calendar";
import { safeText } from "../gas/cells";
import { sheetById, workbook } from "../gas/sheets";
import type { SheetIds } from "./ids";
import { withLock } from "./lock";

const WAITING = "Menunggu";
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Sends waiting rows oldest first while the quota lasts, and marks each one sent in the same row, under the lock so
 * two triggers never send the same email twice. Returns how many were sent.
 */
export function retryQueuedMail(ids: SheetIds, now = Date.now()): number {
  return withLock(() => {
    const sheet = sheetById(workbook(), ids.antreanEmail, "Antrean Email");
    const values = sheet.getDataRange().getValues();
    const a = alignByHeader(values, ANTREAN_HEADERS);
    const [to, subject, body, status] = [1, 2, 3, 4].map((i) => a.index[i]);
    if (values.length < 2 || [to, subject, body, status].some((c) => c < 0)) return 0;
    let quota = MailApp.getRemainingDailyQuota();
    const marks = values.slice(1).map((r) => [r[status]]);
    let sent = 0;
    for (let i = 0; i < marks.length && quota > 0; i++) {
      if (String(marks[i][0]) !== WAITING) continue;
      const r = values[i + 1];
      const text = String(r[body]);
      try {
        MailApp.sendEmail({ to: String(r[to]), subject: String(r[subject]), body: text, htmlBody: text.split("\n").map((l) => `<p>${esc(l)}</p>`).join(""), name: "Alur" });
      } catch (err) {
        console.warn(`Antrean Email baris ${i + 2}: ${String(err)}`);
        break;
      }
      marks[i][0] = safeText(`Terkirim ${formatTanggalJam(now)}`);
      quota--;
      sent++;
    }
    if (sent) sheet.getRange(2, status + 1, marks.length, 1).setValues(marks);
    return sent;
  });
}
