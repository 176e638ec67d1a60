// Links in emails: the web app's address (Pengaturan › URL web app), read-only case links and one-time action links.
import { type ActionClaims, actionToken } from "../domain/action-token";
import type { Sign } from "../domain/link-token";
import { linkToken } from "../domain/link-token";
import { hmacSigner } from "../gas/digest";
import type { Env } from "./cases";
import { currentKey, keyRing } from "./keys";

/** How long a read-only case link works. */
export const VIEW_DAYS = 30;
/** How long an action link works (it also stops once the case moves on). */
export const ACTION_DAYS = 14;

/** The actions an email can carry: the step's own buttons. */
export type EmailAction = "approve" | "return" | "complete";

export const ACTION_LABEL: Record<EmailAction, string> = { approve: "Setujui", return: "Kembalikan", complete: "Selesai & teruskan" };

const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?\//;

/**
 * The web app's /exec address links are made with, or "" when there is none fit for links. A real deployment's
 * address is https. The one exception is the local workspace, whose web app is http://localhost…: a loopback address
 * in Pengaturan is used only when the script's own service address is loopback too — which on Apps Script it never is
 * (it is always https://script.google.com/…) — so a typed http address never makes links in a real office. The
 * service address is the one used then, so a workspace started on another port still makes working links.
 */
export function webBase(e: Env): string {
  const web = e.cfg.settings.webAppUrl.trim();
  if (/^https:\/\/[^\s"'<>]+$/.test(web)) return web;
  if (!LOOPBACK.test(web)) return "";
  try {
    const own = ScriptApp.getService().getUrl();
    return LOOPBACK.test(own) ? own : "";
  } catch {
    return "";
  }
}

const join = (base: string, query: string) => `${base}${base.includes("?") ? "&" : "?"}${query}`;

/** Signs with the current link key, made once per execution (the caller holds the lock: see keys.ts). */
export function linkSigner(): { id: string; sign: Sign } {
  const k = currentKey("link");
  return { id: k.id, sign: hmacSigner(k.secret) };
}

/** The current link key to check with, read only (a web app visitor does not hold the lock): null before any exists. */
export function linkChecker(): { id: string; sign: Sign } | null {
  const first = [...keyRing("link").entries()][0];
  return first ? { id: first[0], sign: hmacSigner(first[1]) } : null;
}

/** The read-only case page for this recipient (the link earlier releases sent, unchanged). */
export function viewLink(base: string, sign: Sign, caseId: string, to: string, now: number): string {
  const t = linkToken(sign, caseId, to, now + VIEW_DAYS * 86_400_000);
  return join(base, `case=${encodeURIComponent(caseId)}&u=${encodeURIComponent(to)}&t=${t}`);
}

/** The confirm page of one action for this recipient, bound to the case's step and version. */
export function actionLink(base: string, key: { id: string; sign: Sign }, claims: Omit<ActionClaims, "keyId" | "expiresAt">, action: EmailAction, now: number): string {
  const token = actionToken(key.sign, { ...claims, keyId: key.id, expiresAt: Math.floor((now + ACTION_DAYS * 86_400_000) / 1000) * 1000 });
  return join(base, `aksi=${action}&k=${token}`);
}
