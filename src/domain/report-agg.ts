// Laporan's running aggregates: exact counts per distinct duration (a small histogram per group), folded entry by entry.
import { workingMinutesBetween, type WorkingCalendarConfig, jakartaDateString } from "./calendar";
import type { CaseStatus } from "./case";
import type { Sop } from "./sop";
import { laneRole, stepStandard } from "./transition";

/** Working minutes → how many passes took exactly that long. Minutes are whole numbers, so the counts are exact. */
export type Hist = Record<string, number>;

/** Passes of steps (an entry that closes a step): how long they took, how many had a standard and kept it, how many returned the case. */
export interface Tally {
  h: Hist;
  n: number;
  /** Passes whose step had a standard, and of those the ones within it (minutes ≤ standard). */
  timed: number;
  within: number;
  /** Passes that sent the case back for correction (a "Kembalikan"). */
  returns: number;
}

/** Finished cases of an SOP: working minutes from start to finish, against the SOP's total standard. */
export interface CaseTally {
  h: Hist;
  n: number;
  timed: number;
  within: number;
  started: number;
  cancelled: number;
}

export interface MonthTally {
  steps: Tally;
  started: number;
  finished: number;
  cancelled: number;
}

/** Everything Laporan shows from history (late-now comes from the open cases instead). */
export interface Aggregates {
  v: 1;
  /** `${sopId}|${stepNo}` */
  step: Record<string, Tally>;
  /** Canonical role id (or the lane header when the SOP no longer knows it). */
  role: Record<string, Tally>;
  /** Actor email. */
  person: Record<string, Tally>;
  sopSteps: Record<string, Tally>;
  sopCases: Record<string, CaseTally>;
  /** "yyyy-MM" (WIB). */
  month: Record<string, MonthTally>;
  /** `${sopId}|${stepNo}|${yyyy}-${1|2}`: passes per step per semester, for Monitoring SOP. */
  sem: Record<string, Tally>;
  /** Entries counted, and of those legacy rows (Riwayat rows of earlier releases, counted by a full rebuild only). */
  entries: number;
  legacy: number;
}

export function emptyAggregates(): Aggregates {
  return { v: 1, step: {}, role: {}, person: {}, sopSteps: {}, sopCases: {}, month: {}, sem: {}, entries: 0, legacy: 0 };
}

const tally = (): Tally => ({ h: {}, n: 0, timed: 0, within: 0, returns: 0 });
const caseTally = (): CaseTally => ({ h: {}, n: 0, timed: 0, within: 0, started: 0, cancelled: 0 });
const monthTally = (): MonthTally => ({ steps: tally(), started: 0, finished: 0, cancelled: 0 });

function get<T>(m: Record<string, T>, k: string, make: () => T): T {
  let v = m[k];
  if (v === undefined) {
    v = make();
    m[k] = v;
  }
  return v;
}

function bump(h: Hist, minutes: number, by: number): void {
  const k = String(minutes);
  const n = (h[k] ?? 0) + by;
  if (n > 0) h[k] = n;
  else delete h[k];
}

/** Nearest-rank percentile of a histogram: the smallest duration with at least ⌈p/100 · n⌉ passes at or below it. */
export function percentile(h: Hist, p: number): number | null {
  const keys = Object.keys(h)
    .map(Number)
    .sort((a, b) => a - b);
  const n = keys.reduce((s, k) => s + h[String(k)], 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  let seen = 0;
  for (const k of keys) {
    seen += h[String(k)];
    if (seen >= rank) return k;
  }
  return keys[keys.length - 1];
}

export function longest(h: Hist): number | null {
  const keys = Object.keys(h).map(Number);
  return keys.length ? Math.max(...keys) : null;
}

/** A step-closing entry as Laporan needs it, from a journal entry or a legacy Riwayat row. */
export interface Pass {
  at: number;
  sopId: string;
  stepNo: string;
  /** Lane header of the step. */
  lane: string;
  actor: string;
  minutes: number;
  standard: number | null;
  returned: boolean;
}

export interface FoldContext {
  sops: Map<string, Sop>;
  dayMinutes: number;
  calendar: WorkingCalendarConfig;
}

const month = (at: number) => jakartaDateString(at).slice(0, 7);
export const semesterOf = (at: number): string => {
  const ymd = jakartaDateString(at);
  return `${ymd.slice(0, 4)}-${Number(ymd.slice(5, 7)) <= 6 ? 1 : 2}`;
};

/** The canonical role behind an SOP's lane header, so KASUBBAG and Kasubag count as one pelaksana. */
export function roleKey(ctx: FoldContext, sopId: string, lane: string): string {
  const sop = ctx.sops.get(sopId);
  return sop?.lanes.some((l) => l.header === lane) ? laneRole(sop, lane) : lane;
}

function addPass(t: Tally, p: Pass, by: number): void {
  bump(t.h, p.minutes, by);
  t.n += by;
  if (p.standard !== null) {
    t.timed += by;
    if (p.minutes <= p.standard) t.within += by;
  }
  if (p.returned) t.returns += by;
}

/** Adds one pass of a step to every group it belongs to. Commutative: passes may be folded in any order. */
export function foldPass(a: Aggregates, p: Pass, ctx: FoldContext): void {
  addPass(get(a.step, `${p.sopId}|${p.stepNo}`, tally), p, 1);
  addPass(get(a.role, roleKey(ctx, p.sopId, p.lane), tally), p, 1);
  addPass(get(a.person, p.actor.trim().toLowerCase(), tally), p, 1);
  addPass(get(a.sopSteps, p.sopId, tally), p, 1);
  addPass(get(a.month, month(p.at), monthTally).steps, p, 1);
  addPass(get(a.sem, `${p.sopId}|${p.stepNo}|${semesterOf(p.at)}`, tally), p, 1);
}

export function foldStart(a: Aggregates, sopId: string, at: number): void {
  get(a.sopCases, sopId, caseTally).started++;
  get(a.month, month(at), monthTally).started++;
}

/** Total standard of an SOP in working minutes (every step once, as the SOP AP page adds them); null when no step has one. */
export function sopStandardMinutes(sop: Sop | undefined, dayMinutes: number): number | null {
  if (!sop) return null;
  let sum = 0;
  let any = false;
  for (const s of sop.steps) {
    const m = stepStandard(s, dayMinutes);
    if (m !== null) {
      sum += m;
      any = true;
    }
  }
  return any ? sum : null;
}

/** How a case ended (or was reopened), as the last case event before a reopen must be undone. */
export interface CaseEnd {
  kind: "finish" | "cancel";
  sopId: string;
  at: number;
  /** Working minutes from start to finish (finish only). */
  minutes: number;
}

/** A finished case's working time: from its start to the entry that finished it, on the office's calendar. */
export function caseMinutes(ctx: FoldContext, createdAt: number, finishedAt: number): number {
  return workingMinutesBetween(ctx.calendar, createdAt, finishedAt);
}

/** Counts (by = 1) or uncounts (by = −1, when the case is reopened) how a case ended. */
export function foldEnd(a: Aggregates, end: CaseEnd, ctx: FoldContext, by: 1 | -1): void {
  const c = get(a.sopCases, end.sopId, caseTally);
  const m = get(a.month, month(end.at), monthTally);
  if (end.kind === "cancel") {
    c.cancelled += by;
    m.cancelled += by;
    return;
  }
  bump(c.h, end.minutes, by);
  c.n += by;
  m.finished += by;
  const std = sopStandardMinutes(ctx.sops.get(end.sopId), ctx.dayMinutes);
  if (std !== null) {
    c.timed += by;
    if (end.minutes <= std) c.within += by;
  }
}

/** Whether a status after an entry ends the case. */
export const isEnd = (status: CaseStatus | undefined): status is "Selesai" | "Dibatalkan" => status === "Selesai" || status === "Dibatalkan";

/** The figures of a tally for the tables: count, median, p90, longest, share within standard (0–1), returns. */
export interface Figures {
  n: number;
  median: number | null;
  p90: number | null;
  longest: number | null;
  withinShare: number | null;
  returns: number;
}

export function figures(t: { h: Hist; n: number; timed: number; within: number; returns?: number } | undefined): Figures {
  if (!t || t.n <= 0) return { n: 0, median: null, p90: null, longest: null, withinShare: null, returns: t?.returns ?? 0 };
  return {
    n: t.n,
    median: percentile(t.h, 50),
    p90: percentile(t.h, 90),
    longest: longest(t.h),
    withinShare: t.timed ? t.within / t.timed : null,
    returns: t.returns ?? 0,
  };
}

/** The state as text for the hidden sheet, and back (a missing or foreign text gives null). */
export function parseAggregates(json: string): Aggregates | null {
  try {
    const a = JSON.parse(json) as Aggregates;
    return a && a.v === 1 && typeof a.step === "object" ? a : null;
  } catch {
    return null;
  }
}
