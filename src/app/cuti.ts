// Leave cases: the employee by NIP, Lamanya, the annual balance from Saldo Cuti and earlier cases, and the BKN decisions.
import type { CaseView, LeavePanel } from "../api";
import { ROLES } from "../catalog/roles";
import { jakartaDateString } from "../domain/calendar";
import type { CaseState } from "../domain/case";
import { type Balance, type Choice, type CutiKind, type DecideInput, type Length, type Opening, cutiBalance, cutiKindOf, decideCuti, granted, leaveLength, leaveProblems } from "../domain/cuti";
import { type CutiFacts, officialByNip } from "../domain/letter-values";
import { DECISION_STEP } from "../domain/letters";
import { findOfficial } from "../domain/pejabat";
import { H } from "../domain/register";
import { rowByHeader } from "../gas/cells";
import { readRowValues } from "../gas/sheets";
import { type Env, type LoadedCase, Refusal, env, loadCase, parseCaseRow } from "./cases";
import { calendar } from "./config";
import { withLock } from "./lock";
import { enqueue, loadQueue, saveQueue } from "./doc-queue";
import { recordCase } from "./record-shim";
import { SALDO_HEADERS, loadLetterSheets } from "./templates";
import { caseView } from "./views";

const s = (v: unknown) => (v === undefined || v === null ? "" : String(v).trim());

export function lengthOf(e: Env, c: CaseState): Length | null {
  const kind = cutiKindOf(s(c.fields.jenisCuti));
  const mulai = s(c.fields.mulai);
  const selesai = s(c.fields.selesai);
  if (!kind || !mulai || !selesai) return null;
  return leaveLength(kind, mulai, selesai, { calendar: calendar(e.cfg), cutiBersama: e.cfg.cutiBersama ?? [], bersamaCounts: e.cfg.settings.letters.bersamaCounts });
}

/** Row numbers of a sheet whose column `col` (1-based) holds exactly `text`: a TextFinder search, never the whole sheet. */
function rowsWith(sheet: GoogleAppsScript.Spreadsheet.Sheet, text: string, col: number): number[] {
  if (!text) return [];
  return sheet
    .createTextFinder(text)
    .matchEntireCell(true)
    .findAll()
    .filter((r) => r.getColumn() === col)
    .map((r) => r.getRow());
}

/** Saldo Cuti rows of a NIP: year → leave taken before Alur and the year's entitlement. */
function openings(e: Env, nip: string): Map<number, Opening> {
  const out = new Map<number, Opening>();
  const id = loadLetterSheets()?.saldo;
  const sheet = id === undefined ? null : e.ss.getSheetById(id);
  if (!sheet) return out;
  for (const row of rowsWith(sheet, nip, 1)) {
    const v = sheet.getRange(row, 1, 1, SALDO_HEADERS.length).getValues()[0];
    const year = Number(v[2]);
    if (!Number.isInteger(year)) continue;
    out.set(year, { taken: Number(v[3]) || 0, entitlement: s(v[4]) === "" ? 12 : Number(v[4]) || 0 });
  }
  return out;
}

/**
 * The employee's other leave cases (by NIP in the Cuti register, found with a TextFinder): approved days of cuti
 * tahunan per year, and this year's other kinds for section V.
 */
function earlierLeave(e: Env, loaded: LoadedCase, nip: string): { tahunan: Map<number, number>; others: Partial<Record<CutiKind, string>> } {
  const tahunan = new Map<number, number>();
  const others: Partial<Record<CutiKind, number>> = {};
  const nipField = loaded.sop.fields.find((f) => f.key === "nip")?.label ?? "NIP";
  const col = loaded.header.indexOf(nipField) + 1;
  const year = Number(s(loaded.c.fields.mulai).slice(0, 4)) || Number(jakartaDateString(e.now).slice(0, 4));
  for (const row of col > 0 ? rowsWith(loaded.sheet, nip, col) : []) {
    if (row === loaded.row) continue;
    const read = readRowValues(loaded.sheet, row, loaded.header);
    const byHeader = rowByHeader(loaded.header, read.values);
    let c: CaseState;
    try {
      c = parseCaseRow(e, s(byHeader[H.id]), loaded.sheet, byHeader, row).c;
    } catch (_err) {
      continue;
    }
    const kind = cutiKindOf(s(c.fields.jenisCuti));
    const len = lengthOf(e, c);
    if (!kind || !len || !granted(c)) continue;
    const y = Number(s(c.fields.mulai).slice(0, 4));
    if (kind === "tahunan") tahunan.set(y, (tahunan.get(y) ?? 0) + len.value);
    else if (y === year) others[kind] = (others[kind] ?? 0) + (len.unit === "bulan" ? len.value * 30 : len.value);
  }
  return { tahunan, others: Object.fromEntries(Object.entries(others).map(([k, n]) => [k, `${n} hari`])) };
}

/** The employee (Pejabat by NIP, else the case's fields), the length and the balance N-2/N-1/N for the form. */
export function cutiFacts(e: Env, loaded: LoadedCase): CutiFacts | undefined {
  const c = loaded.c;
  const kind = cutiKindOf(s(c.fields.jenisCuti));
  const len = lengthOf(e, c);
  if (!kind || !len) return undefined;
  const nip = s(c.fields.nip);
  const o = officialByNip(e.cfg.officials, nip);
  const earlier = earlierLeave(e, loaded, nip);
  const N = Number(s(c.fields.mulai).slice(0, 4));
  const balance: Balance = cutiBalance(N, openings(e, nip), earlier.tahunan);
  return {
    employee: {
      nama: o?.name || s(c.fields.namaPegawai),
      nip,
      jabatan: o?.jabatan || s(c.fields.jabatan),
      pangkat: o?.pangkat || s(c.fields.pangkat),
      unit: e.cfg.settings.office.dinas,
      masaKerja: s(c.fields.masaKerja),
    },
    kind,
    length: len,
    balance,
    others: earlier.others,
  };
}


function atasanOf(e: Env, c: CaseState): string {
  return (officialByNip(e.cfg.officials, s(c.fields.nip))?.atasan ?? "").toLowerCase();
}

/** What the panel shows of a leave case: length, balance, decisions, and the level the caller may decide now. */
export function cutiPanel(e: Env, loaded: LoadedCase): LeavePanel | null {
  if (loaded.sop.id !== "cuti" || !loaded.sop.fields.some((f) => f.key === "jenisCuti")) return null;
  const c = loaded.c;
  const facts = cutiFacts(e, loaded);
  const step = loaded.sop.steps.find((x) => x.no === c.stepNo);
  const open = c.status === "Berjalan" || c.status === "Dikembalikan";
  const decided = (c.cuti?.decisions ?? []).some((d) => d.level === "pejabat");
  const me = e.actor.email;
  let canDecide: LeavePanel["canDecide"] = null;
  if (open && !decided && step && (step.letters ?? []).includes(DECISION_STEP)) canDecide = "pejabat";
  else if (open && !decided && (me === atasanOf(e, c) || e.actor.admin) && !(c.cuti?.decisions ?? []).some((d) => d.level === "atasan")) canDecide = "atasan";
  return {
    lama: facts?.length.text ?? "",
    sisa: facts ? facts.balance.rows.map((r) => ({ tahun: r.year, sisa: r.sisa, ket: r.note })) : [],
    warnings: facts ? leaveProblems(facts.kind, facts.length, facts.kind === "tahunan" ? facts.balance.available : null) : [],
    decisions: (c.cuti?.decisions ?? []).map((d) => ({ level: d.level, choice: d.choice, by: d.nama || d.by, reason: d.reason, at: new Date(d.at).toISOString() })),
    canDecide,
    mulai: s(c.fields.mulai),
    selesai: s(c.fields.selesai),
  };
}

export interface DecideArg {
  caseId: string;
  expectedVersion: number;
  level: "atasan" | "pejabat";
  choice: Choice;
  reason: string;
  mulai?: string;
  selesai?: string;
  until?: string;
}

/** Records a BKN decision (VII or VIII) under the lock, with kind "decide"; the employee is told after the lock. */
export function decideLeave(arg: DecideArg): CaseView {
  const result = withLock(() => {
    const e = env();
    const loaded = loadCase(e, arg.caseId);
    if (loaded.sop.id !== "cuti") throw new Refusal("Keputusan cuti hanya untuk kasus Pengajuan Surat Cuti.");
    const c = loaded.c;
    const me = findOfficial(e.cfg.officials, e.actor.email);
    const employee = officialByNip(e.cfg.officials, s(c.fields.nip))?.email || (s(c.fields.pemohon).includes("@") ? s(c.fields.pemohon) : "");
    const input: DecideInput = { level: arg.level, choice: arg.choice, reason: arg.reason, mulai: arg.mulai, selesai: arg.selesai, until: arg.until };
    const r = decideCuti(c, loaded.sop, input, {
      actor: e.actor,
      now: e.now,
      calendar: calendar(e.cfg),
      officials: e.cfg.officials,
      roles: ROLES,
      channel: "sidebar",
      expectedVersion: arg.expectedVersion,
      decider: { nama: me?.name || e.actor.name, nip: me?.nip ?? "", jabatan: me?.jabatan ?? "" },
      atasan: atasanOf(e, c),
      employee,
    });
    if (!r.ok) throw new Refusal(r.reason);
    // The leave form prints sections VII and VIII: a form already made is made again with the decision.
    if (c.letters?.versions?.["formulir-cuti"]) saveQueue(enqueue(loadQueue(), { kind: "letter", caseId: c.id, template: "formulir-cuti", by: e.actor.email, at: e.now, step: c.stepNo }));
    const log = r.effects.find((x) => x.type === "log");
    const notes = r.effects.flatMap((x) => (x.type === "notify" ? [x.notification] : []));
    if (log && log.type === "log") {
      const l = log.entry;
      recordCase(e, loaded, r.case, { kind: "decide", caseId: l.caseId, sopId: l.sopId, stepNo: l.stepNo, role: l.role, actor: l.actor, actingFor: l.actingFor, note: l.note, minutes: l.minutes, standard: l.standard, channel: "sidebar", data: { decision: r.case.cuti?.decisions.find((d) => d.level === arg.level) } }, notes);
    }
    return { e, loaded, c: r.case };
  });
  return caseView(result.e, result.loaded.sop, result.c, result.loaded);
}
