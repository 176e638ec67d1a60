// Sends the emails that waited in Antrean Email (daily quota spent, mail service down) once the quota allows.
import { ANTREAN_HEADERS } from "../domain/settings";
import { alignByHeader } from "../domain/columns";
import { formatTanggalJam } from "../domain/calendar";
import { safeText } from "../gas/cells";
import { sheetById, workbook } from "../gas/sheets";
import type { SheetIds } from "./ids";
import { withLock } from "./lock";
import { escapeHtml as esc } from "./html";

const WAITING = "Menunggu";

/**
 * Sends waiting rows oldest first while the quota lasts, and marks each one sent in the same row, under the lock so
 * two triggers never send the same email twice. Returns how many were sent.
 */
export function retryQueuedMail(ids: SheetIds, now = Date.now()): number {
  return withLock(() => {
    const sheet = sheetById(workbook(), ids.antreanEmail, "Antrean Email");
    const values = sheet.getDataRange().getValues();
    const a = alignByHeader(values, ANTREAN_HEADERS);
    const [to, subject, body, status, html] = [1, 2, 3, 4, 5].map((i) => a.index[i]);
    if (values.length < 2 || [to, subject, body, status].some((c) => c < 0)) return 0;
    let quota = MailApp.getRemainingDailyQuota();
    const marks = values.slice(1).map((r) => [r[status]]);
    let sent = 0;
    let changed = false;
    for (let i = 0; i < marks.length && quota > 0; i++) {
      if (String(marks[i][0]) !== WAITING) continue;
      const r = values[i + 1];
      const text = String(r[body]);
      const htmlBody = html >= 0 && String(r[html]) ? String(r[html]) : text.split("\n").map((l) => `<p>${esc(l)}</p>`).join("");
      try {
        MailApp.sendEmail({ to: String(r[to]), subject: String(r[subject]), body: text, htmlBody, name: "Alur" });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        // Out of quota (or the service is down): everything waits for the next hour. Anything else is this email's own
        // fault (a mistyped address): it is marked and the others go on.
        if (/too many times|Service unavailable|temporarily/i.test(message)) break;
        marks[i][0] = safeText(`Gagal: ${message}`);
        changed = true;
        continue;
      }
      marks[i][0] = safeText(`Terkirim ${formatTanggalJam(now)}`);
      quota--;
      sent++;
      changed = true;
    }
    if (changed) sheet.getRange(2, status + 1, marks.length, 1).setValues(marks);
    return sent;
  });
}
