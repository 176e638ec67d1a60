// Tells the next person by email; when an email cannot go now it waits, sealed, in Antrean Email for the hourly trigger.
import { roleById } from "../catalog/roles";
import { jakartaDateString } from "../domain/calendar";
import type { Notification } from "../domain/case";
import { type Sign, linkToken } from "../domain/link-token";
import { holdersOf } from "../domain/pejabat";
import { stepOf } from "../domain/transition";
import { hmacHex, hmacSigner } from "../gas/digest";
import { headerIndex, readHeader, sheetById } from "../gas/sheets";
import { appendRowTo } from "../gas/write";
import type { Env } from "./cases";
import { escapeHtml as esc } from "./html";
import { currentKey } from "./keys";

export interface Mail {
  to: string;
  subject: string;
  htmlBody: string;
  body: string;
}

/** One email to send: a notification and one of its recipients. Composed (and its links signed) only when sent. */
export interface Planned {
  n: Notification;
  to: string;
}

/** How long a link in an email stays valid. */
const LINK_DAYS = 30;

function recipients(e: Env, n: Notification): string[] {
  if (n.kind === "finished" || n.kind === "cancelled" || n.kind === "decided") return n.to ? [n.to] : [];
  if (n.assignee) return [n.assignee];
  const sop = e.cfg.sops.find((s) => s.id === n.sopId);
  const lane = sop?.lanes.find((l) => l.header === n.lane);
  if (!lane) return [];
  const role = roleById(lane.role);
  // Nobody in the office holds an outside party's role: whoever records it for them is told instead.
  if (role?.external) return n.recorder ? [n.recorder] : [];
  return holdersOf(e.cfg.officials, lane.role, jakartaDateString(e.now), role?.name ?? lane.header).map((h) => h.email);
}

/** Every email the notifications ask for, in a fixed order (so a resumed delivery knows how far it got). */
export function planMails(e: Env, notes: Notification[]): Planned[] {
  const out: Planned[] = [];
  for (const n of notes) for (const to of recipients(e, n)) if (to) out.push({ n, to });
  return out;
}

export function composeMail(e: Env, n: Notification, to: string, sign: () => Sign = () => hmacSigner(currentKey("link").secret)): Mail {
  const sop = e.cfg.sops.find((s) => s.id === n.sopId);
  const title = sop?.shortTitle ?? n.sopId;
  const link = e.ids.url;
  let subject: string;
  let lines: string[];
  if (n.kind === "assigned" || n.kind === "returned") {
    const step = sop ? stepOf(sop, n.stepNo) : undefined;
    const role = roleById(sop?.lanes.find((l) => l.header === n.lane)?.role ?? "");
    const outside = role?.external ? role.name : "";
    subject = n.kind === "returned" ? `[Alur] ${n.caseId} dikembalikan untuk diperbaiki` : `[Alur] ${n.caseId} menunggu Anda: langkah ${n.stepNo}`;
    lines = [
      `Kasus ${n.caseId} (${title}) kini ada di langkah ${n.stepNo}${step ? `: ${step.text}` : ""}.`,
      ...(n.kind === "returned" ? [`Alasan pengembalian: ${n.reason}`] : []),
      ...(outside ? [`Langkah ini milik ${outside}, pihak di luar kantor. Setelah ${outside} menyelesaikannya, catat di panel Alur atas nama mereka; kasus menunggu sampai dicatat.`] : []),
      "Buka spreadsheet register, lalu Ekstensi › Alur › Buka panel untuk menindaklanjuti.",
    ];
  } else if (n.kind === "decided") {
    subject = `[Alur] ${n.caseId}: keputusan atas permohonan cuti Anda`;
    lines = [`Permohonan cuti Anda (${n.caseId}) telah diputuskan.`, n.decision];
  } else if (n.kind === "finished") {
    subject = `[Alur] ${n.caseId} selesai`;
    lines = [`Kasus ${n.caseId} (${title}) sudah selesai.`];
  } else {
    subject = `[Alur] ${n.caseId} dibatalkan`;
    lines = [`Kasus ${n.caseId} (${title}) dibatalkan.`, `Alasan: ${n.reason}`];
  }
  // With the web app deployed (Pengaturan › URL web app), the email links to the case's own page, readable on a phone.
  const web = e.cfg.settings.webAppUrl;
  // The link names its recipient and is signed, so the page works for people the web app cannot identify (consumer Gmail).
  let token = "";
  try {
    if (/^https:\/\//.test(web)) token = linkToken(sign(), n.caseId, to, e.now + LINK_DAYS * 86_400_000);
  } catch (err) {
    console.warn(`Tautan kasus ${n.caseId} tanpa tanda tangan: ${String(err)}`);
  }
  const caseLink = token ? `${web}${web.includes("?") ? "&" : "?"}case=${encodeURIComponent(n.caseId)}&u=${encodeURIComponent(to)}&t=${token}` : "";
  const links = [link ? `<a href="${esc(link)}" target="_blank">Buka register</a>` : "", caseLink ? `<a href="${esc(caseLink)}" target="_blank">Lihat kasus ${esc(n.caseId)}</a>` : ""].filter(Boolean);
  const html = `<div style="font:14px Arial,sans-serif;color:#202124">${lines.map((l) => `<p>${esc(l)}</p>`).join("")}${links.length ? `<p>${links.join(" · ")}</p>` : ""}<p style="color:#5f6368;font-size:12px">Pesan otomatis Alur kepada ${esc(to)}.</p></div>`;
  return { to, subject, htmlBody: html, body: lines.join("\n") };
}

/** Errors that say "not now" (quota, a passing server fault) rather than "never" (a wrong address). */
export function transient(message: string): boolean {
  return /too many times|Service unavailable|temporarily|server error|try again|timed out|Please wait/i.test(message);
}

/**
 * Sends the planned emails from `from` on, telling `progress` after each one so that an execution cut off mid-way
 * resumes after the last email that went (at most the one in flight is sent twice). An email that cannot go now waits
 * in Antrean Email; nothing here fails the action, which is already recorded.
 */
export function deliver(e: Env, planned: Planned[], from: number, progress: (done: number) => void): void {
  let signing: Sign | null = null;
  const signer = () => {
    signing ??= hmacSigner(currentKey("link").secret);
    return signing;
  };
  for (let i = from; i < planned.length; i++) {
    const { n, to } = planned[i];
    try {
      const mail = composeMail(e, n, to, signer);
      MailApp.sendEmail({ to: mail.to, subject: mail.subject, htmlBody: mail.htmlBody, body: mail.body, name: "Alur" });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      console.warn(`Email kasus ${n.caseId} ditunda: ${message.replace(/[^\s@]+@[^\s@]+/g, "…")}`);
      try {
        enqueueMail(e, planned[i], message);
      } catch (qErr) {
        console.error(`Antrean Email tidak dapat ditulis: ${String(qErr)}`);
      }
    }
    progress(i + 1);
  }
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
  const mail = composeMail(e, p.n, p.to, () => () => "");
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
