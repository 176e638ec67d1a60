// The World: one in-memory Google account for tests and the local workspace — spreadsheets, clock, users, mail, stores, locks, triggers, counters.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST } from "../paths";
import { CacheStore } from "./cache";
import { Counter } from "./counter";
import type { DocRecord } from "./documents";
import { accessOf } from "./drive-record";
import { gasError } from "./errors";
import { type ScriptGlobals, type Services, createGlobals, createServices } from "./globals";
import { LockTable } from "./lock";
import type { LogEntry } from "./logger";
import type { SentMail } from "./mail";
import type { Realm } from "./membrane";
import { PropertyStore } from "./properties";
import type { AuthModeName } from "./script-app";
import type { FakeSheet } from "./sheet";
import { FakeSpreadsheet } from "./spreadsheet";
import type { TriggerRecord } from "./triggers";
import { FakeUi, type UiLog, newUiLog } from "./ui";
import { type Stored, readCell } from "./values";
import { mulberry32 } from "../random";

export interface WorldOptions {
  /** Wall clock in ms; the world adds its own offset (Utilities.sleep, lock waits). Default Date.now. */
  now?: () => number;
  /** Who runs executions by default (active and effective user); also owns the bound spreadsheet. */
  user?: string;
  timeZone?: string;
  /** Seeds ids and UUIDs so runs repeat. */
  seed?: number;
  /** Where createHtmlOutputFromFile finds "Name.html" (default: dist/ of this repo). */
  htmlDir?: string;
  serviceUrl?: string;
  /** Email recipients per day (consumer Gmail: 100). */
  mailQuota?: number;
  spreadsheetName?: string;
  spreadsheetId?: string;
  scriptId?: string;
  /** Sheet names of the bound spreadsheet (default ["Sheet1"]). */
  sheets?: string[];
  /**
   * The OAuth scopes the script declared: DriveApp needs the full drive scope, the advanced Drive service with only
   * drive.file reaches what the script made for the user. Default: appsscript.json beside the HTML files (dist/), as
   * Apps Script grants what the manifest lists; null grants everything (tests of single services).
   */
  oauthScopes?: string[] | null;
}

/** Who and how the current execution runs. */
export interface Execution {
  id: string;
  /** Session.getActiveUser().getEmail(): "" in simple triggers and for outsiders of an "execute as me" web app. */
  user: string;
  effectiveUser: string;
  /** SpreadsheetApp.getUi() works (false in triggers and the web app). */
  ui: boolean;
  /** There is an active (container) spreadsheet, document lock and properties (false in the web app). */
  bound: boolean;
  authMode: AuthModeName;
  locale: string;
  /** Set by within(): when the execution began, in simulated and in real time (for the 6-minute limit). */
  started?: { simulated: number; real: number };
}

/** Apps Script stops an execution after 6 minutes. */
export const MAX_EXECUTION_MS = 6 * 60 * 1000;

export type ExecutionKind = "editor" | "open-none" | "simple-trigger" | "trigger" | "time-trigger" | "webapp";

const rng = mulberry32;

const NO_AUTH_NEEDED = new Set(["Ui", "Menu", "Logger", "console"]);
const SCOPES: Record<string, string> = {
  SpreadsheetApp: "https://www.googleapis.com/auth/spreadsheets",
  MailApp: "https://www.googleapis.com/auth/script.send_mail",
  GmailApp: "https://mail.google.com/",
  ScriptApp: "https://www.googleapis.com/auth/script.scriptapp",
  DocumentApp: "https://www.googleapis.com/auth/documents",
  DriveApp: "https://www.googleapis.com/auth/drive",
  HtmlService: "https://www.googleapis.com/auth/script.container.ui",
};

export class World {
  readonly counter = new Counter();
  /** Simulated time that passed on the clock (sleeps, lock waits, the workspace clock), for the execution limit. */
  simulatedMs = 0;
  readonly clock: { now: () => number; advance: (ms: number) => void };
  readonly random: () => number;
  readonly timeZone: string;
  readonly owner: string;
  readonly scriptId: string;
  htmlDir: string;
  serviceUrl: string;
  readonly spreadsheets = new Map<string, FakeSpreadsheet>();
  /** The spreadsheet the script is bound to (getActiveSpreadsheet). */
  readonly spreadsheet: FakeSpreadsheet;
  readonly stores = { script: new PropertyStore(), user: new Map<string, PropertyStore>(), document: new Map<string, PropertyStore>() };
  readonly caches = { script: new CacheStore(), user: new Map<string, CacheStore>(), document: new Map<string, CacheStore>() };
  readonly locks = new LockTable();
  triggers: TriggerRecord[] = [];
  readonly outbox: SentMail[] = [];
  readonly mail: { quota: number; used: Map<string, number> };
  readonly ui: UiLog = newUiLog();
  readonly logs: LogEntry[] = [];
  readonly documents = new Map<string, DocRecord>();
  flushes = 0;
  /**
   * Test hooks on every service call (see test/faults and the setup tests): `latency` advances the clock by the time a
   * call would take on Google's servers (a model, stated in the fidelity table); `fault` fails one call with Apps
   * Script's server error, or ends the execution just before or just after it. An ended execution runs on in JavaScript
   * (its catch and finally blocks) but no later call of it reaches a service: to the World it is gone.
   */
  latency: ((kind: string, method: string) => number) | null = null;
  fault: { at: number; mode: "throw" | "end-before" | "end-after" } | null = null;
  /** Calls made since the fault plan was set (the k of "the k-th call"). */
  faultCalls = 0;
  ended = false;
  /** Called at each SpreadsheetApp.flush() (the fault sweep keeps what was flushed). */
  onFlush: (() => void) | null = null;
  /**
   * Called before every service call, with its kind and method: a test does something "at the same moment" there —
   * a person sorting a register between an action's read and its write — or ends the execution at a chosen call.
   */
  onCall: ((kind: string, method: string) => void) | null = null;
  /** The execution whose calls are being answered. */
  exec: Execution;
  /** Set by the concurrency scheduler: lock waits are then simulated by it, not by the lock itself. */
  scheduledLocks = false;
  /** Realm of the script making the current call (templates evaluate there). */
  callRealm: Realm | undefined;
  readonly services: Services;
  private nodeGlobals: ScriptGlobals | undefined;
  private scopes: string[] | null | undefined;

  constructor(options: WorldOptions = {}) {
    const base = options.now ?? Date.now;
    let offset = 0;
    this.clock = {
      now: () => base() + offset,
      advance: (ms) => {
        offset += ms;
        this.simulatedMs += ms;
      },
    };
    this.random = rng(options.seed ?? Math.floor(Math.random() * 2 ** 32));
    this.timeZone = options.timeZone ?? "Asia/Jakarta";
    this.owner = options.user ?? "admin@example.com";
    this.scriptId = options.scriptId ?? "1AlurEmulatorScriptId";
    this.htmlDir = options.htmlDir ?? DIST;
    this.serviceUrl = options.serviceUrl ?? "http://localhost:3000/exec";
    this.mail = { quota: options.mailQuota ?? 100, used: new Map() };
    this.scopes = options.oauthScopes;
    this.exec = this.execution("editor");
    this.services = createServices(this);
    this.spreadsheet = this.createSpreadsheet(options.spreadsheetName ?? "Alur", { id: options.spreadsheetId, sheets: options.sheets });
  }

  get uiService(): FakeUi {
    this._ui ??= new FakeUi(this);
    return this._ui;
  }
  private _ui: FakeUi | undefined;

  now(): number {
    return this.clock.now();
  }

  /**
   * A typical execution: "editor" (menu, sidebar), "open-none" (onOpen before the add-on is used in the document),
   * "simple-trigger" (onOpen/onEdit: no active user email), "trigger" (installable, as its creator), "time-trigger"
   * (no container), "webapp" (no container, no UI, runs as the deployer).
   */
  execution(kind: ExecutionKind, user: string = this.owner, id = "main"): Execution {
    const base: Execution = { id, user, effectiveUser: user, ui: true, bound: true, authMode: "FULL", locale: "id" };
    if (kind === "open-none") return { ...base, user: "", authMode: "NONE" };
    if (kind === "simple-trigger") return { ...base, user: "", authMode: "LIMITED" };
    if (kind === "trigger") return { ...base, ui: false };
    if (kind === "time-trigger") return { ...base, ui: false, bound: false };
    if (kind === "webapp") return { ...base, ui: false, bound: false, effectiveUser: this.owner };
    return base;
  }

  /** Runs fn as another execution, then restores the current one. */
  within<T>(exec: Partial<Execution> | ExecutionKind, fn: () => T): T {
    const saved = this.exec;
    // A person running something from the spreadsheet (menu, sidebar) is both its active and its effective user.
    const own = typeof exec !== "string" && exec.user && exec.effectiveUser === undefined && (exec.ui ?? saved.ui) && (exec.bound ?? saved.bound);
    this.exec = typeof exec === "string" ? this.execution(exec) : { ...saved, ...exec, ...(own ? { effectiveUser: exec.user } : {}) };
    this.exec.started = { simulated: this.simulatedMs, real: Date.now() };
    try {
      return fn();
    } finally {
      this.exec = saved;
    }
  }

  /** Node-side globals (dates stay Node dates). Do not hand this object to vm.createContext: use createGlobals(). */
  get globals(): ScriptGlobals["globals"] {
    this.nodeGlobals ??= createGlobals(this);
    return this.nodeGlobals.globals;
  }

  /** Fresh globals and membrane for one script context. */
  createGlobals(): ScriptGlobals {
    return createGlobals(this);
  }

  /** The scopes the script runs with (null: all of them). */
  get oauthScopes(): string[] | null {
    if (this.scopes === undefined) {
      const manifest = join(this.htmlDir, "appsscript.json");
      this.scopes = existsSync(manifest) ? ((JSON.parse(readFileSync(manifest, "utf8")) as { oauthScopes?: string[] }).oauthScopes ?? null) : null;
    }
    return this.scopes;
  }

  hasScope_(scope: string): boolean {
    const s = this.oauthScopes;
    return s === null || s.includes(scope);
  }

  /**
   * Whose Drive the current execution works in: the person using the editor (menu, sidebar) runs the script as
   * themselves; triggers and an "execute as me" web app run as the effective user.
   */
  runAs_(): string {
    const e = this.exec;
    return ((e.ui && e.bound && e.user) || e.effectiveUser || "").trim().toLowerCase();
  }

  /** Whether a person can open a Drive item in the browser (owner, or shared on it or a folder above it). */
  canOpen(user: string, idOrUrl: string): boolean {
    const id = /\/d\/([\w-]+)|folders\/([\w-]+)/.exec(idOrUrl);
    const d = this.documents.get(id ? (id[1] ?? id[2]) : idOrUrl);
    return !!d && !d.trashed && (!d.owner || accessOf(this, d, user) !== null);
  }

  newId_(): string {
    const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    let id = "1";
    for (let i = 0; i < 43; i++) id += chars[Math.floor(this.random() * chars.length)];
    return id;
  }

  createSpreadsheet(name: string, opts: { id?: string; sheets?: string[]; rows?: number; columns?: number } = {}): FakeSpreadsheet {
    const ss = new FakeSpreadsheet(this, opts.id ?? this.newId_(), name, this.timeZone, this.exec?.effectiveUser ?? this.owner);
    for (const [i, sheet] of (opts.sheets ?? ["Sheet1"]).entries()) ss.addSheet_(sheet, i, opts.rows ?? 1000, opts.columns ?? 26);
    this.spreadsheets.set(ss.id, ss);
    return ss;
  }

  /** A sheet of the bound spreadsheet by name (raw, uncounted). */
  sheet(name: string): FakeSheet | undefined {
    return this.spreadsheet.sheetNamed_(name);
  }

  /** Bulk-loads rows (raw values, no coercion, uncounted), creating or growing the sheet: for benchmarks and fixtures. */
  fill(sheetName: string, rows: unknown[][], at: { row?: number; column?: number } = {}): FakeSheet {
    const sheet = this.sheet(sheetName) ?? this.spreadsheet.addSheet_(sheetName, this.spreadsheet.sheets.length);
    const r0 = (at.row ?? 1) - 1;
    const c0 = (at.column ?? 1) - 1;
    const grid = sheet.grid;
    let width = 0;
    for (let i = 0; i < rows.length; i++) {
      const src = rows[i];
      const existing = grid.rows[r0 + i];
      const v: Stored[] = c0 === 0 && !existing ? new Array(src.length) : (existing?.v ?? []);
      for (let j = 0; j < src.length; j++) {
        const x = src[j];
        v[c0 + j] = x === "" || x === null ? undefined : (x as Stored);
      }
      if (existing) existing.v = v;
      else grid.rows[r0 + i] = { v };
      if (src.length > width) width = src.length;
    }
    grid.maxRows = Math.max(grid.maxRows, r0 + rows.length);
    grid.maxCols = Math.max(grid.maxCols, c0 + width);
    grid.touch();
    return sheet;
  }

  /** A sheet's values as getValues would return them, without counting (for assertions). */
  read(sheetName: string): unknown[][] {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet named ${sheetName}`);
    const rows = sheet.grid.lastRow();
    const cols = sheet.grid.lastCol();
    const tz = sheet.spreadsheet.timeZone;
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => readCell(sheet.grid.value(r, c), tz)));
  }

  /** Before a service call runs (membrane): an ended execution reaches nothing; latency and faults apply. */
  beforeCall_(kind: string, method: string): void {
    if (this.ended) throw new ExecutionEnded();
    this.onCall?.(kind, method);
    if (this.ended) throw new ExecutionEnded();
    const ms = this.latency?.(kind, method) ?? 0;
    if (ms > 0) this.clock.advance(ms);
    if (!this.fault) return;
    this.faultCalls++;
    if (this.faultCalls !== this.fault.at) return;
    if (this.fault.mode === "throw") throw gasError("We're sorry, a server error occurred. Please wait a bit and try again.");
    if (this.fault.mode === "end-before") {
      this.ended = true;
      throw new ExecutionEnded();
    }
  }

  /** After a service call returned: "end-after" ends the execution here, with the call's effect kept. */
  afterCall_(): void {
    if (this.fault?.mode === "end-after" && this.faultCalls === this.fault.at) this.ended = true;
  }

  /** AuthMode.NONE: only the menu may be built (getUi, Ui, Menu), as in onOpen of an add-on not yet used in the document. */
  checkAccess_(kind: string, method: string): void {
    const started = this.exec.started;
    if (started && this.simulatedMs - started.simulated + (Date.now() - started.real) > MAX_EXECUTION_MS) {
      throw gasError("Exceeded maximum execution time");
    }
    if (this.exec.authMode !== "NONE" || NO_AUTH_NEEDED.has(kind)) return;
    if (kind === "SpreadsheetApp" && method === "getUi") return;
    const scope = SCOPES[kind];
    throw gasError(`You do not have permission to call ${kind}.${method}${scope ? `. Required permissions: ${scope}` : "."}`);
  }

  /** A lock wait that nobody can end: alone, the wait simply runs out on the world clock. */
  lockWaited_(ms: number): void {
    if (!this.scheduledLocks) this.clock.advance(ms);
  }

  storeFor_(map: Map<string, PropertyStore>, key: string): PropertyStore {
    let s = map.get(key);
    if (!s) {
      s = new PropertyStore();
      map.set(key, s);
    }
    return s;
  }

  cacheFor_(map: Map<string, CacheStore>, key: string): CacheStore {
    let s = map.get(key);
    if (!s) {
      s = new CacheStore();
      map.set(key, s);
    }
    return s;
  }

  private day_(): string {
    return new Date(this.now()).toISOString().slice(0, 10);
  }
  mailUsedToday_(): number {
    return this.mail.used.get(this.day_()) ?? 0;
  }
  mailSpend_(recipients: number): void {
    this.mail.used.set(this.day_(), this.mailUsedToday_() + recipients);
  }
}

/** What an execution that Apps Script ended (a time-out, a killed run) sees if its own code runs on: nothing answers. */
export class ExecutionEnded extends Error {
  constructor() {
    super("Execution ended (test: the execution stopped here).");
    this.name = "ExecutionEnded";
  }
}

export function createWorld(options: WorldOptions = {}): World {
  return new World(options);
}
