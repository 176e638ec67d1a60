// The web app (doGet): the read-only case page and the action links' confirm page (email-actions.ts); GET never changes a case.
import { checkLinkToken } from "../domain/link-token";
import { hmacSigner } from "../gas/digest";
import { type Env, envFor, loadCase } from "./cases";
import { loadIds } from "./ids";
import { keyRing } from "./keys";
import { caseView } from "./views";
import { escapeHtml as esc } from "./html";
import { confirmPage } from "./email-actions";
import { serverErrorText } from "./server-error";

function page(title: string, body: string): GoogleAppsScript.HTML.HtmlOutput {
  const html = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><style>body{font:15px/1.5 Roboto,Arial,sans-serif;color:#202124;max-width:560px;margin:24px auto;padding:0 16px}h1{font-size:20px}dt{color:#5f6368;font-size:13px}dd{margin:0 0 8px}</style></head><body>${body}</body></html>`;
  return HtmlService.createHtmlOutput(html).setTitle(title).addMetaTag("viewport", "width=device-width, initial-scale=1");
}

const registerLink = (url: string) => (url ? `<p><a href="${esc(url)}" target="_top">Buka register</a> untuk menindaklanjuti lewat panel Alur.</p>` : "");

const EXPIRED = "Tautan ini sudah kedaluwarsa. Buka register untuk melihat kasusnya, atau tunggu email berikutnya dari Alur.";
const STAFF_ONLY = "Halaman kasus hanya dapat dilihat oleh pejabat yang terdaftar di sheet Pejabat, atau oleh penerima email Alur lewat tautan di email itu.";
const INVALID = "Tautan ini tidak sah (mungkin terpotong saat disalin). Buka tautan langsung dari email Alur, atau buka register.";

export function renderWebApp(e?: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  const p = e?.parameter ?? {};
  // An action link from an email: the confirm page (nothing changes until its button is pressed).
  if (typeof p.k === "string" && p.k) return confirmPage(p);
  const id = String(p.case ?? "").slice(0, 40);
  if (!id) return page("Alur", "<h1>Alur</h1><p>Halaman ini dibuka dari tautan di email Alur.</p>");
  try {
    // A signed link speaks for its recipient only when the web app cannot tell who is visiting. Someone it can identify
    // (signed in to the office's domain) as another person — a forwarded email — is judged as themselves.
    const visitor = Session.getActiveUser().getEmail().trim().toLowerCase();
    const signed = typeof p.u === "string" && typeof p.t === "string" && (!visitor || visitor === p.u.trim().toLowerCase());
    let env: Env;
    if (signed) {
      // A signed link is proof enough of who it was sent to: the web app may not know the visitor (consumer Gmail).
      // The link key is read, never made here: a web app visitor does not hold the lock (no key yet: no valid link either).
      // The signature covers the case ID: a forged or expired link is refused before anything of the case is read.
      const secret = [...keyRing("link").values()][0] ?? "";
      const check = secret ? checkLinkToken(hmacSigner(secret), id, p.u, p.t, Date.now()) : "invalid";
      // The message tells them to open the register: the link to it is right there.
      if (check !== "ok") return page("Alur", `<h1>Alur</h1><p>${esc(check === "expired" ? EXPIRED : INVALID)}</p>${registerLink(loadIds()?.url ?? "")}`);
      env = envFor(() => p.u);
    } else {
      // Without one, only the office's people (Pejabat, acting officials, admins) may read a case. Access is decided
      // from who they are alone, before the case is looked for: anyone else gets the same page, at the same cost, for
      // a case that exists and for one that does not. (Whoever else an email is for has a signed link.)
      env = envFor(() => visitor);
      const me = env.actor.email;
      const staff = env.actor.admin || env.cfg.officials.some((o) => o.email === me || o.acting?.email === me);
      if (!staff) return page("Alur", `<h1>Alur</h1><p>${esc(STAFF_ONLY)}</p>`);
    }
    const loaded = loadCase(env, id);
    const v = caseView(env, loaded.sop, loaded.c, loaded);
    const rows = [
      ["SOP", v.sopTitle],
      ["Perihal", v.perihal],
      ["Status", v.status],
      ["Langkah", v.current ? `${v.current.no} · ${v.current.text}` : "—"],
      ["Pelaksana", v.current ? v.current.roleName : "—"],
    ];
    const register = registerLink(env.ids.url);
    return page(`Alur · ${v.id}`, `<h1>${esc(v.id)}</h1><dl>${rows.map(([k, x]) => `<dt>${esc(k)}</dt><dd>${esc(x)}</dd>`).join("")}</dl>${register}`);
  } catch (err) {
    return page("Alur", `<h1>Alur</h1><p>${esc(serverErrorText(err) || "Terjadi kesalahan di server. Coba lagi; bila berulang, hubungi admin.")}</p>`);
  }
}
