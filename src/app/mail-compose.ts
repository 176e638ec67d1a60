// The emails themselves: one subject per case (Gmail threads them), Bahasa Indonesia, readable on a phone, every text
// from people escaped. A step's email carries its action links; none of them changes anything until a button is pressed
// on the confirm page they open.
import { roleById } from "../catalog/roles";
import { formatTanggal, formatTanggalJam } from "../domain/calendar";
import type { DigestItem, Notification } from "../domain/case";
import type { Sign } from "../domain/link-token";
import type { Sop } from "../domain/sop";
import { stepChoices } from "../domain/step-choices";
import { laneRole, stepOf } from "../domain/transition";
import type { Env } from "./cases";
import { escapeHtml as esc } from "./html";
import { ACTION_DAYS, type EmailAction, actionLink, viewLink, webBase } from "./links";

export interface Mail {
  to: string;
  subject: string;
  htmlBody: string;
  body: string;
}

export interface Signing {
  id: string;
  sign: Sign;
}

/** The one subject of a case's emails: its ID and SOP (the state goes in the body, so Gmail keeps one thread). */
export function caseSubject(caseId: string, sopTitle: string): string {
  return `[Alur] ${caseId} · ${sopTitle}`;
}

/** One piece of an email: a paragraph, a list of facts, buttons, links. Rendered as HTML and as plain text. */
type Block =
  | { t: "h"; text: string }
  | { t: "p"; text: string; muted?: boolean }
  | { t: "facts"; rows: [string, string][] }
  | { t: "buttons"; items: { label: string; href: string; kind: EmailAction | "view" }[] }
  | { t: "links"; items: { label: string; href: string }[] }
  | { t: "list"; items: { title: string; lines: string[]; late: boolean; buttons: { label: string; href: string; kind: EmailAction | "view" }[] }[] };

const BUTTON: Record<EmailAction | "view", string> = {
  approve: "background:#188038;color:#ffffff;border:1px solid #188038",
  complete: "background:#1a73e8;color:#ffffff;border:1px solid #1a73e8",
  return: "background:#ffffff;color:#b3261e;border:1px solid #b3261e",
  view: "background:#ffffff;color:#1a73e8;border:1px solid #dadce0",
};

const button = (b: { label: string; href: string; kind: EmailAction | "view" }) =>
  `<a href="${esc(b.href)}" target="_blank" style="display:inline-block;${BUTTON[b.kind]};padding:11px 18px;margin:0 8px 8px 0;border-radius:6px;text-decoration:none;font-weight:bold;font-size:15px">${esc(b.label)}</a>`;

function html(blocks: Block[], footer: string): string {
  const out = blocks.map((b) => {
    switch (b.t) {
      case "h":
        return `<p style="font-size:18px;font-weight:bold;margin:0 0 10px">${esc(b.text)}</p>`;
      case "p":
        return `<p style="margin:0 0 10px${b.muted ? ";color:#5f6368;font-size:13px" : ""}">${esc(b.text)}</p>`;
      case "facts":
        return `<table role="presentation" style="border-collapse:collapse;width:100%;margin:0 0 12px">${b.rows
          .map(([k, v]) => `<tr><td style="padding:3px 10px 3px 0;color:#5f6368;font-size:13px;vertical-align:top;white-space:nowrap">${esc(k)}</td><td style="padding:3px 0;vertical-align:top;word-break:break-word">${esc(v)}</td></tr>`)
          .join("")}</table>`;
      case "buttons":
        return b.items.length ? `<div style="margin:14px 0 6px">${b.items.map(button).join("")}</div>` : "";
      case "links":
        return b.items.length ? `<p style="margin:8px 0 12px">${b.items.map((l) => `<a href="${esc(l.href)}" target="_blank" style="color:#1a73e8">${esc(l.label)}</a>`).join(" &middot; ")}</p>` : "";
      case "list":
        return b.items
          .map(
            (i) =>
              `<div style="border:1px solid ${i.late ? "#f4c7c3" : "#dadce0"};border-left:4px solid ${i.late ? "#d93025" : "#1a73e8"};border-radius:6px;padding:10px 12px;margin:0 0 10px"><p style="margin:0 0 4px;font-weight:bold">${esc(i.title)}</p>${i.lines
                .map((l) => `<p style="margin:0 0 4px;font-size:14px">${esc(l)}</p>`)
                .join("")}${i.buttons.length ? `<div style="margin:8px 0 0">${i.buttons.map(button).join("")}</div>` : ""}</div>`,
          )
          .join("");
    }
    return "";
  });
  return `<div style="font:15px/1.5 Arial,Helvetica,sans-serif;color:#202124;max-width:560px">${out.join("")}<p style="margin:16px 0 0;color:#5f6368;font-size:12px;border-top:1px solid #e8eaed;padding-top:8px">${esc(footer)}</p></div>`;
}

function text(blocks: Block[], footer: string): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.t === "h" || b.t === "p") lines.push(b.text, "");
    else if (b.t === "facts") lines.push(...b.rows.map(([k, v]) => `${k}: ${v}`), "");
    else if (b.t === "buttons" || b.t === "links") {
      if (b.items.length) lines.push(...b.items.map((i) => `${i.label}: ${i.href}`), "");
    } else if (b.t === "list") {
      for (const i of b.items) lines.push(`• ${i.title}`, ...i.lines.map((l) => `  ${l}`), ...i.buttons.map((x) => `  ${x.label}: ${x.href}`), "");
    }
  }
  lines.push("--", footer);
  return lines.join("\n");
}

function sopOf(e: Env, sopId: string): Sop | undefined {
  return e.cfg.sops.find((s) => s.id === sopId) ?? e.cfg.heldBack?.find((s) => s.id === sopId);
}

interface Ctx {
  e: Env;
  to: string;
  base: string;
  signing: () => Signing | null;
}

/** Action buttons of the case's current step for this recipient (none without a web app or a key). */
function actionButtons(c: Ctx, sop: Sop | undefined, caseId: string, stepNo: string, version: number | undefined): { label: string; href: string; kind: EmailAction }[] {
  const step = sop ? stepOf(sop, stepNo) : undefined;
  const key = c.base && step && version ? c.signing() : null;
  if (!key || !step || !sop || !version) return [];
  return stepChoices(sop, step).map((ch) => ({ label: ch.label, kind: ch.action, href: actionLink(c.base, key, { caseId, stepNo, version, to: c.to }, ch.action, c.e.now) }));
}

function viewLinks(c: Ctx, caseId: string): { label: string; href: string }[] {
  const key = c.base ? c.signing() : null;
  return [
    ...(key ? [{ label: `Lihat kasus ${caseId}`, href: viewLink(c.base, key.sign, caseId, c.to, c.e.now) }] : []),
    ...(c.e.ids.url && isStaff(c.e, c.to) ? [{ label: "Buka register", href: c.e.ids.url }] : []),
  ];
}

/** People of the office (Pejabat, acting officials, admins) can open the register; an applicant outside cannot. */
function isStaff(e: Env, email: string): boolean {
  const me = email.trim().toLowerCase();
  return e.cfg.settings.admins.includes(me) || e.cfg.officials.some((o) => o.email === me || o.acting?.email === me);
}

/** "Langkah 4" and what the step is, as one row of the facts. */
const stepRow = (sop: Sop | undefined, stepNo: string): [string, string] => [`Langkah ${stepNo}`, (sop ? stepOf(sop, stepNo)?.text : "") ?? ""];

const roleNameOf = (sop: Sop | undefined, lane: string) => roleById(sop ? laneRole(sop, lane) : "")?.name ?? lane;

const ONE_TIME = `Tombol di atas membuka halaman konfirmasi: tidak ada yang berubah sebelum Anda menekan tombol di halaman itu. Tautan berlaku satu kali, selama ${ACTION_DAYS} hari, dan berhenti berlaku begitu kasus berpindah langkah.`;
const footerFor = (to: string, actions: boolean) =>
  `Pesan otomatis Alur kepada ${to}.${actions ? " Jangan teruskan email ini: tombolnya bertindak atas nama Anda." : ""}`;

function caseMail(c: Ctx, n: Exclude<Notification, { kind: "digest" }>): { subject: string; blocks: Block[]; actions: boolean } {
  const sop = sopOf(c.e, n.sopId);
  const title = sop?.shortTitle ?? n.sopId;
  const subject = caseSubject(n.caseId, title);
  const perihal = n.perihal ?? "";
  const facts: [string, string][] = [["Kasus", `${n.caseId} · ${title}`], ...(perihal ? ([["Perihal", perihal]] as [string, string][]) : [])];
  const noWeb = "Buka spreadsheet register, lalu Ekstensi › Alur › Buka panel untuk menindaklanjuti.";
  if (n.kind === "assigned" || n.kind === "returned") {
    const role = roleById(sop ? laneRole(sop, n.lane) : "");
    const outside = role?.external ? role.name : "";
    const buttons = outside ? [] : actionButtons(c, sop, n.caseId, n.stepNo, n.version);
    const blocks: Block[] = [
      { t: "h", text: n.kind === "returned" ? `Kasus ${n.caseId} dikembalikan kepada Anda untuk diperbaiki` : `Kasus ${n.caseId} menunggu Anda` },
      { t: "facts", rows: [...facts, stepRow(sop, n.stepNo), ...(n.kind === "returned" ? ([["Alasan", n.reason]] as [string, string][]) : [])] },
      ...(outside
        ? ([{ t: "p", text: `Langkah ini milik ${outside}, pihak di luar kantor. Setelah ${outside} menyelesaikannya, catat di panel Alur atas nama mereka; kasus menunggu sampai dicatat.` }] as Block[])
        : []),
      { t: "buttons", items: buttons },
      ...(buttons.length ? ([{ t: "p", text: ONE_TIME, muted: true }] as Block[]) : ([{ t: "p", text: noWeb }] as Block[])),
      { t: "links", items: viewLinks(c, n.caseId) },
    ];
    return { subject, blocks, actions: buttons.length > 0 };
  }
  if (n.kind === "decided") {
    const blocks: Block[] = [
      { t: "h", text: `Permohonan cuti Anda (${n.caseId}) telah diputuskan` },
      { t: "facts", rows: [...facts, ["Keputusan", n.decision]] },
      { t: "links", items: viewLinks(c, n.caseId) },
    ];
    return { subject, blocks, actions: false };
  }
  if (n.kind === "finished" || n.kind === "cancelled") {
    const blocks: Block[] = [
      { t: "h", text: n.kind === "finished" ? `Kasus ${n.caseId} sudah selesai` : `Kasus ${n.caseId} dibatalkan` },
      { t: "facts", rows: [...facts, ...(n.kind === "cancelled" ? ([["Alasan", n.reason]] as [string, string][]) : [])] },
      { t: "links", items: viewLinks(c, n.caseId) },
    ];
    return { subject, blocks, actions: false };
  }
  // Reminders: the holder's carry the step's buttons; the atasan's notice says who holds it.
  const due = n.dueAt ? formatTanggalJam(n.dueAt) : "";
  const buttons = n.actionable ? actionButtons(c, sop, n.caseId, n.stepNo, n.version) : [];
  const head =
    n.level === "near"
      ? `Pengingat: kasus ${n.caseId} menunggu Anda${due ? `, tenggat ${due}` : ""}`
      : n.level === "late"
        ? `Terlambat: kasus ${n.caseId} melewati tenggat${due ? ` ${due}` : ""}`
        : `Perlu perhatian: kasus ${n.caseId} tertahan lebih dari dua kali standar waktunya`;
  const rows: [string, string][] = [
    ...facts,
    stepRow(sop, n.stepNo),
    ["Pelaksana", `${roleNameOf(sop, n.lane)}${n.holders.length ? ` (${n.holders.join(", ")})` : ""}`],
    ["Waktu terpakai", `${n.percent}% dari standar waktu langkah ini`],
    ...(due ? ([["Tenggat", due]] as [string, string][]) : []),
  ];
  const blocks: Block[] = [
    { t: "h", text: head },
    { t: "facts", rows },
    ...(n.level === "escalate" ? ([{ t: "p", text: "Anda menerima pemberitahuan ini sebagai atasan pemegang langkah (kolom Email atasan di sheet Pejabat)." }] as Block[]) : []),
    { t: "buttons", items: buttons },
    ...(buttons.length ? ([{ t: "p", text: ONE_TIME, muted: true }] as Block[]) : []),
    { t: "links", items: viewLinks(c, n.caseId) },
  ];
  return { subject, blocks, actions: buttons.length > 0 };
}

function digestMail(c: Ctx, n: Extract<Notification, { kind: "digest" }>): { subject: string; blocks: Block[]; actions: boolean } {
  const [y, m, d] = n.day.split("-").map(Number);
  const day = formatTanggal(Date.UTC(y, m - 1, d, 1));
  const wait = n.items.filter((i) => i.kind === "wait");
  const watch = n.items.filter((i) => i.kind === "watch");
  const late = n.late ?? wait.filter((i) => i.lateMinutes > 0).length;
  const waiting = n.waiting ?? wait.length;
  let actions = false;
  const entry = (i: DigestItem) => {
    const sop = sopOf(c.e, i.sopId);
    const buttons = i.actionable ? actionButtons(c, sop, i.caseId, i.stepNo, i.version) : [];
    if (buttons.length) actions = true;
    const view = viewLinks(c, i.caseId)[0];
    return {
      title: `${i.caseId} · ${sop?.shortTitle ?? i.sopId}${i.lateMinutes > 0 ? " · TERLAMBAT" : ""}`,
      lines: [
        ...(i.perihal ? [`Perihal: ${i.perihal}`] : []),
        `Langkah ${i.stepNo}${i.stepText ? `: ${i.stepText}` : ""}`,
        ...(i.kind === "watch" ? [`Dipegang: ${i.holders.join(", ") || "—"}`] : []),
        i.dueAt ? `Tenggat: ${formatTanggalJam(i.dueAt)}` : "Tanpa standar waktu",
      ],
      late: i.lateMinutes > 0,
      buttons: [...buttons, ...(view ? [{ label: "Lihat", href: view.href, kind: "view" as const }] : [])],
    };
  };
  const blocks: Block[] = [
    { t: "h", text: `Ringkasan harian Alur, ${day}` },
    { t: "p", text: `${waiting} kasus menunggu Anda${late ? `, ${late} di antaranya terlambat` : ""}.${watch.length ? ` ${watch.length} kasus bawahan Anda tertahan lebih dari dua kali standar waktunya.` : ""}` },
    { t: "list", items: wait.map(entry) },
    ...(watch.length ? ([{ t: "h", text: "Perlu perhatian Anda sebagai atasan" }, { t: "list", items: watch.map(entry) }] as Block[]) : []),
    ...(n.more ? ([{ t: "p", text: `Dan ${n.more} kasus lain: lihat Antrean saya di panel Alur.` }] as Block[]) : []),
    ...(actions ? ([{ t: "p", text: ONE_TIME.replace("Tombol di atas", "Setiap tombol"), muted: true }] as Block[]) : []),
    { t: "p", text: "Anda menerima ringkasan ini sebagai pengganti email per kasus dan pengingat (kolom Ringkasan harian di sheet Pejabat, atau panel Alur › Antrean saya).", muted: true },
    { t: "links", items: c.e.ids.url ? [{ label: "Buka register", href: c.e.ids.url }] : [] },
  ];
  return { subject: `[Alur] Ringkasan harian ${day}`, blocks, actions };
}

/**
 * One email for one recipient. `signing` gives the link key (null: links are left out, as for a copy kept in Antrean
 * Email, whose links are signed only when it is finally sent).
 */
export function composeMail(e: Env, n: Notification, to: string, signing: () => Signing | null): Mail {
  const c: Ctx = { e, to, base: webBase(e), signing };
  const m = n.kind === "digest" ? digestMail(c, n) : caseMail(c, n);
  const footer = footerFor(to, m.actions);
  return { to, subject: m.subject, htmlBody: html(m.blocks, footer), body: text(m.blocks, footer) };
}
