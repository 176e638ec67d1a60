// One local workspace: a World that persists, executions of the real bundle on it, the simulated clock and its triggers.
import { join } from "node:path";
import { createWorld, type Execution, type ExecutionKind, type World } from "../fakes";
import { loadBundle, type BundleContext } from "../load-bundle";
import { type Snapshot, readSnapshot, restore, snapshot, writeSnapshot } from "./persist";
import { type ClockRun, clockSentence, describe, observe, spanText, triggerName } from "./clock-report";
import { nextDue } from "./schedule";
import { clockText } from "./views";

export const OWNER = "admin@dinas.example";
const TIME_ZONE = "Asia/Jakarta";
/** A week of hourly triggers is 168 runs: beyond this many per trigger in one jump, the older runs are skipped. */
export const MAX_RUNS_PER_JUMP = 48;

export interface WorkspaceOptions {
  root: string;
  dataDir: string;
  /** Where the web app lives, as the bundle sees it (ScriptApp.getService().getUrl()). */
  serviceUrl: string;
  reset?: boolean;
  /** Starting simulated time for a fresh workbook (default: now). */
  start?: number;
  seed?: number;
}

export interface RunOutcome {
  ok: boolean;
  value?: unknown;
  error?: string;
  ms: number;
}

export interface Notice {
  seq: number;
  type: "alert" | "prompt" | "toast" | "error" | "trigger";
  title: string;
  message: string;
  /** The browser tab whose action showed it; none: every tab (the clock's triggers). */
  tab?: string;
}

export interface Panel {
  seq: number;
  title: string;
  html: string;
  width: number;
  height: number;
}

/**
 * One browser tab of the workspace: the person it acts as, its own selection, its own panel and dialog — as each
 * person in a shared spreadsheet has their own. The page keeps its id in sessionStorage and sends it with every request.
 */
export interface TabSession {
  id: string;
  person: string;
  /** Active sheet and range [row, col, numRows, numCols] of this tab (what getActiveRange sees in its executions). */
  sheet: string | null;
  range: [number, number, number, number] | null;
  /** Bumped when the selection moves (a click, or a script such as selectCase): the page follows what it did not cause. */
  selSeq: number;
  /** The open panel: a restart must not close it (and lose what is typed in it), as Sheets' own panels outlive a server blip. */
  sidebar: Panel | null;
  dialog: (Panel & { modal: boolean }) | null;
  /** Wall-clock ms of its last request: the oldest tabs are forgotten first. */
  used: number;
}

const MAX_TABS = 40;
export const DEFAULT_TAB = "default";
const EMAIL = /^[^\s@]{1,100}@[^\s@]{1,100}$/;

/** A person's address as a request may name it (any account may open the workspace, not only those in Pejabat). */
export function personOf(v: unknown): string | null {
  const s = typeof v === "string" ? v.trim().toLowerCase() : "";
  return EMAIL.test(s) ? s : null;
}

interface Saved {
  /** Whom a new tab acts as: the person chosen last. */
  actAs: string;
  /** Trigger id → [first seen, last run] on the simulated clock. */
  runs: Record<string, [number, number | null]>;
  seq: number;
  demo: boolean;
  /** Tabs, their open panels' HTML given as a key into panels (many tabs show the same Sidebar.html). */
  tabs?: TabSession[];
  panels?: Record<string, string>;
  panelSeq?: number;
}

/** What an execution is run with besides its kind and user. */
export interface RunOptions {
  /** The tab it runs for: its selection is the active range, what it shows goes to that tab. */
  tab?: TabSession | null;
  /** Fields of the execution to set (a trigger's active user). */
  exec?: Partial<Execution>;
  /** A trigger's function the bundle may not define: its absence is no failure. */
  optional?: boolean;
}

/** Arguments, or a function making them inside the execution from the script's own services (event objects). */
export type RunArgs = unknown[] | ((ctx: BundleContext) => unknown[]);

export class Workspace {
  readonly world: World;
  /** Whom a new tab acts as. */
  actAs = OWNER;
  readonly tabs = new Map<string, TabSession>();
  readonly notices: Notice[] = [];
  demo = false;
  /** Bumped whenever the workbook may have changed: the page refreshes what it shows. */
  seq = 0;
  private runs: Saved["runs"] = {};
  private shownSeen = 0;
  /** Panels ever shown (saved): each new one gets the next number, so a page tells a new panel from the one it shows. */
  private panelSeq = 0;
  private toastsSeen = 0;
  private execCount = 0;
  private readonly codePath: string;

  constructor(readonly options: WorkspaceOptions) {
    this.codePath = join(options.root, "dist/Code.js");
    const saved = options.reset ? null : readSnapshot(options.dataDir);
    const startAt = saved?.now ?? options.start ?? Date.now();
    // Simulated time runs with the wall clock from where it stood, plus every jump made with the clock buttons.
    const wallAtStart = Date.now();
    this.world = createWorld({
      now: () => startAt + (Date.now() - wallAtStart),
      user: OWNER,
      timeZone: TIME_ZONE,
      seed: options.seed ?? 20261129,
      htmlDir: join(options.root, "dist"),
      serviceUrl: options.serviceUrl,
      spreadsheetName: "Register Dinas Kominfo (lokal)",
      spreadsheetId: saved?.boundId,
    });
    if (saved) this.load(saved);
  }

  get fresh(): boolean {
    return !this.world.stores.script.map.size;
  }

  private load(saved: Snapshot): void {
    restore(this.world, saved);
    const ws = (saved.workspace ?? {}) as unknown as Partial<Saved>;
    this.actAs = ws.actAs ?? OWNER;
    this.runs = ws.runs ?? {};
    this.seq = ws.seq ?? 0;
    this.demo = ws.demo ?? false;
    this.panelSeq = ws.panelSeq ?? 0;
    const panels = ws.panels ?? {};
    for (const t of ws.tabs ?? []) {
      const sidebar = t.sidebar && t.sidebar.html in panels ? { ...t.sidebar, html: panels[t.sidebar.html] } : null;
      this.tabs.set(t.id, { ...t, sidebar, dialog: null });
    }
  }

  save(): void {
    const panels: Record<string, string> = {};
    const keys = new Map<string, string>();
    const keyOf = (html: string) => {
      let k = keys.get(html);
      if (k === undefined) {
        k = `p${keys.size}`;
        keys.set(html, k);
        panels[k] = html;
      }
      return k;
    };
    const tabs = [...this.tabs.values()]
      .sort((a, b) => b.used - a.used)
      .slice(0, MAX_TABS)
      .map((t) => ({ ...t, dialog: null, sidebar: t.sidebar && { ...t.sidebar, html: keyOf(t.sidebar.html) } }));
    const ws: Saved = { actAs: this.actAs, runs: this.runs, seq: this.seq, demo: this.demo, tabs, panels, panelSeq: this.panelSeq };
    writeSnapshot(this.options.dataDir, snapshot(this.world, ws as unknown as Parameters<typeof snapshot>[1]));
  }

  /** The tab with this id, made on its first request (acting as the person chosen last, until it chooses). */
  tab(id: string): TabSession {
    const key = /^[\w-]{1,64}$/.test(id) ? id : DEFAULT_TAB;
    let t = this.tabs.get(key);
    if (!t) {
      // A new tab opens where the spreadsheet was last shown, as the person chosen last.
      const shown = this.world.spreadsheet.activeSheet;
      t = { id: key, person: this.actAs, sheet: shown && !shown.hidden ? shown.name : null, range: null, selSeq: 0, sidebar: null, dialog: null, used: Date.now() };
      this.tabs.set(key, t);
      if (this.tabs.size > MAX_TABS * 2) {
        const old = [...this.tabs.values()].sort((a, b) => a.used - b.used).slice(0, this.tabs.size - MAX_TABS);
        for (const o of old) this.tabs.delete(o.id);
      }
    }
    t.used = Date.now();
    return t;
  }

  /** The tab's active sheet (its own, else the spreadsheet's first visible one). */
  activeSheetOf(tab: TabSession) {
    const ss = this.world.spreadsheet;
    return (tab.sheet ? ss.sheetNamed_(tab.sheet) : undefined) ?? ss.sheets.find((s) => !s.hidden) ?? ss.active_();
  }

  /** Moves the tab's selection as a click does; a row or column of 0 selects only the sheet. */
  select(tab: TabSession, sheetName: string, row: number, col: number, numRows = 1, numCols = 1): boolean {
    const sheet = this.world.spreadsheet.sheetNamed_(sheetName);
    if (!sheet) return false;
    tab.sheet = sheet.name;
    const ok = row >= 1 && col >= 1 && numRows >= 1 && numCols >= 1 && row + numRows - 1 <= sheet.grid.maxRows && col + numCols - 1 <= sheet.grid.maxCols;
    tab.range = ok ? [row, col, numRows, numCols] : null;
    tab.selSeq++;
    return true;
  }

  /** Before an execution for a tab: its selection becomes the spreadsheet's active sheet and range. */
  private applySelection(tab: TabSession): void {
    const ss = this.world.spreadsheet;
    const sheet = this.activeSheetOf(tab);
    ss.activeSheet = sheet;
    const r = tab.range;
    ss.activeRange = r && r[0] + r[2] - 1 <= sheet.grid.maxRows && r[1] + r[3] - 1 <= sheet.grid.maxCols ? sheet.range_(r[0], r[1], r[2], r[3]) : null;
  }

  /** After it: a script that moved the selection (activate, setActiveRange) moved this tab's. */
  private keepSelection(tab: TabSession): void {
    const ss = this.world.spreadsheet;
    const sheet = ss.activeSheet;
    const a = ss.activeRange;
    const range: TabSession["range"] = a ? [a.row, a.col, a.numRows, a.numCols] : null;
    const name = a ? a.sheet.name : (sheet?.name ?? null);
    if (name !== (tab.sheet ?? this.activeSheetOf(tab).name) || JSON.stringify(range) !== JSON.stringify(tab.range)) {
      tab.sheet = name;
      tab.range = range;
      tab.selSeq++;
    }
  }

  /** A fresh load of the bundle per execution, as Apps Script does: nothing survives in globals between calls. */
  private context(): BundleContext {
    return loadBundle(this.world, { codePath: this.codePath });
  }

  /**
   * One execution: the named top-level function of the bundle, run as `user` in the given kind of execution.
   * Locks die with the execution; what it showed (sidebars, alerts) is collected for the page.
   */
  run(fn: string, args: RunArgs = [], kind: ExecutionKind = "editor", user: string = this.actAs, options: RunOptions = {}): RunOutcome {
    const started = Date.now();
    const ctx = this.context();
    const id = `exec-${++this.execCount}`;
    const exec = { ...this.world.execution(kind, user), ...options.exec, id };
    const tab = options.tab ?? null;
    if (tab) this.applySelection(tab);
    try {
      const f = ctx[fn];
      if (typeof f !== "function") {
        if (options.optional) return { ok: true, value: undefined, ms: 0 };
        throw new Error(`Script function not found: ${fn}`);
      }
      const value = this.world.within(exec, () => f(...(typeof args === "function" ? args(ctx) : args)));
      return { ok: true, value, ms: Date.now() - started };
    } catch (err) {
      const message = err instanceof Error || (typeof err === "object" && err && "message" in err) ? String((err as Error).message) : String(err);
      return { ok: false, error: message, ms: Date.now() - started };
    } finally {
      this.world.locks.releaseAll(id);
      if (tab) this.keepSelection(tab);
      this.collect(tab);
      this.noteTriggers();
      this.seq++;
    }
  }

  /** Calls inside one execution with the context (for web app results that must be read before the execution ends). */
  runWith<T>(fn: string, args: unknown[], kind: ExecutionKind, read: (value: unknown) => T, user: string = this.actAs): { ok: true; value: T } | { ok: false; error: string } {
    const out = this.run(fn, args, kind, user);
    if (!out.ok) return { ok: false, error: out.error ?? "" };
    try {
      return { ok: true, value: read(out.value) };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** What the execution showed goes to the tab it ran for (a panel shown with no tab, as by the demo, goes nowhere). */
  private collect(tab: TabSession | null): void {
    const shown = this.world.ui.shown;
    for (; this.shownSeen < shown.length; this.shownSeen++) {
      const s = shown[this.shownSeen];
      const panel = { seq: ++this.panelSeq, title: s.title, html: s.content, width: s.width ?? 0, height: s.height ?? 0 };
      if (s.type === "sidebar") {
        if (tab) tab.sidebar = panel;
      } else if (s.type === "modal" || s.type === "modeless") {
        if (tab) tab.dialog = { ...panel, modal: s.type === "modal" };
      } else this.notify(s.type, s.title, s.content, tab);
    }
    const toasts = this.world.ui.toasts;
    for (; this.toastsSeen < toasts.length; this.toastsSeen++) this.notify("toast", toasts[this.toastsSeen].title, toasts[this.toastsSeen].message, tab);
  }

  notify(type: Notice["type"], title: string, message: string, tab?: TabSession | null): void {
    this.notices.push({ seq: this.notices.length + 1, type, title, message, ...(tab ? { tab: tab.id } : {}) });
  }

  private noteTriggers(): void {
    const now = this.world.now();
    const live = new Set(this.world.triggers.map((t) => t.id));
    for (const t of this.world.triggers) this.runs[t.id] ??= [now, null];
    for (const id of Object.keys(this.runs)) if (!live.has(id)) delete this.runs[id];
  }

  /** Counts every trigger as just run: after a replayed history, nobody wants weeks of catch-up runs. */
  settleTriggers(): void {
    const now = this.world.now();
    for (const t of this.world.triggers) this.runs[t.id] = [now, now];
  }

  /** The time-driven triggers' next runs, earliest first. */
  dueList(): { id: string; handler: string; at: number }[] {
    const out: { id: string; handler: string; at: number }[] = [];
    for (const t of this.world.triggers) {
      const [created, last] = this.runs[t.id] ?? [this.world.now(), null];
      const at = nextDue(t, last, created, TIME_ZONE);
      if (at !== null) out.push({ id: t.id, handler: t.handler, at });
    }
    return out.sort((a, b) => a.at - b.at);
  }

  /**
   * Moves simulated time forward by ms, stopping at each trigger run that falls due on the way: each runs as its
   * owner in a time-driven execution (no UI, no active spreadsheet). Says in words what the runs did.
   */
  advance(ms: number): { ran: number; failed: number; message: string; parts: string[] } {
    const before = observe(this.world);
    const target = this.world.now() + ms;
    const skipped = this.skipEarlyRuns(target);
    let ran = 0;
    const failed: ClockRun["failed"] = [];
    for (;;) {
      const next = this.dueList()[0];
      if (!next || next.at > target) break;
      const t = this.world.triggers.find((x) => x.id === next.id)!;
      const gap = next.at - this.world.now();
      if (gap > 0) this.world.clock.advance(gap);
      this.runs[t.id] = [this.runs[t.id]?.[0] ?? next.at, next.at];
      const out = this.run(t.handler, [{ authMode: "FULL", triggerUid: t.id }], "time-trigger", t.owner);
      ran++;
      if (!out.ok) {
        const name = triggerName(t);
        if (!failed.some((f) => f.name === name && f.error === out.error)) failed.push({ name, error: out.error ?? "" });
      }
    }
    const rest = target - this.world.now();
    if (rest > 0) this.world.clock.advance(rest);
    for (const f of failed) this.notify("trigger", `${f.name[0].toUpperCase()}${f.name.slice(1)} gagal`, f.error);
    this.seq++;
    const parts = describe(before, observe(this.world), { failed, skipped });
    return { ran, failed: failed.length, parts, message: clockSentence(spanText(ms), clockText(this.world.now(), this.world.timeZone), parts) };
  }

  /** A trigger due more than MAX_RUNS_PER_JUMP times before `until` keeps only its latest runs: earlier ones would be overwritten anyway. */
  private skipEarlyRuns(until: number): ClockRun["skipped"] {
    const skipped: ClockRun["skipped"] = [];
    for (const t of this.world.triggers) {
      const entry = this.runs[t.id];
      if (!entry) continue;
      const times: number[] = [];
      let last = entry[1];
      for (;;) {
        const at = nextDue(t, last, entry[0], TIME_ZONE);
        if (at === null || at > until) break;
        times.push(at);
        last = at;
      }
      if (times.length > MAX_RUNS_PER_JUMP) {
        const drop = times.length - MAX_RUNS_PER_JUMP;
        this.runs[t.id] = [entry[0], times[drop - 1]];
        skipped.push({ name: triggerName(t), runs: MAX_RUNS_PER_JUMP });
      }
    }
    return skipped;
  }
}
