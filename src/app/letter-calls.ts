// Letter calls that change a case or Agenda Surat (Buat dokumen, Ambil nomor, a number outside a case, Batal): part of
// the letters module (src/letters/entry.ts), loaded only when one is made.
import type { CaseView } from "../api";
import { ROLES } from "../catalog/roles";
import type { CaseState, LogEntry } from "../domain/case";
import { AGENDA_STEP, type CaseLetters, NUMBER_STEP, letterLabel, templatesOf } from "../domain/letters";
import type { SopStep } from "../domain/sop";
import { authorize } from "../domain/transition";
import { agendaSheet, reserveNumber, setNumberStatus } from "./agenda";
import { type Env, type LoadedCase, Refusal, env, getCase, loadCase } from "./cases";
import { calendar } from "./config";
import { runQueueNow } from "./doc-worker";
import { history, queueLetters, takeStepNumbers } from "./letters";
import { withLock } from "./lock";
import { recordCase, recordEntry } from "./record-shim";
import { caseView } from "./views";

const ctxOf = (e: Env) => ({ actor: e.actor, now: e.now, calendar: calendar(e.cfg), officials: e.cfg.officials, roles: ROLES, channel: "sidebar" as const });

function currentStep(loaded: LoadedCase): SopStep {
  const step = loaded.sop.steps.find((s) => s.no === loaded.c.stepNo);
  if (!step || loaded.c.status === "Selesai" || loaded.c.status === "Dibatalkan") throw new Refusal(`Kasus ${loaded.c.id} sudah ${loaded.c.status.toLowerCase()}; tidak ada langkah yang membuat surat.`);
  return step;
}

function record(e: Env, loaded: LoadedCase, next: CaseState, entries: LogEntry[]): void {
  entries.forEach((l, i) =>
    recordCase(e, { ...loaded, read: i === 0 ? loaded.read : null }, next, { kind: "number", caseId: l.caseId, sopId: l.sopId, stepNo: l.stepNo, role: l.role, actor: l.actor, actingFor: "", note: l.note, minutes: 0, standard: null, channel: "sidebar", data: { letters: next.letters } }, []),
  );
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
    const taken = takeStepNumbers(e, loaded.sop, loaded.c, step);
    if (taken.entries.length) record(e, loaded, taken.c, taken.entries);
    queueLetters(taken.c, [...new Set([template, ...taken.remake])], e.actor.email, e.now, step.no);
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
    queueLetters(taken.c, taken.remake, e.actor.email, e.now, step.no);
    return { e, loaded, c: taken.c };
  });
  if (runQueueNow(result.e)) return getCase(caseId);
  return caseView(result.e, result.loaded.sop, result.c, result.loaded);
}

/** A number of Agenda Surat for a letter made outside a case (the book is the office's only numbering). */
export function reserveFreeNumber(klasifikasi: string, perihal: string): { nomor: string; key: string } {
  return withLock(() => {
    const e = env();
    if (!perihal.trim()) throw new Refusal("Tuliskan perihal surat yang diberi nomor.");
    if (!/^[0-9][0-9.]*$/.test(klasifikasi.trim())) throw new Refusal("Kode klasifikasi ditulis dengan angka dan titik, mis. 000.8.3.3.");
    const n = reserveNumber(e, { book: "Keluar", klasifikasi: klasifikasi.trim(), caseId: "", template: "", perihal: perihal.trim() });
    recordEntry(e, { kind: "number", caseId: "", sopId: "", stepNo: "", role: "", actor: e.actor.email, actingFor: "", note: `Nomor ${n.nomor} dipesan: ${perihal.trim()}`, minutes: 0, standard: null, channel: "sidebar", data: { key: n.key, nomor: n.nomor } });
    return { nomor: n.nomor, key: n.key };
  });
}

/** Batal: an admin cancels a reserved number; it stays in the book and is never given again. */
export function cancelNumber(key: string, reason: string): { key: string } {
  return withLock(() => {
    const e = env();
    if (!e.actor.admin) throw new Refusal("Hanya admin yang dapat membatalkan nomor surat.");
    if (reason.trim().length < 3) throw new Refusal("Tuliskan alasan pembatalan nomor.");
    setNumberStatus(e, key, "Batal", reason.trim());
    const sheet = agendaSheet(e);
    const hit = sheet.createTextFinder(key).matchEntireCell(true).findNext();
    const caseId = hit ? String(sheet.getRange(hit.getRow(), 8).getValue()) : "";
    if (caseId) {
      const loaded = loadCase(e, caseId);
      const letters: CaseLetters = { ...loaded.c.letters, numbers: Object.fromEntries(Object.entries(loaded.c.letters?.numbers ?? {}).map(([t, n]) => [t, n.key === key ? { ...n, status: "Batal" as const } : n])) };
      if (loaded.c.letters?.agenda?.key === key) letters.agenda = { ...loaded.c.letters.agenda, status: "Batal" };
      const entry: LogEntry = { at: e.now, caseId, sopId: loaded.sop.id, stepNo: loaded.c.stepNo, role: "", actor: e.actor.email, actingFor: "sebagai admin", action: "number", note: `Nomor ${key} dibatalkan: ${reason.trim()}`, minutes: 0, standard: null, channel: "sidebar" };
      const next = history({ ...loaded.c, letters }, entry);
      recordCase(e, loaded, next, { kind: "number", caseId, sopId: loaded.sop.id, stepNo: loaded.c.stepNo, role: "", actor: e.actor.email, actingFor: "sebagai admin", note: entry.note, minutes: 0, standard: null, channel: "sidebar", data: { key, batal: true } }, []);
    } else {
      recordEntry(e, { kind: "number", caseId: "", sopId: "", stepNo: "", role: "", actor: e.actor.email, actingFor: "sebagai admin", note: `Nomor ${key} dibatalkan: ${reason.trim()}`, minutes: 0, standard: null, channel: "sidebar", data: { key, batal: true } });
    }
    return { key };
  });
}

