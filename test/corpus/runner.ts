// The bad-input corpus's one runner, shared by its jest test (test/corpus/corpus.test.ts) and npm run bench: each pair
// (an input through an entry point) is tried on a set-up office reused by its whole group, and checked for what must
// hold (checks.ts). A pair's result is its failures; the bench reports how many pairs ran and how many failed.
import type { Alur } from "../../emulator/alur-world";
import { fingerprint, formulas, messageProblem, newFormulas, pageInternals, recordRiskyWrites, riskyWrites, scriptProblem, stateDiff, worldState } from "./checks";

export interface Failure {
  group: string;
  entry: string;
  input: string;
  problem: string;
}

/** What the entry point gave back: a server call's reply, a page, the confirm page's button's answer, onEdit's outcome. */
export type Observation = { reply: unknown } | { page: string } | { result: unknown } | { none: true };

export interface PairOptions {
  /** What the answer may quote back (the payload): taken out before looking for internals. */
  echoes?: readonly string[];
  /** "refused": the input must be refused; "ok": it must go through; "either" (default): a refusal or a safe value. */
  expect?: "ok" | "refused" | "either";
  /** The call may change the office when it goes through (a refusal never may). */
  mutates?: boolean;
  /** Cells ("Sheet!R2C3") a person typed a formula into: their own formula is not Alur's doing. */
  typed?: readonly string[];
  /** Further checks on the observation (a page's content, the letter made). */
  after?: (o: Observation) => (string | null)[];
}

export interface GroupResult {
  group: string;
  pairs: number;
  failures: Failure[];
  cpuMs: number;
}

/** One group's pairs on one office. */
export class PairRun {
  pairs = 0;
  readonly failures: Failure[] = [];
  /** Set when a pair's call went through and changed the office: fixtures made earlier may be stale. */
  changed = false;
  /** Called after a pair that changed the office (the fixtures then make fresh cases). */
  onChange: (() => void) | null = null;

  constructor(
    readonly group: string,
    readonly alur: Alur,
  ) {
    recordRiskyWrites();
  }

  /** The full state and formulas, computed again only when the fingerprint moved (most pairs change nothing). */
  private known: { fp: string; state: string; formulas: Map<string, string> } | null = null;
  private snapshot(): { fp: string; state: string; formulas: Map<string, string> } {
    const fp = fingerprint(this.alur.world);
    if (this.known?.fp !== fp) this.known = { fp, state: worldState(this.alur.world), formulas: formulas(this.alur.world) };
    return this.known;
  }

  /** Tries one input through one entry point and checks everything that must hold. */
  pair(entry: string, input: string, options: PairOptions, act: () => Observation): Observation | null {
    this.pairs++;
    const world = this.alur.world;
    const fail = (problem: string) => this.failures.push({ group: this.group, entry, input, problem });
    const start = this.snapshot();
    const before = start.state;
    const f0 = start.formulas;
    riskyWrites.length = 0;
    const logs = world.logs.length;
    const echoes = options.echoes ?? [];
    let o: Observation;
    try {
      o = act();
    } catch (err) {
      world.ended = false;
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      fail(`crashed (the page's failure handler would get it): ${message.slice(0, 300)}`);
      return null;
    }
    let refused = false;
    if ("reply" in o) {
      const r = o.reply as { ok?: unknown; error?: unknown; fieldErrors?: unknown; warnings?: unknown } | null;
      if (!r || typeof r !== "object" || typeof r.ok !== "boolean") fail(`not a reply: ${JSON.stringify(r)?.slice(0, 200)}`);
      else if (!r.ok) {
        refused = true;
        const p = messageProblem(r.error, echoes);
        if (p) fail(p);
        for (const m of [...Object.values((r.fieldErrors as Record<string, unknown>) ?? {}), ...((r.warnings as unknown[]) ?? [])]) {
          const q = messageProblem(m, echoes);
          if (q) fail(`field error or warning: ${q}`);
        }
        if (options.expect === "ok") fail(`refused: ${String(r.error).slice(0, 200)}`);
      } else if (options.expect === "refused") fail(`accepted: ${JSON.stringify(r).slice(0, 200)}`);
    } else if ("result" in o) {
      const r = o.result as { ok?: unknown; title?: unknown; message?: unknown; lines?: unknown } | null;
      if (!r || typeof r !== "object" || typeof r.ok !== "boolean") fail(`not an answer: ${JSON.stringify(r)?.slice(0, 200)}`);
      else {
        if (!r.ok) {
          refused = true;
          for (const m of [r.message, ...((r.lines as unknown[]) ?? [])]) {
            const p = messageProblem(m, echoes);
            if (p) fail(p);
          }
          if (options.expect === "ok") fail(`refused: ${String(r.message).slice(0, 200)}`);
        } else if (options.expect === "refused") fail(`accepted: ${JSON.stringify(r).slice(0, 200)}`);
      }
    } else if ("page" in o) {
      if (typeof o.page !== "string" || !o.page.includes("<")) fail(`not a page: ${String(o.page).slice(0, 100)}`);
      else {
        const s = scriptProblem(o.page);
        if (s) fail(s);
        const i = pageInternals(o.page, echoes);
        if (i) fail(i);
      }
    }
    for (const p of options.after?.(o) ?? []) if (p) fail(p);
    const end = this.snapshot();
    const made = newFormulas(f0, end.formulas, options.typed);
    if (made.length) fail(`formula created: ${made.slice(0, 3).join("; ")}`);
    const heads = echoes.filter((e) => e.length >= 3).map((e) => e.trim().slice(0, 12));
    for (const w of riskyWrites) if (heads.some((h) => h && w.value.includes(h))) fail(`text from people written so Sheets may read it as a formula: ${w.cell} ${JSON.stringify(w.value.slice(0, 60))}`);
    for (const l of world.logs.slice(logs)) if (l.level === "error" && /^alurApi /.test(l.message)) fail(`an unexpected exception behind the reply: ${l.message.slice(0, 200)}`);
    const after = end.state;
    if (after !== before) {
      if (refused || !options.mutates) fail(`${refused ? "refused, yet" : "a read"} changed ${stateDiff(before, after)}`);
      else this.changed = true;
      this.onChange?.();
    }
    return o;
  }

  result(cpuMs: number): GroupResult {
    return { group: this.group, pairs: this.pairs, failures: this.failures, cpuMs };
  }
}

/** CPU milliseconds of this process spent in fn. */
export function cpuOf<T>(fn: () => T): { value: T; cpuMs: number } {
  const t = process.cpuUsage();
  const value = fn();
  const u = process.cpuUsage(t);
  return { value, cpuMs: (u.user + u.system) / 1000 };
}
