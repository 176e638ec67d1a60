// The fault sweep: every service call k of an operation (counted in a clean run, every service, not only Spreadsheet)
// (a) throws Apps Script's server error, (b) ends the execution just before it, (c) just after it; (b) and (c) once
// with unflushed writes kept and once with them lost (the spreadsheets put back to what the last flush held: see the
// fidelity table). Then the user retries as they would, the hourly trigger runs, and the invariants are checked.
// (b) at k is the same run as (c) at k-1 (the same calls made, the next one refused), so it runs once, as (c) at k-1.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ADMIN } from "../../emulator/alur-world";
import { ROOT } from "../../emulator/paths";
import { restoreSpreadsheets, type Snapshot, type SpreadsheetSnap, snapshot, snapshotSpreadsheets } from "../../emulator/server/persist";
import { emailsOnce, headAndProblems, indexAgrees, journal, nothingDoubled, registersAgree, type Violation } from "./invariants";
import { type Office, type Reply, restoreOffice, save } from "./office";

export type Mode = "throw" | "end-before" | "end-after";

export interface Scenario {
  name: string;
  /** The office just before the operation (saved once, restored for every run). */
  prepare?: () => Office;
  /** Instead of `prepare`: a new office for every run (setup, on an empty spreadsheet). */
  fresh?: () => Office;
  /** The operation, as the panel or the trigger makes it; the retry is the same call with the same arguments. */
  op: (o: Office) => Reply;
  /** The user retries a call that did not answer ok (triggers are not retried: the next hourly run is their retry). */
  retry: boolean;
  /** Sample every n-th call (setup: 10). */
  every?: number;
  /** Instead of `every`: the call numbers (1-based) to sweep, chosen from the clean run's calls. */
  pick?: (calls: string[]) => number[];
  /** What runs after the user's retry and before the hourly trigger (the document worker's minute trigger). */
  after?: (o: Office) => Reply;
  /** Checks of this operation, given what a clean run left (its own reference). */
  check?: (o: Office, clean: Office) => Violation[];
  /** Checks of the answer the user finally got (the first reply if it was ok, else the retry's). */
  answer?: (reply: Reply, o: Office) => Violation[];
}

export interface Failure extends Violation {
  operation: string;
  k: number;
  call: string;
  mode: Mode;
  writes: "kept" | "dropped";
}

export interface SweepResult {
  operation: string;
  calls: number;
  points: number;
  /** Points stood for by an equivalent point that was run (not counted in `points`). */
  covered: number;
  failures: Failure[];
  ms: number;
  /** CPU time of the sweep (the wall time depends on what else the machine runs). */
  cpuMs: number;
}

const MINUTE = 60_000;

/** After the operation: a minute later the user's retry (if the call did not answer ok), an hour later the hourly trigger. */
function aftermath(sc: Scenario, o: Office, first: Reply): Violation[] {
  const out: Violation[] = [];
  o.world.clock.advance(MINUTE);
  let answer = first;
  if (sc.retry && !first.ok) {
    answer = sc.op(o);
    if (!answer.ok) out.push({ invariant: "the user's retry goes through", evidence: `first reply: ${first.text}; retry: ${answer.text}` });
  }
  if (answer.ok && sc.answer) out.push(...sc.answer(answer, o));
  if (sc.after) {
    o.world.clock.advance(MINUTE);
    const after = sc.after(o);
    if (!after.ok) out.push({ invariant: "the trigger after the operation runs", evidence: after.text });
  }
  o.world.clock.advance(60 * MINUTE);
  const hourly = o.run("time-trigger", "hourlyRefresh");
  if (!hourly.ok) out.push({ invariant: "the hourly trigger runs", evidence: hourly.text });
  return out;
}

/** Every invariant of the sweep on an office after the aftermath. */
export function invariants(o: Office): Violation[] {
  const w = o.world;
  const entries = journal(w);
  const out: Violation[] = [...registersAgree(w, entries), ...nothingDoubled(entries), ...emailsOnce(w, entries), ...headAndProblems(w), ...indexAgrees(w, entries)];
  if (w.stores.script.map.get("alur.sheets")) {
    const shown = w.ui.shown.length;
    o.run({ user: ADMIN }, "menuCheckIntegrity");
    const said = w.ui.shown.length > shown ? String(w.ui.shown[w.ui.shown.length - 1].content) : "(nothing shown)";
    if (!said.startsWith("Riwayat utuh")) out.push({ invariant: "chain verifies (Periksa integritas)", evidence: said.slice(0, 800) });
  }
  return out;
}

interface Calibration {
  calls: string[];
  /** Call numbers of the operation's SpreadsheetApp.flush() calls. */
  flushes: number[];
  clean: Office;
}

function startOffice(sc: Scenario, snap: Snapshot | null, seed?: number): Office {
  if (sc.fresh) return sc.fresh();
  return restoreOffice(snap as Snapshot, seed);
}

/** A clean run: what the operation calls, where it flushes, and what it leaves (which must pass every check). */
function calibrate(sc: Scenario, snap: Snapshot | null): Calibration {
  const o = startOffice(sc, snap);
  const w = o.world;
  const calls: string[] = [];
  const flushes: number[] = [];
  const count = w.counter.call.bind(w.counter);
  w.counter.call = (kind: string, method: string) => {
    if (w.fault) calls.push(`${kind}.${method}`);
    count(kind, method);
  };
  w.onFlush = () => flushes.push(w.faultCalls);
  w.faultCalls = 0;
  w.fault = { at: -1, mode: "throw" };
  const first = sc.op(o);
  w.fault = null;
  w.onFlush = null;
  w.counter.call = count;
  if (!first.ok) throw new Error(`${sc.name}: the clean run failed: ${first.text}`);
  const problems = [...aftermath(sc, o, first), ...invariants(o)];
  if (problems.length) throw new Error(`${sc.name}: the clean run breaks the invariants:\n${problems.map((p) => `${p.invariant}: ${p.evidence}`).join("\n")}`);
  return { calls, flushes, clean: o };
}

function runPoint(sc: Scenario, snap: Snapshot | null, cal: Calibration, k: number, mode: Mode, drop: boolean): Violation[] {
  return pointRun(sc, snap, cal, k, mode, drop).found;
}

/** One fault point: the office it leaves (after the retry and the hourly trigger) and what the checks found. */
function pointRun(sc: Scenario, snap: Snapshot | null, cal: Calibration, k: number, mode: Mode, drop: boolean, keepCut: boolean | "only" = false, seed?: number): { o: Office; found: Violation[]; cut: string } {
  const o = startOffice(sc, snap, seed);
  const w = o.world;
  // What the last flush before the end held (nothing flushed yet: the spreadsheets as the execution found them).
  const last = Math.max(0, ...cal.flushes.filter((f) => f < k || (f === k && mode === "end-after")));
  let held: SpreadsheetSnap[] | null = drop && !last ? snapshotSpreadsheets(w) : null;
  if (drop && last) {
    w.onFlush = () => {
      if (w.faultCalls === last) held = snapshotSpreadsheets(w);
    };
  }
  w.faultCalls = 0;
  w.fault = { at: k, mode };
  const said = sc.op(o);
  const ended = w.ended;
  // An ended execution answers nothing, whatever its own catch blocks went on to return.
  const first: Reply = ended ? { ok: false, text: "(no reply: the execution ended)" } : said;
  w.fault = null;
  w.onFlush = null;
  w.ended = false;
  const out: Violation[] = [];
  if (mode !== "throw" && !ended) out.push({ invariant: "the sweep reached its fault", evidence: `call ${k} was never made (the clean run made ${cal.calls.length})` });
  if (ended && drop) {
    if (!held) throw new Error(`${sc.name} k=${k}: no flush snapshot`);
    restoreSpreadsheets(w, held);
  }
  const cut = keepCut ? JSON.stringify({ ...snapshot(w, null), savedAt: 0 }) : "";
  if (keepCut === "only") return { o, found: out, cut };
  // Apps Script releases an ended execution's lock (Bundle.run releases whatever its execution still holds).
  out.push(...aftermath(sc, o, first), ...invariants(o));
  if (sc.check) out.push(...sc.check(o, cal.clean));
  return { o, found: out, cut };
}

/** The clean run's calls and flushes of an operation (for the tests of the sweep's own shortcuts). */
export function calibration(sc: Scenario): { calls: string[]; flushes: number[] } {
  const snap = sc.prepare ? save(sc.prepare()) : null;
  const { calls, flushes } = calibrate(sc, snap);
  return { calls, flushes };
}

/** Spreadsheet services, whose writes wait for a flush (emulator/latency.ts counts the same kinds). */
const SPREADSHEET = /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|Protection|NamedRange|Filter|EmbeddedChart|TextFinder)\./;
/** Calls that only read (or only set up a search in memory): every other spreadsheet call counts as a write. */
const READS = /\.(get[A-Z]|is[A-Z]|has[A-Z]|find(All|Next|Previous)$|createTextFinder$|matchCase$|matchEntireCell$|matchFormulaText$|useRegularExpression$|ignoreDiacritics$|startFrom$|newDataValidation$|newConditionalFormatRule$|flush$)/;

/**
 * Calls that leave no trace in any service (reads, searches set up in memory, computations): an execution ended just
 * after one leaves what it leaves ended just after the call before it, so the sweep runs that point once, as the
 * earlier one (test/faults/equivalence.test.ts compares the cut executions at every such call of two operations).
 * Not here: every write, SpreadsheetApp.flush (it commits), Lock.tryLock/releaseLock, Utilities.getUuid (it draws from
 * the generator), Document.getAs (it saves), anything that sends, creates or opens for editing.
 */
export const TRACELESS =
  /^(SpreadsheetApp\.(getActive\w*|openById|getUi)|(Spreadsheet|Sheet|Range|RangeList|Protection|NamedRange|Filter|EmbeddedChart)\.(get[A-Z]\w*|is[A-Z]\w*|has[A-Z]\w*|createTextFinder)|TextFinder\.\w+|PropertiesService\.get\w+|Properties\.get\w+|CacheService\.get\w+|Cache\.get(All)?|Session\.\w+|User\.\w+|LockService\.get\w+|Lock\.hasLock|Utilities\.(base64\w+|compute\w+|newBlob|gzip|ungzip|formatDate)|Blob\.get\w+|HtmlService\.createHtmlOutputFromFile|HtmlOutput\.getContent|MailApp\.getRemainingDailyQuota|(Body|Paragraph|Table|TableRow|TableCell|Text|ListItem|HeaderSection|FooterSection)\.(get[A-Z]\w*|as[A-Z]\w*)|Document\.(getBody|getHeader|getFooter|getName|getId|getUrl)|DriveFiles\.get|DrivePermissions\.list)$/;

/** Whether a spreadsheet write was made after the last flush among the first `made` calls of the clean run. */
export function unflushed(cal: { calls: string[]; flushes: number[] }, made: number): boolean {
  const last = Math.max(0, ...cal.flushes.filter((f) => f <= made));
  for (let i = last; i < made; i++) if (SPREADSHEET.test(cal.calls[i]) && !READS.test(cal.calls[i])) return true;
  return false;
}

/**
 * Some points from one prepared office, for the test that (b) at k and (c) at k-1 are one run: what the cut execution
 * left (every service's state, as the workspace saves it) and the office after the retry and the hourly trigger.
 */
export function pointOffices(sc: Scenario, points: [k: number, mode: Mode, drop: boolean][]): { cut: string; o: Office }[] {
  const snap = sc.prepare ? save(sc.prepare()) : null;
  const cal = calibrate(sc, snap);
  return points.map(([k, mode, drop]) => pointRun(sc, snap, cal, k, mode, drop, true));
}

/**
 * What the cut executions left at some points (every service's state, as the workspace saves it), without the
 * aftermath; each from an office drawing the same random ids, so two cuts compare whole.
 */
export function pointCuts(sc: Scenario, points: [k: number, mode: Mode, drop: boolean][]): { calls: string[]; cuts: string[] } {
  const snap = sc.prepare ? save(sc.prepare()) : null;
  const cal = calibrate(sc, snap);
  return { calls: cal.calls, cuts: points.map(([k, mode, drop]) => pointRun(sc, snap, cal, k, mode, drop, "only", 7).cut) };
}

/**
 * Sweeps one operation; writes its figures to build/faults/<name>.json for the merged build/faults.json. `part`
 * [i, n] takes every n-th point from the i-th (0-based), so one long sweep can run as n files on n workers.
 */
export function sweep(sc: Scenario, only?: { k?: number; mode?: Mode; drop?: boolean }, part?: [number, number]): SweepResult {
  const t0 = Date.now();
  const c0 = process.cpuUsage();
  const snap = sc.prepare ? save(sc.prepare()) : null;
  const cal = calibrate(sc, snap);
  const failures: Failure[] = [];
  let points = 0;
  /** Points not run because an equivalent one is (an end just after a call that leaves no trace). */
  let covered = 0;
  let candidates = 0;
  const every = sc.every ?? 1;
  const picked = sc.pick ? new Set(sc.pick(cal.calls)) : null;
  const swept = (k: number) => k >= 1 && (picked ? picked.has(k) : (k - 1) % every === 0 || k === cal.calls.length);
  for (let k = 1; k <= cal.calls.length; k++) {
    if (!swept(k)) continue;
    if (only?.k !== undefined && only.k !== k) continue;
    for (const mode of ["throw", "end-before", "end-after"] as Mode[]) {
      if (only?.mode && only.mode !== mode) continue;
      // Ending just before call k is ending just after call k-1: the execution ran the same calls, and its next one
      // (call k) is refused with nothing done (World.beforeCall_ / afterCall_). Run once, as end-after k-1, when swept.
      if (mode === "end-before" && !only && swept(k - 1)) continue;
      // Ending just after a call that leaves no trace is ending just before it: the same run, made once, as that
      // point (run above as "ends before k", or as "ends after k-1" when that point is swept).
      if (mode === "end-after" && !only && TRACELESS.test(cal.calls[k - 1])) {
        if (!part || part[0] === 0) covered += unflushed(cal, k) ? 2 : 1;
        continue;
      }
      for (const drop of mode === "throw" ? [false] : [false, true]) {
        if (only?.drop !== undefined && only.drop !== drop) continue;
        // Nothing written to a spreadsheet since the last flush: dropping the unflushed writes drops nothing, and the
        // point is the one with them kept.
        if (drop && !only && !unflushed(cal, mode === "end-before" ? k - 1 : k)) continue;
        if (part && candidates++ % part[1] !== part[0]) continue;
        points++;
        let found: Violation[];
        try {
          found = runPoint(sc, snap, cal, k, mode, drop);
        } catch (e) {
          found = [{ invariant: "the sweep ran", evidence: (e as Error).stack ?? String(e) }];
        }
        for (const v of found) failures.push({ operation: sc.name, k, call: cal.calls[k - 1], mode, writes: drop ? "dropped" : "kept", ...v });
      }
    }
  }
  const cpu = process.cpuUsage(c0);
  const operation = `${sc.name}${partName(part)}`;
  const result = { operation, calls: cal.calls.length, points, covered, failures, ms: Date.now() - t0, cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
  if (!only) {
    const dir = join(ROOT, "build/faults");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${operation}.json`), JSON.stringify({ ...result, failures: failures.slice(0, 200), failureCount: failures.length }, null, 1));
  }
  return result;
}

/** How a part of a sweep is named in its figures: "setup (1 of 2)". */
export function partName(part?: [number, number]): string {
  return part ? ` (${part[0] + 1} of ${part[1]})` : "";
}

/** One line per failure: the operation, k (and the call it was), the mode, the invariant broken and the evidence. */
export function describe(f: Failure): string {
  const how = f.mode === "throw" ? "throws a server error" : `${f.mode === "end-before" ? "ends the execution just before it" : "ends the execution just after it"}, unflushed writes ${f.writes}`;
  return `${f.operation}: call ${f.k} (${f.call}) ${how} → ${f.invariant}: ${f.evidence}`;
}

/** Distinct failures by invariant and call, so a report stays readable when one bug breaks many points. */
export function summary(r: SweepResult, max = 40): string {
  const lines = r.failures.map(describe);
  return `${r.operation}: ${r.points} fault points over ${r.calls} calls, ${r.failures.length} failures\n${lines.slice(0, max).join("\n")}${lines.length > max ? `\n… ${lines.length - max} more` : ""}`;
}
