// Sends the emails that waited in Antrean Email, sealed rows only, each marked as it goes; passing faults are retried with backoff.
import { formatTanggalJam } from "../domain/calendar";
import type { Notification } from "../domain/case";
import { isDate } from "../gas/cells";
import { headerIndex, readHeader, sheetById } from "../gas/sheets";
import { type Writable, putRows } from "../gas/write";
import { type Env, systemEnv } from "./cases";
import { keyRing } from "./keys";
import { logWarn } from "./log";
import { legacyMail, scrubSentRows } from "./mail-legacy";
import { withLock } from "./lock";
import { composeMail, sealOf, transient } from "./notify";
import { reportProblem } from "./problems";
import { readAroundHits } from "./queue-scan";

const WAITING = "Menunggu";
/** A passing fault is tried this many times in all, waiting 1, 2, 4 and 8 hours between, before the email is marked Gagal. */
export const MAX_ATTEMPTS = 5;
const HOUR = 3_600_000;

export interface MailRun {
  sent: number;
  failed: number;
  refused: number;
  /** More waited than this run had time or quota for. */
  more: boolean;
}

/** Is the row one Alur wrote? Its seal, made with a queue key, covers the time, the recipient and what it would send. */
function sealed(at: unknown, to: string, data: string, seal: string): boolean {
  const m = /^([A-Za-z0-9]+):([0-9a-f]{40})$/.exec(seal);
  if (!m || !isDate(at)) return false;
  const secret = keyRing("queue").get(m[1]);
  if (!secret) return false;
  const want = sealOf(secret, m[1], Math.floor(at.getTime() / 1000) * 1000, to, data);
  let diff = want.length ^ seal.length;
  for (let i = 0; i < Math.min(want.length, seal.length); i++) diff |= want.charCodeAt(i) ^ seal.charCodeAt(i);
  return diff === 0;
}

/**
 * Sends waiting rows oldest first while quota and the run's time budget last, under the lock so two runs never send
 * the same email. Each row is marked right after its email goes, so a run cut off mid-batch sends at most the email in
 * flight twice. Rows without a valid seal (typed or pasted by someone) are never sent and are marked for the admin.
 */
export function retryQueuedMail(deadline = Date.now() + 3 * 60_000): MailRun {
  const run: MailRun = { sent: 0, failed: 0, refused: 0, more: false };
  return withLock(() => {
    const e = systemEnv();
    if (!e) return run;
    const sheet = sheetById(e.ss, e.ids.antreanEmail, "Antrean Email");
    const header = readHeader(sheet);
    const idx = headerIndex(header);
    const col = (h: string) => idx.get(h) ?? -1;
    const [cAt, cTo, cStatus, cTries, cNext, cData, cSeal] = ["Waktu", "Kepada", "Status", "Percobaan", "Coba lagi", "Data", "Segel"].map(col);
    const last = sheet.getLastRow();
    if (last < 2 || cStatus < 0) return run;
    // Only waiting rows are read: the sheet keeps every email ever queued.
    const hits = sheet
      .getRange(2, cStatus + 1, last - 1, 1)
      .createTextFinder(WAITING)
      .matchEntireCell(true)
      .findAll();
    const rows = !hits.length ? [] : readAroundHits(sheet, hits, header.length, (cell) => cell === WAITING).filter((r) => String(r.values[cStatus]) === WAITING);
    const at = (r: { values: unknown[] }) => (isDate(r.values[cAt]) ? (r.values[cAt] as Date).getTime() : 0);
    rows.sort((a, b) => at(a) - at(b));
    // Each mark is flushed at once: a run cut off later must not lose the mark of an email that already went.
    const mark = (row: number, values: Record<number, Writable>) => {
      for (const [c, v] of Object.entries(values)) if (Number(c) >= 0) putRows(sheet.getRange(row, Number(c) + 1), [[v]]);
      SpreadsheetApp.flush();
    };
    let quota = rows.length ? MailApp.getRemainingDailyQuota() : 0;
    /** Rows this run sent, failed or refused: no longer waiting. */
    const settled = new Set<number>();
    for (const r of rows) {
      if (Date.now() > deadline || quota <= 0) {
        run.more = true;
        break;
      }
      const v = r.values;
      const next = isDate(v[cNext]) ? (v[cNext] as Date).getTime() : 0;
      if (next > e.now) continue;
      const to = String(v[cTo] ?? "").trim();
      const data = cData < 0 ? "" : String(v[cData] ?? "");
      let parsed: { n: Notification; to: string } | null = null;
      if (cSeal >= 0 && sealed(v[cAt], to, data, String(v[cSeal] ?? ""))) {
        try {
          parsed = JSON.parse(data) as { n: Notification; to: string };
        } catch {
          parsed = null;
        }
      }
      // A row of an earlier release (no seal; its link signed in its cells) goes if its links are Alur's own.
      const old = parsed ? null : legacyMail(v, idx, to, e.now);
      if (!old && (!parsed || parsed.to.toLowerCase() !== to.toLowerCase())) {
        mark(r.row, { [cStatus]: "Ditolak: baris ini tidak dibuat Alur (segel tidak cocok), jadi tidak dikirim" });
        reportProblem(`queue:${r.row}:${to}`, `Antrean Email baris ${r.row} tidak dibuat Alur (segelnya tidak cocok) dan tidak dikirim. Baris di antrean hanya boleh dibuat Alur; bila email ini memang perlu, kirim sendiri.`, e.now);
        settled.add(r.row);
        run.refused++;
        continue;
      }
      try {
        // Links are signed now, as the email goes (and again at each retry): none waits in a cell.
        const mail = old ? { to, ...old } : composeMail(e as Env, (parsed as { n: Notification }).n, (parsed as { to: string }).to);
        MailApp.sendEmail({ to: mail.to, subject: mail.subject, body: mail.body, htmlBody: mail.htmlBody, name: "Alur" });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const tries = (Number(v[cTries]) || 1) + 1;
        if (/too many times/i.test(message)) {
          // The day's quota is spent: everything waits for the next run; this try does not count.
          run.more = true;
          break;
        }
        if (transient(message) && tries <= MAX_ATTEMPTS) {
          mark(r.row, { [cTries]: tries, [cNext]: { dateTime: e.now + HOUR * 2 ** (tries - 2) } });
        } else {
          mark(r.row, { [cStatus]: `Gagal: ${message}${transient(message) ? ` (setelah ${MAX_ATTEMPTS} percobaan)` : ""}` });
          settled.add(r.row);
          run.failed++;
        }
        continue;
      }
      mark(r.row, { [cStatus]: `Terkirim ${formatTanggalJam(e.now)}${old ? " (tautan ditandatangani ulang)" : ""}`, ...(old?.cells ?? {}) });
      settled.add(r.row);
      quota--;
      run.sent++;
    }
    // Rows sent, failed or refused keep no signed link in their cells (rows of earlier releases had one).
    const pending = new Set(rows.filter((r) => !settled.has(r.row)).map((r) => r.row));
    // Housekeeping after the emails went: a fault here waits for the next run and holds nothing else back.
    try {
      scrubSentRows(sheet, idx, last, (row) => pending.has(row), (row, c, text) => mark(row, { [c]: text }));
    } catch (err) {
      logWarn("Antrean Email: tautan lama belum dihapus dari sel:", err);
    }
    return run;
  });
}
