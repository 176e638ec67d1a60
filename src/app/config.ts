// The office's configuration (settings, Pejabat, holidays, SOPs) read from its sheets once and kept in CacheService.
import { ROLES } from "../catalog/roles";
import type { WorkingCalendarConfig } from "../domain/calendar";
import type { Official } from "../domain/pejabat";
import { readPejabat } from "../domain/pejabat-sheet";
import { type Settings, calendarOf, parseSettings } from "../domain/settings";
import type { Sop } from "../domain/sop";
import { type SheetError, readSopSheets, sopRevision } from "../domain/sop-sheet";
import { validateCatalog } from "../domain/validate";
import { toReadCell } from "../gas/cells";
import { sheetById } from "../gas/sheets";
import type { SheetIds } from "./ids";

export interface Config {
  settings: Settings;
  problems: string[];
  officials: Official[];
  holidays: string[];
  sops: Sop[];
  active: string[];
  revs: Record<string, string>;
  sopErrors: SheetError[];
}

const CFG = "alur.cfg";
const CHUNKS = 8;
const CHUNK = 45_000;
const keys = () => [CFG, ...Array.from({ length: CHUNKS }, (_, i) => `alur.sops.${i}`)];

export function calendar(cfg: Config): WorkingCalendarConfig {
  return calendarOf(cfg.settings, cfg.holidays);
}

export function invalidateConfig(): void {
  CacheService.getScriptCache().removeAll(keys());
}

function dataRows(sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown[][] {
  const values = sheet.getDataRange().getValues();
  return values.slice(1);
}

/** Reads every configuration sheet: used on a cache miss and after setup. */
export function readConfig(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ids: SheetIds): Config {
  const cell = (rows: unknown[][]) => rows.map((r) => r.map(toReadCell));
  const settingsRows: Record<string, string> = {};
  for (const r of dataRows(sheetById(ss, ids.pengaturan, "Pengaturan"))) settingsRows[String(r[0]).trim()] = String(r[1] ?? "");
  const { settings, problems } = parseSettings(settingsRows);
  const pej = readPejabat(cell(dataRows(sheetById(ss, ids.pejabat, "Pejabat"))), ROLES);
  const holidays = cell(dataRows(sheetById(ss, ids.libur, "Hari Libur")))
    .map((r) => (r[0] && typeof r[0] === "object" ? r[0].date : String(r[0] ?? "").trim()))
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const identity = dataRows(sheetById(ss, ids.identitas, "SOP Identitas")) as (string | number | boolean | null)[][];
  const steps = dataRows(sheetById(ss, ids.sop, "SOP")) as (string | number | boolean | null)[][];
  const read = readSopSheets(identity, steps);
  const invalid = validateCatalog(read.sops, ROLES);
  const sopErrors: SheetError[] = [
    ...read.errors,
    ...invalid.map((e) => ({ sheet: "SOP", row: 0, column: e.field ?? "", sop: e.sop, message: e.step ? `Langkah ${e.step}: ${e.message}` : e.message })),
  ];
  const broken = new Set(invalid.map((e) => e.sop));
  const sops = read.sops.filter((s) => !broken.has(s.id));
  const revs = Object.fromEntries(sops.map((s) => [s.id, sopRevision(s)]));
  return { settings, problems: [...problems, ...pej.problems], officials: pej.officials, holidays, sops, active: read.active.filter((id) => !broken.has(id)), revs, sopErrors };
}

/** The configuration, from the cache when it is there (one cache call), else from the sheets. */
export function loadConfig(ss: () => GoogleAppsScript.Spreadsheet.Spreadsheet, ids: SheetIds): Config {
  const cache = CacheService.getScriptCache();
  const got = cache.getAll(keys());
  if (got[CFG]) {
    const head = JSON.parse(got[CFG]) as Omit<Config, "sops"> & { chunks: number };
    let json = "";
    let complete = true;
    for (let i = 0; i < head.chunks; i++) {
      const part = got[`alur.sops.${i}`];
      if (part === undefined) complete = false;
      else json += part;
    }
    if (complete) {
      const { chunks: _c, ...rest } = head;
      return { ...rest, sops: JSON.parse(json) as Sop[] };
    }
  }
  const cfg = readConfig(ss(), ids);
  const { sops, ...rest } = cfg;
  const json = JSON.stringify(sops);
  const parts: Record<string, string> = {};
  const chunks = Math.ceil(json.length / CHUNK);
  if (chunks <= CHUNKS) {
    for (let i = 0; i < chunks; i++) parts[`alur.sops.${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
    parts[CFG] = JSON.stringify({ ...rest, chunks });
    cache.putAll(parts, 21600);
  }
  return cfg;
}
