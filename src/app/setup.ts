// Siapkan Alur: creates what is missing and finishes what an earlier run left half-made, within Apps Script's time limit; never overwrites what people typed.
import { builtInCatalog } from "../catalog/builtin";
import { HOLIDAYS_2026 } from "../catalog/holidays-2026";
import { ROLES } from "../catalog/roles";
import { alignByHeader } from "../domain/columns";
import { JOURNAL_HEADERS, JOURNAL_WIDTH } from "../domain/journal";
import { PEJABAT_HEADERS, examplePejabat } from "../domain/pejabat-sheet";
import { H, registerHeaders, registerSheetName, systemHeaders } from "../domain/register";
import { LIBUR_HEADERS, PENGATURAN_HEADERS, SETTING_ROWS } from "../domain/settings";
import type { Sop } from "../domain/sop";
import { IDENTITY_HEADERS, SOP_HEADERS, identityRow, readSopSheets, stepRows } from "../domain/sop-sheet";
import { rememberWorkbook, workbook } from "../gas/sheets";
import { type Writable, appendRowTo, putRows } from "../gas/write";
import { invalidateConfig } from "./config";
import { type SheetIds, loadIds, saveIds } from "./ids";
import { ensureKey } from "./keys";
import { withLock } from "./lock";
import { ANTREAN_HEADERS } from "./notify";
import { loadOpenIndex, replaceIndex } from "./open-index";
import { checkSopSheets, markNewSopRows } from "./sop-check";
import { ensureLocale } from "./locale";
import { trimGrid } from "./riwayat-grid";
import { lettersModule } from "./letters-module";
import { stoppedEarly } from "./setup-stop";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const ARSIP_HEADERS = ["Revisi", "SOP", "Dicatat", "Definisi (JSON)"];

/** One execution may run 6 minutes; setup stops before 4.5, leaving room for the register in progress and its own record. */
export const SETUP_LIMIT_MS = 4.5 * 60_000;
const STOP_AFTER_MS = SETUP_LIMIT_MS - 45_000;

/**
 * Which sheets setup has finished (formats, validations, protections, seed rows), by sheet id, in script properties.
 * A sheet made by a run that stopped half-way is not in it, so the next run finishes it; a finished workbook costs
 * reads only and writes nothing.
 */
const STATE = "alur.setup";
/** The pattern Sheets reports for a cell nobody formatted (columns inside the formatted block keep it). */
const SHEETS_DEFAULT_FORMAT = "0.###############";
/** Bumped when a finished sheet needs something new from setup. */
const FORMAT = 2;

interface State {
  done: Record<string, number>;
}

function readState(): State {
  try {
    const v = JSON.parse(PropertiesService.getScriptProperties().getProperty(STATE) ?? "{}") as Partial<State>;
    return { done: v.done && typeof v.done === "object" ? v.done : {} };
  } catch {
    return { done: {} };
  }
}

interface Run {
  ss: Spreadsheet;
  /** A spreadsheet that held only its first blank sheet when setup began: no sheet of Alur's can exist by name. */
  blank: boolean;
  state: State;
  changes: string[];
  started: number;
  /** Data validation rules already built in this run, by what they check (a rule is reused, not rebuilt). */
  rules: Map<string, GoogleAppsScript.Spreadsheet.DataValidation>;
  cf: { late?: GoogleAppsScript.Spreadsheet.ConditionalFormatRule };
}

const finished = (run: Run, sheet: { id: number }) => run.state.done[String(sheet.id)] === FORMAT;

interface Ensured {
  sheet: Sheet;
  id: number;
  created: boolean;
  /** The header as it now stands (existing columns first, missing ones added after them). */
  header: string[];
  /** The header row's range when setup wrote it (to style it without another lookup). */
  written: GoogleAppsScript.Spreadsheet.Range | null;
}

/**
 * The sheet by its recorded id, else by name, else new; adds the expected headers that are missing at the end of the
 * first row (a new sheet gets them all, frozen and in bold). Nothing else of an existing sheet is touched.
 */
function ensureSheet(run: Run, id: number | undefined, name: string, headers: readonly string[]): Ensured {
  const { ss, changes } = run;
  let sheet = id === undefined ? null : ss.getSheetById(id);
  if (!sheet && !run.blank) sheet = ss.getSheetByName(name);
  let created = false;
  let current: string[] = [];
  if (!sheet) {
    sheet = ss.insertSheet(name);
    created = true;
    changes.push(`Sheet "${name}" dibuat.`);
  } else {
    const lastCol = sheet.getLastColumn();
    current = lastCol ? sheet.getRange(1, 1, 1, lastCol).getValues()[0].map((v) => String(v).trim()) : [];
  }
  const missing = headers.filter((h) => !current.includes(h));
  let written: GoogleAppsScript.Spreadsheet.Range | null = null;
  if (created) {
    // A new sheet's header in one call (appendRow widens the sheet when the header needs more columns).
    appendRowTo(sheet, [...missing]);
  } else if (missing.length) {
    const width = current.length + missing.length;
    const range = () => (sheet as Sheet).getRange(1, current.length + 1, 1, missing.length);
    try {
      written = range();
    } catch (_e) {
      // Wider than the sheet: add the columns it lacks, then write.
      const maxCols = (sheet as Sheet).getMaxColumns();
      (sheet as Sheet).insertColumnsAfter(maxCols, width - maxCols);
      written = range();
    }
    putRows(written, [missing]);
    changes.push(`Sheet "${sheet.getName()}": kolom ditambahkan: ${missing.join(", ")}.`);
  }
  return { sheet, id: sheet.getSheetId(), created, header: [...current, ...missing], written };
}

/** A frozen header row; the configuration sheets' headers in bold too (registers keep to their call budget). */
function styleHeader(e: Ensured, bold: boolean): void {
  if (bold) e.sheet.getRange(1, 1, 1, e.header.length).setFontWeight("bold");
  e.sheet.setFrozenRows(1);
}

function appendRows(sheet: Sheet, firstFree: number, rows: Writable[][]): void {
  if (!rows.length) return;
  putRows(sheet.getRange(firstFree, 1, rows.length, rows[0].length), rows);
}

/** The first free row below a sheet's content (row 2 of a sheet made just now, without asking). */
function nextRow(e: Ensured): number {
  return e.created ? 2 : Math.max(e.sheet.getLastRow(), 1) + 1;
}

/** A sheet's rows below its header, `width` columns (none when it has no rows). */
function dataBelowHeader(sheet: Sheet, width: number): unknown[][] {
  const last = sheet.getLastRow();
  return last < 2 ? [] : sheet.getRange(2, 1, last - 1, width).getValues();
}

function columnValues(sheet: Sheet, col: number): string[] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  return sheet
    .getRange(2, col, last - 1, 1)
    .getValues()
    .map((r) => String(r[0]).trim());
}

function rule(run: Run, key: string, make: () => GoogleAppsScript.Spreadsheet.DataValidation): GoogleAppsScript.Spreadsheet.DataValidation {
  let r = run.rules.get(key);
  if (!r) {
    r = make();
    run.rules.set(key, r);
  }
  return r;
}

function letter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * A register's formats, validations, protection and rule, in a fixed number of calls (16 for a new register, so 28
 * registers fit Apps Script's time limit): one block of validations, formats and the late rule, Alur's own columns
 * under one warning-only protection. (The panel and the queue show a step nearing its due time; the register shows
 * lateness.)
 */
function formatRegister(run: Run, e: Ensured, sop: Sop): void {
  const { sheet, header } = e;
  const col = (h: string) => header.indexOf(h) + 1;
  // A sheet made just now has Sheets' 1,000 rows (assumed: see the fidelity table; a different size is asked for).
  let rows = e.created ? 999 : sheet.getMaxRows() - 1;
  const block = (c: number, w: number) => {
    try {
      return sheet.getRange(2, c, rows, w);
    } catch (_e) {
      rows = sheet.getMaxRows() - 1;
      return sheet.getRange(2, c, rows, w);
    }
  };
  // One block from the first field that needs a rule or a format to Terlambat: dropdowns and date checks on the case
  // fields, date formats on them and on Tenggat, minutes on Terlambat (other columns keep Sheets' own format), and one
  // rule colouring the block's row red while the case is late.
  const due = col(H.due);
  const late = col(H.late);
  const ruled = sop.fields.filter((f) => f.type === "date" || (f.type === "choice" && f.options?.length)).map((f) => col(f.label)).filter((c) => c > 0);
  if (due > 0 && late > 0) {
    const first = Math.min(due, late, ...ruled);
    const last = Math.max(due, late);
    const byCol = new Map(sop.fields.map((f) => [col(f.label), f]));
    const rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[] = [];
    const formats: string[] = [];
    for (let c = first; c <= last; c++) {
      const f = byCol.get(c);
      if (f?.type === "choice" && f.options?.length) {
        const options = f.options;
        // The first list rule is built; the others copy it (its "reject invalid" setting with it): one call fewer each.
        const listBase = [...run.rules.entries()].find(([k]) => k.startsWith("list:"))?.[1];
        rules.push(rule(run, `list:${options.join("\u001f")}`, () => (listBase ? listBase.copy() : SpreadsheetApp.newDataValidation().setAllowInvalid(false)).requireValueInList(options, true).build()));
      } else if (f?.type === "date") rules.push(rule(run, "date", () => SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).setHelpText("Isi dengan tanggal").build()));
      else rules.push(null);
      formats.push(f?.type === "date" ? "d mmm yyyy" : c === due ? "d mmm yyyy hh:mm" : c === late ? '0" mnt"' : SHEETS_DEFAULT_FORMAT);
    }
    const range = block(first, rules.length);
    if (rules.some((r) => r)) range.setDataValidations(Array.from({ length: rows }, () => rules));
    range.setNumberFormats(Array.from({ length: rows }, () => formats));
    const when = `=AND(ISNUMBER($${letter(late)}2),$${letter(late)}2>0)`;
    // The first register's rule is built; the others copy it (fewer builder calls than building each anew).
    const built = run.cf.late
      ? run.cf.late.copy().whenFormulaSatisfied(when).setRanges([range]).build()
      : SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(when).setBackground("#f4c7c3").setFontColor("#a50e0e").setRanges([range]).build();
    run.cf.late ??= built;
    sheet.setConditionalFormatRules([built]);
  }
  // Alur's own columns: one protection per run of them side by side (a new register has one run).
  const sys = new Set(systemHeaders(sop));
  // A new register's protection is not named (one call fewer), so a run cut off before it finished the register
  // leaves an unnamed one: it is known again by its columns, and made warning-only if the cut came before that.
  const unnamed = new Map<string, GoogleAppsScript.Spreadsheet.Protection>();
  const existing = e.created
    ? []
    : sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => {
        const d = p.getDescription();
        if (d) return d;
        const r = p.getRange();
        const cols = `${letter(r.getColumn())}:${letter(r.getLastColumn())}`;
        unnamed.set(cols, p);
        return cols;
      });
  let start = 0;
  for (let c = 1; c <= header.length + 1; c++) {
    const mine = c <= header.length && sys.has(header[c - 1]);
    if (mine && !start) start = c;
    if (!mine && start) {
      const desc = `Alur: ${header[start - 1]}${c - 1 > start ? ` – ${header[c - 2]}` : ""}`;
      const cols = `${letter(start)}:${letter(c - 1)}`;
      const half = unnamed.get(cols);
      if (half && !half.isWarningOnly()) half.setWarningOnly(true);
      if (!half && !existing.includes(desc) && !existing.includes(`Alur: ${header[start - 1]}`)) {
        const p = sheet.getRange(cols).protect();
        // Setup knows its own protections by description; a new register's one run needs no lookup to be found again.
        if (!e.created) p.setDescription(desc);
        p.setWarningOnly(true);
      }
      start = 0;
    }
  }
  const data = col(H.data);
  if (data > 0) sheet.hideColumns(data);
}

const TRIGGERS = "alur.triggers";
const TRIGGER_NAMES: Record<string, string> = { hourlyRefresh: "pemicu per jam", dailyReport: "pemicu harian Laporan", onSheetChange: "pemicu perubahan sheet" };

/**
 * Installs each trigger once for the whole office. getProjectTriggers lists only the current user's triggers, so the
 * installer is recorded in script properties: when another admin runs setup, nothing is installed twice.
 */
function ensureTriggers(ss: Spreadsheet, changes: string[]): void {
  const props = PropertiesService.getScriptProperties();
  let owners: Record<string, string> = {};
  try {
    owners = JSON.parse(props.getProperty(TRIGGERS) ?? "{}") as Record<string, string>;
  } catch {
    owners = {};
  }
  const me = Session.getEffectiveUser().getEmail();
  const mine = new Set(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()));
  const others: string[] = [];
  const wanted: [string, () => void, string][] = [
    ["hourlyRefresh", () => ScriptApp.newTrigger("hourlyRefresh").timeBased().everyHours(1).create(), "Pemicu per jam dipasang (memperbarui kolom Terlambat)."],
    ["dailyReport", () => ScriptApp.newTrigger("dailyReport").timeBased().everyDays(1).atHour(5).inTimezone("Asia/Jakarta").create(), "Pemicu harian dipasang (membangun ulang Laporan setiap pagi)."],
    ["onSheetChange", () => ScriptApp.newTrigger("onSheetChange").forSpreadsheet(ss).onChange().create(), "Pemicu perubahan dipasang (baris Pejabat atau Hari Libur yang dihapus, disisipkan atau diurutkan langsung berlaku)."],
  ];
  let changed = false;
  for (const [handler, create, message] of wanted) {
    if (mine.has(handler)) continue;
    const owner = Object.prototype.hasOwnProperty.call(owners, handler) ? owners[handler] : "";
    if (owner && owner !== me) {
      others.push(`${TRIGGER_NAMES[handler] ?? handler} (dipasang oleh ${owner})`);
      continue;
    }
    create();
    // A blank effective user is never recorded: the next admin's setup must not take it for someone else's trigger.
    if (me) owners[handler] = me;
    changed = true;
    changes.push(message);
  }
  if (changed) props.setProperty(TRIGGERS, JSON.stringify(owners));
  if (others.length) {
    changes.push(
      `Pemicu yang sudah dipasang admin lain: ${others.join(", ")}. Bila admin itu tidak lagi bertugas: hapus pemicunya di Ekstensi › Apps Script › Pemicu, hapus properti "${TRIGGERS}" di Setelan project › Properti skrip, lalu jalankan Siapkan Alur lagi.`,
    );
  }
}

/** Sheets setup made or finished in this run are recorded once, at the end or when time runs out. */
function saveState(run: Run, ids: Partial<SheetIds>): void {
  PropertiesService.getScriptProperties().setProperty(STATE, JSON.stringify(run.state));
  if (ids.pengaturan !== undefined) saveIds(ids as SheetIds);
}

const DEFAULT_SHEET = "Sheet1";

/** JSON with keys in order, to tell whether setup's record changed. */
function sorted(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sorted).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sorted(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

/**
 * Siapkan Alur. Returns what it did, in Bahasa Indonesia. `started` is when the execution began: setup stops cleanly
 * before Apps Script's 6-minute limit and says to run it again; the next run carries on where this one stopped.
 */
export function setup(started = Date.now()): string[] {
  return withLock(() => runSetup(started));
}

function runSetup(started: number): string[] {
  const ss = workbook();
  rememberWorkbook(ss);
  const old: Partial<SheetIds> = loadIds() ?? {};
  const run: Run = { ss, blank: old.pengaturan === undefined && ss.getNumSheets() === 1, state: readState(), changes: [], started, rules: new Map(), cf: {} };
  const { changes } = run;
  const fresh = old.pengaturan === undefined;
  const recorded = sorted({ state: run.state, ids: old });
  const zone = ss.getSpreadsheetTimeZone();
  if (zone !== "Asia/Jakarta") {
    // Sheets keeps date-times as wall-clock values in the sheet's zone: changing the zone of a workbook that already
    // holds Riwayat would shift every recorded time. Only a workbook without history is switched.
    const riwayat = old.riwayat === undefined ? null : ss.getSheetById(old.riwayat);
    if (!riwayat || riwayat.getLastRow() < 2) {
      ss.setSpreadsheetTimeZone("Asia/Jakarta");
      changes.push("Zona waktu spreadsheet diatur ke Asia/Jakarta (WIB), sama dengan Alur, agar tanggal di register terbaca benar.");
    } else {
      changes.push(`Perhatian: zona waktu spreadsheet ini ${zone}, bukan Asia/Jakarta. Alur tidak mengubahnya karena Riwayat sudah berisi; tanggal yang diketik tangan dapat terbaca bergeser. Hubungi admin sebelum mengubah zona waktu (File › Setelan).`);
    }
  }
  // Indonesian numbers, dates and durations for a new workbook (one that an office set otherwise is left, and told).
  ensureLocale(ss, changes);
  const finish = (e: Ensured, work: () => void, bold = true) => {
    if (finished(run, e)) return;
    styleHeader(e, bold);
    work();
    run.state.done[String(e.id)] = FORMAT;
  };

  const pengaturan = ensureSheet(run, old.pengaturan, "Pengaturan", PENGATURAN_HEADERS);
  const haveKeys = new Set(pengaturan.created ? [] : columnValues(pengaturan.sheet, 1));
  const newSettings = SETTING_ROWS.filter(([k]) => !haveKeys.has(k));
  if (newSettings.length) appendRows(pengaturan.sheet, nextRow(pengaturan), newSettings);
  if (newSettings.length && !pengaturan.created) changes.push(`Pengaturan ditambahkan: ${newSettings.map(([k]) => k).join(", ")}.`);
  finish(pengaturan, () => undefined);

  const CATALOG = builtInCatalog();
  const identitas = ensureSheet(run, old.identitas, "SOP Identitas", IDENTITY_HEADERS);
  const sop = ensureSheet(run, old.sop, "SOP", SOP_HEADERS);
  const idRows = identitas.created ? [] : dataBelowHeader(identitas.sheet, identitas.header.length);
  const haveSops = new Set(idRows.map((r) => String(r[0]).trim()));
  const newSops = CATALOG.filter((s) => !haveSops.has(s.id));
  if (newSops.length) {
    // Rows a run cut off between the checkboxes and the values left blank but for an unticked box are filled again.
    let used = idRows.length;
    while (used > 0 && idRows[used - 1].every((v) => v === "" || v === false)) used--;
    const firstNew = identitas.created ? 2 : used + 2;
    // Checkboxes first (inserting them sets every box to false), then the rows with their TRUE values.
    identitas.sheet.getRange(firstNew, IDENTITY_HEADERS.indexOf("Aktif") + 1, newSops.length, 1).insertCheckboxes();
    appendRows(identitas.sheet, firstNew, newSops.map((s) => identityRow(s)));
  }
  finish(identitas, () => undefined);
  const haveSteps = new Set(sop.created ? [] : columnValues(sop.sheet, 1));
  const stepRowsNew = CATALOG.filter((s) => !haveSteps.has(s.id)).flatMap(stepRows);
  if (stepRowsNew.length) {
    const at = nextRow(sop);
    appendRows(sop.sheet, at, stepRowsNew);
    // A new SOP sheet gets the catalog's warnings marked as it is written (a later run's check finds them there).
    if (sop.created) markNewSopRows(sop.sheet, CATALOG, stepRowsNew, at);
  }
  finish(sop, () => undefined);
  if (newSops.length && !identitas.created) changes.push(`SOP ditambahkan dari katalog bawaan: ${newSops.map((s) => s.shortTitle).join(", ")}.`);

  const pejabat = ensureSheet(run, old.pejabat, "Pejabat", PEJABAT_HEADERS);
  finish(pejabat, () => {
    const empty = pejabat.created || pejabat.sheet.getLastRow() < 2;
    if (empty) {
      appendRows(pejabat.sheet, 2, examplePejabat(ROLES));
      changes.push("Pejabat diisi daftar contoh (nama dan email fiktif): ganti dengan pejabat kantor Anda.");
    }
    const roles = SpreadsheetApp.newDataValidation().requireValueInList(ROLES.filter((r) => !r.external).map((r) => r.name), true).build();
    const acting = SpreadsheetApp.newDataValidation().requireValueInList(["Plt.", "Plh."], true).build();
    const acol = letter(PEJABAT_HEADERS.indexOf("Plt/Plh") + 1);
    pejabat.sheet.getRange("A2:A").setDataValidation(roles);
    pejabat.sheet.getRange(`${acol}2:${acol}`).setDataValidation(acting);
  });
  const libur = ensureSheet(run, old.libur, "Hari Libur", LIBUR_HEADERS);
  finish(libur, () => {
    if (libur.created || libur.sheet.getLastRow() < 2) {
      const range = libur.sheet.getRange(2, 1, HOLIDAYS_2026.length, 3);
      putRows(range, HOLIDAYS_2026.map((h) => [{ date: h.date }, h.name, h.kind]));
    }
    // Also when a run was cut off after the dates and before their format.
    libur.sheet.getRange("A2:A").setNumberFormat("d mmm yyyy");
  });
  const riwayat = ensureSheet(run, old.riwayat, "Riwayat", JOURNAL_HEADERS);
  finish(riwayat, () => {
    riwayat.sheet.getRange("A2:A").setNumberFormat("d mmm yyyy hh:mm:ss");
    // A journal of 300,000 rows must stay far below 10 million cells: no empty columns beside it (also on a sheet an
    // earlier run made and was cut off before finishing, as long as nothing stands in them).
    const width = Math.max(JOURNAL_WIDTH, riwayat.header.length);
    if (riwayat.created) {
      const extra = riwayat.sheet.getMaxColumns() - width;
      if (extra > 0) riwayat.sheet.deleteColumns(width + 1, extra);
    } else trimGrid(riwayat.sheet, width);
  });
  const arsip = ensureSheet(run, old.arsipSop, "Arsip SOP", ARSIP_HEADERS);
  finish(arsip, () => undefined, false);
  const antrean = ensureSheet(run, old.antreanEmail, "Antrean Email", ANTREAN_HEADERS);
  finish(antrean, () => undefined, false);

  const ids: Partial<SheetIds> = {
    ...old,
    pengaturan: pengaturan.id,
    sop: sop.id,
    identitas: identitas.id,
    pejabat: pejabat.id,
    libur: libur.id,
    riwayat: riwayat.id,
    arsipSop: arsip.id,
    antreanEmail: antrean.id,
    registers: { ...(old.registers ?? {}) },
    url: ss.getUrl(),
  };

  // The SOPs as the sheets hold them; a workbook set up just now holds the built-in catalog (nothing to read back).
  const read =
    identitas.created && sop.created
      ? { sops: CATALOG, active: CATALOG.map((s) => s.id), errors: [] }
      : readSopSheets(alignByHeader(identitas.sheet.getDataRange().getValues(), IDENTITY_HEADERS).rows as never, alignByHeader(sop.sheet.getDataRange().getValues(), SOP_HEADERS).rows as never);
  let stopped = false;
  const registers = ids.registers as Record<string, number>;
  for (const s of read.sops.filter((x) => read.active.includes(x.id))) {
    if (Date.now() - started > STOP_AFTER_MS) {
      stopped = true;
      break;
    }
    const known = Object.prototype.hasOwnProperty.call(registers, s.id) ? registers[s.id] : undefined;
    const reg = ensureSheet(run, known, registerSheetName(s), registerHeaders(s));
    registers[s.id] = reg.id;
    finish(reg, () => formatRegister(run, reg, s), false);
  }
  if (stopped) {
    saveState(run, ids);
    invalidateConfig();
    changes.push(stoppedEarly("sebagian register belum dibuat"));
    return changes;
  }

  // The first sheet of a new spreadsheet, left empty: removed, so the registers are what people see.
  const blank = ss.getSheetByName(DEFAULT_SHEET);
  if (blank && blank.getLastRow() === 0 && blank.getLastColumn() === 0) {
    ss.deleteSheet(blank);
    changes.push(`Sheet kosong "${DEFAULT_SHEET}" dihapus.`);
  }
  // A workbook that was complete is left as it was: not even the record of it or the cached configuration is rewritten.
  const same = !changes.length && sorted({ state: run.state, ids }) === recorded;
  if (!same) {
    saveState(run, ids);
    invalidateConfig();
  }
  // A later run, or a first one resumed after a cut (its SOP sheet was there already), checks what the sheets hold.
  if (!fresh || !sop.created) {
    const marked = checkSopSheets(ss, ids as SheetIds);
    if (marked) changes.push(`${marked} kesalahan di sheet SOP/SOP Identitas ditandai merah dengan catatan di selnya; SOP itu tidak dipakai sampai diperbaiki.`);
  }
  ensureTriggers(ss, changes);
  for (const k of ["chain", "queue", "link"] as const) ensureKey(k);
  // Letters: Agenda Surat, Saldo Cuti, the office's Alur folder and its template Docs, the document worker's trigger.
  lettersModule().ensureLetters(ss, ids as SheetIds, changes, run.blank, started + STOP_AFTER_MS);
  // The open-case index: empty for a new office; a workbook from an earlier release gets it from the hourly trigger.
  if (fresh && !loadOpenIndex().complete) replaceIndex([], {}, true);
  if (read.errors.length) changes.push(...read.errors.map((e) => `${e.sheet} baris ${e.row}, kolom ${e.column}: ${e.message}`));
  if (!changes.length) changes.push("Semua sudah lengkap; tidak ada yang diubah.");
  return changes;
}
