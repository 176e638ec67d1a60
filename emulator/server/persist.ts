// Saves a World to JSON and loads it back: spreadsheets with formats, rules and charts, stores, triggers, outbox, Drive items, clock.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CacheStore } from "../fakes/cache";
import { type ChartSpec, FakeEmbeddedChart } from "../fakes/chart";
import { FakeConditionalFormatRule } from "../fakes/conditional-format";
import { FakeDataValidation } from "../fakes/data-validation";
import { type DocData, DocRecord } from "../fakes/drive-record";
import { isDate } from "../fakes/errors";
import type { CellAttrs, Row } from "../fakes/grid";
import type { SentMail } from "../fakes/mail";
import { PropertyStore } from "../fakes/properties";
import { FakeProtection } from "../fakes/protection";
import { FakeRange } from "../fakes/range";
import { FakeSheet } from "../fakes/sheet";
import { FakeSpreadsheet } from "../fakes/spreadsheet";
import type { TriggerRecord } from "../fakes/triggers";
import type { World } from "../fakes/world";

export const SNAPSHOT_VERSION = 1;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type RangeRef = [sheet: string, row: number, col: number, numRows: number, numCols: number];

interface SheetSnap {
  name: string;
  sheetId: number;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  tabColor: string | null;
  colWidths: [number, number][];
  rowHeights: [number, number][];
  hiddenCols: number[];
  hiddenRows: number[];
  /**
   * [first row index, values, index into attrRows or -1, how many rows]: rows that repeat (no values, the same
   * formats, as a formatted register's thousand empty rows do) are one entry.
   */
  rows: [number, Json[], number, number][];
  /** Each distinct row of cell attributes, as indexes into attrs (-1: none). */
  attrRows: number[][];
  attrs: Json[];
  rules: Json[];
  protections: Json[];
  /** Each chart's id, type, ranges (as A1 references), options, position, headers and transposition. */
  charts?: Json[];
}

export interface SpreadsheetSnap {
  id: string;
  name: string;
  timeZone: string;
  owner: string;
  locale: string;
  editors: string[];
  viewers: string[];
  active: string | null;
  sheets: SheetSnap[];
  namedRanges: [string, Json][];
}

export interface Snapshot {
  version: number;
  savedAt: number;
  /** The simulated time when saved: the clock resumes from here. */
  now: number;
  boundId: string;
  spreadsheets: SpreadsheetSnap[];
  scriptProps: [string, string][];
  userProps: [string, [string, string][]][];
  documentProps: [string, [string, string][]][];
  caches: { script: Json; user: [string, Json][]; document: [string, Json][] };
  triggers: TriggerRecord[];
  outbox: Json[];
  mailUsed: [string, number][];
  documents: DocData[];
  /** Whatever the workspace itself keeps (act-as user, sidebar, trigger schedule). */
  workspace: Json;
}

/** Cell values and rule arguments to JSON: dates, ranges and validation rules are tagged. */
function encode(v: unknown): Json {
  if (v === undefined || v === null) return null;
  if (isDate(v)) return { $d: (v as Date).getTime() };
  if (v instanceof FakeRange) return { $r: rangeRef(v) };
  if (v instanceof FakeDataValidation) return { $dv: encode(v.spec) };
  if (Array.isArray(v)) return v.map(encode);
  if (typeof v === "object") {
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = encode(x);
    return out;
  }
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return v as Json;
}

function rangeRef(r: FakeRange): RangeRef {
  return [r.sheet.name, r.row, r.col, r.numRows, r.numCols];
}

function decode(v: Json, ss: FakeSpreadsheet, world: World): unknown {
  if (v === null) return undefined;
  if (Array.isArray(v)) return v.map((x) => decode(x, ss, world));
  if (typeof v === "object") {
    if ("$d" in v) return new Date(v.$d as number);
    if ("$r" in v) return rangeOf(ss, v.$r as RangeRef);
    if ("$dv" in v) return new FakeDataValidation(world, decode(v.$dv, ss, world) as FakeDataValidation["spec"]);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = decode(x, ss, world);
    return out;
  }
  return v;
}

function rangeOf(ss: FakeSpreadsheet, [sheet, row, col, numRows, numCols]: RangeRef): FakeRange {
  const s = ss.sheetNamed_(sheet);
  if (!s) throw new Error(`snapshot names a missing sheet: ${sheet}`);
  return new FakeRange(s.world, s, row, col, numRows, numCols);
}

/** Interns JSON values by their text, so a thousand identical formats are stored once. */
class Interner {
  readonly list: Json[] = [];
  private readonly index = new Map<string, number>();
  add(v: Json): number {
    const key = JSON.stringify(v);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(v);
      this.index.set(key, i);
    }
    return i;
  }
}

function snapSheet(s: FakeSheet): SheetSnap {
  const attrs = new Interner();
  const attrRows = new Interner();
  // Cells share their attribute records (emulator/fakes/grid.ts): each record is encoded and interned once.
  const recordIndex = new Map<object, number>();
  const indexOf = (rec: object): number => {
    let i = recordIndex.get(rec);
    if (i === undefined) {
      i = attrs.add(encode(rec));
      recordIndex.set(rec, i);
    }
    return i;
  };
  const rows: SheetSnap["rows"] = [];
  s.grid.rows.forEach((row: Row | undefined, i) => {
    if (!row) return;
    const values = Array.from({ length: row.v.length }, (_, c) => encode(row.v[c]));
    const a = row.a ? attrRows.add(Array.from({ length: row.a.length }, (_, c) => (row.a?.[c] ? indexOf(row.a[c] as object) : -1))) : -1;
    const prev = rows[rows.length - 1];
    if (prev && !values.length && !prev[1].length && prev[2] === a && prev[0] + prev[3] === i) prev[3]++;
    else rows.push([i, values, a, 1]);
  });
  return {
    name: s.name,
    sheetId: s.sheetId,
    maxRows: s.grid.maxRows,
    maxCols: s.grid.maxCols,
    frozenRows: s.frozenRows,
    frozenCols: s.frozenCols,
    hidden: s.hidden,
    tabColor: s.tabColor,
    colWidths: [...s.colWidths],
    rowHeights: [...s.rowHeights],
    hiddenCols: [...s.hiddenCols],
    hiddenRows: [...s.hiddenRows],
    rows,
    attrRows: attrRows.list as number[][],
    attrs: attrs.list,
    rules: s.rules.map((r) => encode(r.spec)),
    protections: s.protections.map((p) =>
      encode({ type: p.type, range: p.range, description: p.description, warningOnly: p.warningOnly, domainEdit: p.domainEdit, editors: p.editors, unprotected: p.unprotected }),
    ),
    charts: s.charts.map((c) => encode({ id: c.chartId, ...c.spec })),
  };
}

function snapSpreadsheet(ss: FakeSpreadsheet): SpreadsheetSnap {
  return {
    id: ss.id,
    name: ss.name,
    timeZone: ss.timeZone,
    owner: ss.owner,
    locale: ss.locale,
    editors: [...ss.editors],
    viewers: [...ss.viewers],
    active: ss.activeSheet?.name ?? null,
    sheets: ss.sheets.map(snapSheet),
    namedRanges: [...ss.namedRanges].map(([n, r]) => [n, encode(r)]),
  };
}

const storeEntries = (s: PropertyStore): [string, string][] => [...s.map];
/** The entries still alive at `now`: an expired one can never be read again (Cache.get drops it when it meets it). */
const cacheJson = (c: CacheStore, now: number): Json => encode(Object.fromEntries([...c.map].filter(([, e]) => e.expires > now)));

export function snapshot(world: World, workspace: Json): Snapshot {
  return {
    version: SNAPSHOT_VERSION,
    savedAt: Date.now(),
    now: world.now(),
    boundId: world.spreadsheet.id,
    spreadsheets: [...world.spreadsheets.values()].map(snapSpreadsheet),
    scriptProps: storeEntries(world.stores.script),
    userProps: [...world.stores.user].map(([k, s]) => [k, storeEntries(s)]),
    documentProps: [...world.stores.document].map(([k, s]) => [k, storeEntries(s)]),
    caches: {
      script: cacheJson(world.caches.script, world.now()),
      user: [...world.caches.user].map(([k, c]) => [k, cacheJson(c, world.now())]),
      document: [...world.caches.document].map(([k, c]) => [k, cacheJson(c, world.now())]),
    },
    triggers: world.triggers.map((t) => ({ ...t, schedule: encode(t.schedule) as Record<string, unknown> })),
    outbox: world.outbox.map((m) => encode(m)),
    mailUsed: [...world.mail.used],
    documents: [...world.documents.values()],
    workspace,
  };
}

function restoreSheets(world: World, ss: FakeSpreadsheet, snap: SpreadsheetSnap): void {
  ss.sheets = snap.sheets.map((s) => {
    const sheet = new FakeSheet(world, ss, s.name, s.sheetId, s.maxRows, s.maxCols);
    return sheet;
  });
  // addSheet_ gives id 0 to a spreadsheet's first sheet only: a restored one has had its first.
  (ss as unknown as { nextSheetId: number }).nextSheetId = snap.sheets.length;
  // Cells first, then anything that points at ranges (validation lists from ranges, rules, protections).
  snap.sheets.forEach((s, i) => {
    const sheet = ss.sheets[i];
    Object.assign(sheet, { frozenRows: s.frozenRows, frozenCols: s.frozenCols, hidden: s.hidden, tabColor: s.tabColor });
    for (const [k, v] of s.colWidths) sheet.colWidths.set(k, v);
    for (const [k, v] of s.rowHeights) sheet.rowHeights.set(k, v);
    for (const c of s.hiddenCols) sheet.hiddenCols.add(c);
    for (const r of s.hiddenRows) sheet.hiddenRows.add(r);
  });
  snap.sheets.forEach((s, i) => {
    const sheet = ss.sheets[i];
    const attrs = s.attrs.map((x) => Object.freeze(decode(x, ss, world) as CellAttrs));
    for (const [r, values, a, repeat] of s.rows) {
      for (let k = 0; k < repeat; k++) {
        sheet.grid.rows[r + k] = {
          v: values.map((x) => decode(x, ss, world) as Row["v"][number]),
          // Attribute records are immutable (grid.ts), so cells share them.
          ...(a >= 0 ? { a: s.attrRows[a].map((j) => (j < 0 ? undefined : attrs[j])) } : {}),
        };
      }
    }
    sheet.grid.touch();
    sheet.rules = s.rules.map((r) => new FakeConditionalFormatRule(world, decode(r, ss, world) as FakeConditionalFormatRule["spec"]));
    sheet.protections = s.protections.map((raw) => {
      const p = decode(raw, ss, world) as { type: "RANGE" | "SHEET"; range: FakeRange } & Partial<FakeProtection>;
      const protection = new FakeProtection(world, p.type, sheet, p.range);
      Object.assign(protection, { description: p.description ?? "", warningOnly: !!p.warningOnly, domainEdit: !!p.domainEdit, editors: p.editors ?? [], unprotected: p.unprotected ?? [] });
      return protection;
    });
    sheet.charts = (s.charts ?? []).map((raw) => {
      const c = decode(raw, ss, world) as Partial<ChartSpec> & { id?: number };
      const spec: ChartSpec = {
        type: c.type ?? null,
        ranges: c.ranges ?? [],
        options: c.options ?? {},
        position: { row: 1, col: 1, offsetX: 0, offsetY: 0, ...c.position },
        numHeaders: c.numHeaders ?? -1,
        transpose: !!c.transpose,
      };
      return new FakeEmbeddedChart(world, sheet, spec, c.id ?? null);
    });
  });
  for (const [name, r] of snap.namedRanges) ss.namedRanges.set(name, decode(r, ss, world) as FakeRange);
  ss.activeSheet = snap.active ? (ss.sheetNamed_(snap.active) ?? null) : null;
  Object.assign(ss, { name: snap.name, timeZone: snap.timeZone, locale: snap.locale, editors: snap.editors, viewers: snap.viewers });
}


function fillStore(store: PropertyStore, entries: [string, string][]): PropertyStore {
  for (const [k, v] of entries) store.map.set(k, v);
  return store;
}

function fillCache(cache: CacheStore, json: Json): CacheStore {
  for (const [k, v] of Object.entries((json ?? {}) as Record<string, { value: string; expires: number }>)) cache.map.set(k, v);
  return cache;
}

/** Loads a snapshot into a World created with the snapshot's bound spreadsheet id. */
export function restore(world: World, snap: Snapshot): void {
  if (snap.version !== SNAPSHOT_VERSION) throw new Error(`unknown snapshot version ${snap.version}`);
  for (const s of snap.spreadsheets) {
    const ss = s.id === world.spreadsheet.id ? world.spreadsheet : new FakeSpreadsheet(world, s.id, s.name, s.timeZone, s.owner);
    world.spreadsheets.set(ss.id, ss);
    restoreSheets(world, ss, s);
  }
  fillStore(world.stores.script, snap.scriptProps);
  for (const [k, e] of snap.userProps) world.stores.user.set(k, fillStore(new PropertyStore(), e));
  for (const [k, e] of snap.documentProps) world.stores.document.set(k, fillStore(new PropertyStore(), e));
  fillCache(world.caches.script, snap.caches.script);
  for (const [k, c] of snap.caches.user) world.caches.user.set(k, fillCache(new CacheStore(), c));
  for (const [k, c] of snap.caches.document) world.caches.document.set(k, fillCache(new CacheStore(), c));
  world.triggers = snap.triggers.map((t) => ({ ...t, schedule: decode(t.schedule as Json, world.spreadsheet, world) as Record<string, unknown> }));
  world.outbox.push(...snap.outbox.map((m) => decode(m, world.spreadsheet, world) as SentMail));
  for (const [k, n] of snap.mailUsed) world.mail.used.set(k, n);
  for (const d of snap.documents) world.documents.set(d.id, DocRecord.from(d));
}

/**
 * The spreadsheets alone (cells, formats, rules, protections, charts), for the fault sweep: what the last
 * SpreadsheetApp.flush() held, so an execution that ended can lose the writes it had not flushed.
 */
export function snapshotSpreadsheets(world: World): SpreadsheetSnap[] {
  return [...world.spreadsheets.values()].map(snapSpreadsheet);
}

/**
 * Puts the spreadsheets back as `snaps` held them; stores, mail, Drive and triggers stay as they are. Sheet ids are
 * never handed out again (Sheets makes them at random), and a spreadsheet made after the snapshot stays.
 */
export function restoreSpreadsheets(world: World, snaps: SpreadsheetSnap[]): void {
  for (const s of snaps) {
    const ss = world.spreadsheets.get(s.id);
    if (!ss) continue;
    const counter = ss as unknown as { nextSheetId: number };
    const next = counter.nextSheetId;
    ss.namedRanges.clear();
    ss.activeRange = null;
    restoreSheets(world, ss, s);
    counter.nextSheetId = Math.max(next, counter.nextSheetId);
  }
}

const FILE = "workbook.json";

export function readSnapshot(dir: string): Snapshot | null {
  const path = join(dir, FILE);
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, "utf8")) as Snapshot;
}

/** Writes through a temporary file, so a crash mid-write never leaves half a workbook. */
export function writeSnapshot(dir: string, snap: Snapshot): void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, FILE);
  writeFileSync(`${path}.tmp`, JSON.stringify(snap));
  renameSync(`${path}.tmp`, path);
}
