// Cuti PNS (PP 11/2017, Peraturan BKN 24/2017): leave length, the annual balance N-2/N-1/N, and the BKN decisions.
import { type WorkingCalendarConfig, countWorkingDays, formatTanggal, jakartaTime, workingMinutesBetween } from "./calendar";
import type { Actor, CaseState, Channel, Effect, HistoryItem, LogEntry, TransitionResult } from "./case";
import { isYmd } from "./fields";
import { DECISION_STEP, withWords } from "./letters";
import type { Official } from "./pejabat";
import type { Role, Sop } from "./sop";
import { SELESAI, authorize, moveTo, nextProcessTarget, stepOf, stepStandard } from "./transition";

/** The kinds an employee requests (cuti bersama is declared for everyone, never requested). */
export const CUTI_KINDS = {
  "Cuti Tahunan": "tahunan",
  "Cuti Besar": "besar",
  "Cuti Sakit": "sakit",
  "Cuti Melahirkan": "melahirkan",
  "Cuti Karena Alasan Penting": "penting",
  "Cuti di Luar Tanggungan Negara": "cltn",
} as const;
export type CutiKind = (typeof CUTI_KINDS)[keyof typeof CUTI_KINDS];

export function cutiKindOf(label: string): CutiKind | null {
  return (CUTI_KINDS as Record<string, CutiKind>)[label.trim()] ?? null;
}

export const CHOICES = ["Disetujui", "Perubahan", "Ditangguhkan", "Tidak disetujui"] as const;
export type Choice = (typeof CHOICES)[number];

/** VII (the employee's direct superior) or VIII (the official who decides). */
export type Level = "atasan" | "pejabat";

export interface CutiDecision {
  level: Level;
  choice: Choice;
  reason: string;
  by: string;
  nama: string;
  nip: string;
  jabatan: string;
  at: number;
  /** Perubahan: the dates before and after. */
  from?: { mulai: string; selesai: string };
  to?: { mulai: string; selesai: string };
  /** Ditangguhkan: the date the leave is postponed to. */
  until?: string;
}

export interface CutiState {
  decisions: CutiDecision[];
}

export interface LengthOptions {
  calendar: WorkingCalendarConfig;
  /** Dates of cuti bersama (they are also in calendar.holidays, as the Hari Libur sheet lists them). */
  cutiBersama: string[];
  /** Setting "Cuti bersama mengurangi cuti tahunan": a cuti bersama day inside the leave then counts as a leave day. */
  bersamaCounts: boolean;
}

export interface Length {
  value: number;
  unit: "hari kerja" | "hari" | "bulan";
  text: string;
}

/** Whole months from mulai to selesai (selesai the day before the same date k months later), else null. */
function wholeMonths(mulai: string, selesai: string): number | null {
  const [y, m, d] = mulai.split("-").map(Number);
  for (let k = 1; k <= 36; k++) {
    const end = new Date(Date.UTC(y, m - 1 + k, d - 1));
    const ymd = end.toISOString().slice(0, 10);
    if (ymd === selesai) return k;
    if (ymd > selesai) return null;
  }
  return null;
}

/**
 * Lamanya: working days for cuti tahunan (weekends and holidays excluded; cuti bersama excluded unless the setting
 * says it counts), calendar months for cuti besar, melahirkan and di luar tanggungan negara when the period is whole
 * months, else calendar days.
 */
export function leaveLength(kind: CutiKind, mulai: string, selesai: string, o: LengthOptions): Length {
  if (kind === "tahunan") {
    const bersama = new Set(o.cutiBersama);
    const holidays = o.bersamaCounts ? o.calendar.holidays.filter((d) => !bersama.has(d)) : o.calendar.holidays;
    const n = countWorkingDays({ ...o.calendar, holidays }, mulai, selesai);
    return { value: n, unit: "hari kerja", text: withWords(n, "hari kerja") };
  }
  const months = kind === "besar" || kind === "melahirkan" || kind === "cltn" ? wholeMonths(mulai, selesai) : null;
  if (months) return { value: months, unit: "bulan", text: withWords(months, "bulan") };
  const days = Math.round((jakartaTime(selesai) - jakartaTime(mulai)) / 86_400_000) + 1;
  return { value: days, unit: "hari", text: withWords(days, "hari") };
}

/** What the rules allow, as plain warnings in Bahasa Indonesia (the deciding official may still decide otherwise). */
export function leaveProblems(kind: CutiKind, len: Length, available: number | null): string[] {
  const out: string[] = [];
  const days = len.unit === "bulan" ? len.value * 30 : len.value;
  if (len.value < 1) out.push("Lamanya cuti kurang dari 1 hari kerja (tanggal hanya berisi hari libur atau akhir pekan).");
  if (kind === "tahunan" && available !== null && len.value > available) out.push(`Cuti tahunan ${len.value} hari kerja melebihi sisa hak cuti (${available} hari kerja).`);
  if ((kind === "besar" || kind === "melahirkan") && days > 92) out.push(`${kind === "besar" ? "Cuti besar" : "Cuti melahirkan"} paling lama 3 (tiga) bulan.`);
  if (kind === "penting" && days > 31) out.push("Cuti karena alasan penting paling lama 1 (satu) bulan.");
  if (kind === "cltn" && days > 3 * 366) out.push("Cuti di luar tanggungan negara paling lama 3 (tiga) tahun.");
  return out;
}

/** Saldo Cuti: per NIP and year, leave taken before Alur and the year's entitlement (12 unless the admin says). */
export interface Opening {
  taken: number;
  entitlement: number;
}

export interface BalanceRow {
  year: number;
  sisa: number;
  note: string;
}

export interface Balance {
  rows: [BalanceRow, BalanceRow, BalanceRow];
  /** Days available in year N before the request being decided. */
  available: number;
  /** No opening balance and no earlier case: the rows assume a full entitlement with nothing carried. */
  assumed: boolean;
}

export const ENTITLEMENT = 12;
/** One year's unused leave carries into the next up to 6 days (18 with the new year's 12); 24 in all after two unused years. */
const CARRY = 6;

/**
 * Sisa cuti tahunan for N-2, N-1 and N at the start of a request in year N, from the admin's opening balances and the
 * approved earlier cases (days per year). Leave is charged to the oldest days first. Unused days of one year carry
 * into the next up to 6; the days of two years back survive only when no leave was taken in either of those years
 * (PP 11/2017 art. 312–313: 18 days with the current year, 24 after two unused years). A year with no data before the
 * first one known counts as used, so nothing is carried from it.
 */
export function cutiBalance(N: number, openings: Map<number, Opening>, taken: Map<number, number>): Balance {
  const known = [...openings.keys(), ...taken.keys()].filter((y) => y <= N);
  const start = Math.max(N - 6, Math.min(N, ...known));
  let pools = new Map<number, number>();
  const used = new Map<number, number>();
  const unknownUsed = (y: number) => (y < start ? 1 : (used.get(y) ?? 0));
  for (let y = start; y <= N; y++) {
    if (y > start) {
      const next = new Map<number, number>();
      next.set(y - 1, Math.min(pools.get(y - 1) ?? 0, CARRY));
      if (unknownUsed(y - 1) === 0 && unknownUsed(y - 2) === 0) next.set(y - 2, Math.min(pools.get(y - 2) ?? 0, CARRY));
      pools = next;
    }
    const o = openings.get(y);
    pools.set(y, o ? o.entitlement : ENTITLEMENT);
    let left = (o?.taken ?? 0) + (taken.get(y) ?? 0);
    used.set(y, left);
    for (const origin of [...pools.keys()].sort((a, b) => a - b)) {
      const take = Math.min(Math.max(pools.get(origin) ?? 0, 0), left);
      pools.set(origin, (pools.get(origin) ?? 0) - take);
      left -= take;
    }
    if (left > 0) pools.set(y, (pools.get(y) ?? 0) - left);
  }
  const row = (y: number): BalanceRow => {
    const sisa = pools.get(y) ?? 0;
    const note =
      y === N
        ? `hak ${openings.get(y)?.entitlement ?? ENTITLEMENT} hari${used.get(y) ? `, diambil ${used.get(y)} hari` : ""}`
        : y < start
          ? "tidak ada data"
          : pools.has(y)
            ? `sisa tahun ${y}${used.get(y) ? `, diambil ${used.get(y)} hari` : ""}`
            : `hangus${used.get(y) ? ` (diambil ${used.get(y)} hari)` : ""}`;
    return { year: y, sisa, note: sisa < 0 ? `${note} (melebihi hak)` : note };
  };
  const rows: [BalanceRow, BalanceRow, BalanceRow] = [row(N - 2), row(N - 1), row(N)];
  return { rows, available: rows.reduce((s, r) => s + Math.max(r.sisa, 0), 0), assumed: known.length === 0 };
}

/** The decision as one line (for Riwayat, the row's Langkah and the email). */
export function decisionText(d: CutiDecision): string {
  const who = d.level === "atasan" ? "Pertimbangan atasan langsung" : "Keputusan pejabat yang berwenang";
  const change = d.to ? ` menjadi ${formatTanggal(jakartaTime(d.to.mulai))} s.d. ${formatTanggal(jakartaTime(d.to.selesai))}` : "";
  const until = d.until ? ` sampai ${formatTanggal(jakartaTime(d.until))}` : "";
  return `${who}: ${d.choice}${change}${until}${d.reason ? ` — ${d.reason}` : ""}`;
}

export interface DecideInput {
  level: Level;
  choice: Choice;
  reason: string;
  mulai?: string;
  selesai?: string;
  until?: string;
}

export interface DecideContext {
  actor: Actor;
  now: number;
  calendar: WorkingCalendarConfig;
  officials: Official[];
  roles: Role[];
  channel: Channel;
  expectedVersion?: number;
  /** The decider as the form prints them (Pejabat: nama, NIP, jabatan). */
  decider: { nama: string; nip: string; jabatan: string };
  /** The employee's direct superior's email (Pejabat "Email atasan" of the employee's NIP), "" when unknown. */
  atasan: string;
  /** The employee's email, told of the decision ("" when unknown). */
  employee: string;
}

const refuse = (reason: string): TransitionResult => ({ ok: false, reason });

function checkInput(c: CaseState, i: DecideInput): string | null {
  if (!CHOICES.includes(i.choice)) return "Pilih salah satu: Disetujui, Perubahan, Ditangguhkan atau Tidak disetujui.";
  if (i.choice !== "Disetujui" && i.reason.trim().length < 3) return `Tuliskan alasan ${i.choice === "Perubahan" ? "perubahan" : i.choice === "Ditangguhkan" ? "penangguhan" : "penolakan"}.`;
  if (i.choice === "Perubahan") {
    if (!i.mulai || !i.selesai || !isYmd(i.mulai) || !isYmd(i.selesai)) return "Perubahan: isi tanggal mulai dan selesai cuti yang baru.";
    if (i.selesai < i.mulai) return "Perubahan: tanggal selesai tidak boleh sebelum tanggal mulai.";
    if (i.mulai === c.fields.mulai && i.selesai === c.fields.selesai) return "Perubahan: tanggal baru sama dengan yang diminta; pilih Disetujui bila tidak ada perubahan.";
  }
  if (i.choice === "Ditangguhkan" && (!i.until || !isYmd(i.until))) return "Ditangguhkan: isi tanggal cuti ditangguhkan sampai.";
  return null;
}

/**
 * A BKN decision on a leave case, pure like transition(): the atasan's consideration (VII) is recorded at any step
 * before the official decides; the official (VIII) decides at the step marked "keputusan". Disetujui and Perubahan
 * (new dates, recorded) move the case on; Ditangguhkan and Tidak disetujui end it with that outcome. The employee is told.
 */
export function decideCuti(c: CaseState, sop: Sop, i: DecideInput, ctx: DecideContext): TransitionResult {
  const closed = c.status === "Selesai" || c.status === "Dibatalkan";
  if (closed || !c.stepNo) return refuse(`Kasus ${c.id} sudah ${c.status.toLowerCase()}; keputusan tidak dapat dicatat lagi.`);
  if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== c.version) return refuse(`Kasus ${c.id} sudah ditindaklanjuti${c.lastBy ? ` oleh ${c.lastBy}` : ""} sejak Anda membukanya; muat ulang untuk melihat keadaan terbaru.`);
  const bad = checkInput(c, i);
  if (bad) return refuse(bad);
  const step = stepOf(sop, c.stepNo);
  if (!step) return refuse(`Langkah ${c.stepNo} tidak ada di SOP ini.`);
  const decisions = c.cuti?.decisions ?? [];
  if (decisions.some((d) => d.level === "pejabat")) return refuse("Pejabat yang berwenang sudah memutuskan cuti ini.");
  const me = ctx.actor.email.trim().toLowerCase();
  let actingFor = "";
  if (i.level === "atasan") {
    if (me !== ctx.atasan && !ctx.actor.admin) {
      return refuse(ctx.atasan ? `Pertimbangan atasan langsung diberikan oleh ${ctx.atasan}.` : `Atasan langsung pegawai NIP ${c.fields.nip} belum tercatat di sheet Pejabat (kolom Email atasan); admin dapat mencatatnya.`);
    }
    if (me !== ctx.atasan) actingFor = "sebagai admin";
  } else {
    if (!(step.letters ?? []).includes(DECISION_STEP)) return refuse(`Keputusan pejabat diambil pada langkah ${sop.steps.find((s) => (s.letters ?? []).includes(DECISION_STEP))?.no ?? "keputusan"}; kasus ini di langkah ${c.stepNo}.`);
    const auth = authorize(sop, c, step, { ...ctx, channel: ctx.channel });
    if (!auth.ok) return refuse(auth.reason);
    actingFor = auth.actingFor;
  }
  const d: CutiDecision = { level: i.level, choice: i.choice, reason: i.reason.trim(), by: me, ...ctx.decider, at: ctx.now };
  const fields = { ...c.fields };
  if (i.choice === "Perubahan") {
    d.from = { mulai: String(c.fields.mulai), selesai: String(c.fields.selesai) };
    d.to = { mulai: i.mulai as string, selesai: i.selesai as string };
    fields.mulai = d.to.mulai;
    fields.selesai = d.to.selesai;
  }
  if (i.choice === "Ditangguhkan") d.until = i.until;
  const cuti: CutiState = { decisions: [...decisions.filter((x) => x.level !== i.level), d] };
  const note = decisionText(d);
  const isStep = i.level === "pejabat";
  const entry: LogEntry = {
    at: ctx.now,
    caseId: c.id,
    sopId: c.sopId,
    stepNo: step.no,
    role: step.role,
    actor: ctx.actor.email,
    actingFor,
    action: "decide",
    note,
    minutes: isStep && c.stepSince ? workingMinutesBetween(ctx.calendar, c.stepSince, ctx.now) : 0,
    standard: isStep ? stepStandard(step, ctx.calendar.dayMinutes) : null,
    channel: ctx.channel,
  };
  let next: CaseState = { ...c, fields, cuti, lastBy: ctx.actor.email, lastAt: ctx.now };
  const effects: Effect[] = [];
  if (isStep) {
    const ends = i.choice === "Ditangguhkan" || i.choice === "Tidak disetujui";
    const moved = moveTo(sop, c, ends ? SELESAI : nextProcessTarget(sop, step), { ...ctx, channel: ctx.channel });
    next = { ...moved, fields, cuti, status: moved.status === "Selesai" ? "Selesai" : "Berjalan", done: { ...c.done, [step.role]: ctx.now } };
    if (ends) next.outcome = i.choice === "Ditangguhkan" ? `Ditangguhkan sampai ${formatTanggal(jakartaTime(i.until as string))}` : "Tidak disetujui";
  }
  const item: HistoryItem = { at: ctx.now, by: ctx.actor.email, actingFor, action: "decide", stepNo: step.no, note, minutes: entry.minutes, standard: entry.standard };
  next = { ...next, history: [...c.history, item] };
  effects.push({ type: "writeRow", case: next, isNew: false }, { type: "log", entry });
  if (ctx.employee) effects.push({ type: "notify", notification: { kind: "decided", caseId: c.id, sopId: c.sopId, to: ctx.employee, decision: note } });
  if (isStep && next.status === "Berjalan" && next.stepNo) {
    const s = stepOf(sop, next.stepNo);
    const pemohon = String(next.fields.pemohon ?? "").trim().toLowerCase();
    if (s) effects.push({ type: "notify", notification: { kind: "assigned", caseId: c.id, sopId: c.sopId, stepNo: next.stepNo, lane: s.role, assignee: "", recorder: pemohon.includes("@") ? pemohon : c.createdBy } });
  }
  return { ok: true, case: next, effects };
}

/** The decision the form prints in a section, if any. */
export function decisionOf(c: CaseState, level: Level): CutiDecision | undefined {
  return c.cuti?.decisions.find((d) => d.level === level);
}

/** Only the deciding official's Disetujui or Perubahan grants the leave (what the balance counts). */
export function granted(c: CaseState): boolean {
  const d = decisionOf(c, "pejabat");
  return !!d && (d.choice === "Disetujui" || d.choice === "Perubahan");
}
