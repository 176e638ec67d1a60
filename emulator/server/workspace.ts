// One local workspace: a World that persists, executions of the real bundle on it, the simulated clock and its triggers.
import { join } from "node:path";
import { createWorld, type ExecutionKind, type World } from "../fakes";
import { loadBundle, type BundleContext } from "../load-bundle";
import { type Snapshot, readSnapshot, restore, snapshot, writeSnapshot } from "./persist";
import { nextDue } from "./schedule";

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
}

export interface Panel {
  seq: number;
  title: string;
  html: string;
  width: number;
  height: number;
}

interface Saved {
  actAs: string;
  /** Trigger id → [first seen, last run] on the simulated clock. */
  runs: Record<string, [number, number | null]>;
  seq: number;
  demo: boolean;
  /** The open panel: a restart must not close it (and lose what is typed in it), as Sheets' own panels outlive a server blip. */
  sidebar?: Panel | null;
}

export class Workspace {
  readonly world: World;
  actAs = OWNER;
  sidebar: Panel | null = null;
  dialog: (Panel & { modal: boolean }) | null = null;
  readonly notices: Notice[] = [];
  demo = false;
  /** Bumped whenever the workbook may have changed: the page refreshes what it shows. */
  seq = 0;
  private runs: Saved["runs"] = {};
  private shownSeen = 0;
  /** Panels shown before this start: new ones number on from there, so the page tells them from the restored one. */
  private shownBase = 0;
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
    this.sidebar = ws.sidebar ?? null;
    this.shownBase = ws.sidebar?.seq ?? 0;
  }

  save(): void {
    const ws: Saved = { actAs: this.actAs, runs: this.runs, seq: this.seq, demo: this.demo, sidebar: this.sidebar };
    writeSnapshot(this.options.dataDir, snapshot(this.world, ws as unknown as Parameters<typeof snapshot>[1]));
  }

  /** A fresh load of the bundle per execution, as Apps Script does: nothing survives in globals between calls. */
  private context(): BundleContext {
    return loadBundle(this.world, { codePath: this.codePath });
  }

  /**
   * One execution: the named top-level function of the bundle, run as `user` in the given kind of execution.
   * Locks die with the execution; what it showed (sidebars, alerts) is collected for the page.
   */
  run(fn: string, args: unknown[] = [], kind: ExecutionKind = "editor", user: string = this.actAs): RunOutcome {
    const started = Date.now();
    const ctx = this.context();
    const id = `exec-${++this.execCount}`;
    const exec = { ...this.world.execution(kind, user), id };
    try {
      const f = ctx[fn];
      if (typeof f !== "function") throw new Error(`Script function not found: ${fn}`);
      const value = this.world.within(exec, () => f(...args));
      return { ok: true, value, ms: Date.now() - started };
    } catch (err) {
      const message = err instanceof Error || (typeof err === "object" && err && "message" in err) ? String((err as Error).message) : String(err);
      return { ok: false, error: message, ms: Date.now() - started };
    } finally {
      this.world.locks.releaseAll(id);
      this.collect();
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

  private collect(): void {
    const shown = this.world.ui.shown;
    for (; this.shownSeen < shown.length; this.shownSeen++) {
      const s = shown[this.shownSeen];
      const panel = { seq: this.shownBase + this.shownSeen + 1, title: s.title, html: s.content, width: s.width ?? 0, height: s.height ?? 0 };
      if (s.type === "sidebar") this.sidebar = panel;
      else if (s.type === "modal" || s.type === "modeless") this.dialog = { ...panel, modal: s.type === "modal" };
      else this.notify(s.type, s.title, s.content);
    }
    const toasts = this.world.ui.toasts;
    for (; this.toastsSeen < toasts.length; this.toastsSeen++) this.notify("toast", toasts[this.toastsSeen].title, toasts[this.toastsSeen].message);
  }

  notify(type: Notice["type"], title: string, message: string): void {
    this.notices.push({ seq: this.notices.length + 1, type, title, message });
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
   * owner in a time-driven execution (no UI, no active spreadsheet).
   */
  advance(ms: number): { ran: number; failed: number; skipped: number } {
    const target = this.world.now() + ms;
    const skipped = this.skipEarlyRuns(target);
    let ran = 0;
    let failed = 0;
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
        failed++;
        this.notify("trigger", `Pemicu ${t.handler} gagal`, out.error ?? "");
      }
    }
    const rest = target - this.world.now();
    if (rest > 0) this.world.clock.advance(rest);
    this.seq++;
    return { ran, failed, skipped };
  }

  /** A trigger due more than MAX_RUNS_PER_JUMP times before `until` keeps only its latest runs: earlier ones would be overwritten anyway. */
  private skipEarlyRuns(until: number): number {
    let skipped = 0;
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
        skipped += drop;
      }
    }
    return skipped;
  }
}
