// Buat dokumen and Ambil nomor: part of the letters module (src/letters/entry.ts), loaded only when one is asked for.
import type { CaseView } from "../api";
import { ROLES } from "../catalog/roles";
import type { CaseState, LogEntry } from "../domain/case";
import { AGENDA_STEP, NUMBER_STEP, letterLabel, templatesOf } from "../domain/letters";
import type { SopStep } from "../domain/sop";
import { authorize } from "../domain/transition";
import { type Env, type LoadedCase, Refusal, env, getCase, loadCase } from "./cases";
import { calendar } from "./config";
import { MAX_JOBS, loadQueue } from "./doc-queue";
import { runQueueNow } from "./doc-worker";
import { queueLetters, takeStepNumbers } from "./letters";
import { withLock } from "./lock";
import { recordCase } from "./record-shim";
import { caseView } from "./views";

const ctxOf = (e: Env) => ({ actor: e.actor, now: e.now, calendar: calendar(e.cfg), officials: e.cfg.officials, roles: ROLES, channel: "sidebar" as const });

function currentStep(loaded: LoadedCase): SopStep {
  const step = loaded.sop.steps.find((s) => s.no === loaded.c.stepNo);
  if (!step || loaded.c.status === "Selesai" || loaded.c.status === "Dibatalkan") throw new Refusal(`Kasus ${loaded.c.id} sudah ${loaded.c.status.toLowerCase()}; tidak ada langkah yang membuat surat.`);
  return step;
}

function record(e: Env, loaded: LoadedCase, next: CaseState, entries: LogEntry[]): void {
  entries.forEach((l, i) => {
    recordCase(e, { ...loaded, read: i === 0 ? loaded.read : null }, next, { kind: "number", caseId: l.caseId, sopId: l.sopId, stepNo: l.stepNo, role: l.role, actor: l.actor, actingFor: "", note: l.note, minutes: 0, standard: null, channel: "sidebar", data: { letters: next.letters } }, []);
  });
}

/** Buat dokumen: queues the letter for the worker (numbers the step marks are taken first, under the lock). */
export function requestDocument(caseId: string, template: string): CaseView {
  const result = withLock(() => {
    const e = env();
    const loaded = loadCase(e, caseId);
    const step = currentStep(loaded);
    if (!templatesOf(step.letters).includes(template)) throw new Refusal(`Langkah ini tidak menghasilkan ${letterLabel(template)}.`);
    const auth = authorize(loaded.sop, loaded.c, step, ctxOf(e));
    if (!auth.ok) throw new Refusal(auth.reason);
    // Refused before any number is taken: a number reserved for a letter that cannot be queued would wait for nothing.
    if (loadQueue().length >= MAX_JOBS) throw new Refusal("Antrean pembuatan dokumen penuh; coba lagi beberapa menit lagi.");
    const taken = takeStepNumbers(e, loaded.sop, loaded.c, step);
    if (taken.entries.length) record(e, loaded, taken.c, taken.entries);
    queueLetters(taken.c, [...new Set([template, ...taken.remake])], e.actor.email, e.now, step.no, true);
    return { e, loaded, c: taken.c };
  });
  if (runQueueNow(result.e)) return getCase(caseId);
  return caseView(result.e, result.loaded.sop, result.c, result.loaded);
}

/** Ambil nomor: at a numbering step, the numbers the case's letters still lack (and re-made letters carrying them). */
export function takeNumbers(caseId: string): CaseView {
  const result = withLock(() => {
    const e = env();
    const loaded = loadCase(e, caseId);
    const step = currentStep(loaded);
    const marks = step.letters ?? [];
    if (!marks.includes(NUMBER_STEP) && !marks.includes(AGENDA_STEP)) throw new Refusal(`Langkah ${step.no} bukan langkah penomoran surat.`);
    const auth = authorize(loaded.sop, loaded.c, step, ctxOf(e));
    if (!auth.ok) throw new Refusal(auth.reason);
    const taken = takeStepNumbers(e, loaded.sop, loaded.c, step);
    if (!taken.entries.length) throw new Refusal("Semua surat kasus ini sudah bernomor.");
    record(e, loaded, taken.c, taken.entries);
    // The numbers are what was asked for; a letter that does not fit in the queue is re-made from the panel later.
    queueLetters(taken.c, taken.remake, e.actor.email, e.now, step.no, true);
    return { e, loaded, c: taken.c };
  });
  if (runQueueNow(result.e)) return getCase(caseId);
  return caseView(result.e, result.loaded.sop, result.c, result.loaded);
}

