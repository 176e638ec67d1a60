// The hourly trigger's work, within one time budget: lateness, waiting emails, the journal check, the open-case index, admins told of problems, reminders and the morning digests.
import type { OpenCase } from "../domain/open-index";
import { H, readRow } from "../domain/register";
import { rowByHeader } from "../gas/cells";
import { headerIndex, readHeader } from "../gas/sheets";
import { type Env, own, systemEnv } from "./cases";
import { allSops } from "./config";
import { verifyRecent } from "./integrity";
import { payOwedSopCheck } from "./edit";
import { withLock } from "./lock";
import { retryQueuedMail } from "./mail-retry";
import { loadOpenIndex, recordOf, replaceIndex } from "./open-index";
import { listUnmailed, markMailed } from "./problems";
import { refreshLate } from "./refresh";
import type { ReminderRun } from "./reminders";
import type { DigestRun } from "./digest";
import { sendDigests, sendReminders } from "./mail-jobs";
import { loadArchivedSop } from "./sop-archive";
import { logWarn } from "./log";

/** Consumer accounts get 90 minutes of trigger time a day: a run keeps to about three, and leaves the rest for the next. */
export const HOURLY_BUDGET_MS = 3 * 60_000;

export interface HourlyRun {
  late: number;
  mail: ReturnType<typeof retryQueuedMail>;
  problems: number;
  indexFixed: number;
  /** Reminders, late notices and the atasan's notices (null: no time was left this run). */
  reminders: ReminderRun | null;
  digests: DigestRun | null;
}

export function hourly(started = Date.now()): HourlyRun {
  const deadline = started + HOURLY_BUDGET_MS;
  const late = refreshLate(deadline);
  const mail = retryQueuedMail(deadline);
  const rest = withLock(() => {
    const e = systemEnv();
    if (!e) return { problems: 0, indexFixed: 0 };
    const problems = verifyRecent(e, deadline).length;
    const indexFixed = Date.now() < deadline ? repairIndex(e, deadline) : 0;
    tellAdmins(e);
    payOwedSopCheck(e.ss, e.ids);
    return { problems, indexFixed };
  });
  // After the index is mended: reminders, then the morning digests, each within what is left of the budget.
  const reminders = Date.now() < deadline ? sendReminders(deadline) : null;
  const digests = Date.now() < deadline ? sendDigests(deadline) : null;
  return { late, mail, ...rest, reminders, digests };
}

/**
 * Checks the open-case index against the registers (ID, Status and Versi columns) and mends what differs: a case
 * missing, moved on, or no longer running. Rows are read whole only where the index is wrong. Builds the index the
 * first time (a workbook from an earlier release).
 */
export function repairIndex(e: Env, deadline: number): number {
  const index = loadOpenIndex();
  const byId = new Map(index.cases.map((c) => [c.id, c]));
  const out: OpenCase[] = [];
  let fixed = 0;
  let whole = true;
  for (const sop of allSops(e.cfg)) {
    const regId = own(e.ids.registers, sop.id);
    const sheet = regId === undefined ? null : e.ss.getSheetById(regId);
    // Registers left for the next run (out of time) keep their records as they are.
    if (!sheet || Date.now() > deadline) {
      if (sheet) whole = false;
      for (const c of index.cases) if (c.sopId === sop.id) out.push(c);
      continue;
    }
    const header = readHeader(sheet);
    const idx = headerIndex(header);
    const [cId, cSt, cV] = [idx.get(H.id), idx.get(H.status), idx.get(H.version)];
    const last = sheet.getLastRow();
    if (cId === undefined || cSt === undefined || cV === undefined || last < 2) continue;
    const col = (c: number) => sheet.getRange(2, c + 1, last - 1, 1).getValues();
    const [ids, sts, vs] = [col(cId), col(cSt), col(cV)];
    const running = new Set<string>();
    for (let i = 0; i < ids.length; i++) {
      const id = String(ids[i][0] ?? "").trim();
      const st = String(sts[i][0] ?? "");
      if (!id || (st !== "Berjalan" && st !== "Dikembalikan")) continue;
      running.add(id);
      const have = byId.get(id);
      if (have && have.version === Number(vs[i][0])) {
        out.push(have);
        continue;
      }
      // Out of time in a large register: the rest of its rows are left for the next run (records kept as they are).
      if (Date.now() > deadline) {
        whole = false;
        if (have) out.push(have);
        continue;
      }
      const values = sheet.getRange(i + 2, 1, 1, header.length).getValues()[0];
      const byHeader = rowByHeader(header, values);
      let r = readRow(sop, byHeader, "");
      let rev = sop;
      if (r.ok && r.case.sopRev !== own(e.cfg.revs, sop.id)) {
        try {
          rev = loadArchivedSop(e, r.case.sopRev, sop);
          r = readRow(rev, byHeader, "");
        } catch {
          continue;
        }
      }
      if (!r.ok) continue;
      const rec = recordOf(rev, r.case, e.cfg.settings.dayMinutes);
      if (rec) out.push(rec);
      fixed++;
    }
    for (const c of index.cases) if (c.sopId === sop.id && !running.has(c.id)) fixed++;
  }
  if (fixed || (whole && !index.complete)) replaceIndex(out, null, whole || index.complete);
  return fixed;
}

/** Emails the admins once about problems found since the last email (a broken chain, a forged queue row, …). */
function tellAdmins(e: Env): void {
  const fresh = listUnmailed();
  const admins = e.cfg.settings.admins;
  if (!fresh.length || !admins.length) return;
  const lines = fresh.map((p) => `• ${p.message}`);
  try {
    MailApp.sendEmail({ to: admins.join(","), subject: "[Alur] Masalah yang perlu diperiksa admin", body: `Alur menemukan:\n${lines.join("\n")}\n\nBuka register, lalu Ekstensi › Alur › Periksa integritas.`, name: "Alur" });
    markMailed(fresh.map((p) => p.key));
  } catch (err) {
    logWarn(`Email ke admin belum terkirim: ${String(err)}`);
  }
}
