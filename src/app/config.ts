// The office's configuration (settings, Pejabat, holidays, SOPs) read from its sheets once and kept in CacheService.
import { ROLES } from "../catalog/roles";
import type { WorkingCalendarConfig } from "../domain/calendar";
import type { Official } from "../domain/pejabat";
import { alignByHeader } from "../domain/columns";
import { PEJABAT_HEADERS, readPejabat } from "../domain/pejabat-sheet";
import { LIBUR_HEADERS, PENGATURAN_HEADERS, type Settings, calendarOf, parseSettings } from "../domain/settings";
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

const CFG = "alur.cfg";
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
function dataRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, headers: readonly string[], problems: string[]): unknown[][] {
  const a = alignByHeader(sheet.getDataRange().getValues() as unknown[][], headers);
  if (a.missing.length) problems.push(`Sheet ${sheet.getName()}: kolom ${a.missing.map((m) => `"${m}"`).join(", ")} tidak ditemukan. Kembalikan judul kolomnya (kolom boleh dipindah, judulnya jangan diubah), atau jalankan Siapkan Alur.`);
  return a.rows;
}

/** Reads every configuration sheet: used on a cache miss and after setup. */
export function readConfig(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ids: SheetIds): Config {
  const cell = (rows: unknown[][]) => rows.map((r) => r.map(toReadCell));
  const columnProblems: string[] = [];
  const settingsRows: Record<string, string> = {};
  for (const r of dataRows(sheetById(ss, ids.pengaturan, "Pengaturan"), PENGATURAN_HEADERS, columnProblems)) settingsRows[String(r[0] ?? "").trim()] = String(r[1] ?? "");
  const { settings, problems } = parseSettings(settingsRows);
  const pej = readPejabat(cell(dataRows(sheetById(ss, ids.pejabat, "Pejabat"), PEJABAT_HEADERS, columnProblems)), ROLES);
  const libur = cell(dataRows(sheetById(ss, ids.libur, "Hari Libur"), LIBUR_HEADERS, columnProblems)).map((r) => ({
    date: r[0] && typeof r[0] === "object" ? r[0].date : String(r[0] ?? "").trim(),
    bersama: /cuti bersama/i.test(String(r[2] ?? "")),
  }));
  const holidays = libur.map((h) => h.date).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const cutiBersama = libur.filter((h) => h.bersama && /^\d{4}-\d{2}-\d{2}$/.test(h.date)).map((h) => h.date);
  const identity = dataRows(sheetById(ss, ids.identitas, "SOP Identitas"), IDENTITY_HEADERS, columnProblems) as (string | number | boolean | null)[][];
  const steps = dataRows(sheetById(ss, ids.sop, "SOP"), SOP_HEADERS, columnProblems) as (string | number | boolean | null)[][];
  const read = readSopSheets(identity, steps);
  const invalid = validateCatalog(read.sops, ROLES);
  const sopErrors: SheetError[] = [
    ...read.errors,
    ...invalid.map((e) => ({ sheet: "SOP", row: 0, column: e.field ?? "", sop: e.sop, message: e.step ? `Langkah ${e.step}: ${e.message}` : e.message })),
  ];
  const broken = new Set(invalid.map((e) => e.sop));
  const sops = read.sops.filter((s) => !broken.has(s.id));
  const revs = Object.fromEntries(sops.map((s) => [s.id, sopRevision(s)]));
  const codes = Object.fromEntries(read.sops.map((s) => [s.code, s.id]));
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
  if (got[CFG]) {
    const head = JSON.parse(got[CFG]) as Omit<Config, "sops"> & { chunks: number; gen?: string };
    let json = "";
    let complete = head.gen === gen;
    for (let i = 0; complete && i < head.chunks; i++) {
      const part = got[`alur.sops.${i}`];
      if (part === undefined) complete = false;
      else json += part;
    }
    if (complete) {
      const { chunks: _c, gen: _g, ...rest } = head;
      return { ...rest, sops: JSON.parse(json) as Sop[] };
    }
  }
  const cfg = readConfig(ss(), ids);
  const { sops, ...rest } = cfg;
  const parts = chunksOf(JSON.stringify(sops));
  if (parts.length <= CHUNKS) {
    const put: Record<string, string> = {};
    parts.forEach((p, i) => {
      put[`alur.sops.${i}`] = p;
    });
    put[CFG] = JSON.stringify({ ...rest, chunks: parts.length, gen });
    try {
      cache.putAll(put, 21600);
    } catch (_e) {
      // Too large or unavailable: the next action reads the sheets again.
    }
  }
  return cfg;
}
