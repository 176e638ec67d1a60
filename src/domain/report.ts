// Laporan: time actually taken against the SOP's standard, per SOP, step, role and month, computed from Riwayat alone.
import type { LogEntry } from "./case";
import { BULAN, jakartaDateString } from "./calendar";
import type { Cell } from "./register";
import type { Role, Sop } from "./sop";
import { SELESAI, stepStandard } from "./transition";
import { nextStep } from "./validate";

/** One table of the Laporan sheet; `chart` asks for a chart drawn from its first `chart.columns` columns. */
export interface ReportBlock {
  key: "sop" | "month" | "step" | "role";
  heading: string;
  headers: string[];
  rows: Cell[][];
  chart?: { type: "COLUMN" | "LINE"; title: string; columns: number };
}

export interface Report {
  title: string;
  subtitle: string;
  blocks: ReportBlock[];
}

/** Actions that close a step and carry the working minutes spent in it. */
const STEP_ACTIONS = new Set<LogEntry["action"]>(["complete", "approve", "return"]);

interface Tally {
  n: number;
  minutes: number;
  onTime: number;
  timed: number;
  longest: number;
}

const tally = (): Tally => ({ n: 0, minutes: 0, onTime: 0, timed: 0, longest: 0 });

function add(t: Tally, e: LogEntry): void {
  t.n++;
  t.minutes += e.minutes;
  t.longest = Math.max(t.longest, e.minutes);
  if (e.standard !== null) {
    t.timed++;
    if (e.minutes <= e.standard) t.onTime++;
  }
}

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
const mean = (t: Tally) => (t.n ? hours(t.minutes / t.n) : "");
const onTimePct = (t: Tally): Cell => (t.timed ? Math.round((t.onTime / t.timed) * 100) : "");

/** True when this entry ended its case: the last process step done, or a "Ya" that ends the SOP. */
export function endsCase(sop: Sop | undefined, e: LogEntry): boolean {
  if (!sop) return false;
  const step = sop.steps.find((s) => s.no === e.stepNo);
  if (!step) return false;
  if (e.action === "approve") return step.kind === "decision" && step.yesTo === SELESAI;
  return e.action === "complete" && step.kind === "process" && nextStep(sop, step.no) === null;
}

/** Total standard of an SOP in working minutes: every step once, as the SOP AP page adds them up. */
export function sopStandardMinutes(sop: Sop, dayMinutes: number): number {
  return sop.steps.reduce((sum, s) => sum + (stepStandard(s, dayMinutes) ?? 0), 0);
}

const previousMonth = (ym: string) => {
  const [y, m] = ym.split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
};

const monthLabel = (ym: string) => `${BULAN[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

/**
 * Builds the Laporan from Riwayat entries. A case's working time is the sum of the minutes of its step entries, so
 * rounds of correction count in full; cases are counted per SOP as started, finished and cancelled.
 */
export interface ReportOptions {
  /** How many months "Per bulan" goes back (12). */
  months?: number;
  /**
   * The case's Status on its register, when known. A case then counts as finished at its last step entry when its
   * register says Selesai — exact whatever SOP revision it followed. Without it (or for a row no longer there) the
   * current SOP decides, which can miss cases of a revision with another last step.
   */
  statusOf?: (caseId: string) => string | undefined;
}

export function buildReport(entries: LogEntry[], sops: Sop[], roles: Role[], dayMinutes: number, now: number, options: ReportOptions = {}): Report {
  const months = options.months ?? 12;
  const lastStepEntry = new Map<string, number>();
  const lastCancel = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e.action === "complete" || e.action === "approve") lastStepEntry.set(e.caseId, i);
    if (e.action === "cancel") lastCancel.set(e.caseId, i);
  });
  /** Cancelled now: with the register's Status known, a case reopened after a cancel no longer counts. */
  const cancels = (e: LogEntry, i: number): boolean => {
    const status = options.statusOf?.(e.caseId);
    return status === undefined || (status === "Dibatalkan" && lastCancel.get(e.caseId) === i);
  };
  const finishes = (e: LogEntry, i: number): boolean => {
    const status = options.statusOf?.(e.caseId);
    if (status === undefined) return endsCase(sopById.get(e.sopId), e);
    return status === "Selesai" && lastStepEntry.get(e.caseId) === i;
  };
  const sopById = new Map(sops.map((s) => [s.id, s]));
  const roleName = new Map(roles.map((r) => [r.id, r.name]));
  /** The canonical role behind an SOP's column header, so KASUBBAG and Kasubag count as one pelaksana. */
  const pelaksana = (sopId: string, header: string): string => {
    const lane = sopById.get(sopId)?.lanes.find((l) => l.header === header);
    return (lane && roleName.get(lane.role)) || header;
  };
  const perSop = new Map<string, { started: number; finished: number; cancelled: number; returns: number; steps: Tally; caseMinutes: number }>();
  const perStep = new Map<string, Tally>();
  const perRole = new Map<string, Tally>();
  const perMonth = new Map<string, { started: number; finished: number; steps: Tally }>();
  const caseMinutes = new Map<string, number>();
  const sopOf = (id: string) => {
    const s = perSop.get(id) ?? { started: 0, finished: 0, cancelled: 0, returns: 0, steps: tally(), caseMinutes: 0 };
    perSop.set(id, s);
    return s;
  };
  const monthOf = (at: number) => {
    const ym = jakartaDateString(at).slice(0, 7);
    const m = perMonth.get(ym) ?? { started: 0, finished: 0, steps: tally() };
    perMonth.set(ym, m);
    return m;
  };

  entries.forEach((e, i) => {
    const s = sopOf(e.sopId);
    const m = monthOf(e.at);
    if (e.action === "start") {
      s.started++;
      m.started++;
    } else if (e.action === "cancel" && cancels(e, i)) s.cancelled++;
    if (!STEP_ACTIONS.has(e.action)) return;
    if (e.action === "return") s.returns++;
    add(s.steps, e);
    add(m.steps, e);
    const stepKey = `${e.sopId}\u0000${e.stepNo}`;
    if (!perStep.has(stepKey)) perStep.set(stepKey, tally());
    add(perStep.get(stepKey) as Tally, e);
    const who = pelaksana(e.sopId, e.role);
    if (!perRole.has(who)) perRole.set(who, tally());
    add(perRole.get(who) as Tally, e);
    const spent = (caseMinutes.get(e.caseId) ?? 0) + e.minutes;
    caseMinutes.set(e.caseId, spent);
    if (finishes(e, i)) {
      s.finished++;
      s.caseMinutes += spent;
      m.finished++;
    }
  });

  const order = new Map(sops.map((s, i) => [s.id, i]));
  const sopRows: Cell[][] = [...perSop.entries()]
    .sort((a, b) => (order.get(a[0]) ?? 1e9) - (order.get(b[0]) ?? 1e9))
    .map(([id, s]) => {
      const sop = sopById.get(id);
      return [
        sop?.code ?? id,
        s.finished ? hours(s.caseMinutes / s.finished) : "",
        sop ? hours(sopStandardMinutes(sop, dayMinutes)) : "",
        sop?.shortTitle ?? id,
        s.started,
        s.finished,
        s.cancelled,
        s.returns,
        s.steps.n,
        onTimePct(s.steps),
      ];
    });

  // Every calendar month from the first with activity (at most `months` back) to this one: a quiet month shows as zeros.
  const thisMonth = jakartaDateString(now).slice(0, 7);
  const active = [...perMonth.keys()].filter((k) => k <= thisMonth).sort();
  const monthKeys: string[] = [];
  if (active.length) {
    for (let k = thisMonth; monthKeys.length < months && k >= active[0]; k = previousMonth(k)) monthKeys.unshift(k);
  }
  const monthRows: Cell[][] = monthKeys.map((k) => {
    const m = perMonth.get(k) ?? { started: 0, finished: 0, steps: tally() };
    return [monthLabel(k), m.started, m.finished, m.steps.timed - m.steps.onTime, m.steps.n, onTimePct(m.steps)];
  });

  const stepRows: Cell[][] = [];
  for (const sop of sops) {
    for (const step of sop.steps) {
      const t = perStep.get(`${sop.id}\u0000${step.no}`);
      if (!t) continue;
      const std = stepStandard(step, dayMinutes);
      const text = step.text.length > 90 ? `${step.text.slice(0, 89)}…` : step.text;
      stepRows.push([sop.code, step.no, text, pelaksana(sop.id, step.role), t.n, mean(t), std === null ? "" : hours(std), onTimePct(t), hours(t.longest)]);
    }
  }

  const roleRows: Cell[][] = [...perRole.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))
    .map(([role, t]) => [role, t.n, mean(t), onTimePct(t), t.timed - t.onTime]);

  return {
    title: "Laporan Alur: waktu kerja terhadap standar SOP",
    subtitle: `Dibangun dari ${entries.length} baris Riwayat. Waktu dalam jam kerja; tepat waktu = selesai dalam standar waktu langkahnya. Sheet ini ditulis ulang setiap kali laporan dibangun: jangan mengetik di sini.`,
    blocks: [
      {
        key: "sop",
        heading: "Per SOP",
        headers: ["Kode", "Rata-rata per kasus selesai (jam)", "Standar SOP (jam)", "SOP", "Dimulai", "Selesai", "Dibatalkan", "Dikembalikan (kali)", "Langkah dikerjakan", "Tepat waktu (%)"],
        rows: sopRows,
        chart: { type: "COLUMN", title: "Rata-rata waktu kerja per kasus terhadap standar SOP (jam)", columns: 3 },
      },
      {
        key: "month",
        heading: "Per bulan",
        headers: ["Bulan", "Kasus dimulai", "Kasus selesai", "Langkah terlambat", "Langkah dikerjakan", "Tepat waktu (%)"],
        rows: monthRows,
        chart: { type: "LINE", title: "Kasus dimulai, selesai dan langkah terlambat per bulan", columns: 4 },
      },
      { key: "step", heading: "Per langkah", headers: ["Kode", "Langkah", "Uraian", "Pelaksana", "Dikerjakan", "Rata-rata (jam)", "Standar (jam)", "Tepat waktu (%)", "Terlama (jam)"], rows: stepRows },
      { key: "role", heading: "Per pelaksana", headers: ["Pelaksana", "Langkah dikerjakan", "Rata-rata (jam)", "Tepat waktu (%)", "Terlambat"], rows: roleRows },
    ],
  };
}
