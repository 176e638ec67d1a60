// A person's edit in the grid, as Sheets takes it: protections (warning or editors only), data validation (refuse or
// mark), the value written with Range.setValues' parsing, then onEdit (simple and installable) and onChange fire with
// the event objects Google documents. Rows inserted or deleted fire onChange with INSERT_ROW / REMOVE_ROW.
import { toA1 } from "../fakes/a1";
import { isDate } from "../fakes/errors";
import type { FakeProtection } from "../fakes/protection";
import type { FakeSheet } from "../fakes/sheet";
import { offsetMinutes } from "../fakes/time-zone";
import { coerce, type Stored } from "../fakes/values";
import type { BundleContext } from "../load-bundle";
import { checkboxValues, refusal, ruleAt, violation } from "./validation";
import type { TabSession, Workspace } from "./workspace";

/** What the page asks: text typed or pasted at (row, col), a block cleared, or a checkbox toggled. */
export interface EditRequest {
  sheet: string;
  row: number;
  col: number;
  /** Typed or pasted text, row by row (one cell for typing). */
  values?: string[][];
  /** Delete/Backspace over a block of this size. */
  clear?: { numRows: number; numCols: number };
  /** A click on a checkbox: tick it when unticked and the other way round. */
  toggle?: boolean;
  /** The person already said yes to editing a warning-only protected range. */
  confirmed?: boolean;
}

export type EditOutcome =
  | { ok: true; cells: number; errors: string[] }
  | { ok: false; title: string; error: string }
  /** A warning-only protection: the page asks, and sends the edit again with confirmed. */
  | { ok: false; confirm: string };

const PROBLEM = "Ada masalah";
/** Sheets lets a paste this large through; beyond it the workspace refuses rather than stall. */
const MAX_PASTE_CELLS = 50_000;
const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1, feb: 2, februari: 2, february: 2, mar: 3, maret: 3, march: 3, apr: 4, april: 4,
  mei: 5, may: 5, jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, agu: 8, agt: 8, agustus: 8, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9, okt: 10, oktober: 10, oct: 10, october: 10, nov: 11, november: 11, des: 12, desember: 12, dec: 12, december: 12,
};

/**
 * Typed text as Sheets reads it in a day-first locale (in_ID): "20/11/2026", "20-11-2026 09.30" and "20 Nov 2026"
 * are dates. The fakes' setValue parsing knows ISO dates; these are turned into that form first, nothing else changes.
 */
export function localeTyped(text: string, locale: string): string {
  if (/^en_US$/i.test(locale)) return text;
  const t = text.trim();
  const time = "(?:\\s+(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?)?";
  const hm = (h?: string, m?: string, s?: string) => (h === undefined ? "" : ` ${h.padStart(2, "0")}:${m}${s ? `:${s}` : ""}`);
  const num = new RegExp(`^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})${time}$`).exec(t);
  if (num) {
    const [d, m, y] = [Number(num[1]), Number(num[2]), num[3]];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}${hm(num[4], num[5], num[6])}`;
  }
  const named = new RegExp(`^(\\d{1,2})\\s+([A-Za-z]+)\\.?\\s+(\\d{4})${time}$`).exec(t);
  if (named) {
    const m = MONTHS[named[2].toLowerCase()];
    const d = Number(named[1]);
    if (m && d >= 1 && d <= 31) return `${named[3]}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}${hm(named[4], named[5], named[6])}`;
  }
  return text;
}

/**
 * e.value and e.oldValue as Sheets hands them over: the value as text, TRUE/FALSE for booleans, a date as its serial
 * day number (Google documents only "the new cell value"; the forms here are assumed from what scripts observe).
 */
export function eventValue(v: Stored, tz: string): string | undefined {
  if (v === undefined || v === "") return undefined;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isDate(v)) {
    const ms = (v as Date).getTime();
    return String((ms + offsetMinutes(ms, tz) * 60_000) / 86_400_000 + 25569);
  }
  return String(v);
}

const overlaps = (a: { row: number; col: number; numRows: number; numCols: number }, b: typeof a) =>
  a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;

/** Protections an edit of the block touches: sheet protections count unless the block lies in an unprotected range. */
function protectionsOver(sheet: FakeSheet, block: { row: number; col: number; numRows: number; numCols: number }): FakeProtection[] {
  return sheet.protections.filter((p) => {
    if (p.type === "SHEET") return !p.unprotected.some((u) => u.row <= block.row && u.col <= block.col && u.row + u.numRows >= block.row + block.numRows && u.col + u.numCols >= block.col + block.numCols);
    return overlaps(p.range, block);
  });
}

/** Who may pass a protection: warning-only asks everyone; otherwise its editors and the owner only. */
function guard(ws: Workspace, sheet: FakeSheet, block: { row: number; col: number; numRows: number; numCols: number }, person: string, confirmed: boolean): EditOutcome | null {
  const hit = protectionsOver(sheet, block);
  const owner = sheet.spreadsheet.owner;
  if (hit.some((p) => !p.warningOnly && person !== owner && !p.editors.includes(person))) {
    return { ok: false, title: PROBLEM, error: "Anda mencoba mengedit sel atau objek yang dilindungi. Hubungi pemilik spreadsheet untuk menghapus perlindungan jika Anda perlu mengeditnya." };
  }
  const warn = hit.filter((p) => p.warningOnly);
  if (warn.length && !confirmed) {
    const what = [...new Set(warn.map((p) => p.description).filter(Boolean))];
    return { ok: false, confirm: `Anda mengedit rentang yang dilindungi${what.length ? ` (${what.join(", ")})` : ""}. Bagian sheet ini sebaiknya tidak diubah tanpa sengaja. Tetap edit?` };
  }
  void ws;
  return null;
}

function sameDomain(a: string, b: string): boolean {
  const d = (x: string) => x.slice(x.lastIndexOf("@") + 1).toLowerCase();
  return !!a && !!b && d(a) === d(b);
}

/**
 * The active user of a trigger fired by this person's edit: Google gives it when the editor and the script's owner
 * share a Workspace domain, and a blank address otherwise.
 */
function triggerUser(ws: Workspace, person: string): string {
  return sameDomain(person, ws.world.spreadsheet.owner) ? person : "";
}

interface Fired {
  sheet: string;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  value?: string;
  oldValue?: string;
}

/** onEdit(e): the simple trigger (LIMITED) and each installable edit trigger (FULL, as its owner) on this spreadsheet. */
export function fireEdit(ws: Workspace, tab: TabSession | null, person: string, edit: Fired): string[] {
  const world = ws.world;
  const errors: string[] = [];
  const user = triggerUser(ws, person);
  const event =
    (authMode: "LIMITED" | "FULL", triggerUid?: string) =>
    (ctx: BundleContext): unknown[] => {
      const source = ctx.SpreadsheetApp.getActiveSpreadsheet();
      const e: Record<string, unknown> = {
        authMode: ctx.ScriptApp.AuthMode[authMode],
        range: source.getSheetByName(edit.sheet).getRange(edit.row, edit.col, edit.numRows, edit.numCols),
        source,
        user: ctx.Session.getActiveUser(),
      };
      if (triggerUid) e.triggerUid = triggerUid;
      // Only for a single cell, as documented; an empty cell has no value and a cell that was empty no oldValue.
      if (edit.numRows === 1 && edit.numCols === 1) {
        if (edit.value !== undefined) e.value = edit.value;
        if (edit.oldValue !== undefined) e.oldValue = edit.oldValue;
      }
      return [e];
    };
  const simple = ws.run("onEdit", event("LIMITED"), "simple-trigger", person, { tab, exec: { user }, optional: true });
  if (!simple.ok) errors.push(simple.error ?? "");
  for (const t of world.triggers.filter((x) => x.eventType === "ON_EDIT" && x.sourceId === world.spreadsheet.id)) {
    const out = ws.run(t.handler, event("FULL", t.id), "trigger", t.owner, { tab, exec: { user } });
    if (!out.ok) errors.push(out.error ?? "");
  }
  errors.push(...fireChange(ws, tab, person, "EDIT"));
  return errors;
}

/** onChange(e) of each installable change trigger on this spreadsheet, as its owner (FULL). */
export function fireChange(ws: Workspace, tab: TabSession | null, person: string, changeType: "EDIT" | "INSERT_ROW" | "REMOVE_ROW" | "INSERT_COLUMN" | "REMOVE_COLUMN" | "INSERT_GRID" | "REMOVE_GRID" | "FORMAT" | "OTHER"): string[] {
  const world = ws.world;
  const errors: string[] = [];
  const user = triggerUser(ws, person);
  for (const t of world.triggers.filter((x) => x.eventType === "ON_CHANGE" && x.sourceId === world.spreadsheet.id)) {
    const out = ws.run(
      t.handler,
      (ctx) => [{ authMode: ctx.ScriptApp.AuthMode.FULL, changeType, source: ctx.SpreadsheetApp.getActiveSpreadsheet(), triggerUid: t.id, user: ctx.Session.getActiveUser() }],
      "trigger",
      t.owner,
      { tab, exec: { user } },
    );
    if (!out.ok) errors.push(out.error ?? "");
  }
  return errors;
}

/** Applies one edit as the person in the tab; refuses it (changing nothing) when Sheets would. */
export function applyEdit(ws: Workspace, tab: TabSession, person: string, req: EditRequest): EditOutcome {
  const world = ws.world;
  const ss = world.spreadsheet;
  const sheet = ss.sheetNamed_(String(req.sheet ?? ""));
  if (!sheet) return { ok: false, title: PROBLEM, error: "Sheet itu tidak ada lagi." };
  const row = Math.floor(Number(req.row));
  const col = Math.floor(Number(req.col));
  if (!(row >= 1 && col >= 1 && row <= sheet.grid.maxRows && col <= sheet.grid.maxCols)) return { ok: false, title: PROBLEM, error: "Sel itu di luar sheet." };
  const tz = ss.timeZone;

  let texts: (string | null)[][];
  if (req.clear) {
    const nr = Math.max(1, Math.min(Math.floor(Number(req.clear.numRows)) || 1, sheet.grid.maxRows - row + 1));
    const nc = Math.max(1, Math.min(Math.floor(Number(req.clear.numCols)) || 1, sheet.grid.maxCols - col + 1));
    texts = Array.from({ length: nr }, () => new Array<string | null>(nc).fill(null));
  } else if (req.toggle) {
    texts = [[null]];
  } else if (Array.isArray(req.values) && req.values.length && req.values.every(Array.isArray)) {
    const width = Math.max(...req.values.map((r) => r.length));
    texts = req.values.map((r) => Array.from({ length: width }, (_, j) => (r[j] === undefined || r[j] === null ? "" : String(r[j]))));
  } else return { ok: false, title: PROBLEM, error: "Tidak ada yang diubah." };
  const numRows = texts.length;
  const numCols = texts[0].length;
  if (numRows * numCols > MAX_PASTE_CELLS) return { ok: false, title: PROBLEM, error: `Tempelan terlalu besar (${numRows * numCols} sel; paling banyak ${MAX_PASTE_CELLS}).` };
  // A paste past the last row or column grows the sheet, as Sheets does.
  if (col + numCols - 1 > sheet.grid.maxCols && !req.clear) sheet.grid.maxCols = col + numCols - 1;
  if (row + numRows - 1 > sheet.grid.maxRows && !req.clear) sheet.grid.maxRows = row + numRows - 1;
  const block = { row, col, numRows, numCols };

  const blocked = guard(ws, sheet, block, person, !!req.confirmed);
  if (blocked) return blocked;

  // Every cell is read as Sheets would read it, and checked against its rule, before anything is written.
  const inputs: unknown[][] = [];
  for (let i = 0; i < numRows; i++) {
    const input: unknown[] = [];
    for (let j = 0; j < numCols; j++) {
      const r = row + i;
      const c = col + j;
      const t = texts[i][j];
      let value: Stored;
      let raw: unknown;
      if (req.toggle) {
        const rule = ruleAt(sheet, r, c);
        if (rule?.spec.criteria !== "CHECKBOX") return { ok: false, title: PROBLEM, error: "Sel ini bukan kotak centang." };
        const [on, off] = checkboxValues(rule!);
        const now = sheet.grid.value(r - 1, c - 1);
        raw = now === on ? off : on;
        value = raw === "" ? undefined : (raw as Stored);
      } else if (t === null) {
        raw = null;
        value = undefined;
      } else {
        raw = localeTyped(t, ss.locale);
        const w = coerce(raw, sheet.grid.attrs(r - 1, c - 1)?.numberFormat, tz);
        value = w.formula !== undefined ? undefined : w.value;
        // A formula's result is not computed here, so it is not checked either.
        if (w.formula !== undefined) {
          input.push(raw);
          continue;
        }
      }
      const rule = ruleAt(sheet, r, c);
      const why = rule ? violation(rule, value, { sheet, row: r, col: c }) : null;
      if (rule && why && !rule.spec.allowInvalid) return { ok: false, title: PROBLEM, error: refusal(rule, why, r, c) };
      input.push(raw);
    }
    inputs.push(input);
  }

  const single = numRows === 1 && numCols === 1;
  const old = single ? eventValue(sheet.grid.value(row - 1, col - 1), tz) : undefined;
  const range = sheet.range_(row, col, numRows, numCols);
  if (req.clear) range.clearContent();
  else range.setValues(inputs.map((r) => r.map((x) => (x === null ? "" : x))));
  ws.seq++;
  const now = single ? eventValue(sheet.grid.value(row - 1, col - 1), tz) : undefined;
  const errors = fireEdit(ws, tab, person, { sheet: sheet.name, row, col, numRows, numCols, value: now, oldValue: old });
  for (const e of errors) ws.notify("error", "Pemicu edit gagal", e, tab);
  return { ok: true, cells: numRows * numCols, errors };
}

export interface RowsRequest {
  sheet: string;
  row: number;
  /** above/below: insert one row there; delete: remove the row. */
  op: "above" | "below" | "delete";
  confirmed?: boolean;
}

/** Inserts or deletes a row as the person in the tab (Sheets' row header menu), then fires onChange. */
export function changeRows(ws: Workspace, tab: TabSession, person: string, req: RowsRequest): EditOutcome {
  const ss = ws.world.spreadsheet;
  const sheet = ss.sheetNamed_(String(req.sheet ?? ""));
  if (!sheet) return { ok: false, title: PROBLEM, error: "Sheet itu tidak ada lagi." };
  const row = Math.floor(Number(req.row));
  if (!(row >= 1 && row <= sheet.grid.maxRows)) return { ok: false, title: PROBLEM, error: "Baris itu di luar sheet." };
  if (req.op !== "delete" && req.op !== "above" && req.op !== "below") return { ok: false, title: PROBLEM, error: "Tindakan baris tidak dikenal." };
  if (req.op === "delete") {
    const blocked = guard(ws, sheet, { row, col: 1, numRows: 1, numCols: sheet.grid.maxCols }, person, !!req.confirmed);
    if (blocked) return blocked;
  }
  try {
    if (req.op === "delete") sheet.deleteRow(row);
    else {
      const at = req.op === "above" ? row : row + 1;
      if (req.op === "above") sheet.insertRowBefore(row);
      else sheet.insertRowAfter(row);
      copyRowFormat(sheet, at);
    }
  } catch (err) {
    return { ok: false, title: PROBLEM, error: err instanceof Error ? err.message : String(err) };
  }
  ws.seq++;
  const errors = fireChange(ws, tab, person, req.op === "delete" ? "REMOVE_ROW" : "INSERT_ROW");
  for (const e of errors) ws.notify("error", "Pemicu perubahan gagal", e, tab);
  return { ok: true, cells: 0, errors };
}

/** The "+" beside the sheet tabs: a new empty sheet at the end, named as Sheets names it, then onChange INSERT_GRID. */
export function addSheet(ws: Workspace, tab: TabSession, person: string): { ok: true; name: string; errors: string[] } {
  const ss = ws.world.spreadsheet;
  let n = ss.sheets.length + 1;
  while (ss.sheetNamed_(`Sheet${n}`)) n++;
  const sheet = ss.addSheet_(`Sheet${n}`, ss.sheets.length);
  ws.select(tab, sheet.name, 0, 0);
  ws.seq++;
  const errors = fireChange(ws, tab, person, "INSERT_GRID");
  for (const e of errors) ws.notify("error", "Pemicu perubahan gagal", e, tab);
  return { ok: true, name: sheet.name, errors };
}

/**
 * A row inserted in Sheets takes the formats and validation of the row above it (below it when above is the frozen
 * header), so a register's dropdowns and date formats reach the new row.
 */
function copyRowFormat(sheet: FakeSheet, at: number): void {
  const from = at - 1 > sheet.frozenRows ? at - 1 : at + 1;
  const src = sheet.grid.rows[from - 1]?.a;
  if (!src || from < 1 || from > sheet.grid.maxRows) return;
  src.forEach((a, c) => {
    if (!a) return;
    const { formula: _f, note: _n, ...format } = a;
    sheet.grid.setAttrs(at - 1, c, format);
  });
}

/** "B7", for messages. */
export const cellName = (row: number, col: number) => toA1(row, col, 1, 1);
