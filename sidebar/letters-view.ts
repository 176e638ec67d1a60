// The case's letters in the panel: Buat dokumen (which template), letters waiting for the worker, the Agenda numbers and
// Ambil nomor, a subdomain account's password (shown once, to print), and a leave case's length, balance and decisions.
import type { CaseView, LeavePanel, LettersView } from "../src/api";
import { announce, clearAlert, showError } from "./alert";
import { call } from "./api-client";
import { withBusy } from "./busy";
import { h } from "./dom";
import { formatWib } from "./format";
import { getLang } from "./i18n";
import { nav } from "./state";

const TEXT = {
  id: {
    letters: "Surat",
    make: "Buat dokumen",
    template: "Templat",
    waiting: "Sedang dibuat",
    waitingHint: "Dokumen dibuat di folder Alur oleh akun {who}, paling lama satu menit; tautannya muncul di bagian Dokumen.",
    made: "Permintaan dokumen dicatat.",
    numbers: "Nomor surat",
    agenda: "Nomor agenda",
    take: "Ambil nomor surat",
    taken: "Nomor surat diambil dari Agenda Surat.",
    folder: "Folder kasus di Drive",
    account: "Akun subdomain",
    username: "Nama pengguna",
    issue: "Terbitkan kata sandi dan cetak",
    issued: "Nama pengguna {name}; kata sandi diterbitkan pada {at} dan tidak disimpan.",
    printNote: "Kata sandi hanya tampil sekali di halaman cetak. Cetak sekarang; Alur tidak menyimpannya.",
    popupBlocked: "Halaman cetak tidak dapat dibuka (pop-up diblokir). Izinkan pop-up, lalu terbitkan kata sandi baru.",
    leave: "Cuti",
    length: "Lamanya",
    balance: "Sisa cuti tahunan",
    year: "Tahun",
    left: "Sisa",
    note: "Keterangan",
    decisions: "Keputusan",
    atasan: "Pertimbangan atasan langsung (VII)",
    pejabat: "Keputusan pejabat yang berwenang (VIII)",
    reason: "Alasan",
    from: "Mulai cuti (baru)",
    to: "Selesai cuti (baru)",
    until: "Ditangguhkan sampai",
    decide: "Catat keputusan",
    decided: "Keputusan dicatat.",
    needReason: "Tuliskan alasannya.",
    Disetujui: "Disetujui",
    Perubahan: "Perubahan",
    Ditangguhkan: "Ditangguhkan",
    "Tidak disetujui": "Tidak disetujui",
  },
  en: {
    letters: "Letters",
    make: "Make document",
    template: "Template",
    waiting: "Being made",
    waitingHint: "Documents are made in the Alur folder by the account {who}, within a minute; the link appears under Documents.",
    made: "Document request recorded.",
    numbers: "Letter numbers",
    agenda: "Agenda number",
    take: "Take the letter number",
    taken: "Letter number taken from Agenda Surat.",
    folder: "Case folder in Drive",
    account: "Subdomain account",
    username: "User name",
    issue: "Issue password and print",
    issued: "User name {name}; password issued on {at} and not stored.",
    printNote: "The password shows only once, on the print page. Print it now; Alur does not keep it.",
    popupBlocked: "The print page could not open (pop-up blocked). Allow pop-ups, then issue a new password.",
    leave: "Leave",
    length: "Length",
    balance: "Annual leave left",
    year: "Year",
    left: "Left",
    note: "Note",
    decisions: "Decisions",
    atasan: "Direct superior's consideration (VII)",
    pejabat: "Deciding official's decision (VIII)",
    reason: "Reason",
    from: "Leave starts (new)",
    to: "Leave ends (new)",
    until: "Postponed until",
    decide: "Record decision",
    decided: "Decision recorded.",
    needReason: "Write the reason.",
    Disetujui: "Approved",
    Perubahan: "Changed",
    Ditangguhkan: "Postponed",
    "Tidak disetujui": "Not approved",
  },
};
type K = keyof typeof TEXT.id;
const tx = (k: K, vars: Record<string, string> = {}) => TEXT[getLang()][k].replace(/\{(\w+)\}/g, (_m, v: string) => vars[v] ?? "");

const CHOICES = ["Disetujui", "Perubahan", "Ditangguhkan", "Tidak disetujui"] as const;

/** What a person typed for a leave decision or an account, kept across redraws (per case). */
const drafts: Record<string, { template: string; username: string; choice: string; reason: string; mulai: string; selesai: string; until: string }> = {};
const draft = (id: string) => {
  drafts[id] ??= { template: "", username: "", choice: "Disetujui", reason: "", mulai: "", selesai: "", until: "" };
  return drafts[id];
};
const panels: Record<string, { version: number; panel: LeavePanel | null } | "loading"> = {};

async function run(btn: HTMLButtonElement, fn: () => Promise<CaseView>, done: string): Promise<void> {
  clearAlert();
  try {
    const next = await withBusy(btn, fn);
    delete panels[next.id];
    nav.showCase(next);
    announce(done);
  } catch (err) {
    showError(err);
  }
}

function input(id: string, type: string, value: string, onInput: (v: string) => void): HTMLInputElement {
  return h("input", { id, type, value, oninput: (e: Event) => onInput((e.target as HTMLInputElement).value) });
}

function row(label: string, control: HTMLElement): HTMLElement {
  return h("div", { class: "form-row" }, h("label", { for: control.id }, label), control);
}

function documentsPart(view: CaseView, l: LettersView): HTMLElement[] {
  const out: HTMLElement[] = [];
  const d = draft(view.id);
  if (l.templates.length) {
    if (!l.templates.some((x) => x.id === d.template)) d.template = l.templates[0].id;
    const select = h(
      "select",
      { id: "letter-template", onchange: (e: Event) => (d.template = (e.target as HTMLSelectElement).value) },
      l.templates.map((x) => h("option", { value: x.id, selected: x.id === d.template }, x.label)),
    );
    out.push(
      l.templates.length > 1 ? row(tx("template"), select) : h("p", {}, l.templates[0].label),
      h("div", { class: "buttons" }, h("button", { type: "button", id: "letter-make", class: "secondary", onclick: (e: Event) => void run(e.currentTarget as HTMLButtonElement, () => call("makeDocument", { caseId: view.id, template: d.template }), tx("made")) }, tx("make"))),
    );
  }
  if (l.pending.length) {
    out.push(h("p", { class: "notice" }, `${tx("waiting")}: ${l.pending.map((p) => `${p.label} (${formatWib(p.at)})`).join(", ")}`), h("p", { class: "hint" }, tx("waitingHint", { who: l.worker ?? "admin" })));
  }
  if (l.numbers.length || l.agenda) {
    out.push(h("dl", { class: "facts" }, l.agenda ? [h("dt", {}, tx("agenda")), h("dd", {}, l.agenda)] : null, l.numbers.map((n) => [h("dt", {}, n.label), h("dd", {}, `${n.nomor} · ${n.status}`)])));
  }
  if (l.canNumber) out.push(h("div", { class: "buttons" }, h("button", { type: "button", id: "letter-number", class: "secondary", onclick: (e: Event) => void run(e.currentTarget as HTMLButtonElement, () => call("takeNumber", { caseId: view.id }), tx("taken")) }, tx("take"))));
  if (l.folder) out.push(h("p", {}, h("a", { href: l.folder, target: "_blank", rel: "noopener noreferrer" }, tx("folder"))));
  return out;
}

/** Opens the one page that shows the password, for printing; nothing of it stays in the panel. */
function printOnce(page: string): void {
  const w = window.open("", "_blank");
  if (!w) {
    showError(new Error(tx("popupBlocked")));
    return;
  }
  w.document.open();
  w.document.write(page);
  w.document.close();
  w.focus();
  w.print();
}

function accountPart(view: CaseView, l: LettersView): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (l.account) out.push(h("p", {}, tx("issued", { name: l.account.username, at: l.account.at })));
  if (!l.canIssuePassword) return out;
  const d = draft(view.id);
  const name = input("account-username", "text", d.username, (v) => (d.username = v));
  name.setAttribute("autocomplete", "off");
  out.push(
    row(tx("username"), name),
    h("p", { class: "hint" }, tx("printNote")),
    h(
      "div",
      { class: "buttons" },
      h(
        "button",
        {
          type: "button",
          id: "account-issue",
          class: "secondary",
          onclick: async (e: Event) => {
            const btn = e.currentTarget as HTMLButtonElement;
            clearAlert();
            try {
              const r = await withBusy(btn, () => call("issuePassword", { caseId: view.id, username: d.username.trim() }));
              printOnce(r.page);
              nav.showCase(r.view);
            } catch (err) {
              showError(err);
            }
          },
        },
        tx("issue"),
      ),
    ),
  );
  return out;
}

async function loadLeave(view: CaseView): Promise<void> {
  panels[view.id] = "loading";
  try {
    const panel = await call("leavePanel", { caseId: view.id });
    panels[view.id] = { version: view.version, panel };
  } catch (err) {
    delete panels[view.id];
    showError(err);
  }
  nav.render();
}

function leavePart(view: CaseView): HTMLElement[] {
  const got = panels[view.id];
  if (!got || (got !== "loading" && got.version !== view.version)) {
    void loadLeave(view);
    return [];
  }
  if (got === "loading" || !got.panel) return [];
  const p = got.panel;
  const d = draft(view.id);
  const out: HTMLElement[] = [h("h4", {}, tx("leave"))];
  out.push(h("dl", { class: "facts" }, h("dt", {}, tx("length")), h("dd", {}, p.lama || "—")));
  if (p.sisa.length) {
    out.push(
      h("table", { class: "leave-balance" }, h("caption", {}, tx("balance")), h("tr", {}, h("th", {}, tx("year")), h("th", {}, tx("left")), h("th", {}, tx("note"))), p.sisa.map((r) => h("tr", {}, h("td", {}, String(r.tahun)), h("td", {}, String(r.sisa)), h("td", {}, r.ket)))),
    );
  }
  for (const w of p.warnings) out.push(h("p", { class: "notice" }, w));
  if (p.decisions.length) out.push(h("ul", { class: "decisions" }, p.decisions.map((x) => h("li", {}, `${x.level === "atasan" ? tx("atasan") : tx("pejabat")}: ${tx(x.choice as K)} · ${x.by}${x.reason ? ` — ${x.reason}` : ""}`))));
  if (!p.canDecide) return out;
  if (!d.mulai) d.mulai = p.mulai;
  if (!d.selesai) d.selesai = p.selesai;
  const level = p.canDecide;
  const choices = h(
    "fieldset",
    { class: "choices" },
    h("legend", {}, level === "atasan" ? tx("atasan") : tx("pejabat")),
    CHOICES.map((c, i) =>
      h(
        "label",
        { class: "choice" },
        h("input", { type: "radio", name: `leave-choice-${view.id}`, id: `leave-choice-${i}`, value: c, checked: d.choice === c, onchange: () => {
            d.choice = c;
            nav.render();
          } }),
        ` ${tx(c)}`,
      ),
    ),
  );
  const reason = h("textarea", { id: "leave-reason", rows: 2, value: d.reason, oninput: (e: Event) => (d.reason = (e.target as HTMLTextAreaElement).value) });
  out.push(choices);
  if (d.choice === "Perubahan") out.push(row(tx("from"), input("leave-from", "date", d.mulai, (v) => (d.mulai = v))), row(tx("to"), input("leave-to", "date", d.selesai, (v) => (d.selesai = v))));
  if (d.choice === "Ditangguhkan") out.push(row(tx("until"), input("leave-until", "date", d.until, (v) => (d.until = v))));
  out.push(
    row(tx("reason"), reason),
    h(
      "div",
      { class: "buttons" },
      h(
        "button",
        {
          type: "button",
          id: "leave-decide",
          class: "primary",
          onclick: (e: Event) => {
            if (d.choice !== "Disetujui" && d.reason.trim().length < 3) {
              showError(new Error(tx("needReason")));
              document.getElementById("leave-reason")?.focus();
              return;
            }
            const arg = { caseId: view.id, expectedVersion: view.version, level, choice: d.choice as (typeof CHOICES)[number], reason: d.reason.trim(), ...(d.choice === "Perubahan" ? { mulai: d.mulai, selesai: d.selesai } : {}), ...(d.choice === "Ditangguhkan" ? { until: d.until } : {}) };
            void run(e.currentTarget as HTMLButtonElement, () => call("decideLeave", arg), tx("decided"));
          },
        },
        tx("decide"),
      ),
    ),
  );
  return out;
}

/** The Surat section of the case view (nothing when the case has no letters to show). */
export function renderLetters(view: CaseView): HTMLElement | null {
  const l = view.letters;
  if (!l) return null;
  const parts = [...documentsPart(view, l), ...accountPart(view, l), ...(l.leave ? leavePart(view) : [])];
  if (!parts.length) return null;
  return h("section", { class: "letters", "aria-labelledby": "letters-h", "data-busy-group": "" }, h("h3", { id: "letters-h" }, tx("letters")), ...parts);
}
