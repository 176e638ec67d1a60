// The one transition function: (case, SOP, action, context) → the new case and its effects as data, or a refusal.
import { type WorkingCalendarConfig, addWorkingMinutes, jakartaDateString, workingMinutesBetween } from "./calendar";
import type { Action, Actor, CaseState, Channel, Effect, HistoryItem, LogEntry, TransitionResult } from "./case";
import { checkFields, isEmail } from "./fields";
import { DECISION_STEP } from "./letters";
import { type Official, holdersOf } from "./pejabat";
import type { Role, Sop, SopStep } from "./sop";
import { subjectOf } from "./subject";
import { parseWaktu, standardMinutes } from "./waktu";

export interface TransitionContext {
  actor: Actor;
  now: number;
  calendar: WorkingCalendarConfig;
  officials: Official[];
  roles: Role[];
  channel: Channel;
  /** The version the person saw; a different current version means the action is stale. */
  expectedVersion?: number;
  /** The step the person saw; a different current step means the action is stale. */
  expectedStep?: string;
  /** For start: the new case ID and the SOP revision stamp. */
  newId?: string;
  sopRev?: string;
}

export const SELESAI = "selesai";

const refuse = (reason: string): TransitionResult => ({ ok: false, reason });

export function stepOf(sop: Sop, no: string): SopStep | undefined {
  return sop.steps.find((s) => s.no === no);
}

export function laneRole(sop: Sop, header: string): string {
  return sop.lanes.find((l) => l.header === header)?.role ?? "";
}

/** The standard of a step in working minutes (upper bound of a range), or null. */
export function stepStandard(step: SopStep, dayMinutes: number): number | null {
  const p = parseWaktu(step.waktu);
  if (!p.ok || !p.standard) return null;
  return standardMinutes(p.standard, dayMinutes).max;
}

function dueOf(step: SopStep, since: number, ctx: TransitionContext): number | null {
  const std = stepStandard(step, ctx.calendar.dayMinutes);
  return std === null ? null : addWorkingMinutes(ctx.calendar, since, std);
}

/** Who may act on the current step: its role's holder (or acting official), the assignee, or an admin. */
export function authorize(sop: Sop, c: CaseState, step: SopStep, ctx: TransitionContext): { ok: true; actingFor: string } | { ok: false; reason: string } {
  const me = ctx.actor.email.trim().toLowerCase();
  const roleId = laneRole(sop, step.role);
  const role = ctx.roles.find((r) => r.id === roleId);
  const roleName = role?.name ?? step.role;
  if (c.assignee) {
    if (c.assignee === me) return { ok: true, actingFor: "" };
    if (ctx.actor.admin) return { ok: true, actingFor: "sebagai admin" };
    return { ok: false, reason: `Langkah ini sudah dialihkan kepada ${c.assignee}; hanya orang itu atau admin yang dapat menindaklanjutinya.` };
  }
  if (role?.external) {
    const pemohon = String(c.fields.pemohon ?? "").trim().toLowerCase();
    if (pemohon && pemohon === me) return { ok: true, actingFor: "" };
    if (ctx.officials.some((o) => o.email.trim().toLowerCase() === me) || ctx.actor.admin) {
      return { ok: true, actingFor: `atas nama ${roleName}` };
    }
    return { ok: false, reason: `Langkah ${roleName} dicatat oleh pegawai kantor atas nama ${roleName}; alamat ${ctx.actor.email} tidak ada di daftar Pejabat.` };
  }
  const holders = holdersOf(ctx.officials, roleId, jakartaDateString(ctx.now), roleName);
  const mine = holders.find((h) => h.email === me);
  if (mine) return { ok: true, actingFor: mine.actingFor };
  if (ctx.actor.admin) return { ok: true, actingFor: "sebagai admin" };
  const who = holders.length ? holders.map((h) => h.name || h.email).join(", ") : `belum ada yang ditetapkan di sheet Pejabat untuk ${roleName}`;
  return { ok: false, reason: `Langkah ${step.no} dikerjakan oleh ${roleName} (${who}). Anda (${ctx.actor.email}) tidak memegang peran itu.` };
}

function logEntry(c: CaseState, step: SopStep | undefined, action: Action, ctx: TransitionContext, actingFor: string, note: string): LogEntry {
  return {
    at: ctx.now,
    caseId: c.id,
    sopId: c.sopId,
    stepNo: step?.no ?? "",
    role: step?.role ?? "",
    actor: ctx.actor.email,
    actingFor,
    action: action.type,
    note,
    minutes: step && c.stepSince ? workingMinutesBetween(ctx.calendar, c.stepSince, ctx.now) : 0,
    standard: step ? stepStandard(step, ctx.calendar.dayMinutes) : null,
    channel: ctx.channel,
  };
}

/** Moves the case to a step (or finishes it when `to` is "selesai"). */
export function moveTo(sop: Sop, c: CaseState, to: string, ctx: TransitionContext): CaseState {
  const base = { ...c, assignee: "", version: c.version + 1, lastBy: ctx.actor.email, lastAt: ctx.now };
  if (to === SELESAI) return { ...base, status: "Selesai", stepNo: "", stepSince: ctx.now, dueAt: null };
  const step = stepOf(sop, to) as SopStep;
  return { ...base, stepNo: to, stepSince: ctx.now, dueAt: dueOf(step, ctx.now, ctx) };
}

/** What an email may say of the case: its Perihal, kept short. */
const perihalOf = (c: CaseState) => String(c.fields.perihal ?? "").slice(0, 300);

function assignedEffect(sop: Sop, c: CaseState, kind: "assigned" | "returned", reason = ""): Effect {
  const step = stepOf(sop, c.stepNo) as SopStep;
  const pemohon = String(c.fields.pemohon ?? "").trim().toLowerCase();
  const recorder = isEmail(pemohon) ? pemohon : c.createdBy;
  const base = { caseId: c.id, sopId: c.sopId, stepNo: c.stepNo, lane: step.role, assignee: c.assignee, recorder, by: c.lastBy, version: c.version, perihal: perihalOf(c) };
  return { type: "notify", notification: kind === "returned" ? { kind, ...base, reason } : { kind, ...base } };
}

function start(sop: Sop, action: Extract<Action, { type: "start" }>, ctx: TransitionContext): TransitionResult {
  if (!ctx.newId || !ctx.sopRev) return refuse("ID kasus baru belum disiapkan.");
  if (!sop.steps.length) return refuse(`SOP ${sop.title} belum punya langkah.`);
  const checked = checkFields(sop.fields, action.fields);
  if (!checked.ok) return refuse(Object.values(checked.errors).join(" "));
  const first = sop.steps[0];
  const c: CaseState = {
    id: ctx.newId,
    sopId: sop.id,
    sopRev: ctx.sopRev,
    fields: checked.values,
    status: "Berjalan",
    stepNo: first.no,
    stepSince: ctx.now,
    dueAt: dueOf(first, ctx.now, ctx),
    done: {},
    rounds: 0,
    version: 1,
    createdAt: ctx.now,
    createdBy: ctx.actor.email,
    assignee: "",
    documents: [],
    lastBy: ctx.actor.email,
    lastAt: ctx.now,
    srikandi: "",
    history: [],
    ticks: {},
  };
  const entry: LogEntry = { ...logEntry(c, first, action, ctx, "", "Kasus dibuat"), minutes: 0 };
  return { ok: true, case: c, effects: [{ type: "writeRow", case: c, isNew: true }, { type: "log", entry }, assignedEffect(sop, c, "assigned")] };
}

function finishOrAssign(sop: Sop, next: CaseState, ctx: TransitionContext): Effect[] {
  if (next.status === "Selesai") {
    const to = subjectOf(sop, next.fields, ctx.officials, next.createdBy);
    return [{ type: "notify", notification: { kind: "finished", caseId: next.id, sopId: next.sopId, to, by: next.lastBy, perihal: perihalOf(next) } }];
  }
  return [assignedEffect(sop, next, next.status === "Dikembalikan" ? "returned" : "assigned")];
}

/** Copies the log entry into the case's own history and keeps the written row in step with it. */
function withHistory(r: TransitionResult): TransitionResult {
  if (!r.ok) return r;
  const log = r.effects.find((e): e is Extract<Effect, { type: "log" }> => e.type === "log");
  if (!log) return r;
  const e = log.entry;
  const item: HistoryItem = { at: e.at, by: e.actor, actingFor: e.actingFor, action: e.action, stepNo: e.stepNo, note: e.note, minutes: e.minutes, standard: e.standard };
  const c: CaseState = { ...r.case, history: [...r.case.history, item] };
  return { ok: true, case: c, effects: r.effects.map((x) => (x.type === "writeRow" ? { ...x, case: c } : x)) };
}

/** Applies an action to a case. Pure: the caller executes the effects. */
export function transition(c: CaseState | null, sop: Sop, action: Action, ctx: TransitionContext): TransitionResult {
  return withHistory(apply(c, sop, action, ctx));
}

function apply(c: CaseState | null, sop: Sop, action: Action, ctx: TransitionContext): TransitionResult {
  if (action.type === "start") return start(sop, action, ctx);
  if (!c) return refuse("Kasus tidak ditemukan.");
  if (c.sopId !== sop.id) return refuse(`Kasus ${c.id} mengikuti SOP lain (${c.sopId}).`);
  const staleBy = c.lastBy ? ` oleh ${c.lastBy}` : "";
  if ((ctx.expectedVersion !== undefined && ctx.expectedVersion !== c.version) || (ctx.expectedStep !== undefined && ctx.expectedStep !== c.stepNo)) {
    return refuse(`Kasus ${c.id} sudah ditindaklanjuti${staleBy} sejak Anda membukanya; muat ulang untuk melihat keadaan terbaru.`);
  }
  const closed = c.status === "Selesai" || c.status === "Dibatalkan";
  const step = c.stepNo ? stepOf(sop, c.stepNo) : undefined;

  switch (action.type) {
    case "complete":
    case "approve":
    case "return": {
      if (closed || !step) return refuse(`Kasus ${c.id} sudah ${c.status.toLowerCase()}; tidak ada langkah yang bisa ditindaklanjuti.`);
      if (action.type === "complete" && step.kind !== "process") return refuse(`Langkah ${step.no} adalah keputusan: pilih Setujui atau Kembalikan.`);
      if (action.type !== "complete" && step.kind !== "decision") return refuse(`Langkah ${step.no} bukan keputusan: pilih Selesai & teruskan.`);
      if (action.type !== "return" && (step.letters ?? []).includes(DECISION_STEP)) return refuse(`Langkah ${step.no} memerlukan keputusan cuti: pilih Disetujui, Perubahan, Ditangguhkan atau Tidak disetujui.`);
      const auth = authorize(sop, c, step, ctx);
      if (!auth.ok) return refuse(auth.reason);
      if (action.type === "return") {
        const reason = action.reason.trim();
        if (reason.length < 3) return refuse("Tuliskan alasan pengembalian (apa yang harus diperbaiki).");
        const to = step.noTo as string;
        const moved = moveTo(sop, c, to, ctx);
        const next: CaseState = { ...moved, status: "Dikembalikan", rounds: c.rounds + 1, done: { ...c.done, [step.role]: ctx.now } };
        return { ok: true, case: next, effects: [{ type: "writeRow", case: next, isNew: false }, { type: "log", entry: logEntry(c, step, action, ctx, auth.actingFor, reason) }, assignedEffect(sop, next, "returned", reason)] };
      }
      const note = (action.note ?? "").trim();
      const to = action.type === "approve" ? (step.yesTo as string) : nextProcessTarget(sop, step);
      const moved = moveTo(sop, c, to, ctx);
      const next: CaseState = { ...moved, status: moved.status === "Selesai" ? "Selesai" : "Berjalan", done: { ...c.done, [step.role]: ctx.now } };
      const docs: Effect[] = (step.letters ?? []).map((template) => ({ type: "makeDocument", caseId: c.id, stepNo: step.no, template }));
      return { ok: true, case: next, effects: [{ type: "writeRow", case: next, isNew: false }, { type: "log", entry: logEntry(c, step, action, ctx, auth.actingFor, note) }, ...docs, ...finishOrAssign(sop, next, ctx)] };
    }
    case "reassign": {
      if (!ctx.actor.admin) return refuse("Hanya admin yang dapat mengalihkan kasus.");
      if (closed || !step) return refuse(`Kasus ${c.id} sudah ${c.status.toLowerCase()}; tidak bisa dialihkan.`);
      const email = action.email.trim().toLowerCase();
      if (!isEmail(email)) return refuse("Tuliskan alamat email orang yang menerima pengalihan.");
      const next: CaseState = { ...c, assignee: email, version: c.version + 1, lastBy: ctx.actor.email, lastAt: ctx.now };
      const entry = { ...logEntry(c, step, action, ctx, "sebagai admin", `Dialihkan kepada ${email}${action.note ? `: ${action.note.trim()}` : ""}`), minutes: 0 };
      return { ok: true, case: next, effects: [{ type: "writeRow", case: next, isNew: false }, { type: "log", entry }, assignedEffect(sop, next, "assigned")] };
    }
    case "cancel": {
      if (!ctx.actor.admin) return refuse("Hanya admin yang dapat membatalkan kasus.");
      if (closed) return refuse(`Kasus ${c.id} sudah ${c.status.toLowerCase()}.`);
      const reason = action.reason.trim();
      if (reason.length < 3) return refuse("Tuliskan alasan pembatalan.");
      const next: CaseState = { ...c, status: "Dibatalkan", stepNo: "", dueAt: null, assignee: "", version: c.version + 1, lastBy: ctx.actor.email, lastAt: ctx.now };
      return {
        ok: true,
        case: next,
        effects: [
          { type: "writeRow", case: next, isNew: false },
          { type: "log", entry: logEntry(c, step, action, ctx, "sebagai admin", reason) },
          { type: "notify", notification: { kind: "cancelled", caseId: c.id, sopId: c.sopId, to: subjectOf(sop, c.fields, ctx.officials, c.createdBy), reason, by: ctx.actor.email, perihal: perihalOf(c) } },
        ],
      };
    }
    case "reopen": {
      if (!ctx.actor.admin) return refuse("Hanya admin yang dapat membuka ulang kasus.");
      if (!closed) return refuse(`Kasus ${c.id} masih berjalan; tidak perlu dibuka ulang.`);
      const reason = action.reason.trim();
      if (reason.length < 3) return refuse("Tuliskan alasan membuka ulang kasus.");
      const to = action.toStep || sop.steps[sop.steps.length - 1].no;
      if (!stepOf(sop, to)) return refuse(`Langkah ${to} tidak ada di SOP ini.`);
      const moved = moveTo(sop, c, to, ctx);
      const next: CaseState = { ...moved, status: "Berjalan" };
      const entry = { ...logEntry(c, undefined, action, ctx, "sebagai admin", reason), stepNo: to, role: (stepOf(sop, to) as SopStep).role };
      return { ok: true, case: next, effects: [{ type: "writeRow", case: next, isNew: false }, { type: "log", entry }, assignedEffect(sop, next, "assigned")] };
    }
  }
}

/** Where a process step leads: the next step in order, or the end. */
export function nextProcessTarget(sop: Sop, step: SopStep): string {
  const i = sop.steps.indexOf(step);
  return i + 1 < sop.steps.length ? sop.steps[i + 1].no : SELESAI;
}

/** The actions the actor may take on the case now (for the sidebar's buttons). */
export function availableActions(c: CaseState, sop: Sop, ctx: TransitionContext): Exclude<Action["type"], "start">[] {
  const out: Exclude<Action["type"], "start">[] = [];
  const closed = c.status === "Selesai" || c.status === "Dibatalkan";
  const step = c.stepNo ? stepOf(sop, c.stepNo) : undefined;
  // A leave decision step ("keputusan" in the SOP's Surat column) is decided with the four BKN choices instead.
  if (!closed && step && authorize(sop, c, step, ctx).ok && !(step.letters ?? []).includes(DECISION_STEP)) out.push(...(step.kind === "decision" ? (["approve", "return"] as const) : (["complete"] as const)));
  if (ctx.actor.admin) out.push(...(closed ? (["reopen"] as const) : (["reassign", "cancel"] as const)));
  return out;
}
