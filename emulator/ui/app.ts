// The workspace page: menu, act-as, clock, sheet tabs and grid, the add-on sidebar, outbox, documents and charts.
export {};

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
  actAs: string;
  people: { email: string; name: string; role: string }[];
  menus: { name: string; items: MenuItem[] }[];
  sheets: { name: string; hidden: boolean; color: string | null; rows: number }[];
  activeSheet: string;
  sidebar: { seq: number; title: string; width: number } | null;
  dialog: { seq: number; title: string; width: number; height: number; modal: boolean } | null;
  notices: Notice[];
  outbox: number;
  quota: number;
  documents: number;
  charts: number;
  triggers: { handler: string; at: string }[];
  demo: boolean;
}
interface Cell {
  t: string;
  raw?: string;
  bg?: string;
  fc?: string;
  b?: 1;
  i?: 1;
  s?: 1;
  al?: string;
  chk?: boolean;
  dd?: 1;
  opts?: string[];
  note?: string;
  num?: 1;
  wrap?: 1;
}
interface SheetView {
  name: string;
  lastRow: number;
  frozenRows: number;
  frozenCols: number;
  offset: number;
  rows: { r: number; cells: Cell[] }[];
  cols: { c: number; width: number }[];
  active: { row: number; col: number } | null;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const PAGE = 200;
const ROW_H = 24;

let state: State | null = null;
let view: SheetView | null = null;
let sheetName = "";
let offset = 0;
let noticeSeen = -1;
let sidebarSeq = 0;
let dialogSeq = 0;
let openPanel: string | null = null;
/** What the open panel last showed, so polling redraws it only when its contents changed. */
let panelKey = "";
let selectedMail = -1;

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, body === undefined ? undefined : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(await res.text());
  return res.json() as Promise<T>;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { cls?: string } = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  const { cls, ...rest } = props;
  if (cls) e.className = cls;
  Object.assign(e, rest);
  e.append(...kids);
  return e;
}

function colName(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function toast(message: string, kind = "info"): void {
  const t = el("div", { cls: `toast ${kind}`, textContent: message });
  $("toasts").append(t);
  setTimeout(() => t.remove(), kind === "error" ? 9000 : 5000);
}

function showModal(title: string, content: Node, width = 0): void {
  $("modal-title").textContent = title;
  $("modal-body").replaceChildren(content);
  ($("modal").firstElementChild as HTMLElement).style.width = width ? `${width}px` : "";
  $("modal").hidden = false;
}

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
        void runMenu(fn, it.label ?? fn);
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
  const ext: MenuItem[] = addon ? [{ label: "Alur", submenu: addon.items }] : [{ label: "(belum ada menu: onOpen belum berjalan)" }];
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

// ---- grid -----------------------------------------------------------------------------------------------------

function renderGrid(v: SheetView): void {
  const table = el("table", { cls: "cells" });
  const colgroup = el("colgroup", {}, el("col", { cls: "rh" }));
  for (const c of v.cols) colgroup.append(Object.assign(el("col"), { style: `width:${c.width}px` }));
  const head = el("tr", {}, el("th", { cls: "corner" }));
  let left = 46;
  v.cols.forEach((c, j) => {
    const th = el("th", { textContent: colName(c.c), cls: "colh" });
    if (j < v.frozenCols) Object.assign(th.style, { left: `${left}px`, zIndex: "4" });
    if (j < v.frozenCols) left += c.width;
    head.append(th);
  });
  const thead = el("thead", {}, head);
  const tbody = el("tbody");
  let frozenIndex = 0;
  for (const row of v.rows) {
    const frozen = row.r <= v.frozenRows;
    const tr = el("tr", { cls: frozen ? "frozen" : "" });
    tr.dataset.row = String(row.r);
    if (v.active?.row === row.r) tr.classList.add("active-row");
    const rh = el("th", { textContent: String(row.r), cls: "rowh" });
    tr.append(rh);
    let x = 46;
    row.cells.forEach((cell, j) => {
      const col = v.cols[j].c;
      const td = el("td");
      td.dataset.col = String(col);
      if (cell.chk !== undefined) {
        td.append(el("span", { cls: `chk${cell.chk ? " on" : ""}`, textContent: cell.chk ? "✓" : "" }));
        td.classList.add("center");
      } else {
        td.append(el("span", { cls: "v", textContent: cell.t }));
        if (cell.dd) td.append(el("span", { cls: "dd", textContent: "▾" }));
      }
      if (cell.opts) td.dataset.opts = JSON.stringify(cell.opts);
      if (cell.wrap) td.classList.add("wrap");
      if (cell.bg) td.style.background = cell.bg;
      if (cell.fc) td.style.color = cell.fc;
      if (cell.b) td.style.fontWeight = "700";
      if (cell.i) td.style.fontStyle = "italic";
      if (cell.s) td.style.textDecoration = "line-through";
      if (cell.al) td.style.textAlign = cell.al;
      else if (cell.num) td.classList.add("num");
      if (cell.note) {
        td.classList.add("has-note");
        td.title = cell.note;
      } else if (cell.t.length > 18) td.title = cell.t;
      if (j < v.frozenCols) {
        td.classList.add("fcol");
        td.style.left = `${x}px`;
        x += v.cols[j].width;
      }
      if (v.active && v.active.row === row.r && v.active.col === col) td.classList.add("active");
      tr.append(td);
    });
    spill(row.cells, tr, v);
    if (frozen) {
      // Frozen rows stick under the column letters, one row height apart.
      for (const c of tr.children) (c as HTMLElement).style.top = `${ROW_H * (frozenIndex + 1)}px`;
      frozenIndex++;
    }
    tbody.append(tr);
  }
  table.append(colgroup, thead, tbody);
  const grid = $("grid");
  const keep = grid.scrollTop;
  const keepLeft = grid.scrollLeft;
  grid.replaceChildren(table);
  grid.scrollTop = keep;
  grid.scrollLeft = keepLeft;
  void overlayCharts(v);
  const dataRows = Math.max(0, v.lastRow - v.frozenRows);
  const from = v.offset + 1;
  const to = Math.min(dataRows, v.offset + PAGE);
  const pager = $("pager");
  pager.replaceChildren();
  if (dataRows > PAGE) {
    const prev = el("button", { type: "button", textContent: "‹", disabled: v.offset === 0, title: "Halaman sebelumnya" });
    const next = el("button", { type: "button", textContent: "›", disabled: to >= dataRows, title: "Halaman berikutnya" });
    prev.addEventListener("click", () => void loadSheet(sheetName, Math.max(0, offset - PAGE)));
    next.addEventListener("click", () => void loadSheet(sheetName, offset + PAGE));
    pager.append(prev, ` Baris data ${from}–${to} dari ${dataRows} `, next);
  } else pager.textContent = `${dataRows} baris data`;
  showCell();
}

/**
 * Text runs on over the empty cells to its right, as in Sheets (up to the first cell that holds something); numbers,
 * wrapped text and checkboxes stay in their cell.
 */
function spill(cells: Cell[], tr: HTMLElement, v: SheetView): void {
  const tds = [...tr.querySelectorAll<HTMLElement>("td")];
  cells.forEach((cell, j) => {
    if (!cell.t || cell.num || cell.wrap || cell.chk !== undefined || cell.dd || j < v.frozenCols) return;
    let width = v.cols[j].width;
    let k = j + 1;
    while (k < cells.length && cells[k].t === "" && cells[k].chk === undefined && !cells[k].dd && !cells[k].bg) width += v.cols[k++].width;
    if (k === j + 1) return;
    const span = tds[j].querySelector<HTMLElement>(".v");
    if (!span) return;
    tds[j].classList.add("spill");
    span.style.maxWidth = `${width - 12}px`;
    // A frozen row's cells are opaque (they scroll over the others): the spilling one stands above its neighbours.
    if (tr.classList.contains("frozen")) tds[j].style.zIndex = "3";
  });
}

function showCell(): void {
  const a = view?.active;
  $("cell-ref").textContent = a ? `${colName(a.col)}${a.row}` : "";
  let raw = "";
  if (a && view) {
    const row = view.rows.find((r) => r.r === a.row);
    const j = view.cols.findIndex((c) => c.c === a.col);
    const cell = row && j >= 0 ? row.cells[j] : undefined;
    raw = cell ? (cell.raw ?? (cell.chk !== undefined ? String(cell.chk).toUpperCase() : cell.t)) : "";
  }
  $("cell-raw").textContent = raw;
}

async function loadSheet(name: string, off = offset): Promise<void> {
  if (name !== sheetName) off = 0;
  sheetName = name;
  offset = off;
  view = await api<SheetView>(`/api/sheet?name=${encodeURIComponent(name)}&offset=${off}`);
  renderGrid(view);
  renderTabs();
}

function renderTabs(): void {
  if (!state) return;
  const nav = $("tabs");
  nav.replaceChildren();
  for (const s of state.sheets) {
    if (s.hidden) continue;
    const b = el("button", { type: "button", textContent: s.name, cls: `tab${s.name === sheetName ? " on" : ""}` });
    b.setAttribute("role", "tab");
    b.setAttribute("aria-selected", String(s.name === sheetName));
    if (s.color) b.style.borderBottomColor = s.color;
    b.addEventListener("click", async () => {
      await api("/api/select", { sheet: s.name, row: 0, col: 0 });
      await loadSheet(s.name, 0);
    });
    nav.append(b);
  }
}

/** A dropdown cell, as in Sheets: its choices in a list over the cell; picking one writes it and runs onEdit. */
function openChoices(td: HTMLElement, row: number, col: number): void {
  const choices = JSON.parse(td.dataset.opts ?? "[]") as string[];
  const current = td.querySelector(".v")?.textContent ?? "";
  const select = el("select", { cls: "choices" });
  select.setAttribute("aria-label", "Pilihan sel");
  select.append(...choices.map((c) => el("option", { value: c, textContent: c, selected: c === current })));
  const grid = $("grid");
  const box = td.getBoundingClientRect();
  const at = grid.getBoundingClientRect();
  Object.assign(select.style, { left: `${box.left - at.left + grid.scrollLeft}px`, top: `${box.bottom - at.top + grid.scrollTop}px`, minWidth: `${Math.max(box.width, 180)}px` });
  select.size = Math.min(10, Math.max(2, choices.length));
  // Blur may fire while the list is already being removed: removing twice must not stop the choice from being sent.
  const close = () => {
    try {
      if (select.isConnected) select.remove();
    } catch (_e) {
      // Already gone.
    }
  };
  select.addEventListener("change", async () => {
    close();
    const out = await api<{ ok: boolean; error?: string }>("/api/edit", { sheet: sheetName, row, col, value: select.value });
    if (!out.ok) toast(out.error ?? "Gagal", "error");
    await loadSheet(sheetName, offset);
  });
  select.addEventListener("blur", close);
  for (const old of grid.querySelectorAll(".choices")) old.remove();
  grid.append(select);
  select.focus();
}

$("grid").addEventListener("click", async (e) => {
  const td = (e.target as HTMLElement).closest("td");
  const tr = td?.closest("tr");
  if (!td || !tr || !view) return;
  if (td.dataset.opts && (e.target as HTMLElement).closest(".dd, .v")) openChoices(td, Number(tr.dataset.row), Number(td.dataset.col));
  const row = Number(tr.dataset.row);
  const col = Number(td.dataset.col);
  view.active = { row, col };
  for (const x of document.querySelectorAll(".cells .active, .cells .active-row")) x.classList.remove("active", "active-row");
  td.classList.add("active");
  tr.classList.add("active-row");
  showCell();
  await api("/api/select", { sheet: sheetName, row, col });
});

// ---- sidebar and dialogs --------------------------------------------------------------------------------------

function renderSidebar(s: State): void {
  const side = $("sidebar");
  if (!s.sidebar) {
    side.hidden = true;
    return;
  }
  side.hidden = false;
  $("sidebar-title").textContent = s.sidebar.title || "Panel";
  if (s.sidebar.seq !== sidebarSeq) {
    sidebarSeq = s.sidebar.seq;
    ($("sidebar-frame") as HTMLIFrameElement).src = `/sidebar?seq=${sidebarSeq}`;
  }
}

function renderDialog(s: State): void {
  if (!s.dialog || s.dialog.seq === dialogSeq) return;
  dialogSeq = s.dialog.seq;
  const frame = el("iframe", { src: `/dialog?seq=${dialogSeq}`, title: s.dialog.title, cls: "dialog-frame" });
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
        frame.src = `/mail?i=${m.i}`;
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
  const grid = $("grid");
  for (const old of grid.querySelectorAll(".sheet-chart")) old.remove();
  if (!state?.charts) return;
  const list = (await api<ChartData[]>("/api/charts")).filter((c) => c.sheet === v.name && c.anchor);
  if (v !== view) return;
  const at = grid.getBoundingClientRect();
  for (const c of list) {
    const a = c.anchor as NonNullable<ChartData["anchor"]>;
    const td = grid.querySelector<HTMLElement>(`tr[data-row="${a.row}"] td[data-col="${a.col}"]`);
    if (!td) continue;
    const box = td.getBoundingClientRect();
    const fig = chart(c, c.width ?? 520, c.height ?? 300, true);
    fig.classList.add("sheet-chart");
    Object.assign(fig.style, { left: `${box.left - at.left + grid.scrollLeft + a.offsetX}px`, top: `${box.top - at.top + grid.scrollTop + a.offsetY}px`, width: `${c.width ?? 520}px` });
    grid.append(fig);
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
  const want = s.people.map((p) => `${p.email}|${p.name}`).join(",");
  if (sel.dataset.people !== want) {
    sel.dataset.people = want;
    sel.replaceChildren(...s.people.map((p) => el("option", { value: p.email, textContent: `${p.name} — ${p.role} <${p.email}>` })));
  }
  sel.value = s.actAs;
  $("clock").textContent = s.clock;
  $("clock").title = s.triggers.length ? `Pemicu berikutnya: ${s.triggers.map((t) => `${t.handler} ${t.at}`).join("; ")}` : "Tidak ada pemicu berjadwal";
  $("doc-title").textContent = s.title + (s.demo ? " · data contoh" : "");
  $("n-outbox").textContent = String(s.outbox);
  $("n-documents").textContent = String(s.documents);
  $("n-charts").textContent = String(s.charts);
}

$("act-as").addEventListener("change", async () => {
  const email = ($("act-as") as HTMLSelectElement).value;
  await api("/api/act-as", { email });
  toast(`Sekarang bertindak sebagai ${email}`);
  // The sidebar reloads as the new person would see it.
  if (sidebarSeq) ($("sidebar-frame") as HTMLIFrameElement).src = `/sidebar?seq=${sidebarSeq}&as=${encodeURIComponent(email)}`;
  await refresh(true);
});

for (const b of document.querySelectorAll<HTMLButtonElement>(".clock button")) {
  b.addEventListener("click", async () => {
    b.disabled = true;
    try {
      const r = await api<{ ok: boolean; ran: number; failed: number; skipped: number; error?: string }>("/api/clock", { ms: Number(b.dataset.ms) });
      if (!r.ok) toast(r.error ?? "", "error");
      else toast(`Waktu maju ${b.textContent}: ${r.ran} pemicu berjalan${r.skipped ? `, ${r.skipped} lewat` : ""}${r.failed ? `, ${r.failed} gagal` : ""}.`);
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

async function refresh(force = false): Promise<void> {
  const s = await api<State>("/api/state");
  const changed = force || !state || s.seq !== state.seq;
  state = s;
  renderMenus(s);
  renderTools(s);
  renderSidebar(s);
  renderDialog(s);
  showNotices(s);
  if (changed) {
    // The grid follows the active sheet, which scripts move too (selectCase activates a register row).
    await loadSheet(s.activeSheet);
    const key = `${openPanel}|${s.outbox}|${s.documents}|${s.charts}`;
    if (openPanel && key !== panelKey) await renderPanel();
  }
}

document.addEventListener("click", (e) => {
  if (!(e.target as HTMLElement).closest(".menu")) closeMenus();
});

async function start(): Promise<void> {
  // Opening the spreadsheet runs onOpen, which builds the Alur menu.
  await api("/api/open", {});
  await refresh(true);
  setInterval(() => void refresh().catch(() => undefined), 3000);
}

void start();
