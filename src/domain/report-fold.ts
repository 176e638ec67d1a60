// Folding Riwayat into Laporan's aggregates: the daily run (journal entries since the checkpoint, in sequence order) and the full rebuild (every row, in any order).
import type { CaseStatus, LogEntry } from "./case";
import { type JournalEntry, STEP_KINDS } from "./journal";
import { type Aggregates, type CaseEnd, type FoldContext, caseMinutes, foldEnd, foldPass, foldStart } from "./report-agg";
import type { Sop } from "./sop";
import { SELESAI } from "./transition";
import { nextStep } from "./validate";

/** One Riwayat row as Laporan reads it. Journal rows carry their sequence number and the case after the entry. */
export interface Fact {
  /** Null for a legacy row (no No column). */
  seq: number | null;
  at: number;
  kind: string;
  caseId: string;
  sopId: string;
  stepNo: string;
  lane: string;
  actor: string;
  minutes: number;
  standard: number | null;
  /** The case's status after this entry, and when it was started (journal rows only). */
  status?: CaseStatus;
  createdAt?: number;
}

export function factOfJournal(e: JournalEntry): Fact {
  const st = e.data?.state as { status?: CaseStatus; createdAt?: number } | undefined;
  return {
    seq: e.seq,
    at: e.at,
    kind: e.kind,
    caseId: e.caseId,
    sopId: e.sopId,
    stepNo: e.stepNo,
    lane: e.role,
    actor: e.actor,
    minutes: e.minutes,
    standard: e.standard,
    ...(st?.status ? { status: st.status } : {}),
    ...(typeof st?.createdAt === "number" ? { createdAt: st.createdAt } : {}),
  };
}

export function factOfLegacy(e: LogEntry): Fact {
  return { seq: null, at: e.at, kind: e.action, caseId: e.caseId, sopId: e.sopId, stepNo: e.stepNo, lane: e.role, actor: e.actor, minutes: e.minutes, standard: e.standard };
}

const isPass = (f: Fact) => STEP_KINDS.has(f.kind);

function foldStepLevel(a: Aggregates, f: Fact, ctx: FoldContext): void {
  a.entries++;
  if (f.seq === null) a.legacy++;
  if (f.kind === "start") foldStart(a, f.sopId, f.at);
  if (isPass(f)) {
    foldPass(a, { at: f.at, sopId: f.sopId, stepNo: f.stepNo, lane: f.lane, actor: f.actor, minutes: Math.max(0, Math.round(f.minutes)), standard: f.standard, returned: f.kind === "return" }, ctx);
  }
}

/**
 * How a journal entry changes the case's ending: a step that left the case Selesai finishes it, a cancel cancels it, a
 * reopen undoes the last ending (null); anything else leaves it (undefined).
 */
export function caseEvent(f: Fact, ctx: FoldContext): CaseEnd | null | undefined {
  if (f.kind === "reopen") return null;
  if (f.kind === "cancel") return { kind: "cancel", sopId: f.sopId, at: f.at, minutes: 0 };
  if (isPass(f) && f.status === "Selesai") {
    return { kind: "finish", sopId: f.sopId, at: f.at, minutes: f.createdAt === undefined ? 0 : caseMinutes(ctx, f.createdAt, f.at) };
  }
  return undefined;
}

/**
 * The daily run: journal facts since the checkpoint, folded in sequence order. A reopen undoes how the case ended
 * before it — found among this run's entries, else by `lastEnd` (the case's own rows in Riwayat).
 */
export function foldJournal(a: Aggregates, facts: Fact[], ctx: FoldContext, lastEnd: (caseId: string, beforeSeq: number) => CaseEnd | null): void {
  const ends = new Map<string, CaseEnd | null>();
  for (const f of [...facts].sort((x, y) => (x.seq ?? 0) - (y.seq ?? 0))) {
    foldStepLevel(a, f, ctx);
    const ev = caseEvent(f, ctx);
    if (ev === undefined) continue;
    if (ev === null) {
      const before = ends.has(f.caseId) ? (ends.get(f.caseId) ?? null) : lastEnd(f.caseId, f.seq ?? 0);
      if (before) foldEnd(a, before, ctx, -1);
      ends.set(f.caseId, null);
    } else {
      foldEnd(a, ev, ctx, 1);
      ends.set(f.caseId, ev);
    }
  }
}

/** Between the runs of a full rebuild: per case, what decides how it ended. */
export interface RebuildScratch {
  /** Journal: the case's latest ending event by sequence number (end null: reopened). */
  last: Record<string, { seq: number; end: CaseEnd | null }>;
  /** Legacy rows: what the case's rows say; its register's Status decides at the end. */
  legacy: Record<string, { sopId: string; startAt?: number; stepAt?: number; stepNo?: string; stepKind?: string; cancelAt?: number; minutes: number }>;
}

export const emptyScratch = (): RebuildScratch => ({ last: {}, legacy: {} });

/**
 * The full rebuild, row by row in whatever order the sheet holds them: passes and starts are counted at once (their
 * sums do not depend on order); how each case ended is kept aside and decided by finishRebuild.
 */
export function foldForRebuild(a: Aggregates, s: RebuildScratch, f: Fact, ctx: FoldContext): void {
  foldStepLevel(a, f, ctx);
  if (f.seq !== null) {
    const ev = caseEvent(f, ctx);
    if (ev === undefined) return;
    const prev = s.last[f.caseId];
    if (!prev || prev.seq < f.seq) s.last[f.caseId] = { seq: f.seq, end: ev };
    return;
  }
  const c = s.legacy[f.caseId] ?? { sopId: f.sopId, minutes: 0 };
  s.legacy[f.caseId] = c;
  if (f.kind === "start") c.startAt = Math.min(c.startAt ?? f.at, f.at);
  if (isPass(f)) c.minutes += Math.max(0, Math.round(f.minutes));
  if ((f.kind === "complete" || f.kind === "approve") && (c.stepAt === undefined || f.at >= c.stepAt)) {
    c.stepAt = f.at;
    c.stepNo = f.stepNo;
    c.stepKind = f.kind;
  }
  if (f.kind === "cancel") c.cancelAt = Math.max(c.cancelAt ?? f.at, f.at);
}

/** Whether a legacy case's last step ended its SOP (used when its register row is gone). */
function endsSop(sop: Sop | undefined, stepNo: string | undefined, kind: string | undefined): boolean {
  const step = sop?.steps.find((x) => x.no === stepNo);
  if (!sop || !step) return false;
  if (kind === "approve") return step.kind === "decision" && step.yesTo === SELESAI;
  return kind === "complete" && step.kind === "process" && nextStep(sop, step.no) === null;
}

/**
 * Decides how every case ended. Journal cases: their latest ending event. Legacy cases (none of their rows in the
 * journal format): their register's Status now, else whether their last step ended the SOP.
 */
export function finishRebuild(a: Aggregates, s: RebuildScratch, ctx: FoldContext, statusOf: (caseId: string) => string | undefined): void {
  for (const { end } of Object.values(s.last)) if (end) foldEnd(a, end, ctx, 1);
  for (const [caseId, c] of Object.entries(s.legacy)) {
    if (s.last[caseId]) continue;
    const status = statusOf(caseId);
    if (status === "Dibatalkan" && c.cancelAt !== undefined) {
      foldEnd(a, { kind: "cancel", sopId: c.sopId, at: c.cancelAt, minutes: 0 }, ctx, 1);
      continue;
    }
    const finished = status === undefined ? endsSop(ctx.sops.get(c.sopId), c.stepNo, c.stepKind) : status === "Selesai";
    if (!finished || c.stepAt === undefined) continue;
    const minutes = c.startAt !== undefined ? caseMinutes(ctx, c.startAt, c.stepAt) : c.minutes;
    foldEnd(a, { kind: "finish", sopId: c.sopId, at: c.stepAt, minutes }, ctx, 1);
  }
}
