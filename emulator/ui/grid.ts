// The grid: one sheet drawn as Sheets shows it (frozen header, formats, rule colours, dropdowns, checkboxes, invalid
// marks) and edited as in Sheets — typing, Enter/Tab/arrows, Escape, Delete, paste of tab-separated text, copy,
// dropdown lists, checkbox clicks, inserting and deleting rows. Every edit goes to the server, which applies it through
// the Apps Script fakes and fires onEdit/onChange; the grid then redraws from what the sheet holds.
import { $, ask, colName, el, tell, toast } from "./dom";
import { api } from "./net";

export interface Cell {
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
  bad?: string;
  note?: string;
  num?: 1;
  wrap?: 1;
}
export interface SheetView {
  name: string;
  lastRow: number;
  maxRows: number;
  frozenRows: number;
  frozenCols: number;
  offset: number;
  rows: { r: number; cells: Cell[] }[];
  cols: { c: number; width: number }[];
  active: { row: number; col: number; numRows: number; numCols: number } | null;
}

type Outcome = { ok: true; errors?: string[] } | { ok: false; title?: string; error?: string; confirm?: string };

const PAGE = 200;
const ROW_H = 24;

/** The sheet on screen, its window of rows and the selection (anchor row/col, other corner row2/col2). */
export const grid = {
  view: null as SheetView | null,
  sheet: "",
  offset: 0,
  sel: null as { row: number; col: number; row2: number; col2: number } | null,
};

interface Editing {
  row: number;
  col: number;
  /** "enter": typing replaced the cell, arrows commit and move; "edit": F2/Enter/double-click, arrows move the caret. */
  mode: "enter" | "edit";
}
let editing: Editing | null = null;
/** A view that arrived while a cell was being edited: drawn when the edit ends. */
let pending: SheetView | null = null;
/** Told after the grid is drawn (the page draws the sheet's charts over it). */
let onRendered: (v: SheetView) => void = () => undefined;
let refreshAll: () => Promise<void> = async () => undefined;
let onTabs: () => void = () => undefined;

const gridEl = () => $("grid");
const editor = () => $<HTMLTextAreaElement>("cell-editor");
const list = () => $<HTMLDivElement>("dd-list");

// ---- drawing ---------------------------------------------------------------------------------------------------

function renderGrid(v: SheetView): void {
  const table = el("table", { cls: "cells" });
  const colgroup = el("colgroup", {}, el("col", { cls: "rh" }));
  for (const c of v.cols) colgroup.append(Object.assign(el("col"), { style: `width:${c.width}px` }));
  const head = el("tr", {}, el("th", { cls: "corner" }));
  let left = 46;
  v.cols.forEach((c, j) => {
    const th = el("th", { textContent: colName(c.c), cls: "colh" });
    th.dataset.col = String(c.c);
    if (j < v.frozenCols) Object.assign(th.style, { left: `${left}px`, zIndex: "4" });
    if (j < v.frozenCols) left += c.width;
    head.append(th);
  });
  const thead = el("thead", {}, head);
  const tbody = el("tbody");
  let frozenIndex = 0;
  for (const row of v.rows) {
    const frozen = row.r <= v.frozenRows;
    const tr = el("tr", { cls: frozen ? (row.r === v.frozenRows ? "frozen frozen-last" : "frozen") : "" });
    tr.dataset.row = String(row.r);
    const rh = el("th", { textContent: String(row.r), cls: "rowh" });
    rh.title = "Klik kanan: sisipkan atau hapus baris";
    tr.append(rh);
    let x = 46;
    row.cells.forEach((cell, j) => {
      const col = v.cols[j].c;
      const td = el("td");
      td.dataset.col = String(col);
      if (cell.chk !== undefined) {
        const box = el("span", { cls: `chk${cell.chk ? " on" : ""}`, textContent: cell.chk ? "✓" : "" });
        box.setAttribute("role", "checkbox");
        box.setAttribute("aria-checked", String(cell.chk));
        box.setAttribute("aria-label", `Kotak centang ${colName(col)}${row.r}`);
        td.append(box);
        td.classList.add("center");
      } else {
        td.append(el("span", { cls: "v", textContent: cell.t }));
        if (cell.dd) {
          const arrow = el("span", { cls: "dd", textContent: "▾" });
          arrow.setAttribute("aria-label", `Daftar pilihan ${colName(col)}${row.r}`);
          td.append(arrow);
          td.classList.add("has-dd");
        }
      }
      if (cell.bg) td.style.background = cell.bg;
      if (cell.fc) td.style.color = cell.fc;
      if (cell.b) td.style.fontWeight = "700";
      if (cell.i) td.style.fontStyle = "italic";
      if (cell.s) td.style.textDecoration = "line-through";
      if (cell.al) td.style.textAlign = cell.al;
      else if (cell.num) td.classList.add("num");
      if (cell.bad) {
        td.classList.add("invalid");
        td.title = cell.bad;
      } else if (cell.note) {
        td.classList.add("has-note");
        td.title = cell.note;
      } else if (cell.t.length > 18) td.title = cell.t;
      if (j < v.frozenCols) {
        td.classList.add("fcol");
        td.style.left = `${x}px`;
        x += v.cols[j].width;
      }
      tr.append(td);
    });
    if (frozen) {
      // Frozen rows stick under the column letters, one row height apart.
      for (const c of tr.children) (c as HTMLElement).style.top = `${ROW_H * (frozenIndex + 1)}px`;
      frozenIndex++;
    }
    tbody.append(tr);
  }
  table.append(colgroup, thead, tbody);
  const g = gridEl();
  const keep = g.scrollTop;
  const keepLeft = g.scrollLeft;
  g.querySelector("table.cells")?.remove();
  g.prepend(table);
  g.scrollTop = keep;
  g.scrollLeft = keepLeft;
  const dataRows = Math.max(0, v.lastRow - v.frozenRows);
  const from = v.offset + 1;
  const to = Math.min(dataRows, v.offset + PAGE);
  const pager = $("pager");
  pager.replaceChildren();
  if (dataRows > PAGE) {
    const prev = el("button", { type: "button", textContent: "‹", disabled: v.offset === 0, title: "Halaman sebelumnya" });
    const next = el("button", { type: "button", textContent: "›", disabled: to >= dataRows, title: "Halaman berikutnya" });
    prev.addEventListener("click", () => void loadSheet(grid.sheet, Math.max(0, grid.offset - PAGE)));
    next.addEventListener("click", () => void loadSheet(grid.sheet, grid.offset + PAGE));
    pager.append(prev, ` Baris data ${from}–${to} dari ${dataRows} `, next);
  } else pager.textContent = `${dataRows} baris data`;
  paintSelection();
}

const rowOrder = () => grid.view?.rows.map((r) => r.r) ?? [];
const colOrder = () => grid.view?.cols.map((c) => c.c) ?? [];

export function cellAt(row: number, col: number): Cell | undefined {
  const v = grid.view;
  if (!v) return undefined;
  const j = v.cols.findIndex((c) => c.c === col);
  return j < 0 ? undefined : v.rows.find((r) => r.r === row)?.cells[j];
}

function tdAt(row: number, col: number): HTMLTableCellElement | null {
  return gridEl().querySelector<HTMLTableCellElement>(`table.cells tr[data-row="${row}"] td[data-col="${col}"]`);
}

/** What the formula bar and the editor show: the formula, the full date, TRUE/FALSE of a checkbox, else the text. */
function rawOf(cell: Cell | undefined): string {
  if (!cell) return "";
  return cell.raw ?? (cell.chk !== undefined ? String(cell.chk).toUpperCase() : cell.t);
}

function box(): { r1: number; r2: number; c1: number; c2: number } | null {
  const s = grid.sel;
  if (!s) return null;
  return { r1: Math.min(s.row, s.row2), r2: Math.max(s.row, s.row2), c1: Math.min(s.col, s.col2), c2: Math.max(s.col, s.col2) };
}

function paintSelection(): void {
  for (const x of gridEl().querySelectorAll(".active, .in-sel, .active-row, .active-col")) x.classList.remove("active", "in-sel", "active-row", "active-col");
  const s = grid.sel;
  const b = box();
  if (s && b) {
    for (const tr of gridEl().querySelectorAll<HTMLTableRowElement>("table.cells tbody tr")) {
      const r = Number(tr.dataset.row);
      if (r < b.r1 || r > b.r2) continue;
      tr.classList.add("active-row");
      for (const td of tr.querySelectorAll<HTMLTableCellElement>("td")) {
        const c = Number(td.dataset.col);
        if (c >= b.c1 && c <= b.c2 && (b.r1 !== b.r2 || b.c1 !== b.c2)) td.classList.add("in-sel");
      }
    }
    for (const th of gridEl().querySelectorAll<HTMLElement>("thead th.colh")) {
      const c = Number(th.dataset.col);
      if (c >= b.c1 && c <= b.c2) th.classList.add("active-col");
    }
    tdAt(s.row, s.col)?.classList.add("active");
  }
  $("cell-ref").textContent = s ? (b && (b.r1 !== b.r2 || b.c1 !== b.c2) ? `${colName(b.c1)}${b.r1}:${colName(b.c2)}${b.r2}` : `${colName(s.col)}${s.row}`) : "";
  $("cell-raw").textContent = s ? rawOf(cellAt(s.row, s.col)) : "";
}

// ---- loading ---------------------------------------------------------------------------------------------------

export async function loadSheet(name: string, off = grid.offset): Promise<void> {
  if (name !== grid.sheet) {
    off = 0;
    grid.sel = null;
  }
  grid.sheet = name;
  grid.offset = off;
  const v = await api<SheetView>(`/api/sheet?name=${encodeURIComponent(name)}&offset=${off}`);
  if (v.name !== grid.sheet) return;
  if (editing) {
    pending = v;
    return;
  }
  grid.view = v;
  renderGrid(v);
  onRendered(v);
  onTabs();
}

/** After a script moved this tab's selection (selectCase activates a row): the grid follows it. */
export function followActive(): void {
  const a = grid.view?.active;
  if (a) {
    grid.sel = { row: a.row, col: a.col, row2: a.row + a.numRows - 1, col2: a.col + a.numCols - 1 };
    paintSelection();
    tdAt(a.row, a.col)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
}

let lastSelSeq = -1;
export const selSeqKnown = () => lastSelSeq;
export const knowSelSeq = (n: number) => {
  lastSelSeq = Math.max(lastSelSeq, n);
};

/** Tells the server where this tab's selection is (getActiveRange in its panel's calls sees it). */
async function syncSelection(): Promise<void> {
  const b = box();
  if (!b) return;
  const r = await api<{ ok: boolean; selSeq: number }>("/api/select", { sheet: grid.sheet, row: b.r1, col: b.c1, numRows: b.r2 - b.r1 + 1, numCols: b.c2 - b.c1 + 1 });
  knowSelSeq(r.selSeq);
}

export async function selectSheet(name: string): Promise<void> {
  const r = await api<{ ok: boolean; selSeq: number }>("/api/select", { sheet: name, row: 0, col: 0 });
  knowSelSeq(r.selSeq);
  await loadSheet(name, 0);
}

function select(row: number, col: number, extend = false): void {
  const s = grid.sel;
  grid.sel = extend && s ? { ...s, row2: row, col2: col } : { row, col, row2: row, col2: col };
  paintSelection();
  const target = extend ? tdAt(row, col) : tdAt(row, col);
  target?.scrollIntoView({ block: "nearest", inline: "nearest" });
  void syncSelection();
}

/** Moves the selection by whole cells in the drawn window (hidden columns are not drawn, so they are skipped). */
function move(dr: number, dc: number, extend = false): void {
  const s = grid.sel;
  if (!s) return;
  const rows = rowOrder();
  const cols = colOrder();
  const fromRow = extend ? s.row2 : s.row;
  const fromCol = extend ? s.col2 : s.col;
  const ri = Math.max(0, Math.min(rows.length - 1, rows.indexOf(fromRow) + dr));
  const ci = Math.max(0, Math.min(cols.length - 1, cols.indexOf(fromCol) + dc));
  select(rows[ri] ?? fromRow, cols[ci] ?? fromCol, extend);
}

// ---- editing ---------------------------------------------------------------------------------------------------

/** Puts the editor over the cell (it scrolls with the grid). */
function place(elm: HTMLElement, row: number, col: number): boolean {
  const td = tdAt(row, col);
  if (!td) return false;
  const g = gridEl();
  const gr = g.getBoundingClientRect();
  const tr = td.getBoundingClientRect();
  elm.style.left = `${tr.left - gr.left + g.scrollLeft}px`;
  elm.style.top = `${tr.top - gr.top + g.scrollTop}px`;
  elm.style.minWidth = `${Math.max(tr.width, 40)}px`;
  elm.style.minHeight = `${tr.height}px`;
  elm.style.height = `${tr.height}px`;
  elm.style.width = `${tr.width}px`;
  return true;
}

/** The editor grows with what is typed, as Sheets' does (wider first, then taller for new lines). */
function fitEditor(ed: HTMLTextAreaElement): void {
  ed.style.width = "0";
  ed.style.width = `${Math.min(600, ed.scrollWidth + 4)}px`;
  ed.style.height = "0";
  ed.style.height = `${ed.scrollHeight + 4}px`;
}

/** Puts a dropdown list under the cell, or above it when the window has more room there (it floats over everything). */
function placeList(elm: HTMLElement, row: number, col: number): boolean {
  const td = tdAt(row, col);
  if (!td) return false;
  const r = td.getBoundingClientRect();
  const below = window.innerHeight - r.bottom - 8;
  const above = r.top - 8;
  const up = below < 160 && above > below;
  elm.style.left = `${Math.min(r.left, window.innerWidth - 200)}px`;
  elm.style.minWidth = `${Math.max(r.width, 180)}px`;
  elm.style.maxHeight = `${Math.max(80, Math.min(280, up ? above : below))}px`;
  elm.style.top = up ? "" : `${r.bottom + 2}px`;
  elm.style.bottom = up ? `${window.innerHeight - r.top + 2}px` : "";
  return true;
}

function startEdit(mode: Editing["mode"], text?: string): void {
  const s = grid.sel;
  if (!s) return;
  const cell = cellAt(s.row, s.col);
  const ed = editor();
  if (!place(ed, s.row, s.col)) return;
  editing = { row: s.row, col: s.col, mode };
  grid.sel = { row: s.row, col: s.col, row2: s.row, col2: s.col };
  paintSelection();
  ed.value = text ?? rawOf(cell);
  ed.hidden = false;
  fitEditor(ed);
  ed.setAttribute("aria-label", `Isi sel ${colName(s.col)}${s.row}`);
  ed.focus();
  ed.setSelectionRange(ed.value.length, ed.value.length);
  if (cell?.dd) void showOptions(s.row, s.col, ed.value);
}

function endEdit(): void {
  editing = null;
  editor().hidden = true;
  hideOptions();
  gridEl().focus({ preventScroll: true });
  if (pending) {
    grid.view = pending;
    pending = null;
    renderGrid(grid.view);
  }
}

async function commitEdit(dr: number, dc: number, value?: string): Promise<void> {
  const e = editing;
  if (!e) return;
  const text = value ?? editor().value;
  const before = rawOf(cellAt(e.row, e.col));
  endEdit();
  // The selection moves at once, as in Sheets, so typing on goes to the next cell while this one is saved.
  if (dr || dc) move(dr, dc);
  if (text === before) return;
  const movedTo = grid.sel ? { ...grid.sel } : null;
  // A refused value puts the person back on the cell it was meant for, as the refusal is shown: not later (after the
  // refresh that follows, on a slow connection), when they may already have gone on to another cell.
  const back = () => {
    const s = grid.sel;
    const stayed = s && movedTo && s.row === movedTo.row && s.col === movedTo.col && s.row2 === movedTo.row2 && s.col2 === movedTo.col2;
    if ((dr || dc) && !editing && stayed) select(e.row, e.col);
  };
  await submit("/api/edit", { sheet: grid.sheet, row: e.row, col: e.col, values: [[text]] }, back);
}

function cancelEdit(): void {
  if (!editing) return;
  endEdit();
  paintSelection();
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Sends an edit; a warning-only protection asks first and sends it again when the person says yes; a refusal shows
 * Sheets' "Ada masalah" with the rule's words. Edits go one after another, in the order they were made. Resolves
 * whether the edit was made.
 */
function submit(path: string, body: Record<string, unknown>, refused?: () => void): Promise<boolean> {
  const run = queue.then(() => send(path, body, refused));
  queue = run.catch(() => undefined);
  return run;
}

async function send(path: string, body: Record<string, unknown>, refused?: () => void): Promise<boolean> {
  document.body.classList.add("busy");
  try {
    let r = await api<Outcome>(path, body);
    if (!r.ok && r.confirm) {
      if (!(await ask("Perhatian", r.confirm))) {
        refused?.();
        return false;
      }
      r = await api<Outcome>(path, { ...body, confirmed: true });
    }
    if (!r.ok) {
      refused?.();
      await tell(r.title ?? "Ada masalah", r.error ?? "");
      return false;
    }
    return true;
  } catch (err) {
    toast(`Perubahan tidak tersimpan: ${err instanceof Error ? err.message : String(err)}`, "error");
    return false;
  } finally {
    document.body.classList.remove("busy");
    await refreshAll();
  }
}

function clearSelection(): void {
  const b = box();
  if (!b) return;
  void submit("/api/edit", { sheet: grid.sheet, row: b.r1, col: b.c1, clear: { numRows: b.r2 - b.r1 + 1, numCols: b.c2 - b.c1 + 1 } });
}

function toggle(row: number, col: number): void {
  void submit("/api/edit", { sheet: grid.sheet, row, col, toggle: true });
}

/** Clipboard text as Sheets and Excel put it there: tabs between cells, newlines between rows, quotes around cells with either. */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let quoted = false;
  let started = true;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (started && ch === '"') {
      quoted = true;
      started = false;
      i++;
      continue;
    }
    started = false;
    if (ch === "\t") {
      row.push(cell);
      cell = "";
      started = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      started = true;
    } else cell += ch;
    i++;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.length ? rows : [[""]];
}

function clipboardCell(t: string): string {
  return /[\t\n\r"]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

// ---- dropdowns -------------------------------------------------------------------------------------------------

let optionsFor = "";
/** Each list asked for: on a slow connection only the last one asked is shown (an earlier reply must not land last). */
let optionsAsked = 0;
async function showOptions(row: number, col: number, filter = "", standalone = false): Promise<void> {
  const key = `${grid.sheet}|${row}|${col}`;
  optionsFor = key;
  const asked = ++optionsAsked;
  const r = await api<{ options: string[] | null }>(`/api/options?sheet=${encodeURIComponent(grid.sheet)}&row=${row}&col=${col}`);
  if (asked !== optionsAsked || optionsFor !== key || !r.options) return;
  const ul = list();
  // Filtered by what is typed now, which may be more than when the list was asked for.
  const typed = !standalone && editing?.row === row && editing.col === col ? editor().value : filter;
  const f = typed.trim().toLowerCase();
  const items = r.options.filter((o) => !f || o.toLowerCase().includes(f) || standalone);
  ul.replaceChildren(
    ...items.map((o, i) => {
      const li = el("div", { textContent: o });
      li.setAttribute("role", "option");
      li.dataset.value = o;
      if (i === 0 && f) li.classList.add("hl");
      li.addEventListener("mousedown", (e) => {
        // Before the editor loses focus: the click picks this item.
        e.preventDefault();
        pick(row, col, o);
      });
      return li;
    }),
  );
  ul.setAttribute("aria-label", `Pilihan untuk ${colName(col)}${row}`);
  if (!items.length || !placeList(ul, row, col)) {
    ul.hidden = true;
    return;
  }
  ul.hidden = false;
}

function hideOptions(): void {
  optionsFor = "";
  list().hidden = true;
}

function pick(row: number, col: number, value: string): void {
  if (editing) void commitEdit(0, 0, value);
  else {
    hideOptions();
    gridEl().focus({ preventScroll: true });
    void submit("/api/edit", { sheet: grid.sheet, row, col, values: [[value]] });
  }
}

function highlight(step: number): boolean {
  const items = [...list().querySelectorAll<HTMLElement>("[role=option]")];
  if (list().hidden || !items.length) return false;
  const at = items.findIndex((x) => x.classList.contains("hl"));
  const next = Math.max(0, Math.min(items.length - 1, at + step));
  items.forEach((x, i) => {
    x.classList.toggle("hl", i === next);
  });
  items[next].scrollIntoView({ block: "nearest" });
  return true;
}

// ---- row header menu -------------------------------------------------------------------------------------------

function rowMenu(row: number, x: number, y: number): void {
  const menu = $("row-menu");
  const item = (label: string, op: "above" | "below" | "delete") => {
    const b = el("button", { type: "button", textContent: label });
    b.setAttribute("role", "menuitem");
    b.addEventListener("click", () => {
      menu.hidden = true;
      void submit("/api/rows", { sheet: grid.sheet, row, op });
    });
    return b;
  };
  menu.replaceChildren(item("Sisipkan 1 baris di atas", "above"), item("Sisipkan 1 baris di bawah", "below"), item(`Hapus baris ${row}`, "delete"));
  menu.style.left = `${x}px`;
  menu.style.top = `${y}px`;
  menu.hidden = false;
  (menu.querySelector("button") as HTMLButtonElement | null)?.focus();
}

// ---- events ----------------------------------------------------------------------------------------------------

export function initGrid(hooks: { refresh: () => Promise<void>; tabsChanged: () => void; rendered?: (v: SheetView) => void }): void {
  refreshAll = hooks.refresh;
  onTabs = hooks.tabsChanged;
  onRendered = hooks.rendered ?? (() => undefined);
  const g = gridEl();
  g.tabIndex = 0;

  g.addEventListener("mousedown", (e) => {
    const target = e.target as HTMLElement;
    if (target.closest("#cell-editor, #dd-list")) return;
    const td = target.closest("td");
    const tr = td?.closest("tr");
    if (!td || !tr || !grid.view) return;
    if (editing) void commitEdit(0, 0);
    const row = Number(tr.dataset.row);
    const col = Number(td.dataset.col);
    select(row, col, e.shiftKey);
    if (target.closest(".chk")) {
      e.preventDefault();
      g.focus({ preventScroll: true });
      toggle(row, col);
    } else if (target.closest(".dd")) {
      e.preventDefault();
      g.focus({ preventScroll: true });
      void showOptions(row, col, "", true);
    } else hideOptions();
  });
  g.addEventListener("scroll", () => {
    if (!editing) hideOptions();
  });
  g.addEventListener("dblclick", (e) => {
    const td = (e.target as HTMLElement).closest("td");
    if (!td || editing || (e.target as HTMLElement).closest(".chk, .dd")) return;
    startEdit("edit");
  });
  g.addEventListener("contextmenu", (e) => {
    const th = (e.target as HTMLElement).closest("th.rowh");
    if (!th) return;
    e.preventDefault();
    rowMenu(Number(th.closest("tr")?.dataset.row), e.clientX, e.clientY);
  });
  document.addEventListener("mousedown", (e) => {
    if (!(e.target as HTMLElement).closest("#row-menu")) $("row-menu").hidden = true;
  });

  g.addEventListener("keydown", (e) => {
    if (editing || e.target !== g) return;
    const s = grid.sel;
    if (!s) return;
    const cell = cellAt(s.row, s.col);
    const mod = e.ctrlKey || e.metaKey;
    if (!list().hidden && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      highlight(e.key === "ArrowDown" ? 1 : -1);
      return;
    }
    if (!list().hidden && e.key === "Enter") {
      const hl = list().querySelector<HTMLElement>("[role=option].hl");
      if (hl) {
        e.preventDefault();
        pick(s.row, s.col, hl.dataset.value ?? "");
        return;
      }
    }
    switch (e.key) {
      case "ArrowUp":
      case "ArrowDown":
      case "ArrowLeft":
      case "ArrowRight": {
        e.preventDefault();
        if (e.altKey && e.key === "ArrowDown" && cell?.dd) {
          void showOptions(s.row, s.col, "", true);
          return;
        }
        hideOptions();
        const [dr, dc] = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key];
        move(dr, dc, e.shiftKey);
        return;
      }
      case "Tab":
        e.preventDefault();
        hideOptions();
        move(0, e.shiftKey ? -1 : 1);
        return;
      case "Enter":
        e.preventDefault();
        if (e.shiftKey) move(-1, 0);
        else startEdit("edit");
        return;
      case "F2":
        e.preventDefault();
        startEdit("edit");
        return;
      case "Escape":
        hideOptions();
        return;
      case "Delete":
      case "Backspace":
        e.preventDefault();
        clearSelection();
        return;
      case " ":
        if (cell?.chk !== undefined) {
          e.preventDefault();
          toggle(s.row, s.col);
          return;
        }
    }
    if (e.key.length === 1 && !mod && !e.altKey) {
      // Typing replaces the cell, as in Sheets.
      e.preventDefault();
      startEdit("enter", e.key);
    }
  });

  const ed = editor();
  ed.addEventListener("keydown", (e) => {
    e.stopPropagation();
    const mode = editing?.mode;
    const listOpen = !list().hidden;
    if (e.key === "Escape") {
      e.preventDefault();
      cancelEdit();
    } else if (e.key === "Enter" && e.altKey) {
      // Alt+Enter: a new line inside the cell.
      e.preventDefault();
      const at = ed.selectionStart;
      ed.value = `${ed.value.slice(0, at)}\n${ed.value.slice(ed.selectionEnd)}`;
      ed.setSelectionRange(at + 1, at + 1);
      fitEditor(ed);
    } else if (e.key === "Enter") {
      e.preventDefault();
      const hl = listOpen ? list().querySelector<HTMLElement>("[role=option].hl") : null;
      void commitEdit(e.shiftKey ? -1 : 1, 0, hl?.dataset.value);
    } else if (e.key === "Tab") {
      e.preventDefault();
      const hl = listOpen ? list().querySelector<HTMLElement>("[role=option].hl") : null;
      void commitEdit(0, e.shiftKey ? -1 : 1, hl?.dataset.value);
    } else if (listOpen && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      highlight(e.key === "ArrowDown" ? 1 : -1);
    } else if (mode === "enter" && e.key.startsWith("Arrow")) {
      e.preventDefault();
      const [dr, dc] = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key as "ArrowUp"] ?? [0, 0];
      void commitEdit(dr, dc);
    }
  });
  ed.addEventListener("input", () => {
    fitEditor(ed);
    const e = editing;
    if (e && cellAt(e.row, e.col)?.dd) void showOptions(e.row, e.col, ed.value);
  });
  ed.addEventListener("blur", () => {
    // Clicking elsewhere keeps what was typed, as Sheets does.
    if (editing) void commitEdit(0, 0);
  });

  document.addEventListener("paste", (e) => {
    if (editing || document.activeElement !== g || !grid.sel) return;
    const text = e.clipboardData?.getData("text/plain") ?? "";
    e.preventDefault();
    const b = box()!;
    const values = parseClipboard(text);
    void submit("/api/edit", { sheet: grid.sheet, row: b.r1, col: b.c1, values }).then((ok) => {
      if (ok) {
        const w = Math.max(...values.map((r) => r.length));
        grid.sel = { row: b.r1, col: b.c1, row2: b.r1 + values.length - 1, col2: b.c1 + w - 1 };
        paintSelection();
      }
    });
  });
  document.addEventListener("copy", (e) => {
    if (editing || document.activeElement !== g || !grid.sel || !grid.view) return;
    const b = box()!;
    const lines: string[] = [];
    for (const r of rowOrder().filter((x) => x >= b.r1 && x <= b.r2)) {
      lines.push(
        colOrder()
          .filter((c) => c >= b.c1 && c <= b.c2)
          .map((c) => {
            const cell = cellAt(r, c);
            return clipboardCell(cell?.chk !== undefined ? String(cell.chk).toUpperCase() : (cell?.t ?? ""));
          })
          .join("\t"),
      );
    }
    e.clipboardData?.setData("text/plain", lines.join("\n"));
    e.preventDefault();
    toast(`${lines.length} baris disalin.`);
  });
}

/** Whether a cell is being edited (the page holds off redrawing under the person's fingers). */
export const isEditing = () => editing !== null;
