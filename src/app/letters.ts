// Letters of a case: Buat dokumen (queued for the worker), numbers at the SOP's numbering steps, the panel's letter view.
import type { LettersView } from "../api";
import type { CaseState, Effect, HistoryItem, LogEntry, TransitionResult } from "../domain/case";
import { formatTanggalJam } from "../domain/calendar";
import { AGENDA_STEP, klasifikasiOf, type CaseLetters, type LetterNumber, NUMBERED, NUMBER_STEP, PASSWORD_STEP, letterGroups, letterLabel, templatesOf } from "../domain/letters";
import type { Sop, SopStep } from "../domain/sop";
import { authorize } from "../domain/transition";
import { ROLES } from "../catalog/roles";
import { type Env, Refusal, env, loadCase } from "./cases";
import { calendar } from "./config";
import { MAX_JOBS, enqueue, loadQueue, saveQueue } from "./doc-queue";
import { agendaSheet, reserveNumber, setNumberStatus } from "./agenda";
import { loadDrive } from "./drive-store";
import { withLock } from "./lock";
import { recordCase, recordEntry } from "./record-shim";



const ctxOf = (e: Env) => ({ actor: e.actor, now: e.now, calendar: calendar(e.cfg), officials: e.cfg.officials, roles: ROLES, channel: "sidebar" as const });

/** Numbered templates of a case that a numbering step gives numbers to: those made, else the first the SOP names. */
function toNumber(sop: Sop, c: CaseState): string[] {
  const made = Object.keys(c.letters?.versions ?? {}).filter((t) => NUMBERED.has(t));
  if (made.length) return made;
  const named = sop.steps.flatMap((s) => templatesOf(s.letters)).find((t) => NUMBERED.has(t));
  return named ? [named] : [];
}

function withNumber(c: CaseState, template: string | null, n: LetterNumber): CaseState {
  const letters: CaseLetters = { ...c.letters };
  if (template === null) letters.agenda = n;
  else letters.numbers = { ...letters.numbers, [template]: n };
  return { ...c, letters };
}

export function history(c: CaseState, entry: LogEntry): CaseState {
  const item: HistoryItem = { at: entry.at, by: entry.actor, actingFor: entry.actingFor, action: entry.action, stepNo: entry.stepNo, note: entry.note, minutes: 0, standard: null };
  return { ...c, history: [...c.history, item] };
}

/**
 * At a step marked "agenda" or "nomor" in the SOP's Surat column, reserves the numbers the case still lacks (under the
 * lock). Returns the case with them and the entries to record; numbered letters already made are re-made with it.
 */
export function takeStepNumbers(e: Env, sop: Sop, c: CaseState, step: SopStep): { c: CaseState; entries: LogEntry[]; remake: string[] } {
  const marks = step.letters ?? [];
  const entries: LogEntry[] = [];
  const remake: string[] = [];
  let next = c;
  const base = { at: e.now, caseId: c.id, sopId: c.sopId, stepNo: step.no, role: step.role, actor: e.actor.email, actingFor: "", action: "number" as const, minutes: 0, standard: null, channel: "sidebar" as const };
  const perihal = String(c.fields.perihal ?? "");
  if (marks.includes(AGENDA_STEP) && !c.letters?.agenda) {
    const n = reserveNumber(e, { book: "Masuk", klasifikasi: klasifikasiOf(sop, c), caseId: c.id, template: "agenda", perihal });
    next = withNumber(next, null, n);
    entries.push({ ...base, note: `Nomor agenda ${n.nomor}` });
  }
  if (marks.includes(NUMBER_STEP)) {
    for (const t of toNumber(sop, next)) {
      const have = next.letters?.numbers?.[t];
      if (have && have.status !== "Batal") continue;
      const n = reserveNumber(e, { book: "Keluar", klasifikasi: klasifikasiOf(sop, c), caseId: c.id, template: t, perihal });
      next = withNumber(next, t, n);
      entries.push({ ...base, note: `Nomor ${letterLabel(t)}: ${n.nomor}` });
      if (next.letters?.versions?.[t]) remake.push(t);
    }
  }
  for (const x of entries) next = history(next, x);
  return { c: next, entries, remake };
}

/**
 * Queues the case's letters (under the lock). Strict (a person asked for them): a full queue refuses. Lenient (the
 * letters a finished step produces): a step is never held back by the queue; what did not fit is returned.
 */
export function queueLetters(c: CaseState, templates: string[], by: string, now: number, step: string, lenient = false): string[] {
  if (!templates.length) return [];
  let q = loadQueue();
  const left: string[] = [];
  for (const template of templates) {
    if (lenient && q.length >= MAX_JOBS) left.push(template);
    else q = enqueue(q, { kind: "letter", caseId: c.id, template, by, at: now, step });
  }
  saveQueue(q);
  return left;
}

/**
 * The hook act() runs after transition() and before writing (under the lock): a completed step marked for numbers
 * gets them; letters its step names that were never made are queued (the SOP's output is not skipped); a cancelled
 * case's reserved numbers are marked Batal in Agenda Surat.
 */
export function withLetterEffects(e: Env, before: CaseState, sop: Sop, r: TransitionResult): TransitionResult {
  if (!r.ok) return r;
  const step = sop.steps.find((s) => s.no === before.stepNo);
  if (r.case.status === "Dibatalkan") {
    for (const n of Object.values(before.letters?.numbers ?? {})) if (n.status === "Dipesan") setNumberStatus(e, n.key, "Batal", `Kasus ${before.id} dibatalkan`);
    const numbers = Object.fromEntries(Object.entries(before.letters?.numbers ?? {}).map(([t, n]) => [t, n.status === "Dipesan" ? { ...n, status: "Batal" as const } : n]));
    const c = { ...r.case, letters: { ...r.case.letters, numbers } };
    return { ok: true, case: c, effects: r.effects.map((x) => (x.type === "writeRow" ? { ...x, case: c } : x)) };
  }
  const moved = r.case.stepNo !== before.stepNo || r.case.status !== before.status;
  if (!step || !moved || r.case.status === "Dikembalikan") return r;
  const taken = takeStepNumbers(e, sop, r.case, step);
  // A letter the finished step was to produce and nobody made is made now, in its usual form.
  const waiting = new Set(loadQueue().filter((j) => j.caseId === before.id).map((j) => j.template));
  const missing = letterGroups(step.letters, true).filter((g) => !g.some((t) => taken.c.letters?.versions?.[t] || waiting.has(t))).map((g) => g[0]);
  const left = queueLetters(taken.c, [...new Set([...taken.remake, ...missing])], e.actor.email, e.now, step.no, true);
  const entries = [...taken.entries];
  let c = taken.c;
  if (left.length) {
    // The worker is behind (its trigger stopped?): the case moves on, and its history says which letters to make by hand.
    const entry: LogEntry = { at: e.now, caseId: c.id, sopId: c.sopId, stepNo: step.no, role: step.role, actor: e.actor.email, actingFor: "", action: "document", note: `Belum dibuat (antrean dokumen penuh): ${left.map(letterLabel).join(", ")}; buat dari panel dengan Buat dokumen.`, minutes: 0, standard: null, channel: "sidebar" };
    entries.push(entry);
    c = history(c, entry);
  }
  const effects: Effect[] = r.effects.map((x) => (x.type === "writeRow" ? { ...x, case: c } : x));
  for (const entry of entries) effects.push({ type: "log", entry });
  return { ok: true, case: c, effects };
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


/** The panel's letters part of a case: what to make now, what waits, the numbers, and a leave case's decisions. */
export function lettersView(e: Env, sop: Sop, c: CaseState): LettersView {
  const step = sop.steps.find((s) => s.no === c.stepNo);
  const open = c.status === "Berjalan" || c.status === "Dikembalikan";
  const mine = !!step && open && authorize(sop, c, step, ctxOf(e)).ok;
  const marks = step?.letters ?? [];
  const numbers = Object.entries(c.letters?.numbers ?? {}).map(([t, n]) => ({ template: t, label: letterLabel(t), nomor: n.nomor, status: n.status }));
  const lacking = marks.includes(NUMBER_STEP) ? toNumber(sop, c).some((t) => !c.letters?.numbers?.[t] || c.letters.numbers[t].status === "Batal") : false;
  const reg = loadDrive();
  return {
    templates: mine ? templatesOf(step?.letters).map((id) => ({ id, label: letterLabel(id) })) : [],
    pending: loadQueue()
      .filter((j) => j.caseId === c.id)
      .map((j) => ({ template: j.template ?? "", label: letterLabel(j.template ?? ""), at: new Date(j.at).toISOString() })),
    numbers,
    agenda: c.letters?.agenda ? `${c.letters.agenda.nomor}${c.letters.agenda.status === "Batal" ? " (batal)" : ""}` : null,
    canNumber: mine && (lacking || (marks.includes(AGENDA_STEP) && !c.letters?.agenda)),
    folder: c.letters?.folder ? `https://drive.google.com/drive/folders/${c.letters.folder}` : null,
    worker: reg ? reg.owner : null,
    account: c.letters?.account ? { username: c.letters.account.username, at: formatTanggalJam(c.letters.account.at) } : null,
    canIssuePassword: mine && marks.includes(PASSWORD_STEP),
    leave: sop.id === "cuti",
  };
}
