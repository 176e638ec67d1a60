// A subdomain account's password: generated, shown once on a page to print, never stored (sheet, property, log, mail, Drive).
import type { CaseView } from "../api";
import { ROLES } from "../catalog/roles";
import { LIST_FIELDS, type Values, letterValues } from "../domain/letter-values";
import { PASSWORD_STEP } from "../domain/letters";
import type { BlockSpec, Run } from "../domain/template-spec";
import { authorize } from "../domain/transition";
import { Refusal, env, loadCase } from "./cases";
import { calendar } from "./config";
import { escapeHtml as esc } from "./html";
import { withLock } from "./lock";
import { recordCase } from "./record-shim";
import { builtInTemplates } from "./templates";
import { caseView } from "./views";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
const SYMBOLS = "!#%+=?@";

/** 14 characters from two random UUIDs: upper and lower case letters, digits and a symbol, none easily misread. */
export function newPassword(): string {
  const hex = (Utilities.getUuid() + Utilities.getUuid()).replace(/-/g, "");
  const out: string[] = [];
  for (let i = 0; out.length < 12; i += 2) out.push(ALPHABET[parseInt(hex.slice(i, i + 2), 16) % ALPHABET.length]);
  out.push(String(2 + (parseInt(hex.slice(40, 42), 16) % 8)), SYMBOLS[parseInt(hex.slice(42, 44), 16) % SYMBOLS.length]);
  return out.join("");
}

const ALIGN: Record<string, string> = { C: "center", R: "right", J: "justify" };

function runsHtml(runs: Run[], fillText: (s: string) => string): string {
  return runs
    .map((r) => {
      let h = esc(fillText(r.t)).replace(/\n/g, "<br>");
      if (r.b) h = `<b>${h}</b>`;
      if (r.u) h = `<u>${h}</u>`;
      if (r.i) h = `<i>${h}</i>`;
      return h;
    })
    .join("");
}

/** A template as a printable page (the same layout the Doc gets), filled with `values`. */
export function printPage(title: string, blocks: BlockSpec[], kop: BlockSpec[], v: Values): string {
  const fillText = (s: string) => s.replace(/\{\{\s*\??([^{}]+?)\s*\}\}/g, (_m, k: string) => (k.startsWith("?") ? "" : (v.text[k] ?? "")));
  const para = (p: { runs: Run[]; align?: string; size?: number }) => `<p style="text-align:${ALIGN[p.align ?? ""] ?? "left"};font-size:${p.size ?? 12}pt">${runsHtml(p.runs, fillText) || "&nbsp;"}</p>`;
  const html = (list: BlockSpec[]): string =>
    list
      .map((b) => {
        if (b.k === "hr") return "<hr>";
        if (b.k === "br") return "";
        if (b.k === "p") return b.runs.map((r) => r.t).join("").trim() === "{{kop}}" ? html(kop) : para(b);
        const rows = b.rows.flatMap((row) => {
          const m = row.flatMap((c) => c.paras.flatMap((p) => p.runs.map((r) => r.t))).join("").match(/\{\{\s*(\w+)\.(\w+)/);
          const items = m && LIST_FIELDS[m[1]]?.includes(m[2]) ? v.lists[m[1]] : null;
          const one = (item: Record<string, string> | null) =>
            `<tr>${row.map((c, i) => `<td style="width:${b.widths[i]}%">${c.paras.map((p) => para({ ...p, runs: p.runs.map((r) => ({ ...r, t: item ? r.t.replace(/\{\{\s*\w+\.(\w+)\s*\}\}/g, (_m, f: string) => item[f] ?? "") : r.t })) })).join("")}</td>`).join("")}</tr>`;
          return items ? items.map(one) : [one(null)];
        });
        return `<table style="border:${b.border ? `${b.border}pt solid #000` : "0"}">${rows.join("")}</table>`;
      })
      .join("");
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${esc(title)}</title><style>body{font-family:Arial,sans-serif;max-width:16.5cm;margin:1cm auto;color:#000}p{margin:0 0 2pt}table{border-collapse:collapse;width:100%}td{vertical-align:top;padding:1pt 3pt}hr{border:0;border-top:2pt solid #000;margin:2pt 0 8pt}@media print{.no-print{display:none}}</style></head><body><p class="no-print" style="background:#fef7e0;padding:8px;font-size:11pt">Halaman ini tampil sekali dan tidak disimpan di mana pun. Cetak sekarang (Ctrl+P); setelah ditutup, kata sandi tidak dapat dilihat lagi.</p>${html(blocks)}</body></html>`;
}

/**
 * At the step marked "sandi": records the user name and that a password was issued (never the password), and returns
 * the one page that shows it, for printing. The account sheet kept in Drive is made from the same template, masked.
 */
export function issuePassword(caseId: string, username: string): { view: CaseView; page: string } {
  const name = username.trim();
  if (!/^[A-Za-z0-9._-]{3,32}$/.test(name)) throw new Refusal("Nama pengguna 3–32 huruf, angka, titik, garis bawah atau tanda hubung.");
  const result = withLock(() => {
    const e = env();
    const loaded = loadCase(e, caseId);
    const { sop, c } = loaded;
    const step = sop.steps.find((s) => s.no === c.stepNo);
    if (!step || !(step.letters ?? []).includes(PASSWORD_STEP)) throw new Refusal(`Kata sandi akun diterbitkan pada langkah pencatatan akun; kasus ini di langkah ${c.stepNo || "akhir"}.`);
    const auth = authorize(sop, c, step, { actor: e.actor, now: e.now, calendar: calendar(e.cfg), officials: e.cfg.officials, roles: ROLES, channel: "sidebar" });
    if (!auth.ok) throw new Refusal(auth.reason);
    const note = `Akun subdomain: nama pengguna ${name}; kata sandi diterbitkan dan dicetak (tidak disimpan).`;
    const next = { ...c, letters: { ...c.letters, account: { username: name, by: e.actor.email, at: e.now } }, history: [...c.history, { at: e.now, by: e.actor.email, actingFor: auth.actingFor, action: "document" as const, stepNo: step.no, note, minutes: 0, standard: null }] };
    recordCase(e, loaded, next, { kind: "document", caseId, sopId: sop.id, stepNo: step.no, role: step.role, actor: e.actor.email, actingFor: auth.actingFor, note, minutes: 0, standard: null, channel: "sidebar", data: { account: name, passwordIssued: true } }, []);
    return { e, loaded, c: next };
  });
  const { e, loaded, c } = result;
  const b = builtInTemplates();
  const spec = b.templates.find((t) => t.id === "akun-subdomain");
  if (!spec) throw new Refusal("Templat Data Akun Subdomain tidak ada.");
  const values = letterValues({
    sop: loaded.sop,
    c,
    template: spec.id,
    stepNo: c.stepNo,
    office: e.cfg.settings.office,
    settings: e.cfg.settings.letters,
    numberFormat: e.cfg.settings.numberFormat,
    unitCode: e.cfg.settings.unitCode,
    officials: e.cfg.officials,
    roles: ROLES,
    now: e.now,
    signer: spec.signer,
    onBehalfOf: spec.onBehalfOf,
    maker: e.actor.email,
    password: newPassword(),
  });
  return { view: caseView(e, loaded.sop, c, loaded), page: printPage(`${c.id} · ${spec.name}`, spec.blocks, b.kop.blocks, values) };
}
