// Uji mandiri's dialog: runs each step on the server one google.script.run call at a time (the lock probe: two at
// once), shows passed / differs / failed against the fakes' answers, offers the table as text, and cleans up last.
/// <reference types="google.script.client-side" />

import type { Status as Verdict, UjiRow, UjiStep as Step } from "../../src/app/uji/types";

/** A row as the dialog shows it: a verdict, or where the step stands before it has one. */
type Status = Verdict | "waiting" | "running" | "skipped";
type Row = Omit<UjiRow, "status"> & { status: Status };
type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

const ID = {
  about: "Uji mandiri memeriksa instalasi ini: Alur dijalankan pada spreadsheet dan folder Drive sementara (kasus, dokumen, email, Laporan, Riwayat), lalu perilaku platform yang diandaikan Alur dibandingkan dengan jawaban tiruan (fakes) yang dipakai pengujian. Semua yang dibuat dihapus di akhir. Kirim setiap baris \u201cberbeda\u201d kepada tim Alur.",
  start: "Mulai uji",
  again: "Uji lagi",
  step: "Langkah",
  status: "Hasil",
  seen: "Teramati",
  expected: "Harapan (fakes)",
  passed: "lulus",
  differs: "berbeda",
  failed: "gagal",
  waiting: "menunggu",
  running: "berjalan…",
  skipped: "dilewati",
  summary: "{passed} lulus · {differs} berbeda · {failed} gagal",
  busy: "Menjalankan {label}…",
  copy: "Salin tabel sebagai teks",
  copied: "Tabel disalin. Tempelkan ke email untuk tim Alur.",
  drive2Ask: "Tulis email seorang rekan (staf di Pejabat). Alur membuat folder uji dan membagikannya kepadanya; ia lalu memilih Ekstensi › Alur › Uji akses Drive di spreadsheet ini.",
  drive2Email: "Email rekan",
  drive2Prepare: "Siapkan",
  drive2Check: "Periksa hasilnya",
  drive2Skip: "Lewati",
  drive2Wait: "Minta {who} membuka spreadsheet ini dan memilih Ekstensi › Alur › Uji akses Drive, lalu tekan Periksa hasilnya.",
  network: "Tidak dapat menghubungi server: {msg}",
};
type Key = keyof typeof ID;
const EN: Record<Key, string> = {
  about: "Uji mandiri checks this installation: Alur runs on a scratch spreadsheet and Drive folder (a case, a document, email, Laporan, Riwayat), then each platform behaviour Alur assumes is compared with the answer of the fakes the tests use. Everything it made is deleted at the end. Send every \u201cdiffers\u201d row to the Alur team.",
  start: "Start",
  again: "Run again",
  step: "Step",
  status: "Result",
  seen: "Observed",
  expected: "Expected (fakes)",
  passed: "passed",
  differs: "differs",
  failed: "failed",
  waiting: "waiting",
  running: "running…",
  skipped: "skipped",
  summary: "{passed} passed · {differs} differ · {failed} failed",
  busy: "Running {label}…",
  copy: "Copy the table as text",
  copied: "Table copied. Paste it into an email to the Alur team.",
  drive2Ask: "Type the email of a colleague (staff in Pejabat). Alur makes a test folder and shares it with them; they then choose Extensions › Alur › Uji akses Drive in this spreadsheet.",
  drive2Email: "Colleague's email",
  drive2Prepare: "Prepare",
  drive2Check: "Check the result",
  drive2Skip: "Skip",
  drive2Wait: "Ask {who} to open this spreadsheet and choose Extensions › Alur › Uji akses Drive, then press Check the result.",
  network: "Cannot reach the server: {msg}",
};
let lang: "id" | "en" = "id";
try {
  if (localStorage.getItem("alur.lang") === "en") lang = "en";
} catch {
  // Storage may be blocked inside the Apps Script frame.
}
const t = (k: Key, vars: Record<string, string | number> = {}) => (lang === "en" ? EN : ID)[k].replace(/\{(\w+)\}/g, (w, n: string) => (n in vars ? String(vars[n]) : w));

const $ = (id: string) => document.getElementById(id) as HTMLElement;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const k of kids) e.append(k);
  return e;
}

function server<T>(op: string, arg: unknown): Promise<Reply<T>> {
  return new Promise((resolve) => {
    google.script.run
      .withSuccessHandler((r: Reply<T> | null) => resolve(r ?? { ok: false, error: "null" }))
      .withFailureHandler((e: Error) => resolve({ ok: false, error: t("network", { msg: e?.message ?? String(e) }) }))
      .ujiMandiri(op, arg as google.script.Parameter);
  });
}

let steps: Step[] = [];
const rows = new Map<string, Row>();
let running = false;
let drive2: { phase: "ask" | "wait"; who: string; done: () => void } | null = null;

const show = (v: unknown) => (v === undefined ? "" : JSON.stringify(v));

/** What each probe's answer names, in words a person reads (the copied table keeps the exact JSON for the Alur team). */
const KEYS: Record<string, [string, string]> = {
  folder: ["folder dibuat", "folder made"],
  spreadsheet: ["spreadsheet dibuat", "spreadsheet made"],
  done: ["selesai", "done"],
  triggersAdded: ["pemicu ditambahkan", "triggers added"],
  steps: ["langkah", "steps"],
  doc: ["dokumen dibuat", "document made"],
  documents: ["jumlah dokumen", "documents"],
  pdf: ["PDF dibuat", "PDF made"],
  recipients: ["penerima", "recipients"],
  entries: ["entri Riwayat", "Riwayat entries"],
  sheet: ["lembar dibuat", "sheet made"],
  problems: ["masalah", "problems"],
  millisecondsBack: ["milidetik terbaca kembali", "milliseconds read back"],
  wholeSecondsExact: ["detik utuh tepat", "whole seconds exact"],
  found: ["ditemukan di", "found at"],
  findNext: ["urutan temuan findNext", "findNext matches in order"],
  formula: ["rumus", "formula"],
  typeOfValue: ["jenis nilai", "type of value"],
  valueIsFormulaText: ["nilai berupa teks rumus", "value is the formula's text"],
  first: ["tulisan pertama", "first write"],
  formulas: ["rumus yang tercipta", "formulas created"],
  second: ["tulisan kedua", "second write"],
  allGotLock: ["semua mendapat kunci", "all got the lock"],
  calls: ["panggilan", "calls"],
  eachAlone: ["masing-masing berjalan sendiri", "each ran alone"],
  nanColumn: ["getRange(2, NaN, 1, 1)", "getRange(2, NaN, 1, 1)"],
  fractionRow: ["getRange(1.5, 1)", "getRange(1.5, 1)"],
  zeroColumn: ["getRange(1, 0)", "getRange(1, 0)"],
  key250: ["kunci 250 karakter", "250-character key"],
  key251: ["kunci 251 karakter", "251-character key"],
  value100KB: ["nilai 100 KB", "100 KB value"],
  value100KBplus1: ["nilai 100 KB + 1 byte", "100 KB + 1 byte value"],
  activeIsEffective: ["pengguna aktif sama dengan pengguna efektif", "active user is the effective user"],
  activeKnown: ["pengguna aktif diketahui", "active user known"],
  reached: ["dapat dibuka", "could open it"],
  propertiesLeft: ["properti tersisa", "properties left"],
  trashed: ["dibuang ke sampah", "trashed"],
};

/** One value as words: yes/no, lists separated by commas, "—" for nothing. */
function word(v: unknown): string {
  if (v === true) return lang === "en" ? "yes" : "ya";
  if (v === false) return lang === "en" ? "no" : "tidak";
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) return v.length ? v.map(word).join(", ") : "—";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** A probe's answer as lines "what: value" a person can read (JSON only for what has no name here). */
function readable(v: unknown): HTMLElement {
  const box = el("div", { class: "said" });
  if (v === undefined) return box;
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    box.append(el("div", {}, word(v)));
    return box;
  }
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const name = KEYS[k]?.[lang === "en" ? 1 : 0] ?? k;
    box.append(el("div", {}, el("span", { class: "k" }, `${name}: `), word(x)));
  }
  return box;
}

function render(): void {
  document.documentElement.lang = lang;
  $("about").textContent = t("about");
  $("h-step").textContent = t("step");
  $("h-status").textContent = t("status");
  $("h-seen").textContent = t("seen");
  $("h-expected").textContent = t("expected");
  $("lang").replaceChildren(
    el("fieldset", { class: "lang", "aria-label": lang === "en" ? "Language" : "Bahasa" }),
  );
  $("lang").firstElementChild?.replaceChildren(
    ...(["id", "en"] as const).map((l) => {
      const b = el("button", { type: "button", "aria-pressed": String(lang === l), id: `lang-${l}` }, l.toUpperCase());
      b.onclick = () => {
        lang = l;
        try {
          localStorage.setItem("alur.lang", l);
        } catch {
          // The switch still works for this session.
        }
        render();
      };
      return b;
    }),
  );
  const go = el("button", { type: "button", id: "start", class: "btn primary" }, rows.size && [...rows.values()].some((r) => r.status !== "waiting") ? t("again") : t("start"));
  go.onclick = () => void runAll();
  (go as HTMLButtonElement).disabled = running || steps.length === 0;
  $("controls").replaceChildren(go);
  $("rows").replaceChildren(...steps.map((s) => rowView(s, rows.get(s.id) ?? { id: s.id, label: s.label, status: "waiting" })));
  const all = [...rows.values()];
  const n = (st: Status) => all.filter((r) => r.status === st).length;
  const finished = !running && all.length > 0 && all.every((r) => r.status !== "waiting" && r.status !== "running");
  $("summary").textContent = finished ? t("summary", { passed: n("passed"), differs: n("differs"), failed: n("failed") }) : "";
  const copy = $("copy");
  copy.hidden = !finished;
  if (finished) {
    const text = el("textarea", { id: "copy-text", readonly: "", "aria-label": t("copy") }, tableText());
    const b = el("button", { type: "button", class: "btn", id: "copy-btn" }, t("copy"));
    const said = el("span", { class: "muted", role: "status" });
    b.onclick = () => {
      (text as HTMLTextAreaElement).select();
      let ok = false;
      try {
        ok = document.execCommand("copy");
      } catch {
        ok = false;
      }
      said.textContent = ok ? t("copied") : "";
    };
    copy.replaceChildren(el("div", { class: "controls" }, b, said), text);
  }
}

function rowView(s: Step, r: Row): HTMLTableRowElement {
  const status = el("td", {}, el("span", { class: `st ${r.status}` }, t(r.status)));
  const seen = el("td", {}, readable(r.observed));
  if (r.error) seen.append(el("div", { class: "err" }, r.error));
  if (s.kind === "drive2" && drive2 && r.status === "running") seen.append(drive2View());
  return el("tr", { "data-step": s.id, "data-status": r.status }, el("td", {}, lang === "en" ? s.en : s.label), status, seen, el("td", {}, readable(r.expected)));
}

function drive2View(): HTMLElement {
  const box = el("div", { class: "drive2" });
  if (!drive2) return box;
  if (drive2.phase === "ask") {
    const input = el("input", { type: "email", id: "drive2-email", "aria-label": t("drive2Email"), placeholder: t("drive2Email") }) as HTMLInputElement;
    const prep = el("button", { type: "button", class: "btn", id: "drive2-prepare" }, t("drive2Prepare"));
    prep.onclick = async () => {
      const r = await server<{ waitingFor: string }>("drive2", { email: input.value });
      if (!r.ok) {
        set({ ...(rows.get("drive2") as Row), error: r.error });
        return;
      }
      if (drive2) drive2 = { ...drive2, phase: "wait", who: r.data.waitingFor };
      set({ ...(rows.get("drive2") as Row), error: undefined });
    };
    box.append(el("p", { class: "muted" }, t("drive2Ask")), input, prep);
  } else {
    const check = el("button", { type: "button", class: "btn", id: "drive2-check" }, t("drive2Check"));
    check.onclick = async () => {
      const row = await runStep(steps.find((s) => s.id === "drive2") as Step, {});
      if (row.status === "failed" && row.observed === undefined) {
        set({ ...row, status: "running" });
        return;
      }
      drive2?.done();
    };
    box.append(el("p", { class: "muted" }, t("drive2Wait", { who: drive2.who })), check);
  }
  const skip = el("button", { type: "button", class: "btn", id: "drive2-skip" }, t("drive2Skip"));
  skip.onclick = () => {
    set({ id: "drive2", label: (rows.get("drive2") as Row).label, status: "skipped" });
    drive2?.done();
  };
  box.append(skip);
  return box;
}

function set(r: Row): void {
  rows.set(r.id, r);
  render();
}

async function runStep(s: Step, extra: Record<string, unknown>): Promise<Row> {
  set({ id: s.id, label: s.label, status: "running" });
  const r = await server<Row>("run", { step: s.id, ...extra });
  const row: Row = r.ok ? r.data : { id: s.id, label: s.label, status: "failed", error: r.error };
  set(row);
  return row;
}

async function runAll(): Promise<void> {
  running = true;
  rows.clear();
  for (const s of steps) rows.set(s.id, { id: s.id, label: s.label, status: "waiting" });
  render();
  for (const s of steps) {
    if (s.kind === "lock") {
      // Two calls at once, as two clicks or two panels would make them; the step then compares their answers.
      set({ id: s.id, label: s.label, status: "running" });
      const both = await Promise.all([server<unknown>("lock", { who: "a" }), server<unknown>("lock", { who: "b" })]);
      await runStep(s, { results: both.map((b) => (b.ok ? b.data : { error: b.error })) });
    } else if (s.kind === "drive2") {
      await new Promise<void>((done) => {
        drive2 = { phase: "ask", who: "", done };
        set({ id: s.id, label: s.label, status: "running" });
      });
      drive2 = null;
      render();
    } else {
      let row = await runStep(s, {});
      // Setup stops before Apps Script's time limit and carries on in the next call.
      for (let i = 0; row.again && i < 8; i++) row = await runStep(s, {});
    }
  }
  running = false;
  render();
}

function tableText(): string {
  const lines = [["langkah", "hasil", "teramati", "harapan", "galat"].join("\t")];
  for (const s of steps) {
    const r = rows.get(s.id);
    if (r) lines.push([s.id, r.status, show(r.observed), show(r.expected), r.error ?? ""].join("\t"));
  }
  return lines.join("\n");
}

async function boot(): Promise<void> {
  render();
  const r = await server<{ steps: Step[] }>("steps", {});
  if (!r.ok) {
    $("summary").textContent = r.error;
    $("summary").className = "summary err";
    return;
  }
  steps = r.data.steps;
  for (const s of steps) rows.set(s.id, { id: s.id, label: s.label, status: "waiting" });
  render();
}

void boot();
