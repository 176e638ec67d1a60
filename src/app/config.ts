// The office's configuration (settings, Pejabat, holidays, SOPs) read from its sheets once and kept in CacheService.
import { ROLES } from "../catalog/roles";
import type { WorkingCalendarConfig } from "../domain/calendar";
import type { Official } from "../domain/pejabat";
import { alignByHeader } from "../domain/columns";
import { PEJABAT_HEADERS, readPejabat } from "../domain/pejabat-sheet";
import { CALENDAR_KEYS, type CalendarSettings, LIBUR_HEADERS, PENGATURAN_HEADERS, type Settings, calendarOf, parseSettings } from "../domain/settings";
import type { Sop } from "../domain/sop";
import { IDENTITY_HEADERS, SOP_HEADERS, type SheetError, readSopSheets, sopRevision } from "../domain/sop-sheet";
import { laneRole } from "../domain/transition";
import { validateCatalog } from "../domain/validate";
import { toReadCell } from "../gas/cells";
import { sheetById } from "../gas/sheets";
import type { SheetIds } from "./ids";

export interface Config {
  settings: Settings;
  problems: string[];
  officials: Official[];
  holidays: string[];
  /** The holidays the Hari Libur sheet marks "cuti bersama" (leave lengths treat them per Pengaturan). */
  cutiBersama: string[];
  sops: Sop[];
  active: string[];
  revs: Record<string, string>;
  sopErrors: SheetError[];
  /** Case-ID code → SOP id for every code the SOP sheet holds now, held-back SOPs included. */
  codes: Record<string, string>;
  /** SOPs held back by errors in the SOP sheet (as read, possibly faulty): no new cases, but their cases in flight still show. */
  heldBack: Sop[];
  /** Per SOP id and step number, the role ids that step had in any revision cases started with (from Arsip SOP). */
  pastSteps: Record<string, Record<string, string[]>>;
}

/** Which roles each step had in the archived revisions: cases in flight may follow any of them. */
function pastStepsOf(sheet: GoogleAppsScript.Spreadsheet.Sheet | null): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  if (!sheet || sheet.getLastRow() < 2) return out;
  for (const [, , , json] of sheet.getRange(2, 1, sheet.getLastRow() - 1, 4).getValues()) {
    let sop: Sop;
    try {
      sop = JSON.parse(String(json)) as Sop;
    } catch (_e) {
      continue;
    }
    const steps = out[sop.id] ?? {};
    out[sop.id] = steps;
    for (const step of sop.steps ?? []) {
      const role = laneRole(sop, step.role);
      const list = steps[step.no] ?? [];
      steps[step.no] = list;
      if (!list.includes(role)) list.push(role);
    }
  }
  return out;
}

/** Every SOP with a register to look at: the valid ones and those held back. */
export function allSops(cfg: Config): Sop[] {
  return cfg.heldBack?.length ? [...cfg.sops, ...cfg.heldBack] : cfg.sops;
}

/** Script property: every code cases were started under (code → SOP id), so a changed Kode still finds old cases. */
export const CODES = "alur.codes";

/** The codes cases were started under (code → SOP id); a value damaged by hand reads as none. */
export function rememberedCodes(): Record<string, string> {
  try {
    const v = JSON.parse(PropertiesService.getScriptProperties().getProperty(CODES) ?? "{}") as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

const CFG = "alur.cfg";
/** The shape of the cached configuration: a copy in another shape (an older release's) is not used. */
const CACHE_FORMAT = 4;
/** The version stamp: every edit of a configuration sheet sets a new one, so a cached copy older than it is ignored. */
const GEN = "alur.cfg.gen";
const CHUNKS = 10;
/** 30,000 characters stay under the 100 KB cache value limit even when every character takes three bytes. */
const CHUNK = 30_000;
const keys = () => [CFG, ...Array.from({ length: CHUNKS }, (_, i) => `alur.sops.${i}`)];

export function calendar(cfg: Config): WorkingCalendarConfig {
  return calendarOf(cfg.settings, cfg.holidays);
}

export function invalidateConfig(): void {
  PropertiesService.getScriptProperties().setProperty(GEN, Utilities.getUuid());
  try {
    CacheService.getScriptCache().removeAll(keys());
  } catch (_e) {
    // The new stamp alone already makes every cached copy stale.
  }
}

/** The SOPs in the cache gzipped (an office with 100 SOPs still fits a few cache values; base64 is plain ASCII). */
function pack(json: string): string {
  return Utilities.base64Encode(Utilities.gzip(Utilities.newBlob(json, "application/json")).getBytes());
}

function unpack(b64: string): string {
  return Utilities.ungzip(Utilities.newBlob(Utilities.base64Decode(b64), "application/x-gzip")).getDataAsString();
}

/** Cuts text into cache-sized parts without splitting a surrogate pair. */
function chunksOf(json: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < json.length; ) {
    let end = Math.min(json.length, i + CHUNK);
    const code = json.charCodeAt(end - 1);
    if (end < json.length && code >= 0xd800 && code <= 0xdbff) end--;
    out.push(json.slice(i, end));
    i = end;
  }
  return out;
}

/** A configuration sheet's rows in the order of its expected headers, found by header text; missing columns are reported. */
function aligned(sheet: GoogleAppsScript.Spreadsheet.Sheet, headers: readonly string[], problems: string[]): { rows: unknown[][]; index: number[] } {
  const a = alignByHeader(sheet.getDataRange().getValues() as unknown[][], headers);
  if (a.missing.length) problems.push(`Sheet ${sheet.getName()}: kolom ${a.missing.map((m) => `"${m}"`).join(", ")} tidak ditemukan. Kembalikan judul kolomnya (kolom boleh dipindah, judulnya jangan diubah), atau jalankan Siapkan Alur.`);
  return { rows: a.rows, index: a.index };
}

function dataRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, headers: readonly string[], problems: string[]): unknown[][] {
  return aligned(sheet, headers, problems).rows;
}

/** A setting's value as text: a date cell (Ramadan typed as a date) is read as Jakarta's yyyy-MM-dd. */
function settingText(v: unknown): string {
  const c = toReadCell(v);
  return c && typeof c === "object" ? c.date : String(c ?? "");
}

function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The last working calendar that read without a problem: it stays in force while a later edit is wrong. */
const GOOD_CALENDAR = "alur.cfg.calendar";

function lastGoodCalendar(): CalendarSettings | null {
  try {
    const v = JSON.parse(PropertiesService.getScriptProperties().getProperty(GOOD_CALENDAR) ?? "null") as CalendarSettings | null;
    return v && Array.isArray(v.week) && v.week.length === 7 && typeof v.dayMinutes === "number" ? v : null;
  } catch {
    return null;
  }
}

/**
 * Settings with the office's hours protected: when a calendar setting is wrong, the last good calendar stays in force
 * (the defaults only for a workbook that never had a good one), and each problem names its sheet and cell.
 */
function readSettings(sheet: GoogleAppsScript.Spreadsheet.Sheet, problems: string[]): Settings {
  const { rows, index } = aligned(sheet, PENGATURAN_HEADERS, problems);
  const values: Record<string, string> = {};
  const cellOf: Record<string, string> = {};
  // The sheet's name once (a Spreadsheet call), not once per setting row.
  const name = rows.length ? sheet.getName() : "";
  rows.forEach((r, i) => {
    const key = String(r[0] ?? "").trim();
    if (!key || Object.prototype.hasOwnProperty.call(values, key)) return;
    values[key] = settingText(r[1]);
    cellOf[key] = `${name}!${columnLetter((index[1] ?? 1) + 1)}${i + 2}`;
  });
  const parsed = parseSettings(values);
  const where = (p: string) => {
    const key = parsed.bad.find((k) => p.includes(`"${k}"`));
    return key && cellOf[key] ? `${p} (sel ${cellOf[key]})` : p;
  };
  const calendarBroken = parsed.bad.some((k) => (CALENDAR_KEYS as readonly string[]).includes(k));
  const good = calendarBroken ? lastGoodCalendar() : null;
  if (calendarBroken) {
    const cells = parsed.bad.filter((k) => cellOf[k]).map((k) => cellOf[k]);
    problems.push(...parsed.problems.map(where));
    problems.push(
      good
        ? `Jam kerja terakhir yang sah tetap dipakai sampai ${cells.length ? `sel ${cells.join(", ")} diperbaiki` : "Pengaturan diperbaiki"}; tenggat tidak berubah diam-diam.`
        : "Jam kerja bawaan dipakai sampai Pengaturan diperbaiki.",
    );
    return good ? { ...parsed.settings, ...good } : parsed.settings;
  }
  problems.push(...parsed.problems.map(where));
  const calendarNow: CalendarSettings = { dayMinutes: parsed.settings.dayMinutes, week: parsed.settings.week, ramadan: parsed.settings.ramadan };
  const json = JSON.stringify(calendarNow);
  const props = PropertiesService.getScriptProperties();
  if (props.getProperty(GOOD_CALENDAR) !== json) props.setProperty(GOOD_CALENDAR, json);
  return parsed.settings;
}

/** Reads every configuration sheet: used on a cache miss and after setup. */
/** Pengaturan alone (what setup's letters part needs): one sheet read, not the whole configuration. */
export function readSettingsOnly(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ids: SheetIds): Settings {
  return readSettings(sheetById(ss, ids.pengaturan, "Pengaturan"), []);
}

export function readConfig(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ids: SheetIds): Config {
  const cell = (rows: unknown[][]) => rows.map((r) => r.map(toReadCell));
  const columnProblems: string[] = [];
  const problems: string[] = [];
  const settings = readSettings(sheetById(ss, ids.pengaturan, "Pengaturan"), problems);
  const pej = readPejabat(cell(dataRows(sheetById(ss, ids.pejabat, "Pejabat"), PEJABAT_HEADERS, columnProblems)), ROLES);
  const holidays: string[] = [];
  const cutiBersama: string[] = [];
  cell(dataRows(sheetById(ss, ids.libur, "Hari Libur"), LIBUR_HEADERS, columnProblems)).forEach((r, i) => {
    // A date cell or yyyy-MM-dd text; anything else is named, never silently dropped.
    const d = r[0] && typeof r[0] === "object" ? r[0].date : String(r[0] ?? "").trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(d)) {
      holidays.push(d);
      if (/cuti bersama/i.test(String(r[2] ?? ""))) cutiBersama.push(d);
    } else if (d) problems.push(`Hari Libur baris ${i + 2}: "${d}" bukan tanggal (ketik sebagai tanggal, atau yyyy-MM-dd); hari itu belum dihitung libur.`);
  });
  const identity = dataRows(sheetById(ss, ids.identitas, "SOP Identitas"), IDENTITY_HEADERS, columnProblems) as (string | number | boolean | null)[][];
  const steps = dataRows(sheetById(ss, ids.sop, "SOP"), SOP_HEADERS, columnProblems) as (string | number | boolean | null)[][];
  const read = readSopSheets(identity, steps);
  const invalid = validateCatalog(read.sops, ROLES, rememberedCodes());
  const sopErrors: SheetError[] = [
    ...read.errors,
    ...invalid.map((e) => ({ sheet: "SOP", row: 0, column: e.field ?? "", sop: e.sop, message: e.step ? `Langkah ${e.step}: ${e.message}` : e.message })),
  ];
  const broken = new Set(invalid.map((e) => e.sop));
  const sops = read.sops.filter((s) => !broken.has(s.id));
  const revs = Object.fromEntries(sops.map((s) => [s.id, sopRevision(s)]));
  // A code two SOPs are given is the valid one's (listed last, so it wins).
  const codes = Object.fromEntries([...read.sops.filter((s) => broken.has(s.id)), ...sops].map((s) => [s.code, s.id]));
  return {
    settings,
    problems: [...columnProblems, ...problems, ...pej.problems],
    officials: pej.officials,
    holidays,
    cutiBersama,
    sops,
    active: read.active.filter((id) => !broken.has(id)),
    revs,
    sopErrors,
    codes,
    heldBack: read.sops.filter((s) => broken.has(s.id)),
    pastSteps: pastStepsOf(ss.getSheetById(ids.arsipSop)),
  };
}

/**
 * The cached configuration, when it is complete, of this version stamp and this shape. Anything that does not parse
 * — a value cut short, another release's shape, something written by hand — is a cache miss, never an error.
 */
function fromCache(got: Record<string, string>, gen: string): Config | null {
  if (!got[CFG]) return null;
  try {
    const head = JSON.parse(got[CFG]) as { chunks: number; gen?: string; fmt?: number };
    if (!head || head.fmt !== CACHE_FORMAT || head.gen !== gen || !Number.isInteger(head.chunks) || head.chunks < 1 || head.chunks > CHUNKS) return null;
    let packed = "";
    for (let i = 0; i < head.chunks; i++) {
      const part = got[`alur.sops.${i}`];
      if (part === undefined) return null;
      packed += part;
    }
    const cfg = JSON.parse(unpack(packed)) as Config;
    if (!cfg || !Array.isArray(cfg.sops) || !cfg.settings || !Array.isArray(cfg.officials) || !Array.isArray(cfg.active) || !cfg.revs || !cfg.codes) return null;
    return cfg;
  } catch {
    return null;
  }
}

/**
 * The configuration, from the cache when it is there and as new as the version stamp (one property read and one cache
 * call), else from the sheets. A cache that fails or is full only makes Alur read the sheets; it never fails an action.
 * The stamp is read before the sheets, so a copy read while an edit happened is stored under the old stamp and ignored.
 */
export function loadConfig(ss: () => GoogleAppsScript.Spreadsheet.Spreadsheet, ids: SheetIds): Config {
  const gen = PropertiesService.getScriptProperties().getProperty(GEN) ?? "";
  const cache = CacheService.getScriptCache();
  let got: Record<string, string> = {};
  try {
    got = cache.getAll(keys());
  } catch (_e) {
    got = {};
  }
  const cached = fromCache(got, gen);
  if (cached) return cached;
  const cfg = readConfig(ss(), ids);
  // The whole configuration gzipped (held-back SOPs and all): the head only says how to find and trust it.
  const parts = chunksOf(pack(JSON.stringify(cfg)));
  if (parts.length <= CHUNKS) {
    const put: Record<string, string> = {};
    parts.forEach((p, i) => {
      put[`alur.sops.${i}`] = p;
    });
    put[CFG] = JSON.stringify({ chunks: parts.length, gen, fmt: CACHE_FORMAT });
    try {
      cache.putAll(put, 21600);
    } catch (_e) {
      // Too large or unavailable: the next action reads the sheets again.
    }
  }
  return cfg;
}
