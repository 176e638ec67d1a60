// A Riwayat with known durations for the Laporan tests: an office calendar written out minute by minute (independent of
// src/domain/calendar.ts), a case simulator that writes journal rows, and the expected figures computed from the simulation.
import { HOLIDAYS_2026 } from "../../src/catalog/holidays-2026";
import { ROLES } from "../../src/catalog/roles";
import { sop as suratKeluar } from "../../src/catalog/sops/surat-keluar";
import { sop as suratMasuk } from "../../src/catalog/sops/surat-masuk";
import { JOURNAL_HEADERS, type JournalEntry, journalRow } from "../../src/domain/journal";
import type { Sop } from "../../src/domain/sop";
import type { Alur } from "../../emulator/alur-world";
import { mulberry32 } from "../../emulator/random";

const MIN = 60_000;
const WIB = 7 * 3_600_000;
const HOLIDAYS = new Set(HOLIDAYS_2026.map((h) => h.date));

/** The default office week (Pengaturan as setup writes it): Mon–Thu 07:30–16:00 with a 12:00–13:00 break, Fri 07:30–16:30 with 11:30–13:00. */
function spans(ms: number): [number, number][] {
  const local = new Date(ms + WIB);
  const ymd = local.toISOString().slice(0, 10);
  const dow = local.getUTCDay();
  if (dow === 0 || dow === 6 || HOLIDAYS.has(ymd)) return [];
  return dow === 5
    ? [
        [450, 690],
        [780, 990],
      ]
    : [
        [450, 720],
        [780, 960],
      ];
}

/** Whether the minute starting at ms (a whole minute) is a working minute. */
function working(ms: number): boolean {
  const local = new Date(ms + WIB);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  return spans(ms).some(([a, b]) => minute >= a && minute < b);
}

const floorMin = (ms: number) => Math.floor(ms / MIN) * MIN;

const DAY = 86_400_000;
/** The next Jakarta midnight after ms. */
const nextMidnight = (ms: number) => Math.floor((ms + WIB) / DAY) * DAY + DAY - WIB;

/** Working minutes in [from, to), counted one minute at a time (days without working hours skipped whole). */
export function workingBetween(from: number, to: number): number {
  let n = 0;
  const end = floorMin(to);
  for (let t = floorMin(from); t < end; ) {
    if (!spans(t).length) {
      t = nextMidnight(t);
      continue;
    }
    if (working(t)) n++;
    t += MIN;
  }
  return n;
}

/** The instant `minutes` working minutes after `from` (the end of the last of them). */
export function addWorking(from: number, minutes: number): number {
  let t = floorMin(from);
  let left = minutes;
  while (left > 0) {
    if (!spans(t).length) {
      t = nextMidnight(t);
      continue;
    }
    if (working(t)) left--;
    t += MIN;
  }
  return t;
}

/** Step standards in working minutes, read off the SOP book by hand (see test/catalog/expected-b1.ts). */
export const STANDARDS: Record<string, number[]> = {
  "surat-masuk": [15, 15, 15, 15, 15, 15, 15],
  "surat-keluar": [10, 30, 30, 60, 60, 60, 30, 30, 450],
};
export const SOP_STANDARD: Record<string, number> = { "surat-masuk": 105, "surat-keluar": 760 };
export const SIM_SOPS: Sop[] = [suratMasuk, suratKeluar];

export type Rnd = () => number;
export const prng: (seed: number) => Rnd = mulberry32;

const roleOfLane = (sop: Sop, lane: string) => sop.lanes.find((l) => l.header === lane)?.role ?? lane;

/** Who acts in a lane: the role's example email, and for JFU a second person now and then. */
function actor(rnd: Rnd, sop: Sop, lane: string): string {
  const role = roleOfLane(sop, lane);
  return role === "jfu" && rnd() < 0.4 ? "jfu2@dinas.example" : `${role}@dinas.example`;
}

export interface SimOptions {
  cases: number;
  /** First start, and the span (ms) over which cases start. */
  from: number;
  span: number;
  returnP?: number;
  cancelP?: number;
  reopenP?: number;
  /** Cases left running (never finished). */
  runningP?: number;
  prefix?: string;
}

/** Entries (without sequence numbers) of simulated cases, sorted by time. */
export function simulate(rnd: Rnd, o: SimOptions): Omit<JournalEntry, "seq">[] {
  const out: Omit<JournalEntry, "seq">[] = [];
  for (let k = 0; k < o.cases; k++) {
    const sop = SIM_SOPS[Math.floor(rnd() * SIM_SOPS.length)];
    const id = `${sop.code}-2026-${o.prefix ?? "9"}${String(k + 1).padStart(4, "0")}`;
    const createdAt = addWorking(o.from + Math.floor(rnd() * o.span), 1);
    let at = createdAt;
    let version = 1;
    const push = (kind: JournalEntry["kind"], stepIdx: number, minutes: number, status: string, who: string) => {
      const step = sop.steps[stepIdx];
      out.push({
        at,
        kind,
        caseId: id,
        sopId: sop.id,
        sopTitle: sop.title,
        stepNo: step.no,
        role: step.role,
        actor: who,
        actingFor: "",
        note: "",
        minutes,
        standard: STANDARDS[sop.id][stepIdx],
        channel: "sidebar",
        version: version++,
        data: { state: { status, createdAt, stepNo: step.no } as never },
      });
    };
    push("start", 0, 0, "Berjalan", actor(rnd, sop, sop.steps[0].role));
    let i = 0;
    let reopened = false;
    let returns = 0;
    const running = rnd() < (o.runningP ?? 0.1);
    const stopAt = running ? Math.floor(rnd() * sop.steps.length) : Number.POSITIVE_INFINITY;
    let passes = 0;
    for (;;) {
      if (passes >= stopAt) break;
      if (rnd() < (o.cancelP ?? 0.05)) {
        at = addWorking(at, 1 + Math.floor(rnd() * 30));
        push("cancel", i, 0, "Dibatalkan", "admin@dinas.example");
        break;
      }
      const step = sop.steps[i];
      const std = STANDARDS[sop.id][i];
      // Mostly within the standard, sometimes far beyond (a day or more in someone's queue).
      const d = rnd() < 0.7 ? 1 + Math.floor(rnd() * std) : std + 1 + Math.floor(rnd() * (rnd() < 0.3 ? 2000 : std * 2));
      at = addWorking(at, d);
      const who = actor(rnd, sop, step.role);
      passes++;
      if (step.kind === "decision" && returns < 2 && rnd() < (o.returnP ?? 0.3)) {
        returns++;
        push("return", i, d, "Dikembalikan", who);
        i = sop.steps.findIndex((s) => s.no === step.noTo);
        continue;
      }
      const next = step.kind === "decision" ? (step.yesTo === "selesai" ? -1 : sop.steps.findIndex((s) => s.no === step.yesTo)) : i + 1 < sop.steps.length ? i + 1 : -1;
      push(step.kind === "decision" ? "approve" : "complete", i, d, next < 0 ? "Selesai" : "Berjalan", who);
      if (next >= 0) {
        i = next;
        continue;
      }
      if (!reopened && rnd() < (o.reopenP ?? 0.1)) {
        reopened = true;
        at = addWorking(at, 5 + Math.floor(rnd() * 600));
        i = sop.steps.length - 1;
        push("reopen", i, 0, "Berjalan", "admin@dinas.example");
        continue;
      }
      break;
    }
  }
  return out.sort((a, b) => a.at - b.at || a.caseId.localeCompare(b.caseId) || a.version - b.version);
}

/** Many plain Surat Masuk cases (seven 10-minute steps each, finished): a long Riwayat, quickly. */
export function plainCases(count: number, from: number): Omit<JournalEntry, "seq">[] {
  const out: Omit<JournalEntry, "seq">[] = [];
  for (let k = 0; k < count; k++) {
    const id = `SM-2026-8${String(k + 1).padStart(4, "0")}`;
    const createdAt = from + k * 5 * MIN;
    for (let i = 0; i <= 7; i++) {
      const step = suratMasuk.steps[Math.max(0, i - 1)];
      out.push({
        at: createdAt + i * 10 * MIN,
        kind: i === 0 ? "start" : "complete",
        caseId: id,
        sopId: "surat-masuk",
        sopTitle: suratMasuk.title,
        stepNo: step.no,
        role: step.role,
        actor: `${roleOfLane(suratMasuk, step.role)}@dinas.example`,
        actingFor: "",
        note: "",
        minutes: i === 0 ? 0 : 5 + ((k + i) % 20),
        standard: 15,
        channel: "sidebar",
        version: i + 1,
        data: { state: { status: i === 7 ? "Selesai" : "Berjalan", createdAt } as never },
      });
    }
  }
  return out.sort((a, b) => a.at - b.at || a.caseId.localeCompare(b.caseId));
}

/** Numbers the entries from `firstSeq` in order. */
export function numbered(entries: Omit<JournalEntry, "seq">[], firstSeq: number): JournalEntry[] {
  return entries.map((e, i) => ({ ...e, seq: firstSeq + i }));
}

/** Journal rows as a sheet holds them (dates as Date cells). */
export function sheetRows(entries: JournalEntry[]): unknown[][] {
  return entries.map((e) => journalRow(e, `h${e.seq}`, "k1").map((c) => (c && typeof c === "object" && "dateTime" in c ? new Date(c.dateTime) : c)));
}

/** Riwayat emptied of the rows the API wrote (legacy format) and given the journal's headers. */
export function resetRiwayat(alur: Alur): void {
  const sheet = alur.world.spreadsheet.getSheetByName("Riwayat")!;
  const last = sheet.getLastRow();
  if (last >= 2) sheet.deleteRows(2, last - 1);
  alur.world.fill("Riwayat", [[...JOURNAL_HEADERS]], { row: 1 });
}

/** Appends journal rows after the last row, as the journal does. */
export function appendRows(alur: Alur, entries: JournalEntry[]): void {
  const sheet = alur.world.spreadsheet.getSheetByName("Riwayat")!;
  alur.world.fill("Riwayat", sheetRows(entries), { row: sheet.getLastRow() + 1 });
}

// ---- expected figures, from the entries alone ----

export interface Expected {
  n: number;
  median: number | null;
  p90: number | null;
  longest: number | null;
  within: number | null;
  returns: number;
}

/** Nearest rank: the value at position ⌈p/100 · n⌉ of the sorted list. */
export function nearestRank(xs: number[], p: number): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(1, Math.ceil((p / 100) * s.length)) - 1];
}

function stats(passes: JournalEntry[], standard: (e: JournalEntry) => number | null): Expected {
  const m = passes.map((e) => e.minutes);
  const timed = passes.filter((e) => standard(e) !== null);
  return {
    n: m.length,
    median: nearestRank(m, 50),
    p90: nearestRank(m, 90),
    longest: m.length ? Math.max(...m) : null,
    within: timed.length ? (timed.filter((e) => e.minutes <= (standard(e) as number)).length / timed.length) * 100 : null,
    returns: passes.filter((e) => e.kind === "return").length,
  };
}

const isPass = (e: JournalEntry) => e.kind === "complete" || e.kind === "approve" || e.kind === "return";
const ym = (ms: number) => new Date(ms + WIB).toISOString().slice(0, 7);

export interface ExpectedReport {
  steps: Map<string, Expected>;
  roles: Map<string, Expected>;
  persons: Map<string, Expected>;
  months: Map<string, Expected & { started: number; finished: number }>;
  sops: Map<string, { started: number; finished: number; cancelled: number; cases: Expected; stepWithin: number | null; returns: number }>;
}

export function expectedReport(entries: JournalEntry[]): ExpectedReport {
  const passes = entries.filter(isPass);
  const group = <K>(key: (e: JournalEntry) => K) => {
    const m = new Map<K, JournalEntry[]>();
    for (const e of passes) m.set(key(e), [...(m.get(key(e)) ?? []), e]);
    return m;
  };
  const std = (e: JournalEntry) => e.standard;
  const roleName = (e: JournalEntry) => {
    const sop = SIM_SOPS.find((s) => s.id === e.sopId)!;
    const id = roleOfLane(sop, e.role);
    return ROLES.find((r) => r.id === id)?.name ?? id;
  };
  const steps = new Map([...group((e) => `${e.sopId}|${e.stepNo}`)].map(([k, v]) => [k, stats(v, std)]));
  const roles = new Map([...group(roleName)].map(([k, v]) => [k, stats(v, std)]));
  const persons = new Map([...group((e) => e.actor)].map(([k, v]) => [k, stats(v, std)]));

  // How each case ended: its last finishing, cancelling or reopening entry decides.
  const byCase = new Map<string, JournalEntry[]>();
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  const finishes: { sopId: string; at: number; minutes: number }[] = [];
  const cancels: { sopId: string; at: number }[] = [];
  for (const list of byCase.values()) {
    const ends = list.filter((e) => e.kind === "cancel" || e.kind === "reopen" || (isPass(e) && (e.data.state as { status: string }).status === "Selesai"));
    const last = ends[ends.length - 1];
    if (!last || last.kind === "reopen") continue;
    if (last.kind === "cancel") cancels.push({ sopId: last.sopId, at: last.at });
    else finishes.push({ sopId: last.sopId, at: last.at, minutes: workingBetween((last.data.state as { createdAt: number }).createdAt, last.at) });
  }
  const months = new Map<string, Expected & { started: number; finished: number }>();
  for (const [k, v] of group((e) => ym(e.at))) months.set(k, { ...stats(v, std), started: 0, finished: 0 });
  const month = (k: string) => {
    if (!months.has(k)) months.set(k, { ...stats([], std), started: 0, finished: 0 });
    return months.get(k)!;
  };
  for (const e of entries.filter((x) => x.kind === "start")) month(ym(e.at)).started++;
  for (const f of finishes) month(ym(f.at)).finished++;

  const sops = new Map<string, ExpectedReport["sops"] extends Map<string, infer V> ? V : never>();
  for (const sop of SIM_SOPS) {
    const mine = finishes.filter((f) => f.sopId === sop.id);
    const durations = mine.map((f) => f.minutes);
    const stepPasses = passes.filter((e) => e.sopId === sop.id);
    sops.set(sop.id, {
      started: entries.filter((e) => e.kind === "start" && e.sopId === sop.id).length,
      finished: mine.length,
      cancelled: cancels.filter((c) => c.sopId === sop.id).length,
      cases: {
        n: durations.length,
        median: nearestRank(durations, 50),
        p90: nearestRank(durations, 90),
        longest: durations.length ? Math.max(...durations) : null,
        within: durations.length ? (durations.filter((d) => d <= SOP_STANDARD[sop.id]).length / durations.length) * 100 : null,
        returns: 0,
      },
      stepWithin: stepPasses.length ? (stepPasses.filter((e) => e.minutes <= (e.standard as number)).length / stepPasses.length) * 100 : null,
      returns: stepPasses.filter((e) => e.kind === "return").length,
    });
  }
  return { steps, roles, persons, months, sops };
}

// ---- reading Laporan back ----

export interface Table {
  headers: string[];
  rows: unknown[][];
}

/** The table under the heading that starts with `heading`: header row, then rows up to the first blank one. */
export function table(rows: unknown[][], heading: string): Table {
  const at = rows.findIndex((r) => String(r[0]).startsWith(heading));
  if (at < 0) throw new Error(`no table ${heading}`);
  const headers = (rows[at + 1] as unknown[]).map(String).filter((h) => h !== "");
  const body: unknown[][] = [];
  for (let i = at + 2; i < rows.length && rows[i].some((v) => v !== ""); i++) body.push(rows[i].slice(0, headers.length));
  return { headers, rows: body };
}

/** A row of a table by its first cell, as header → value. */
export function rowOf(t: Table, first: string): Record<string, unknown> | undefined {
  const r = t.rows.find((x) => x[0] === first);
  return r ? Object.fromEntries(t.headers.map((h, i) => [h, r[i]])) : undefined;
}

/** A duration cell back in working minutes (cells hold days). */
export const minutesOf = (v: unknown): number | null => (v === "" || v === undefined ? null : Math.round(Number(v) * 1440));
