// Tells the next person by email; when the daily quota is spent the message waits in Antrean Email.
import { roleById } from "../catalog/roles";
import { jakartaDateString } from "../domain/calendar";
import type { Notification } from "../domain/case";
import { holdersOf } from "../domain/pejabat";
import { stepOf } from "../domain/transition";
import { safeText } from "../gas/cells";
import { readHeader, sheetById } from "../gas/sheets";
import { hmacSigner } from "../gas/digest";
import { type Sign, linkToken } from "../domain/link-token";
import { linkSecret } from "./link-secret";
import type { Env } from "./cases";
import { escapeHtml as esc } from "./html";

export interface Mail {
  to: string;
  subject: string;
  htmlBody: string;
  body: string;
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

export function composeMail(e: Env, n: Notification, to: string, sign: () => Sign = () => hmacSigner(linkSecret())): Mail {
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
  // Without a link secret yet (a workbook set up before links were signed) and the lock busy, the email goes without it.
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

/**
 * Sends after the lock is released. The action is already recorded, so nothing here may fail it: a mail that cannot
 * go waits in Antrean Email, and any other failure is logged, never reported as if the action had not happened.
 */
export function sendNotifications(e: Env, notes: Notification[]): void {
  try {
    send(e, notes);
  } catch (err) {
    console.error(`Pemberitahuan tidak terkirim: ${String(err)}`);
  }
}

function send(e: Env, notes: Notification[]): void {
  const queued: Mail[] = [];
  // The link secret is read once for all the emails of this action, and only if one of them carries a case link.
  let signing: Sign | null = null;
  const signer = () => {
    signing ??= hmacSigner(linkSecret());
    return signing;
  };
  for (const n of notes) {
    for (const to of recipients(e, n)) {
      const mail = composeMail(e, n, to, signer);
      try {
        MailApp.sendEmail({ to: mail.to, subject: mail.subject, htmlBody: mail.htmlBody, body: mail.body, name: "Alur" });
      } catch (err) {
        queued.push(mail);
        console.warn(`Email ke ${to} ditunda: ${String(err)}`);
      }
    }
  }
  if (queued.length) {
    const sheet = sheetById(e.ss, e.ids.antreanEmail, "Antrean Email");
    // Columns by header: the sheet may be older (no "Isi HTML" yet) or rearranged by an admin.
    const header = readHeader(sheet);
    for (const m of queued) {
      const cells: Record<string, unknown> = { Waktu: new Date(e.now), Kepada: safeText(m.to), Subjek: safeText(m.subject), Isi: safeText(m.body), Status: "Menunggu", "Isi HTML": safeText(m.htmlBody) };
      sheet.appendRow(header.map((h) => (h in cells ? cells[h] : "")));
    }
  }
}
