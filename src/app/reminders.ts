// Reminders from the hourly trigger, read from the open-case index (never the registers): the holder is reminded when a
// step has used a share of its standard (Pengaturan, default 80 %), told it is late at 100 %, and the holder's atasan
// (Pejabat › Email atasan) is told at 200 % — each once per step and round, each a "reminder" entry in Riwayat.
import { roleById } from "../catalog/roles";
import { workingMinutesBetween } from "../domain/calendar";
import type { ReminderNotification } from "../domain/case";
import type { OpenCase } from "../domain/open-index";
import { findOfficial } from "../domain/pejabat";
import type { Sop } from "../domain/sop";
import { stepOf } from "../domain/transition";
import { type Env, systemEnv } from "./cases";
import { allSops, calendar } from "./config";
import { recordEntry } from "./journal";
import { withLock } from "./lock";
import { digestPeople, prepareMails, stepRecipients } from "./notify";
import { loadOpenIndex } from "./open-index";
import { SentMarks, markData } from "./sent-marks";

export interface ReminderRun {
  near: number;
  late: number;
  escalated: number;
  /** Cases left for the next run (out of time, or the day's email quota kept for step emails). */
  more: boolean;
}

export const DEFAULT_REMINDER_PERCENT = 80;
/** Emails a day's quota keeps for the step emails people are waiting for (a consumer account sends 100 a day). */
export const QUOTA_RESERVE = 20;

/** The holders of an open case's step (emails), as its step email would go to them. */
export function openHolders(e: Env, o: OpenCase): string[] {
  return stepRecipients(e, o.sopId, o.lane, o.assignee, o.pemohon || o.createdBy).map((x) => x.trim().toLowerCase());
}

/** The atasan of whoever holds the step (Pejabat › Email atasan of the role's holders, or of the assignee). */
export function atasanOf(e: Env, o: OpenCase, holders: string[]): string[] {
  if (roleById(o.role)?.external) return [];
  const rows = o.assignee ? [findOfficial(e.cfg.officials, o.assignee)].filter((x) => !!x) : e.cfg.officials.filter((x) => x.role === o.role);
  const out = new Set<string>();
  for (const r of rows) if (r?.atasan && !holders.includes(r.atasan)) out.add(r.atasan);
  return [...out];
}

const nameOf = (e: Env, email: string) => e.cfg.officials.find((o) => o.email === email)?.name || email;

export function sopOfOpen(e: Env, o: OpenCase): Sop | undefined {
  return allSops(e.cfg).find((s) => s.id === o.sopId);
}

/** Working minutes used of the step's standard, in percent (null: the step has no standard). */
export function percentUsed(e: Env, o: OpenCase): number | null {
  if (!o.standard || o.standard <= 0) return null;
  return Math.floor((workingMinutesBetween(calendar(e.cfg), o.since, e.now) / o.standard) * 100);
}

const visit = (o: OpenCase) => `r|${o.id}|${o.stepNo}|${o.rounds}|${o.since}`;

/**
 * Sends what is due, oldest step first, while the run has time. A person who gets the morning digest is not sent
 * reminders (the digest lists their late cases); nor is an atasan who gets it (the digest lists what needs them).
 */
export function sendReminders(deadline: number): ReminderRun {
  const run: ReminderRun = { near: 0, late: 0, escalated: 0, more: false };
  return withLock(() => {
    const e = systemEnv();
    if (!e) return run;
    const marks = new SentMarks();
    const index = loadOpenIndex();
    const open = new Set(index.cases.map(visit));
    // Marks of steps that moved on are no longer needed (the index holds every running case).
    if (index.complete) marks.prune("r|", (k) => open.has(k.slice(0, k.lastIndexOf("|"))));
    const share = e.cfg.settings.reminderPercent ?? DEFAULT_REMINDER_PERCENT;
    const digest = digestPeople(e);
    const cases = [...index.cases].sort((a, b) => a.since - b.since);
    let quota = MailApp.getRemainingDailyQuota() - QUOTA_RESERVE;
    for (const o of cases) {
      if (Date.now() > deadline || quota <= 0) {
        run.more = true;
        break;
      }
      const pct = percentUsed(e, o);
      if (pct === null || pct < share) continue;
      const sop = sopOfOpen(e, o);
      if (!sop) continue;
      const base = visit(o);
      const holders = openHolders(e, o);
      const external = !!roleById(o.role)?.external;
      const notice = (level: ReminderNotification["level"], to: string[]): ReminderNotification => ({
        kind: "reminder",
        level,
        caseId: o.id,
        sopId: o.sopId,
        stepNo: o.stepNo,
        lane: o.lane,
        version: o.version,
        perihal: o.perihal,
        to,
        holders: holders.map((h) => nameOf(e, h)),
        dueAt: o.dueAt,
        percent: pct,
        actionable: level !== "escalate" && !external,
      });
      // The holder: the late notice at 100 % (which says all the reminder would), else the reminder.
      const holderLevel = pct >= 100 ? "late" : "near";
      const done = (k: string) => marks.sent(e, k);
      if (!done(`${base}|late`) && !(holderLevel === "near" && done(`${base}|near`))) {
        const key = `${base}|${holderLevel}`;
        const to = holders.filter((h) => !digest.has(h));
        if (to.length) {
          const n = notice(holderLevel, to);
          marks.once(e, key, () => record(e, sop, o, n, key, pct), () => prepareMails(e, n));
          quota -= to.length;
          if (holderLevel === "late") run.late++;
          else run.near++;
        } else marks.set(key, "s");
        if (holderLevel === "late") marks.set(`${base}|near`, "s");
      }
      if (pct >= 200 && !done(`${base}|escalate`)) {
        const key = `${base}|escalate`;
        const to = atasanOf(e, o, holders).filter((a) => !digest.has(a));
        if (to.length) {
          const n = notice("escalate", to);
          marks.once(e, key, () => record(e, sop, o, n, key, pct), () => prepareMails(e, n));
          quota -= to.length;
          run.escalated++;
        } else marks.set(key, "s");
      }
    }
    marks.save();
    return run;
  });
}

const LEVEL_NOTE: Record<ReminderNotification["level"], string> = {
  near: "Pengingat terkirim",
  late: "Pemberitahuan terlambat terkirim",
  escalate: "Pemberitahuan ke atasan terkirim",
};

function record(e: Env, sop: Sop, o: OpenCase, n: ReminderNotification, key: string, pct: number): void {
  const step = stepOf(sop, o.stepNo);
  recordEntry(
    e,
    sop,
    {
      kind: "reminder",
      caseId: o.id,
      sopId: o.sopId,
      stepNo: o.stepNo,
      role: step?.role ?? o.lane,
      actor: "",
      actingFor: "",
      note: `${LEVEL_NOTE[n.level]} kepada ${n.to.join(", ")} (${pct}% standar waktu)`,
      minutes: 0,
      standard: o.standard,
      channel: "trigger",
      version: o.version,
      // The notice itself, for the record: the journal sends nothing for it (see sent-marks.ts: never twice).
      data: { ...markData(key), level: n.level, percent: pct, reminder: n },
    },
    [],
  );
}

