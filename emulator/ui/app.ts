// The workspace page: menu, act-as, clock, sheet tabs and the editable grid, the add-on sidebar, outbox, documents and
// charts. Each browser tab is its own person: it sends its tab id and person with every request (net.ts).
import { $, el, showModal, toast } from "./dom";
import { followActive, grid, initGrid, isEditing, knowSelSeq, loadSheet, selSeqKnown, selectSheet, type SheetView } from "./grid";
import { api, me, setMe, whoQuery } from "./net";

interface MenuItem {
  label?: string;
  fn?: string;
  separator?: true;
  submenu?: MenuItem[];
}
interface Notice {
  seq: number;
  type: string;
  title: string;
  message: string;
}
interface State {
  seq: number;
  title: string;
  clock: string;
  tab: string;
  actAs: string;
  people: { email: string; name: string; role: string }[];
  menus: { name: string; items: MenuItem[] }[];
  sheets: { name: string; hidden: boolean; color: string | null; rows: number }[];
  activeSheet: string;
  selSeq: number;
  sidebar: { seq: number; title: string; width: number } | null;
  dialog: { seq: number; title: string; width: number; height: number; modal: boolean } | null;
  notices: Notice[];
  outbox: number;
  quota: number;
  documents: number;
  charts: number;
  triggers: { name: string; at: string }[];
  demo: boolean;
}

let state: State | null = null;
let noticeSeen = -1;
let sidebarSeq = 0;
let sidebarAs = "";
let dialogSeq = 0;
let openPanel: string | null = null;
/** What the open panel last showed, so polling redraws it only when its contents changed. */
let panelKey = "";
let selectedMail = -1;

// ---- menus ----------------------------------------------------------------------------------------------------

function menuList(items: MenuItem[]): HTMLElement {
  const ul = el("ul", { cls: "dropdown" });
  ul.setAttribute("role", "menu");
  for (const it of items) {
    if (it.separator) {
      ul.append(el("li", { cls: "sep" }));
      continue;
    }
    const li = el("li");
    const b = el("button", { type: "button", textContent: it.label ?? "" });
    b.setAttribute("role", "menuitem");
    li.append(b);
    if (it.submenu) {
      li.className = "has-sub";
      li.append(menuList(it.submenu));
    } else if (it.fn) {
      const fn = it.fn;
      b.addEventListener("click", () => {
        closeMenus();
        void runMenu(fn, it.label ?? "");
      });
    }
    ul.append(li);
  }
  return ul;
}

function closeMenus(): void {
  for (const m of document.querySelectorAll(".menu.open")) m.classList.remove("open");
}

/** What the menu bar was last drawn from: redrawing on every poll would close a menu the user has open. */
let menusKey = "";

function renderMenus(s: State): void {
  const key = JSON.stringify(s.menus);
  if (key === menusKey) return;
  menusKey = key;
  const nav = $("menus");
  nav.replaceChildren();
  const addon = s.menus.find((m) => m.name === "addon");
  // Add-on menus live under Extensions, named after the add-on.
  const ext: MenuItem[] = addon ? [{ label: "Alur", submenu: addon.items }] : [{ label: "(menu Alur belum dibuat)" }];
  const menus: { name: string; items: MenuItem[] }[] = [{ name: "Ekstensi", items: ext }, ...s.menus.filter((m) => m.name !== "addon")];
  for (const m of menus) {
    const wrap = el("div", { cls: "menu" });
    const b = el("button", { type: "button", textContent: m.name, cls: "menu-top" });
    b.setAttribute("aria-haspopup", "menu");
    b.addEventListener("click", (e) => {
      e.stopPropagation();
      const open = wrap.classList.contains("open");
      closeMenus();
      if (!open) wrap.classList.add("open");
    });
    wrap.append(b, menuList(m.items));
    nav.append(wrap);
  }
}

async function runMenu(fn: string, label: string): Promise<void> {
  document.body.classList.add("busy");
  try {
    const r = await api<{ ok: boolean; error?: string }>("/api/menu", { fn });
    if (!r.ok) toast(`${label}: ${r.error}`, "error");
  } finally {
    document.body.classList.remove("busy");
    await refresh(true);
  }
}

// ---- sheet tabs -----------------------------------------------------------------------------------------------

function renderTabs(): void {
  if (!state) return;
  const nav = $("tabs");
  const key = JSON.stringify([state.sheets, grid.sheet]);
  if (nav.dataset.key === key) return;
  nav.dataset.key = key;
  nav.replaceChildren();
  for (const s of state.sheets) {
    if (s.hidden) continue;
    const on = s.name === grid.sheet;
    const b = el("button", { type: "button", textContent: s.name, cls: `tab${on ? " on" : ""}` });
    b.setAttribute("role", "tab");
    b.setAttribute("aria-selected", String(on));
    if (s.color) b.style.borderBottomColor = s.color;
    b.addEventListener("click", () => void selectSheet(s.name));
    nav.append(b);
    if (on) b.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
  const add = el("button", { type: "button", textContent: "+", cls: "tab add", title: "Tambah sheet" });
  add.setAttribute("aria-label", "Tambah sheet");
  add.addEventListener("click", async () => {
    const r = await api<{ ok: boolean; name: string; selSeq: number }>("/api/sheets/add", {});
    knowSelSeq(r.selSeq);
    await loadSheet(r.name, 0);
    await refresh(true);
  });
  nav.prepend(add);
}

// ---- sidebar and dialogs --------------------------------------------------------------------------------------

function renderSidebar(s: State): void {
  const side = $("sidebar");
  if (!s.sidebar) {
    side.hidden = true;
    sidebarSeq = 0;
    return;
  }
  side.hidden = false;
  $("sidebar-title").textContent = s.sidebar.title || "Panel";
  // A new panel, or this tab now acts as someone else: the panel loads again, as that person.
  if (s.sidebar.seq !== sidebarSeq || sidebarAs !== me()) {
    sidebarSeq = s.sidebar.seq;
    sidebarAs = me();
    ($("sidebar-frame") as HTMLIFrameElement).src = `/sidebar?seq=${sidebarSeq}&${whoQuery()}`;
  }
}

function renderDialog(s: State): void {
  if (!s.dialog || s.dialog.seq === dialogSeq) return;
  dialogSeq = s.dialog.seq;
  const frame = el("iframe", { src: `/dialog?seq=${dialogSeq}&${whoQuery()}`, title: s.dialog.title, cls: "dialog-frame" });
  frame.style.height = `${s.dialog.height || 400}px`;
  showModal(s.dialog.title, frame, s.dialog.width || 600);
}

$("sidebar-close").addEventListener("click", async () => {
  await api("/api/sidebar/close", {});
  $("sidebar").hidden = true;
  sidebarSeq = 0;
});
$("modal-close").addEventListener("click", async () => {
  $("modal").hidden = true;
  if (dialogSeq) await api("/api/dialog/close", {});
});

window.addEventListener("message", (e) => {
  if (e.origin !== location.origin) return;
  const msg = e.data as { alur?: string };
  if (msg?.alur === "changed") void refresh(true);
  if (msg?.alur === "close") {
    const frame = $("sidebar-frame") as HTMLIFrameElement;
    if (e.source === frame.contentWindow) $("sidebar-close").click();
    else $("modal-close").click();
  }
});

// ---- panels: outbox, documents, charts -----------------------------------------------------------------------

async function renderPanel(): Promise<void> {
  const body = $("drawer-body");
  panelKey = `${openPanel}|${state?.outbox}|${state?.documents}|${state?.charts}`;
  if (openPanel === "outbox") {
    const list = await api<{ i: number; to: string; subject: string; when: string; name: string }[]>("/api/outbox");
    $("drawer-title").textContent = `Kotak keluar — ${list.length} email terkirim (sisa kuota hari ini: ${state?.quota ?? "?"})`;
    const frame = el("iframe", { cls: "mail-frame", title: "Isi email" });
    // No scripts in mail, as in a mail client; links open in a new tab.
    frame.setAttribute("sandbox", "allow-popups allow-popups-to-escape-sandbox");
    const ul = el("ul", { cls: "mail-list" });
    for (const m of list) {
      const b = el("button", { type: "button" }, el("strong", { textContent: m.subject }), el("span", { textContent: `Kepada ${m.to}` }), el("small", { textContent: m.when }));
      const show = () => {
        for (const x of ul.querySelectorAll(".on")) x.classList.remove("on");
        b.classList.add("on");
        selectedMail = m.i;
        frame.src = `/mail?i=${m.i}&as=${encodeURIComponent(me())}`;
      };
      b.addEventListener("click", show);
      ul.append(el("li", {}, b));
      if (m.i === selectedMail) show();
    }
    if (!list.length) ul.append(el("li", { cls: "empty", textContent: "Belum ada email terkirim." }));
    body.replaceChildren(el("div", { cls: "split" }, ul, frame));
  } else if (openPanel === "documents") {
    const list = await api<{ id: string; name: string; chars: number }[]>("/api/documents");
    $("drawer-title").textContent = `Dokumen — ${list.length}`;
    const frame = el("iframe", { cls: "mail-frame", title: "Dokumen" });
    const ul = el("ul", { cls: "mail-list" });
    for (const d of list) {
      const open = el("button", { type: "button" }, el("strong", { textContent: d.name }), el("small", { textContent: `${d.chars} karakter` }));
      open.addEventListener("click", () => {
        frame.src = `/document?id=${encodeURIComponent(d.id)}`;
      });
      const pdf = el("a", { href: `/document?id=${encodeURIComponent(d.id)}&as=pdf`, textContent: "Unduh PDF", cls: "pdf" });
      pdf.setAttribute("download", `${d.name}.pdf`);
      ul.append(el("li", {}, open, pdf));
    }
    if (!list.length) ul.append(el("li", { cls: "empty", textContent: "Belum ada dokumen yang dibuat oleh skrip." }));
    body.replaceChildren(el("div", { cls: "split" }, ul, frame));
  } else if (openPanel === "charts") {
    const list = await api<ChartData[]>("/api/charts");
    $("drawer-title").textContent = `Grafik — ${list.length}`;
    const wrap = el("div", { cls: "charts" });
    for (const c of list) wrap.append(chart(c));
    if (!list.length) wrap.append(el("p", { cls: "empty", textContent: "Belum ada grafik yang disisipkan skrip ke sheet mana pun." }));
    body.replaceChildren(wrap);
  }
}

const NS = "http://www.w3.org/2000/svg";
const COLORS = ["#1a73e8", "#e8710a", "#188038", "#d93025", "#9334e6"];

/** An SVG element with attributes, for the small charts below. */
function svgEl(name: string, attrs: Record<string, string | number>, text = ""): SVGElement {
  const e = document.createElementNS(NS, name);
  for (const [a, v] of Object.entries(attrs)) e.setAttribute(a, String(v));
  if (text) e.textContent = text;
  return e;
}

interface ChartData {
  sheet: string;
  title: string;
  type?: string;
  labels: string[];
  series: { name: string; values: number[] }[];
  anchor?: { row: number; col: number; offsetX: number; offsetY: number };
  width?: number;
  height?: number;
  legend?: string;
}

/** A number as the Indonesian sheet shows it: one decimal at most, with a decimal comma. */
const idNumber = (v: number) => String(Math.round(v * 10) / 10).replace(".", ",");

/** The charts of the sheet on screen, drawn where Sheets shows them: over the grid, at their anchor cell, at their size. */
async function overlayCharts(v: SheetView): Promise<void> {
  const box0 = $("grid");
  for (const old of box0.querySelectorAll(".sheet-chart")) old.remove();
  if (!state?.charts) return;
  const list = (await api<ChartData[]>("/api/charts")).filter((c) => c.sheet === v.name && c.anchor);
  if (v !== grid.view) return;
  const at = box0.getBoundingClientRect();
  for (const c of list) {
    const a = c.anchor as NonNullable<ChartData["anchor"]>;
    const td = box0.querySelector<HTMLElement>(`tr[data-row="${a.row}"] td[data-col="${a.col}"]`);
    if (!td) continue;
    const box = td.getBoundingClientRect();
    const fig = chart(c, c.width ?? 520, c.height ?? 300, true);
    fig.classList.add("sheet-chart");
    Object.assign(fig.style, { left: `${box.left - at.left + box0.scrollLeft + a.offsetX}px`, top: `${box.top - at.top + box0.scrollTop + a.offsetY}px`, width: `${c.width ?? 520}px` });
    box0.append(fig);
  }
}

/** Horizontal bars (Sheets' BAR chart): labels on the left, a value at the end of each bar. */
function barChart(c: ChartData, w: number, h: number): SVGSVGElement {
  const svg = svgEl("svg", { viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: "img", "aria-label": c.title || "Grafik" }) as SVGSVGElement;
  const left = Math.min(200, 12 + Math.max(40, ...c.labels.map((l) => Math.min(l.length, 30) * 6)));
  const [right, top, bottom] = [40, 6, 18];
  const rawMax = Math.max(0, ...c.series.flatMap((s) => s.values));
  const whole = c.series.every((s) => s.values.every((v) => Number.isInteger(v)));
  const max = rawMax > 50 && rawMax <= 100 ? 100 : whole ? Math.max(4, Math.ceil(rawMax / 4) * 4) : Math.max(1, rawMax);
  const x = (v: number) => left + (v / max) * (w - left - right);
  const n = Math.max(1, c.labels.length);
  const band = (h - top - bottom) / n;
  const bar = Math.min(22, band / (c.series.length + 0.6));
  for (let k = 0; k <= 4; k++) {
    const v = (max / 4) * k;
    svg.append(svgEl("line", { x1: x(v), x2: x(v), y1: top, y2: h - bottom, stroke: k === 0 ? "#80868b" : "#e8eaed" }));
    svg.append(svgEl("text", { x: x(v), y: h - 4, "font-size": 10, "text-anchor": "middle", fill: "#5f6368" }, idNumber(v)));
  }
  c.labels.forEach((label, i) => {
    const y0 = top + i * band + (band - bar * c.series.length) / 2;
    svg.append(svgEl("text", { x: left - 6, y: y0 + (bar * c.series.length) / 2 + 4, "font-size": 10.5, "text-anchor": "end", fill: "#202124" }, label.length > 29 ? `${label.slice(0, 28)}…` : label));
    c.series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      const y = y0 + k * bar;
      svg.append(svgEl("rect", { x: left, y, width: Math.max(1, x(v) - left), height: bar - 2, fill: COLORS[k % COLORS.length] }));
      if (v) svg.append(svgEl("text", { x: x(v) + 3, y: y + bar / 2 + 3, "font-size": 10, fill: "#3c4043" }, idNumber(v)));
    });
  });
  return svg;
}

/** Draws a chart spec as Sheets would roughly show it: columns, bars or lines; axis, values and legend. */
function chart(c: ChartData, width = 520, height = 300, onSheet = false): HTMLElement {
  const legendShown = c.legend !== "none" && c.series.length > 0;
  const w = width - 18;
  const h = height - 30 - (legendShown ? 22 : 0);
  if (/^BAR$/i.test(c.type ?? "")) {
    const legend = legendShown ? c.series.map((s, k) => el("span", { cls: "legend" }, el("i", { style: `background:${COLORS[k % COLORS.length]}` } as never), s.name)) : [];
    return el("figure", { cls: "chart" }, el("figcaption", { textContent: onSheet ? c.title || "Grafik" : `${c.title || "Grafik"} · ${c.sheet}` }), barChart(c, w, h), el("div", {}, ...legend));
  }
  const slanted = c.labels.some((l) => l.length * 6 > (w - 52) / Math.max(1, c.labels.length));
  const [left, bottom, top] = [slanted ? 64 : 44, slanted ? 70 : 30, 16];
  const svg = svgEl("svg", { viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: "img", "aria-label": c.title || "Grafik" }) as SVGSVGElement;
  const rawMax = Math.max(0, ...c.series.flatMap((s) => s.values));
  // A round step giving four to ten gridlines: 0,1 · 0,2 · 0,25 · 0,5 · 1 · 2 · 2,5 · 5 · 10 …
  const unit = rawMax > 0 ? 10 ** Math.floor(Math.log10(rawMax)) : 1;
  const step = rawMax > 0 ? ([0.1, 0.2, 0.25, 0.5, 1, 2].map((k) => k * unit).find((s) => rawMax / s <= 5) ?? unit * 2) : 1;
  const max = Math.max(step, Math.ceil(rawMax / step) * step);
  const plotH = h - bottom - top;
  const y = (v: number) => h - bottom - (v / max) * plotH;
  for (let v = 0; v <= max + 1e-9; v += step) {
    svg.append(svgEl("line", { x1: left, x2: w - 8, y1: y(v), y2: y(v), stroke: v === 0 ? "#80868b" : "#e8eaed" }));
    svg.append(svgEl("text", { x: left - 6, y: y(v) + 3, "font-size": 10, "text-anchor": "end", fill: "#5f6368" }, idNumber(v)));
  }
  const n = Math.max(1, c.labels.length);
  const band = (w - 8 - left) / n;
  const line = /LINE|AREA/i.test(c.type ?? "");
  const bar = band / (c.series.length + 1);
  c.series.forEach((s, k) => {
    const color = COLORS[k % COLORS.length];
    if (line) {
      const pts = c.labels.map((_, i) => `${left + i * band + band / 2},${y(s.values[i] ?? 0)}`);
      if (pts.length > 1) svg.append(svgEl("polyline", { points: pts.join(" "), fill: "none", stroke: color, "stroke-width": 2 }));
      c.labels.forEach((_, i) => {
        svg.append(svgEl("circle", { cx: left + i * band + band / 2, cy: y(s.values[i] ?? 0), r: 4, fill: color }));
      });
      return;
    }
    c.labels.forEach((_, i) => {
      const v = s.values[i] ?? 0;
      const x = left + i * band + bar / 2 + k * bar;
      svg.append(svgEl("rect", { x, y: y(v), width: Math.max(1, bar - 3), height: h - bottom - y(v), fill: color }));
      if (v && bar >= 16) svg.append(svgEl("text", { x: x + (bar - 3) / 2, y: y(v) - 3, "font-size": 9, "text-anchor": "middle", fill: "#3c4043" }, idNumber(v)));
    });
  });
  // Labels that do not fit their column are slanted, as Sheets does, and shortened.
  const slant = c.labels.some((l) => l.length * 6 > band);
  c.labels.forEach((label, i) => {
    const x = left + i * band + band / 2;
    if (!slant) {
      svg.append(svgEl("text", { x, y: h - bottom + 16, "font-size": 10, "text-anchor": "middle" }, label));
      return;
    }
    const short = label.length > 16 ? `${label.slice(0, 15)}…` : label;
    svg.append(svgEl("text", { x: x + 3, y: h - bottom + 10, "font-size": 9.5, "text-anchor": "end", transform: `rotate(-32 ${x + 3} ${h - bottom + 10})` }, short));
  });
  const legend = legendShown ? c.series.map((s, k) => el("span", { cls: "legend" }, el("i", { style: `background:${COLORS[k % COLORS.length]}` } as never), s.name)) : [];
  return el("figure", { cls: "chart" }, el("figcaption", { textContent: onSheet ? c.title || "Grafik" : `${c.title || "Grafik"} · ${c.sheet}` }), svg, el("div", {}, ...legend));
}

for (const b of document.querySelectorAll<HTMLButtonElement>(".panel-btn")) {
  b.addEventListener("click", async () => {
    const name = b.dataset.panel ?? "";
    openPanel = openPanel === name ? null : name;
    $("drawer").hidden = !openPanel;
    for (const x of document.querySelectorAll(".panel-btn")) x.classList.toggle("on", (x as HTMLElement).dataset.panel === openPanel);
    if (openPanel) await renderPanel();
  });
}
$("drawer-close").addEventListener("click", () => {
  openPanel = null;
  $("drawer").hidden = true;
  for (const x of document.querySelectorAll(".panel-btn")) x.classList.remove("on");
});

// ---- act as, clock --------------------------------------------------------------------------------------------

function renderTools(s: State): void {
  const sel = $<HTMLSelectElement>("act-as");
  const people = s.people.some((p) => p.email === me()) ? s.people : [...s.people, { email: me(), name: me(), role: "tidak di Pejabat" }];
  const want = people.map((p) => `${p.email}|${p.name}|${p.role}`).join(",");
  if (sel.dataset.people !== want) {
    sel.dataset.people = want;
    sel.replaceChildren(...people.map((p) => el("option", { value: p.email, textContent: `${p.name} — ${p.role} <${p.email}>` })));
  }
  if (document.activeElement !== sel) sel.value = me();
  $("clock").textContent = s.clock;
  $("clock").title = s.triggers.length ? `Pemicu berikutnya: ${s.triggers.map((t) => `${t.name}, ${t.at}`).join("; ")}` : "Tidak ada pemicu berjadwal";
  $("doc-title").textContent = s.title + (s.demo ? " · data contoh" : "");
  $("n-outbox").textContent = String(s.outbox);
  $("n-documents").textContent = String(s.documents);
  $("n-charts").textContent = String(s.charts);
}

$("act-as").addEventListener("change", async () => {
  const email = ($("act-as") as HTMLSelectElement).value;
  const r = await api<{ ok: boolean; error?: string }>("/api/act-as", { email });
  if (!r.ok) {
    toast(r.error ?? "", "error");
    ($("act-as") as HTMLSelectElement).value = me();
    return;
  }
  setMe(email);
  toast(`Tab ini sekarang bertindak sebagai ${email}`);
  await refresh(true);
});

for (const b of document.querySelectorAll<HTMLButtonElement>(".clock button")) {
  b.addEventListener("click", async () => {
    b.disabled = true;
    try {
      const r = await api<{ ok: boolean; message?: string; error?: string }>("/api/clock", { ms: Number(b.dataset.ms) });
      if (!r.ok) toast(r.error ?? "", "error");
      else toast(r.message ?? "");
    } finally {
      b.disabled = false;
      await refresh(true);
    }
  });
}

// ---- state ----------------------------------------------------------------------------------------------------

function showNotices(s: State): void {
  for (const n of s.notices) {
    if (n.seq <= noticeSeen) continue;
    if (noticeSeen >= 0) {
      if (n.type === "alert" || n.type === "prompt") showModal(n.title || "Alur", el("pre", { cls: "alert-text", textContent: n.message }));
      else toast(`${n.title ? `${n.title}: ` : ""}${n.message}`, n.type === "toast" ? "info" : "error");
    }
  }
  noticeSeen = Math.max(noticeSeen, ...s.notices.map((n) => n.seq), 0);
}

let inFlight = 0;
let chain: Promise<void> = Promise.resolve();

/** Refreshes one after another; a poll while one runs is dropped, a forced refresh waits its turn. */
function refresh(force = false): Promise<void> {
  if (!force && inFlight) return chain;
  inFlight++;
  chain = chain
    .then(() => readState(force))
    .catch(() => undefined)
    .finally(() => {
      inFlight--;
    });
  return chain;
}

/** Reads the state; redraws the grid when the workbook changed, and follows the selection when a script moved it. */
async function readState(force: boolean): Promise<void> {
  const s = await api<State>("/api/state");
  if (!me()) setMe(s.actAs);
  const changed = force || !state || s.seq !== state.seq;
  const follow = s.selSeq > selSeqKnown();
  knowSelSeq(s.selSeq);
  state = s;
  renderMenus(s);
  renderTools(s);
  renderSidebar(s);
  renderDialog(s);
  showNotices(s);
  if (follow || !grid.sheet) {
    await loadSheet(s.activeSheet);
    followActive();
  } else if (changed && !isEditing()) await loadSheet(grid.sheet);
  renderTabs();
  if (changed) {
    const key = `${openPanel}|${s.outbox}|${s.documents}|${s.charts}`;
    if (openPanel && key !== panelKey) await renderPanel();
  }
}

document.addEventListener("click", (e) => {
  if (!(e.target as HTMLElement).closest(".menu")) closeMenus();
});

async function start(): Promise<void> {
  initGrid({ refresh: () => refresh(true), tabsChanged: renderTabs, rendered: (v) => void overlayCharts(v) });
  // Opening the spreadsheet runs onOpen, which builds the Alur menu.
  await api("/api/open", {});
  await refresh(true);
  setInterval(() => void refresh().catch(() => undefined), 3000);
}

void start();
