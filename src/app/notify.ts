// Tells the next person by email; when an email cannot go now it waits, sealed, in Antrean Email for the hourly trigger.
import { roleById } from "../catalog/roles";
import { jakartaDateString } from "../domain/calendar";
import type { Notification } from "../domain/case";
import { holdersOf } from "../domain/pejabat";
import { hmacHex } from "../gas/digest";
import { headerIndex, readHeader, sheetById } from "../gas/sheets";
import { appendRowTo } from "../gas/write";
import type { Env } from "./cases";
import { currentKey } from "./keys";
import { linkSigner } from "./links";
import { logError, logWarn } from "./log";
import { type Mail, type Signing, composeMail as compose } from "./mail-compose";

export type { Mail } from "./mail-compose";

/** One email to send: a notification and one of its recipients. Composed (and its links signed) only when sent. */
export interface Planned {
  n: Notification;
  to: string;
}

/** Who holds a step now: its assignee, else its role's holders (acting officials in place of those away), else — for a party outside the office — whoever records it for them. */
export function stepRecipients(e: Env, sopId: string, lane: string, assignee: string, recorder: string): string[] {
  if (assignee) return [assignee];
  const sop = e.cfg.sops.find((s) => s.id === sopId) ?? e.cfg.heldBack?.find((s) => s.id === sopId);
  const l = sop?.lanes.find((x) => x.header === lane);
  if (!l) return [];
  const role = roleById(l.role);
  // Nobody in the office holds an outside party's role: whoever records it for them is told instead.
  if (role?.external) return recorder ? [recorder] : [];
  return holdersOf(e.cfg.officials, l.role, jakartaDateString(e.now), role?.name ?? lane).map((h) => h.email);
}

/** People who asked for the morning digest instead of single step emails and reminders (Pejabat › Ringkasan harian). */
export function digestPeople(e: Env): Set<string> {
  const out = new Set<string>();
  for (const o of e.cfg.officials) if (o.digest && o.email) out.add(o.email.trim().toLowerCase());
  return out;
}

function recipients(e: Env, n: Notification, digest: Set<string>): string[] {
  if (n.kind === "digest") return [n.to];
  if (n.kind === "reminder") return n.to;
  if (n.kind === "finished" || n.kind === "cancelled" || n.kind === "decided") return n.to ? [n.to] : [];
  // A step's email goes to its holders, but never to whoever just moved the case there themselves, and not to those
  // who get the morning digest instead.
  return stepRecipients(e, n.sopId, n.lane, n.assignee, n.recorder).filter((to) => !digest.has(to));
}

/** Every email the notifications ask for, in a fixed order (so a resumed delivery knows how far it got). */
export function planMails(e: Env, notes: Notification[]): Planned[] {
  const out: Planned[] = [];
  const digest = digestPeople(e);
  for (const n of notes) {
    const by = "by" in n && n.by ? n.by.trim().toLowerCase() : "";
    const seen = new Set<string>();
    for (const raw of recipients(e, n, digest)) {
      const to = raw.trim().toLowerCase();
      if (!to || to === by || seen.has(to)) continue;
      seen.add(to);
      out.push({ n, to });
    }
  }
  return out;
}

/** Signs with the link key once per execution, when the first link is made (callers hold the lock). */
export function lazySigner(): () => Signing | null {
  let k: Signing | null = null;
  return () => {
    k ??= linkSigner();
    return k;
  };
}

export function composeMail(e: Env, n: Notification, to: string, signing: () => Signing | null = lazySigner()): Mail {
  return compose(e, n, to, signing);
}

import { transient } from "./transient";

export { transient };

/**
 * Sends the planned emails from `from` on, telling `progress` after each one so that an execution cut off mid-way
 * resumes after the last email that went (at most the one in flight is sent twice). An email that cannot go now waits
 * in Antrean Email; nothing here fails the action, which is already recorded.
 */
export function deliver(e: Env, planned: Planned[], from: number, progress: (done: number) => void): void {
  const signer = lazySigner();
  for (let i = from; i < planned.length; i++) {
    const { n, to } = planned[i];
    try {
      const mail = composeMail(e, n, to, signer);
      MailApp.sendEmail({ to: mail.to, subject: mail.subject, htmlBody: mail.htmlBody, body: mail.body, name: "Alur" });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      logWarn(`Email kasus ${n.caseId} ditunda: ${message}`);
      try {
        enqueueMail(e, planned[i], message);
      } catch (qErr) {
        logError(`Antrean Email tidak dapat ditulis: ${String(qErr)}`);
      }
    }
    progress(i + 1);
  }
}

/**
 * Composes the emails of one notice now and returns what sends them, so a caller can mark "sending" between the two
 * (reminders and digests: sent at most once — see sent-marks.ts). An email that cannot go waits in Antrean Email.
 */
export function prepareMails(e: Env, n: Notification): () => void {
  const signer = lazySigner();
  const ready: { p: Planned; mail: Mail | null; error: string }[] = planMails(e, [n]).map((p) => {
    try {
      return { p, mail: composeMail(e, p.n, p.to, signer), error: "" };
    } catch (err) {
      return { p, mail: null, error: err instanceof Error ? err.message : String(err) };
    }
  });
  return () => {
    for (const { p, mail, error } of ready) {
      let why = error;
      if (mail) {
        try {
          MailApp.sendEmail({ to: mail.to, subject: mail.subject, htmlBody: mail.htmlBody, body: mail.body, name: "Alur" });
          continue;
        } catch (err) {
          why = err instanceof Error ? err.message : String(err);
        }
      }
      try {
        enqueueMail(e, p, why);
      } catch (qErr) {
        logError(`Antrean Email tidak dapat ditulis: ${String(qErr)}`);
      }
    }
  };
}

/** Antrean Email's columns; rows Alur writes are sealed with the queue key over what they would send. */
export const ANTREAN_HEADERS = ["Waktu", "Kepada", "Subjek", "Isi", "Status", "Percobaan", "Coba lagi", "Data", "Segel"] as const;

export function sealOf(secret: string, keyId: string, at: number, to: string, data: string): string {
  return `${keyId}:${hmacHex(secret)([new Date(at).toISOString(), to.toLowerCase(), data].join("\u001f")).slice(0, 40)}`;
}

/**
 * Puts one email in Antrean Email: the notification it comes from (its links are signed when it is finally sent, so
 * no working link sits in a cell), who it is for, and a seal only Alur can make.
 */
export function enqueueMail(e: Env, p: Planned, why: string): void {
  const sheet = sheetById(e.ss, e.ids.antreanEmail, "Antrean Email");
  const idx = headerIndex(readHeader(sheet));
  const mail = composeMail(e, p.n, p.to, () => null);
  const data = JSON.stringify({ n: p.n, to: p.to });
  const key = currentKey("queue");
  const at = Math.floor(e.now / 1000) * 1000;
  const cells: Record<string, unknown> = {
    Waktu: { dateTime: at },
    Kepada: p.to,
    Subjek: mail.subject,
    Isi: mail.body,
    Status: transient(why) ? "Menunggu" : `Gagal: ${why}`,
    Percobaan: 1,
    "Coba lagi": "",
    Data: data,
    Segel: sealOf(key.secret, key.id, at, p.to, data),
  };
  const width = Math.max(...Array.from(idx.values())) + 1;
  const row: unknown[] = new Array(width).fill("");
  for (const [h, i] of idx) if (h in cells) row[i] = cells[h];
  appendRowTo(sheet, row as never);
}
