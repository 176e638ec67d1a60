// The open-case index: one small record per running case, kept beside the registers so the panel's lists never search them.
import type { CaseState } from "./case";
import type { Sop } from "./sop";

/** A running case as the panel's lists and Laporan's "late now" need it. */
export interface OpenCase {
  id: string;
  sopId: string;
  /** The SOP revision the case started with (its steps may differ from today's). */
  sopRev: string;
  stepNo: string;
  /** The step's text, shortened (a list shows one line of it). */
  stepText: string;
  /** The lane header of the current step (the SOP's Pelaksana column) and its canonical role id. */
  lane: string;
  role: string;
  /** Who a reassigned step belongs to ("" when the role's holders have it). */
  assignee: string;
  status: "Berjalan" | "Dikembalikan";
  /** When the current step began, and when it is due (null: no standard). Epoch ms. */
  since: number;
  dueAt: number | null;
  /** The step's standard in working minutes, or null. */
  standard: number | null;
  perihal: string;
  createdBy: string;
  /** The Pemohon's email when the case names one (outside parties' steps are theirs). */
  pemohon: string;
  version: number;
  rounds: number;
}

const STEP_TEXT = 120;
const PERIHAL = 160;

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The index record of a case, or null when the case is not running (it leaves the index). */
export function openCaseOf(sop: Sop, c: CaseState, roleOfLane: (lane: string) => string, standard: number | null): OpenCase | null {
  if (c.status !== "Berjalan" && c.status !== "Dikembalikan") return null;
  const step = sop.steps.find((s) => s.no === c.stepNo);
  if (!step) return null;
  const pemohon = String(c.fields.pemohon ?? "").trim().toLowerCase();
  return {
    id: c.id,
    sopId: c.sopId,
    sopRev: c.sopRev,
    stepNo: c.stepNo,
    stepText: cut(step.text, STEP_TEXT),
    lane: step.role,
    role: roleOfLane(step.role),
    assignee: c.assignee,
    status: c.status,
    since: c.stepSince,
    dueAt: c.dueAt,
    standard,
    perihal: cut(String(c.fields.perihal ?? ""), PERIHAL),
    createdBy: c.createdBy,
    pemohon: pemohon.includes("@") ? pemohon : "",
    version: c.version,
    rounds: c.rounds,
  };
}
