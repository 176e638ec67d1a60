// Uji mandiri's platform probes: each asks the real platform one question the fakes answer by assumption, on a sheet
// of the scratch spreadsheet, and returns what it saw as plain JSON (compared with the fakes' answer in run.ts).
import { putFormulas, putRows } from "../../gas/write";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A fresh sheet of the scratch spreadsheet for one probe (each probe gets its own, so none sees another's cells). */
export function probeSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): Sheet {
  const old = ss.getSheetByName(name);
  if (old) ss.deleteSheet(old);
  return ss.insertSheet(name);
}

const SECOND = Date.UTC(2026, 10, 2, 16, 59, 59);

/** Date cells: what comes back of milliseconds, and whether whole seconds come back exactly. */
export function dateCells(sheet: Sheet): unknown {
  const r = sheet.getRange(1, 1, 1, 3);
  putRows(r, [[new Date(SECOND), new Date(SECOND + 999), new Date(SECOND + 1)]]);
  const back = r.getValues()[0].map((d) => (d instanceof Date ? d.getTime() - SECOND : `bukan tanggal: ${typeof d}`));
  const seconds = [0, 7919, 86_399, 31_536_000, 2_000_000_001].map((s) => Date.UTC(2020, 0, 1) + s * 1000);
  const col = sheet.getRange(2, 1, seconds.length, 1);
  putRows(
    col,
    seconds.map((t) => [new Date(t)]),
  );
  const exact = col.getValues().every((row, i) => row[0] instanceof Date && (row[0] as Date).getTime() === seconds[i]);
  return { millisecondsBack: back, wholeSecondsExact: exact };
}

/** TextFinder over a hidden column (Antrean saya finds reassigned cases in the hidden Data sistem column this way). */
export function textFinderHidden(sheet: Sheet): unknown {
  putRows(sheet.getRange(1, 1, 1, 3), [["terlihat", "UJI-TERSEMBUNYI", "terlihat"]]);
  sheet.hideColumns(2);
  const hits = sheet.createTextFinder("UJI-TERSEMBUNYI").matchEntireCell(true).findAll();
  return { found: hits.map((h) => h.getA1Notation()) };
}

/** findNext after the last match: does it wrap to the first, or end (null)? */
export function findNextWrap(sheet: Sheet): unknown {
  putRows(sheet.getRange(1, 1, 3, 1), [["UJI-CARI"], ["lain"], ["UJI-CARI"]]);
  const finder = sheet.createTextFinder("UJI-CARI").matchEntireCell(true);
  const seen: (string | null)[] = [];
  for (let i = 0; i < 3; i++) seen.push(finder.findNext()?.getA1Notation() ?? null);
  return { findNext: seen };
}

/**
 * A formula cell read back, as Alur reads a row holding a formula staff put in a column of their own: getFormula gives
 * the formula, and the value is never the formula's text (which, written back as text, would stop the formula). The
 * fakes keep formulas without computing them (their value reads ""), so the computed value itself is not compared.
 */
export function formulaReadBack(sheet: Sheet): unknown {
  putRows(sheet.getRange(1, 1, 1, 2), [[2, 3]]);
  const cell = sheet.getRange(1, 3);
  putFormulas(cell, [["=A1*B1"]]);
  const row = sheet.getRange(1, 1, 1, 3);
  const value = row.getValues()[0][2];
  return { formula: row.getFormulas()[0][2], valueIsFormulaText: typeof value === "string" && value.startsWith("="), typeOfValue: value === "" ? "empty-or-number" : typeof value === "number" ? "empty-or-number" : typeof value };
}

/** Text that looks like a formula, a phone number, a number or a date, written by Alur and written back as read. */
export function quotedWriteBack(sheet: Sheet): unknown {
  const texts = ["=1+1", "+62812", "01234", "2024-03-01", "@nama", "-5"];
  const r = sheet.getRange(1, 1, 1, texts.length);
  putRows(r, [texts]);
  const first = r.getValues()[0];
  putRows(r, [first as string[]]);
  const second = r.getValues()[0];
  return { first, second, formulas: r.getFormulas()[0].filter((f) => f !== "").length };
}

/**
 * getRange with numbers that are not whole (NaN, a fraction) and with 0: refused, and in which words, or which cells
 * came back. Google documents the parameters as Integer only; the fakes refuse every non-integer (the strict side).
 */
export function rangeArguments(sheet: Sheet): unknown {
  const attempt = (f: () => GoogleAppsScript.Spreadsheet.Range): string => {
    try {
      return `diterima: ${f().getA1Notation()}`;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };
  return {
    nanColumn: attempt(() => sheet.getRange(2, Number.NaN, 1, 1)),
    fractionRow: attempt(() => sheet.getRange(1.5, 1)),
    zeroColumn: attempt(() => sheet.getRange(1, 0)),
  };
}

/** Cache limits: a key of 250 characters and a value of 100 KB fit; one character more is refused (and how). */
export function cacheLimits(): unknown {
  const cache = CacheService.getScriptCache();
  const tryPut = (k: string, v: string): string => {
    try {
      cache.put(k, v, 60);
      return "ok";
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };
  const key = (n: number) => `alur.uji.${"k".repeat(n - 9)}`;
  const out = {
    key250: tryPut(key(250), "v"),
    key251: tryPut(key(251), "v"),
    value100KB: tryPut("alur.uji.besar", "v".repeat(100 * 1024)),
    value100KBplus1: tryPut("alur.uji.besar1", "v".repeat(100 * 1024 + 1)),
  };
  // Only keys that fit: removing a refused one would be refused again.
  cache.removeAll([key(250), "alur.uji.besar"]);
  return out;
}

/** Who this deployment's dialog runs as: the active user is known and is the effective user (ownSession relies on it). */
export function sessionSeen(): unknown {
  const active = Session.getActiveUser().getEmail().trim().toLowerCase();
  const effective = Session.getEffectiveUser().getEmail().trim().toLowerCase();
  return { activeKnown: active !== "", activeIsEffective: active !== "" && active === effective };
}

const LOCK_MARK = "alur.uji.kunci";

/**
 * One of two calls the dialog makes at once: takes the script lock (as every action does), marks the cache with its
 * name, holds the lock a moment and looks whether the mark is still its own. If the lock did not exclude the other
 * call, the other's mark is found.
 */
export function lockHold(who: string): { got: boolean; alone: boolean } {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(30_000)) return { got: false, alone: false };
  try {
    const cache = CacheService.getScriptCache();
    cache.put(LOCK_MARK, who, 120);
    Utilities.sleep(1500);
    return { got: true, alone: cache.get(LOCK_MARK) === who };
  } finally {
    lock.releaseLock();
  }
}
