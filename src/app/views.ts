// Builds the JSON-safe views the sidebar shows from a case and its SOP.
import type { CaseView, CurrentStepView, HistoryView } from "../api";
import { ROLES, roleById } from "../catalog/roles";
import { jakartaDateString, workingMinutesBetween } from "../domain/calendar";
import type { CaseState } from "../domain/case";
import { holdersOf } from "../domain/pejabat";
import { lastActs, registerSheetName } from "../domain/register";
import { KIND_LABEL } from "../domain/journal";
import type { Sop } from "../domain/sop";
import { availableActions, laneRole, stepOf, stepStandard } from "../domain/transition";
import { calendar } from "./config";
import type { Env, LoadedCase } from "./cases";
import { correctionView } from "./correct";
import { lettersView } from "./letters";
import { queueCountOf } from "./queue";

const iso = (ms: number | null) => (ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString());

function fieldText(v: unknown): string {
  return v === undefined || v === null ? "" : String(v);
}

function currentStep(e: Env, sop: Sop, c: CaseState): CurrentStepView | null {
  const step = c.stepNo ? stepOf(sop, c.stepNo) : undefined;
  if (!step || c.status === "Selesai" || c.status === "Dibatalkan") return null;
  const roleId = laneRole(sop, step.role);
  const roleName = roleById(roleId)?.name ?? step.role;
  const std = stepStandard(step, e.cfg.settings.dayMinutes);
  const spent = workingMinutesBetween(calendar(e.cfg), c.stepSince, e.now);
  const pct = std ? (spent / std) * 100 : 0;
  const sla = std === null ? "none" : pct > 100 ? "red" : pct >= e.cfg.settings.nearDuePercent ? "amber" : "green";
  const external = roleById(roleId)?.external ?? false;
  const pemohon = String(c.fields.pemohon ?? "").trim();
  const holders = c.assignee
    ? [c.assignee]
    : external
      ? [pemohon.includes("@") ? pemohon : `Dicatat pegawai kantor atas nama ${roleName}${pemohon ? ` (${pemohon})` : ""}`]
      : holdersOf(e.cfg.officials, roleId, jakartaDateString(e.now), roleName).map((h) => (h.actingFor ? `${h.name} (${h.actingFor})` : h.name || h.email));
  const ref = (no: string | undefined) => {
    if (!no) return null;
    if (no === "selesai") return { no, text: "Selesai" };
    const s = stepOf(sop, no);
    return s ? { no: s.no, text: s.text } : null;
  };
  return {
    no: step.no,
    text: step.text,
    kind: step.kind,
    lane: step.role,
    roleName,
    holders,
    kelengkapan: step.kelengkapan.map((item) => {
      const t = c.ticks?.[`${step.no}|${item}`];
      return { item, done: !!t?.done, link: t?.link ?? "" };
    }),
    output: step.output,
    // A bare number in the SOP means minutes: say so.
    standardText: /^\d+$/.test(step.waktu.trim()) ? `${step.waktu.trim()} Menit` : step.waktu,
    standardMinutes: std,
    spentMinutes: spent,
    dueAt: iso(c.dueAt),
    sla,
    yesTo: step.kind === "decision" ? ref(step.yesTo) : null,
    noTo: step.kind === "decision" ? ref(step.noTo) : null,
    letters: step.letters ?? [],
  };
}

/**
 * The case as the panel shows it. `counting`: the reply carries the caller's Antrean saya count (one property read);
 * the selection poll, which runs every few seconds, says -1 ("not counted") to keep within the daily property quota.
 */
export function caseView(e: Env, sop: Sop, c: CaseState, loaded: LoadedCase | null, counting = true): CaseView {
  const current = sop.steps.find((s) => s.no === c.stepNo)?.role;
  const names = new Map(e.cfg.officials.map((o) => [o.email, o.name]));
  const history: HistoryView[] = c.history.map((h) => ({
    at: iso(h.at) as string,
    by: h.by,
    byName: names.get(h.by) ?? "",
    actingFor: h.actingFor,
    action: h.action,
    actionLabel: KIND_LABEL[h.action] ?? h.action,
    stepNo: h.stepNo,
    note: h.note,
    minutes: h.minutes,
    standard: h.standard,
  }));
  const ctx = { actor: e.actor, now: e.now, calendar: calendar(e.cfg), officials: e.cfg.officials, roles: ROLES, channel: "sidebar" as const };
  const acts = lastActs(sop, c);
  return {
    id: c.id,
    sopId: sop.id,
    sopCode: sop.code,
    sopTitle: sop.title,
    status: c.status,
    version: c.version,
    perihal: fieldText(c.fields.perihal),
    fields: sop.fields.map((f) => ({ label: f.label, value: fieldText(c.fields[f.key]) })),
    lanes: sop.lanes.map((l) => ({
      header: l.header,
      roleName: roleById(l.role)?.name ?? l.header,
      state: l.header === current && c.stepNo ? "current" : c.done[l.header] ? (acts.get(l.header) === "return" ? "returned" : "done") : "todo",
      at: c.done[l.header] ? iso(c.done[l.header]) : null,
    })),
    current: currentStep(e, sop, c),
    actions: availableActions(c, sop, ctx),
    history,
    historyOmitted: c.historyOmitted ?? 0,
    documents: c.documents,
    rounds: c.rounds,
    sheetName: registerSheetName(sop),
    row: loaded ? loaded.row : 0,
    correction: correctionView(e, sop, c),
    queueCount: counting ? queueCountOf(e) : -1,
    letters: lettersView(e, sop, c),
  };
}
