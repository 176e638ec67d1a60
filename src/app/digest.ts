// The morning digest: for each person who asked for it (Pejabat › Ringkasan harian), one email on a working morning
// listing their waiting and late cases with each step's action links — instead of one email per step and reminder.
import { roleById } from "../catalog/roles";
import { isWorkingDay, jakartaDateString, workingMinutesBetween } from "../domain/calendar";
import type { DigestItem, DigestNotification } from "../domain/case";
import { DIGEST_HEADER, PEJABAT_HEADERS } from "../domain/pejabat-sheet";
import type { Sop } from "../domain/sop";
import { stepOf } from "../domain/transition";
import { sheetById } from "../gas/sheets";
import { putRows } from "../gas/write";
import { type Env, Refusal, env, systemEnv } from "./cases";
import { calendar, invalidateConfig } from "./config";
import { recordEntry } from "./journal";
import { withLock } from "./lock";
import { digestPeople, prepareMails } from "./notify";
import { loadOpenIndex } from "./open-index";
import { QUOTA_RESERVE, atasanOf, openHolders, percentUsed, sopOfOpen } from "./reminders";
import { SentMarks, markData } from "./sent-marks";

/** The digest goes with the first hourly run from 06.00 WIB on a working day. */
export const DIGEST_HOUR = 6;
/** Cases listed in one digest; the rest are counted (an email stays small and readable on a phone). */
export const DIGEST_MAX = 40;

const WIB = 7 * 3_600_000;

export interface DigestRun {
  sent: number;
  more: boolean;
}

const dayKey = (day: string, to: string) => `d|${day}|${to}`;

/** One person's digest items from the open-case index: their own steps, then steps past twice their standard whose holder they are atasan of. */
export function digestItems(e: Env, person: string): { items: DigestItem[]; more: number; waiting: number; late: number } {
  const cal = calendar(e.cfg);
  const all: DigestItem[] = [];
  for (const o of loadOpenIndex().cases) {
    const holders = openHolders(e, o);
    const mine = holders.includes(person);
    const pct = percentUsed(e, o);
    const watch = !mine && pct !== null && pct >= 200 && atasanOf(e, o, holders).includes(person);
    if (!mine && !watch) continue;
    const sop: Sop | undefined = sopOfOpen(e, o);
    const step = sop ? stepOf(sop, o.stepNo) : undefined;
    const names = holders.map((h) => e.cfg.officials.find((x) => x.email === h)?.name || h);
    all.push({
      caseId: o.id,
      sopId: o.sopId,
      stepNo: o.stepNo,
      stepText: (step?.text ?? o.stepText).slice(0, 200),
      version: o.version,
      perihal: o.perihal,
      dueAt: o.dueAt,
      lateMinutes: o.dueAt !== null && e.now > o.dueAt ? workingMinutesBetween(cal, o.dueAt, e.now) : 0,
      kind: mine ? "wait" : "watch",
      holders: names,
      actionable: mine && !!step && !roleById(o.role)?.external,
    });
  }
  all.sort((a, b) => Number(a.kind === "watch") - Number(b.kind === "watch") || b.lateMinutes - a.lateMinutes || (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity));
  const own = all.filter((i) => i.kind === "wait");
  return { items: all.slice(0, DIGEST_MAX), more: Math.max(0, all.length - DIGEST_MAX), waiting: own.length, late: own.filter((i) => i.lateMinutes > 0).length };
}

/** Sends today's digests that have not gone yet, once per person per day, each a "reminder" entry in Riwayat. */
export function sendDigests(deadline: number): DigestRun {
  const run: DigestRun = { sent: 0, more: false };
  const now = Date.now();
  if (new Date(now + WIB).getUTCHours() < DIGEST_HOUR) return run;
  return withLock(() => {
    const e = systemEnv();
    if (!e) return run;
    const people = [...digestPeople(e)].sort();
    const day = jakartaDateString(e.now);
    const marks = new SentMarks();
    marks.prune("d|", (k) => k.startsWith(`d|${day}|`));
    if (!people.length || !isWorkingDay(calendar(e.cfg), day)) {
      marks.save();
      return run;
    }
    let quota = MailApp.getRemainingDailyQuota() - QUOTA_RESERVE;
    for (const person of people) {
      const key = dayKey(day, person);
      if (marks.sent(e, key)) continue;
      if (Date.now() > deadline || quota <= 0) {
        run.more = true;
        break;
      }
      const { items, more, waiting, late } = digestItems(e, person);
      if (!items.length) {
        // Nothing waits for them today: no email, and no second look this morning.
        marks.set(key, "s");
        continue;
      }
      const n: DigestNotification = { kind: "digest", caseId: "", sopId: "", to: person, day, items, more, waiting, late };
      marks.once(
        e,
        key,
        () =>
          recordEntry(e, DIGEST_SOP, {
            kind: "reminder",
            caseId: "",
            sopId: "",
            stepNo: "",
            role: "",
            actor: "",
            actingFor: "",
            note: `Ringkasan harian terkirim kepada ${person}: ${waiting} kasus menunggu, ${late} terlambat`,
            minutes: 0,
            standard: null,
            channel: "trigger",
            version: 0,
            data: { ...markData(key), digest: day, cases: items.map((i) => i.caseId) },
          }),
        () => prepareMails(e, n),
      );
      quota--;
      run.sent++;
    }
    marks.save();
    return run;
  });
}

/** The journal names an entry's SOP by title; a digest spans SOPs. */
const DIGEST_SOP = { shortTitle: "Ringkasan harian" } as unknown as Sop;

/**
 * A person turns their own digest on or off from the panel: their row(s) in Pejabat get "Ya" or nothing in the
 * Ringkasan harian column (the admin may set it there directly too).
 */
export function setOwnDigest(on: boolean): { digest: boolean } {
  return withLock(() => {
    const e = env();
    const me = e.actor.email;
    const sheet = sheetById(e.ss, e.ids.pejabat, "Pejabat");
    const last = sheet.getLastRow();
    const width = sheet.getLastColumn();
    if (last < 2 || width < 1) throw new Refusal(`Alamat ${me} tidak ada di sheet Pejabat; minta admin menambahkan Anda, atau mengisi kolom ${DIGEST_HEADER} untuk Anda.`);
    const header = sheet.getRange(1, 1, 1, width).getValues()[0].map((v) => String(v).trim());
    const cEmail = header.indexOf(PEJABAT_HEADERS[5]);
    const cDigest = header.indexOf(DIGEST_HEADER);
    if (cEmail < 0 || cDigest < 0) throw new Refusal(`Sheet Pejabat tidak punya kolom "${cEmail < 0 ? PEJABAT_HEADERS[5] : DIGEST_HEADER}". Minta admin menjalankan Ekstensi › Alur › Siapkan Alur.`);
    const emails = sheet.getRange(2, cEmail + 1, last - 1, 1).getValues();
    const rows = emails.flatMap(([v], i) => (String(v).trim().toLowerCase() === me ? [i + 2] : []));
    if (!rows.length) throw new Refusal(`Alamat ${me} tidak ada di kolom Email sheet Pejabat; minta admin menambahkan Anda, atau mengisi kolom ${DIGEST_HEADER} untuk Anda.`);
    for (const r of rows) putRows(sheet.getRange(r, cDigest + 1), [[on ? "Ya" : ""]]);
    invalidateConfig();
    return { digest: on };
  });
}

/** Whether the caller gets the digest now (the panel shows it). */
export function ownDigest(): { digest: boolean; listed: boolean } {
  const e = env();
  const me = e.cfg.officials.filter((o) => o.email === e.actor.email);
  return { digest: me.some((o) => o.digest), listed: me.length > 0 };
}
