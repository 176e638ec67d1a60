// Acting from an email: the link opens a confirm page (a GET changes nothing: mail scanners open links first); the
// button on it calls emailAction through google.script.run, which takes the action through the panel's own path (act:
// the lock, the same transition and refusals), as the link's recipient, recorded with channel "email".
import { ROLES, roleById } from "../catalog/roles";
import { formatTanggalJam, workingMinutesBetween } from "../domain/calendar";
import type { CaseState } from "../domain/case";
import { type ActionClaims, type TokenVerdict, readActionToken, verifyActionToken } from "../domain/action-token";
import { KIND_LABEL } from "../domain/journal";
import { holdersOf } from "../domain/pejabat";
import type { Sop } from "../domain/sop";
import { stepChoices } from "../domain/step-choices";
import { authorize, laneRole, stepOf, stepStandard, transition } from "../domain/transition";
import { jakartaDateString } from "../domain/calendar";
import { type Env, type LoadedCase, Refusal, act, envFor, loadCase } from "./cases";
import { calendar } from "./config";
import { type ChoiceBox, confirmHtml, messagePage } from "./email-page";
import { loadIds } from "./ids";
import { linkChecker } from "./links";
import { serverErrorText } from "./server-error";
import { logError } from "./log";

/** What the confirm page's button gets back (JSON-safe). `final`: the form is done with (acted, or the link is spent). */
export interface EmailActResult {
  ok: boolean;
  final: boolean;
  title: string;
  message: string;
  lines?: string[];
  registerUrl?: string;
  /** "info": the case moved on (a neutral answer, not an error). */
  tone?: "info";
}

type Page = GoogleAppsScript.HTML.HtmlOutput;

const ACTIONS = ["approve", "return", "complete"] as const;
type Choice = (typeof ACTIONS)[number];

function output(title: string, html: string): Page {
  return HtmlService.createHtmlOutput(html).setTitle(title).addMetaTag("viewport", "width=device-width, initial-scale=1");
}

/** Why a link does nothing: what the person reads, in Bahasa Indonesia, and that nothing changed. */
interface Stop {
  heading: string;
  lines: string[];
  /** "info": the case simply moved on (used, or handled by someone else); else the link itself is refused. */
  tone?: "info";
}

const STOPS: Record<Exclude<TokenVerdict, "ok">, Stop> = {
  expired: { heading: "Tautan sudah kedaluwarsa", lines: ["Tautan tindakan di email Alur hanya berlaku untuk waktu terbatas. Buka register untuk menindaklanjuti kasus ini lewat panel Alur."] },
  altered: {
    heading: "Tautan tidak sah",
    lines: ["Tautan ini berubah setelah dikirim Alur (mungkin terpotong atau tersunting saat disalin). Buka tautan langsung dari email Alur, atau buka register."],
  },
  rotated: {
    heading: "Tautan sudah tidak berlaku",
    lines: ["Admin mengganti kunci tautan email Alur, sehingga semua tautan dari email sebelumnya berhenti berlaku. Buka register untuk menindaklanjuti kasus ini, atau tunggu email berikutnya dari Alur."],
  },
};

function stopPage(stop: Stop, registerUrl: string): Page {
  return output("Alur", messagePage({ title: `${stop.heading} · Alur`, heading: stop.heading, lines: stop.lines, registerUrl, office: "", tone: stop.tone ?? "stop" }));
}

function stopResult(stop: Stop, registerUrl: string): EmailActResult {
  const [message, ...lines] = stop.lines;
  return { ok: false, final: true, title: stop.heading, message, lines, registerUrl, ...(stop.tone ? { tone: stop.tone } : {}) };
}

/** The token, read and checked against the current link key; the claims when it may be used. */
function checkToken(k: unknown): { claims: ActionClaims } | { stop: Stop } {
  const read = readActionToken(typeof k === "string" ? k : "");
  if (!read.ok) return { stop: STOPS.altered };
  const verdict = verifyActionToken(read, linkChecker(), Date.now());
  if (verdict !== "ok") return { stop: STOPS[verdict] };
  return { claims: read.claims };
}

/** The web app may know who is visiting (a Workspace domain): then only the link's recipient may use it. */
function wrongVisitor(claims: ActionClaims): Stop | null {
  const visitor = Session.getActiveUser().getEmail().trim().toLowerCase();
  if (!visitor || visitor === claims.to) return null;
  return {
    heading: "Tautan ini untuk orang lain",
    lines: [
      // The recipient's address is not said: the person who opened it need not learn it from the page.
      `Tautan ini dikirim Alur kepada orang lain, tetapi Anda masuk sebagai ${visitor}. Tindakan dari email hanya dapat dilakukan oleh penerimanya.`,
      "Bila kasus ini memang tugas Anda, buka register dan tindak lanjuti lewat panel Alur.",
    ],
  };
}

/**
 * Who acted, as the page says it to whoever holds the link: a name from Pejabat, "admin", else the address (someone the
 * office does not list, whom nothing else names). An official's address is not repeated: the page needs no more.
 */
const nameOf = (e: Env, email: string) => {
  const o = e.cfg.officials.find((x) => x.email === email);
  if (o?.name) return o.name;
  if (email && e.cfg.settings.admins.includes(email)) return "admin";
  return email || "Alur";
};

/** Who holds the case's step now, in words. */
function holderText(e: Env, sop: Sop, c: CaseState): string {
  if (c.status === "Selesai" || c.status === "Dibatalkan") return `Kasus kini ${c.status.toLowerCase()}.`;
  const step = stepOf(sop, c.stepNo);
  if (!step) return "";
  const roleId = laneRole(sop, step.role);
  const roleName = roleById(roleId)?.name ?? step.role;
  const who = c.assignee ? [c.assignee] : holdersOf(e.cfg.officials, roleId, jakartaDateString(e.now), roleName).map((h) => h.name || h.email);
  return `Kini di langkah ${step.no}, dipegang ${roleName}${who.length ? `: ${who.join(", ")}` : ""}.`;
}

/**
 * The case moved on since the email: used by its recipient ("sudah ditindaklanjuti", with when and how), or by someone
 * else (stale). Either way the link is spent.
 */
function movedOn(e: Env, loaded: LoadedCase, claims: ActionClaims): Stop | null {
  const c = loaded.c;
  if (c.version === claims.version && c.stepNo === claims.stepNo && (c.status === "Berjalan" || c.status === "Dikembalikan")) return null;
  const last = c.history[c.history.length - 1];
  const what = last ? (KIND_LABEL[last.action] ?? last.action) : "";
  const when = formatTanggalJam(c.lastAt);
  if (c.version === claims.version + 1 && c.lastBy === claims.to) {
    return {
      heading: "Kasus ini sudah ditindaklanjuti",
      tone: "info",
      lines: [`Tautan ini sudah dipakai: kasus ${c.id} sudah ditindaklanjuti oleh Anda sendiri pada ${when}${what ? ` — ${what}` : ""}. Tautan tindakan hanya berlaku satu kali.`, holderText(e, loaded.sop, c)],
    };
  }
  return {
    heading: "Kasus sudah berpindah",
    lines: [
      `Kasus ${c.id} sudah ditindaklanjuti oleh ${nameOf(e, c.lastBy)} pada ${when}${what ? ` — ${what}` : ""}, setelah email ini dikirim. Tautan ini tidak berlaku lagi.`,
      holderText(e, loaded.sop, c),
    ],
  };
}

function ctxOf(e: Env, claims: ActionClaims) {
  return { actor: e.actor, now: e.now, calendar: calendar(e.cfg), officials: e.cfg.officials, roles: ROLES, channel: "email" as const, expectedVersion: claims.version };
}

/** The recipient no longer holds the step's role (Pejabat changed since the email): the words say who does. */
function revoked(e: Env, loaded: LoadedCase, claims: ActionClaims): Stop | null {
  const step = stepOf(loaded.sop, loaded.c.stepNo);
  if (!step) return null;
  const auth = authorize(loaded.sop, loaded.c, step, ctxOf(e, claims));
  if (auth.ok) return null;
  return {
    heading: "Anda tidak lagi memegang langkah ini",
    lines: [`Tautan ini dikirim kepada ${claims.to} sebagai pemegang langkah ${step.no}. ${auth.reason}`, holderText(e, loaded.sop, loaded.c)],
  };
}

function minutesText(m: number): string {
  const h = Math.floor(m / 60);
  const r = m % 60;
  return h ? `${h} jam${r ? ` ${r} menit` : ""}` : `${r} menit`;
}

/** Where a choice sends the case, in words: "Kasus diteruskan ke langkah 5 (Sekretaris)." */
function whereTo(sop: Sop, toStep: string, back: boolean): string {
  if (toStep === "selesai") return "Kasus selesai.";
  const s = stepOf(sop, toStep);
  if (!s) return "";
  return `Kasus ${back ? "kembali" : "diteruskan"} ke langkah ${s.no} (${roleById(laneRole(sop, s.role))?.name ?? s.role}).`;
}

/** GET of an action link: the confirm page, or a page that says why the link does nothing. Changes nothing. */
export function confirmPage(p: Record<string, string>): Page {
  const registerUrl = loadIds()?.url ?? "";
  const checked = checkToken(p.k);
  if ("stop" in checked) return stopPage(checked.stop, registerUrl);
  const claims = checked.claims;
  const other = wrongVisitor(claims);
  if (other) return stopPage(other, registerUrl);
  let e: Env;
  let loaded: LoadedCase;
  try {
    e = envFor(() => claims.to);
    loaded = loadCase(e, claims.caseId);
  } catch (err) {
    return stopPage({ heading: "Kasus tidak dapat dibuka", lines: [serverErrorText(err) || "Terjadi kesalahan di server. Coba lagi; bila berulang, hubungi admin."] }, registerUrl);
  }
  const stop = movedOn(e, loaded, claims) ?? revoked(e, loaded, claims);
  if (stop) return stopPage(stop, e.ids.url);
  const { sop, c } = loaded;
  const step = stepOf(sop, c.stepNo);
  if (!step) return stopPage({ heading: "Langkah tidak ditemukan", lines: [`Langkah ${c.stepNo} tidak ada di SOP ${sop.shortTitle}.`] }, e.ids.url);
  const ctx = ctxOf(e, claims);
  const picked = ACTIONS.includes(p.aksi as Choice) ? p.aksi : "";
  // What the server would refuse, said before anyone presses: each choice is tried on the case as it is (nothing is written).
  const choices: ChoiceBox[] = stepChoices(sop, step).map((ch) => {
    const r = transition(c, sop, ch.action === "return" ? { type: "return", reason: "(alasan)" } : { type: ch.action, note: "" }, ctx);
    return { action: ch.action, label: ch.label, needsReason: ch.needsReason, to: whereTo(sop, ch.toStep, ch.needsReason), refused: r.ok ? "" : r.reason, picked: ch.action === picked };
  });
  const roleId = laneRole(sop, step.role);
  const roleName = roleById(roleId)?.name ?? step.role;
  const std = stepStandard(step, e.cfg.settings.dayMinutes);
  const spent = workingMinutesBetween(calendar(e.cfg), c.stepSince, e.now);
  const late = c.dueAt !== null && e.now > c.dueAt ? workingMinutesBetween(calendar(e.cfg), c.dueAt, e.now) : 0;
  const last = c.history[c.history.length - 1];
  const facts = [
    { label: "Pelaksana", value: `${roleName} (Anda)` },
    ...(std !== null ? [{ label: "Standar waktu", value: /^\d+$/.test(step.waktu.trim()) ? `${step.waktu.trim()} Menit` : step.waktu }] : []),
    ...(c.dueAt !== null ? [{ label: "Tenggat", value: formatTanggalJam(c.dueAt), alert: late ? `terlambat ${minutesText(late)}` : "" }] : []),
    { label: "Di langkah ini sejak", value: `${formatTanggalJam(c.stepSince)} (${minutesText(spent)} kerja)` },
  ];
  const html = confirmHtml({
    token: p.k,
    caseId: c.id,
    sopTitle: sop.shortTitle,
    perihal: String(c.fields.perihal ?? ""),
    status: `${c.status}${c.rounds ? ` · putaran revisi ${c.rounds}` : ""}`,
    stepTitle: `Langkah ${step.no} · ${step.kind === "decision" ? "Keputusan" : "Proses"}`,
    stepText: step.text,
    facts,
    kelengkapan: step.kelengkapan.map((item) => {
      const t = c.ticks?.[`${step.no}|${item}`];
      return { item, done: !!t?.done, link: t?.link ?? "" };
    }),
    output: step.output,
    previous: last && last.by !== claims.to ? { who: nameOf(e, last.by), when: formatTanggalJam(last.at), what: `${KIND_LABEL[last.action] ?? last.action} langkah ${last.stepNo}`, note: last.note } : null,
    documents: c.documents,
    fields: sop.fields.map((f) => ({ label: f.label, value: String(c.fields[f.key] ?? "") })),
    choices,
    recipient: claims.to,
    expires: formatTanggalJam(claims.expiresAt),
    registerUrl: e.ids.url,
    office: e.cfg.settings.office.dinas,
  });
  return output(`${c.id} · Alur`, html);
}

const LABEL_DONE: Record<Choice, string> = { approve: "disetujui", return: "dikembalikan", complete: "diselesaikan dan diteruskan" };

/**
 * The confirm page's button: checks the link again, then takes the action as its recipient through act() (the lock,
 * the version the link names, the same transition and refusals as the panel), recorded with channel "email".
 * Pressed twice, or from two tabs, the action applies once: the second press finds the case one version on.
 */
export function emailAction(arg: unknown): EmailActResult {
  const registerUrl = loadIds()?.url ?? "";
  const a = arg && typeof arg === "object" && !Array.isArray(arg) ? (arg as Record<string, unknown>) : {};
  const checked = checkToken(a.k);
  if ("stop" in checked) return stopResult(checked.stop, registerUrl);
  const claims = checked.claims;
  const other = wrongVisitor(claims);
  if (other) return stopResult(other, registerUrl);
  const action = (typeof a.aksi === "string" ? a.aksi : "") as Choice;
  if (!ACTIONS.includes(action)) return { ok: false, final: false, title: "Tindakan tidak dikenal", message: "Tindakan tidak dikenal. Muat ulang halaman ini." };
  const text = (v: unknown, label: string): string => {
    if (v === undefined || v === null) return "";
    if (typeof v !== "string") throw new Refusal(`${label} harus teks.`);
    if (v.length > 5000) throw new Refusal(`${label} terlalu panjang (${v.length} karakter; maksimal 5000). Persingkat, lalu kirim lagi.`);
    return v;
  };
  const who = () => claims.to;
  try {
    const note = text(a.note, "Catatan");
    const reason = text(a.reason, "Alasan");
    const view = act({ caseId: claims.caseId, expectedVersion: claims.version, action, note, reason }, "email", who);
    const now = view.current ? `Kini di langkah ${view.current.no}, dipegang ${view.current.roleName}${view.current.holders.length ? `: ${view.current.holders.join(", ")}` : ""}.` : `Kasus kini ${view.status.toLowerCase()}.`;
    return {
      ok: true,
      final: true,
      title: `Kasus ${view.id} ${LABEL_DONE[action]}`,
      message: `Tercatat di Riwayat atas nama ${claims.to}, lewat email.`,
      lines: [now, "Tautan di email ini kini tidak berlaku lagi."],
      registerUrl,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (!(err instanceof Refusal)) {
      const shown = serverErrorText(err);
      if (!shown) logError(`emailAction: ${message}`);
      return { ok: false, final: false, title: "Belum berhasil", message: /sedang|coba lagi/i.test(shown) ? shown : `Terjadi kesalahan di server${shown ? `: ${shown}` : ""}. Tidak ada yang berubah; coba lagi.` };
    }
    // Refused: the case may have moved on (the link is spent) or the recipient lost the role; else the person can fix
    // what was said (a reason too short) and press again.
    try {
      const e = envFor(who);
      const loaded = loadCase(e, claims.caseId);
      const stop = movedOn(e, loaded, claims) ?? revoked(e, loaded, claims);
      if (stop) return stopResult(stop, e.ids.url);
    } catch (_e) {
      // The refusal's own words say enough.
    }
    return { ok: false, final: false, title: "Ditolak", message };
  }
}
