// The fidelity table: every Apps Script behaviour the fakes reproduce, marked documented (with Google's page), checked
// by Uji mandiri on a real installation (with the probe), or assumed; the test of an assumed behaviour says so in its
// name. Each strictness that replaced a leniency of the fakes has a row whose check fails on the old behaviour.
import { createHmac } from "node:crypto";
import { join } from "node:path";
import { Bundle } from "../../emulator/load-bundle";
import { createWorld, type World } from "../../emulator/fakes";
import { ScriptRunError } from "../../emulator/transport";
import { loadCode, realmOf } from "../../emulator/load-code";
import { latency } from "../../emulator/latency";
import { restoreSpreadsheets, snapshotSpreadsheets } from "../../emulator/server/persist";

const REF = "https://developers.google.com/apps-script/reference";
const QUOTAS = "https://developers.google.com/apps-script/guides/services/quotas";
const RUN = "https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)";
const SHEETS_DATES = "https://developers.google.com/sheets/api/guides/formats";
/** A tiny script for executions and google.script.run's transport (test/fixtures/execution-bundle/Code.js). */
const FIXTURE = join(__dirname, "../fixtures/execution-bundle/Code.js");

/**
 * - documented: Google's page at `reference` says so; `says` quotes or sums it up.
 * - uji-mandiri: Google documents nothing, but the Uji mandiri probe `probe` checks it on every real installation.
 * - assumed: Google documents it only in part or not at all (often the behaviour is documented but the error's words
 *   are only known from real runs, PLATFORM.md); `says` states what we assume; the test's name ends in "(assumed)".
 */
type Basis = "documented" | "uji-mandiri" | "assumed";

interface Row {
  behaviour: string;
  basis: Basis;
  /** Google's page for the behaviour (the nearest one for an assumed behaviour). */
  reference: string;
  says: string;
  /** The Uji mandiri probe that checks this behaviour (basis "uji-mandiri"). */
  probe?: string;
  check: (world: World) => void;
}

function sheet1(world: World) {
  return world.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Sheet1")!;
}

function thrown(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message };
  }
  throw new Error("expected an exception");
}

/** The fixture script deployed on a World: google.script.run calls and executions of its functions. */
function fixture(w: World): Bundle {
  return new Bundle(w, { codePath: FIXTURE });
}

const rows: Row[] = [
  {
    behaviour: "a number format with quoted text shows the text around the number",
    basis: "documented",
    reference: SHEETS_DATES,
    says: "Number format patterns may hold literal text in double quotes: 0\" mnt\" shows 105 as \"105 mnt\".",
    check: (w) => {
      const cell = sheet1(w).getRange("A1").setValue(105).setNumberFormat('0" mnt"');
      expect(cell.getDisplayValue()).toBe("105 mnt");
      expect(cell.getValue()).toBe(105);
    },
  },
  {
    behaviour: "a script can evaluate code it reads from one of its own HTML files (new Function), as Alur's lazily loaded modules do",
    basis: "assumed",
    reference: "https://developers.google.com/apps-script/guides/v8-runtime",
    says: "The V8 runtime allows new Function / eval (widely reported: libraries are loaded with eval); Alur loads Setup, SopPage and Laporan this way.",
    check: (w) => {
      // A script context made as the harness makes one: code generation from strings is allowed in it.
      const ctx = loadCode(FIXTURE, w.createGlobals().globals);
      expect(realmOf(ctx).evaluate("new Function('return HtmlService ? 6 * 7 : 0')()")).toBe(42);
    },
  },
  {
    behaviour: "setValues with the wrong number of rows names both counts",
    basis: "assumed",
    reference: `${REF}/spreadsheet/range#setValues(Object)`,
    says: "The number of rows in the data does not match the number of rows in the range. The data has X but the range has Y.",
    check: (w) => expect(thrown(() => sheet1(w).getRange(1, 1, 2, 2).setValues([[1, 2]]))).toEqual({ name: "Exception", message: "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2." }),
  },
  {
    behaviour: "setValues with the wrong number of columns names both counts",
    basis: "assumed",
    reference: `${REF}/spreadsheet/range#setValues(Object)`,
    says: "The number of columns in the data does not match the number of columns in the range. The data has X but the range has Y.",
    check: (w) => expect(thrown(() => sheet1(w).getRange(1, 1, 1, 3).setValues([[1, 2]])).message).toBe("The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3."),
  },
  {
    behaviour: "bad A1 notation and unknown sheet names are 'Range not found'",
    basis: "assumed",
    reference: `${REF}/spreadsheet/spreadsheet#getRange(String)`,
    says: "Range not found",
    check: (w) => {
      expect(thrown(() => sheet1(w).getRange("1A")).message).toBe("Range not found");
      expect(thrown(() => w.globals.SpreadsheetApp.getActiveSpreadsheet().getRange("Nope!A1")).message).toBe("Range not found");
      expect(w.globals.SpreadsheetApp.getActiveSpreadsheet().getRange("'Sheet1'!B2:C3").getA1Notation()).toBe("B2:C3");
    },
  },
  {
    behaviour: "getRange row below 1, zero rows, and beyond the sheet each have their own error",
    basis: "assumed",
    reference: `${REF}/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer)`,
    says: "The starting row of the range is too small. / The number of rows in the range must be at least 1. / The coordinates of the range are outside the dimensions of the sheet.",
    check: (w) => {
      const s = sheet1(w);
      expect(thrown(() => s.getRange(0, 1)).message).toBe("The starting row of the range is too small.");
      expect(thrown(() => s.getRange(1, 1, 0, 1)).message).toBe("The number of rows in the range must be at least 1.");
      expect(thrown(() => s.getRange(s.getMaxRows() + 1, 1)).message).toBe("The coordinates of the range are outside the dimensions of the sheet.");
    },
  },
  {
    behaviour: "getRange with an argument of the wrong type is a signature error",
    basis: "assumed",
    reference: `${REF}/spreadsheet/sheet#getRange(Integer,Integer)`,
    says: "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    check: (w) => expect(thrown(() => sheet1(w).getRange("1" as unknown as number, 1)).message).toBe("The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange."),
  },
  {
    behaviour: "getRange, offset, getCell and getSheetValues refuse a number that is not whole (NaN, Infinity, 1.5) as a signature error",
    basis: "uji-mandiri",
    probe: "rentang",
    reference: `${REF}/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer)`,
    says: "The parameters are documented as Integer; nothing says what a NaN or a fraction does. The fakes refuse them (the strict side: a column computed as NaN once read a whole sheet's first column in the fakes, where Sheets would refuse); Uji mandiri's probe 'rentang' reports what the real platform does.",
    check: (w) => {
      const s = sheet1(w);
      const sig = (m: string, types: string) => `The parameters (${types}) don't match the method signature for SpreadsheetApp.${m}.`;
      expect(thrown(() => s.getRange(2, Number.NaN, 1, 1)).message).toBe(sig("Sheet.getRange", "number,number,number,number"));
      expect(thrown(() => s.getRange(1.5, 1)).message).toBe(sig("Sheet.getRange", "number,number"));
      expect(thrown(() => s.getRange(1, 1, Number.POSITIVE_INFINITY, 1)).message).toBe(sig("Sheet.getRange", "number,number,number,number"));
      expect(thrown(() => s.getSheetValues(1, Number.NaN, 1, 1)).message).toBe(sig("Sheet.getSheetValues", "number,number,number,number"));
      const r = s.getRange(2, 2, 2, 2);
      expect(thrown(() => r.offset(0, Number.NaN)).message).toBe(sig("Range.offset", "number,number"));
      expect(thrown(() => r.getCell(1.5, 1)).message).toBe(sig("Range.getCell", "number,number"));
      expect(thrown(() => s.getRange(1, 0)).message).toBe("The starting column of the range is too small.");
      expect(r.offset(1, 1).getA1Notation()).toBe("C3:D4");
    },
  },
  {
    behaviour: "getLastRow and getLastColumn of an empty sheet are 0",
    basis: "documented",
    reference: `${REF}/spreadsheet/sheet#getLastRow()`,
    says: "Returns the position of the last row that has content.",
    check: (w) => {
      const s = sheet1(w);
      expect([s.getLastRow(), s.getLastColumn()]).toEqual([0, 0]);
      s.getRange("C5").setValue("x");
      expect([s.getLastRow(), s.getLastColumn()]).toEqual([5, 3]);
    },
  },
  {
    behaviour: "empty cells read as empty strings",
    basis: "documented",
    reference: `${REF}/spreadsheet/range#getValues()`,
    says: "Empty cells are represented by an empty string in the array.",
    check: (w) => expect(sheet1(w).getRange("A1:B2").getValues()).toEqual([["", ""], ["", ""]]),
  },
  {
    behaviour: "date cells read as Date objects",
    basis: "documented",
    reference: `${REF}/spreadsheet/range#getValues()`,
    says: "Returns a two-dimensional array of values ... of type Number, Boolean, Date, or String.",
    check: (w) => {
      const r = sheet1(w).getRange("A1");
      r.setValue(new Date(Date.UTC(2024, 0, 2, 3)));
      const a = r.getValue() as Date;
      expect(a).toBeInstanceOf(Date);
      expect(a.getTime()).toBe(Date.UTC(2024, 0, 2, 3));
    },
  },
  {
    behaviour: "'yyyy-MM-dd' text becomes a date at midnight in the spreadsheet's zone",
    basis: "assumed",
    reference: `${REF}/spreadsheet/range#setValue(Object)`,
    says: "Sheets parses date-like text as a date in the spreadsheet's time zone and shows it in the same form.",
    check: (w) => {
      const r = sheet1(w).getRange("B1");
      r.setValue("2024-03-01");
      expect((r.getValue() as Date).toISOString()).toBe("2024-02-29T17:00:00.000Z");
      expect(r.getDisplayValue()).toBe("2024-03-01");
    },
  },
  {
    behaviour: "a date-time is a serial number: days since 30 December 1899 in the spreadsheet's zone, the fraction the time of day",
    basis: "documented",
    reference: SHEETS_DATES,
    says: "The whole number portion of the value (left of the decimal) counts the days since December 30, 1899. The fractional portion (right of the decimal) counts the time as a fraction of the day. (Also sheets/api/reference/rest/v4/DateTimeRenderOption.)",
    check: (w) => {
      // 45293.125 is 2 January 2024, 03:00 — on the wall clock of the spreadsheet's zone (Asia/Jakarta), not in UTC.
      const r = sheet1(w).getRange("A1").setNumberFormat("yyyy-mm-dd hh:mm").setValue(45293.125);
      expect(r.getDisplayValue()).toBe("2024-01-02 03:00");
      r.setValue(new Date(Date.UTC(2024, 0, 1, 20)));
      expect(r.getDisplayValue()).toBe("2024-01-02 03:00");
    },
  },
  {
    behaviour: "date cells keep whole seconds: milliseconds are dropped, whole seconds round-trip exactly",
    basis: "uji-mandiri",
    probe: "tanggal",
    reference: SHEETS_DATES,
    says: "Google documents the serial number (a double), not the precision Apps Script gives back. The fakes keep whole seconds and drop milliseconds (a time never moves into the next second or day); whole seconds come back exactly. Uji mandiri's probe 'tanggal' checks both on every installation.",
    check: (w) => {
      const r = sheet1(w).getRange("A1:C1");
      const second = Date.UTC(2026, 10, 2, 16, 59, 59);
      r.setValues([[new Date(second), new Date(second + 999), new Date(second + 1)]]);
      expect((r.getValues()[0] as Date[]).map((d) => d.getTime())).toEqual([second, second, second]);
      expect(r.getDisplayValues()[0][1]).toBe("2/11/2026 23:59:59");
      for (let i = 0; i < 500; i++) {
        const t = Date.UTC(2020, 0, 1) + Math.floor(i * 7919.37) * 1000;
        sheet1(w).getRange("D1").setValue(new Date(t));
        expect((sheet1(w).getRange("D1").getValue() as Date).getTime()).toBe(t);
      }
    },
  },
  {
    behaviour: "a date cell keeps its serial number when the spreadsheet's time zone changes, so it reads as another instant",
    basis: "assumed",
    reference: `${REF}/spreadsheet/spreadsheet#setSpreadsheetTimeZone(String)`,
    says: "Follows from the serial number being wall-clock time in the spreadsheet's zone; Google does not say it on the page.",
    check: (w) => {
      const r = sheet1(w).getRange("A1");
      r.setValue(new Date(Date.UTC(2024, 0, 2, 3)));
      w.globals.SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetTimeZone("UTC");
      expect((r.getValue() as Date).getTime()).toBe(Date.UTC(2024, 0, 2, 10));
    },
  },
  {
    behaviour: "a string starting with '=' becomes a formula",
    basis: "documented",
    reference: `${REF}/spreadsheet/range#setValue(Object)`,
    says: "Strings that start with '=' are interpreted as formulas.",
    check: (w) => {
      const r = sheet1(w).getRange("A1");
      r.setValue("=SUM(B1:B2)");
      expect(r.getFormula()).toBe("=SUM(B1:B2)");
      expect(sheet1(w).getLastRow()).toBe(1);
    },
  },
  {
    behaviour: "a leading apostrophe stores the text without it",
    basis: "uji-mandiri",
    probe: "kutip",
    reference: `${REF}/spreadsheet/range#setValue(Object)`,
    says: "Prefix a value with ' to store it as text.",
    check: (w) => {
      const r = sheet1(w).getRange("A1");
      r.setValue("'=1+1");
      expect([r.getValue(), r.getFormula()]).toEqual(["=1+1", ""]);
    },
  },
  {
    behaviour: "numeric text, percentages and TRUE/false become numbers and booleans",
    basis: "assumed",
    reference: `${REF}/spreadsheet/range#setValues(Object)`,
    says: "Strings like 01234 become numbers; 25% and TRUE/false are parsed.",
    check: (w) => {
      const r = sheet1(w).getRange("A1:D1");
      r.setValues([["01234", "25%", "TRUE", "false"]]);
      expect(r.getValues()).toEqual([[1234, 0.25, true, false]]);
    },
  },
  {
    behaviour: "plain-text number format '@' keeps text as text",
    basis: "assumed",
    reference: `${REF}/spreadsheet/range#setNumberFormat(String)`,
    says: "'@' formats the cell as plain text.",
    check: (w) => {
      const r = sheet1(w).getRange("A1");
      r.setNumberFormat("@").setValue("01234");
      expect(r.getValue()).toBe("01234");
    },
  },
  {
    behaviour: "a cell takes at most 50000 characters",
    basis: "assumed",
    reference: `${REF}/spreadsheet/range#setValue(Object)`,
    says: "Your input contains more than the maximum of 50000 characters in a single cell.",
    check: (w) => {
      expect(thrown(() => sheet1(w).getRange("A1").setValue("x".repeat(50001))).message).toBe("Your input contains more than the maximum of 50000 characters in a single cell.");
      expect(() => sheet1(w).getRange("A1").setValue("x".repeat(50000))).not.toThrow();
    },
  },
  {
    behaviour: "a list validation takes at most 500 items",
    basis: "assumed",
    reference: `${REF}/spreadsheet/data-validation-builder#requireValueInList(String)`,
    says: "The data validation rule has more items than the limit of 500. Use the ‘List from a range’ criteria instead.",
    check: (w) => {
      const app = w.globals.SpreadsheetApp;
      const big = app.newDataValidation().requireValueInList(Array.from({ length: 501 }, (_, i) => `v${i}`)).build();
      expect(thrown(() => sheet1(w).getRange("A1").setDataValidation(big)).message).toBe("The data validation rule has more items than the limit of 500. Use the ‘List from a range’ criteria instead.");
      const ok = app.newDataValidation().requireValueInList(["a", "b"]).build();
      expect(sheet1(w).getRange("A1").setDataValidation(ok).getDataValidation()!.getCriteriaValues()[0]).toEqual(["a", "b"]);
    },
  },
  {
    behaviour: "sheet names are unique (regardless of case)",
    basis: "assumed",
    reference: `${REF}/spreadsheet/spreadsheet#insertSheet(String)`,
    says: 'A sheet with the name "X" already exists. Please enter another name.',
    check: (w) => expect(thrown(() => w.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet("sheet1")).message).toBe('A sheet with the name "sheet1" already exists. Please enter another name.'),
  },
  {
    behaviour: "the last sheet cannot be deleted",
    basis: "assumed",
    reference: `${REF}/spreadsheet/spreadsheet#deleteSheet(Sheet)`,
    says: "You can't remove all the sheets in a document.",
    check: (w) => expect(thrown(() => w.globals.SpreadsheetApp.getActiveSpreadsheet().deleteSheet(sheet1(w))).message).toBe("You can't remove all the sheets in a document."),
  },
  {
    behaviour: "deleting rows past the end is out of bounds; appendRow grows the sheet",
    basis: "assumed",
    reference: `${REF}/spreadsheet/sheet#deleteRows(Integer,Integer)`,
    says: "Those rows are out of bounds.",
    check: (w) => {
      const s = sheet1(w);
      expect(thrown(() => s.deleteRows(1000, 2)).message).toBe("Those rows are out of bounds.");
      s.getRange(1000, 1).setValue("last");
      s.appendRow(["grown"]);
      expect([s.getMaxRows(), s.getLastRow()]).toEqual([1001, 1001]);
    },
  },
  {
    behaviour: "getUi is refused outside a UI context (triggers, web app)",
    basis: "assumed",
    reference: `${REF}/spreadsheet/spreadsheet-app#getUi()`,
    says: "Cannot call SpreadsheetApp.getUi() from this context.",
    check: (w) => {
      expect(w.within("trigger", () => thrown(() => w.globals.SpreadsheetApp.getUi())).message).toBe("Cannot call SpreadsheetApp.getUi() from this context.");
      expect(() => w.globals.SpreadsheetApp.getUi()).not.toThrow();
    },
  },
  {
    behaviour: "an execution is stopped after 6 minutes (sleeps and waits count)",
    basis: "documented",
    reference: "https://developers.google.com/apps-script/guides/services/quotas",
    says: "Script runtime: 6 min / execution; the script then fails with 'Exceeded maximum execution time'.",
    check: (w) =>
      w.within("editor", () => {
        w.globals.SpreadsheetApp.getActiveSpreadsheet();
        w.globals.Utilities.sleep(300000);
        w.globals.SpreadsheetApp.getActiveSpreadsheet();
        w.clock.advance(60001);
        expect(thrown(() => w.globals.SpreadsheetApp.getActiveSpreadsheet()).message).toBe("Exceeded maximum execution time");
      }),
  },
  {
    behaviour: "AuthMode.NONE allows building the add-on menu and nothing else",
    basis: "documented",
    reference: `${REF}/script/auth-mode`,
    says: "NONE: a mode that does not allow access to any services that require authorization.",
    check: (w) =>
      w.within("open-none", () => {
        w.globals.SpreadsheetApp.getUi().createAddonMenu().addItem("A", "a").addToUi();
        expect(thrown(() => w.globals.PropertiesService.getScriptProperties()).message).toMatch(/^You do not have permission to call PropertiesService\.getScriptProperties/);
        expect(thrown(() => w.globals.SpreadsheetApp.openById(w.spreadsheet.id)).message).toMatch(/^You do not have permission to call SpreadsheetApp\.openById/);
      }),
  },
  {
    behaviour: "the web app has no container: no active spreadsheet, document lock or document properties",
    basis: "documented",
    reference: `${REF}/lock/lock-service#getDocumentLock()`,
    says: "getDocumentLock returns null if the script is not bound (e.g. a web app).",
    check: (w) =>
      w.within("webapp", () => {
        expect(w.globals.LockService.getDocumentLock()).toBeNull();
        expect(w.globals.PropertiesService.getDocumentProperties()).toBeNull();
        expect(w.globals.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
        expect(w.globals.SpreadsheetApp.openById(w.spreadsheet.id).getName()).toBe(w.spreadsheet.name);
      }),
  },
  {
    behaviour: "<?= ?> escapes HTML, <?!= ?> prints raw",
    basis: "documented",
    reference: `${REF}/html/html-template`,
    says: "Printing scriptlets <?= ?> use contextual escaping; force-printing scriptlets <?!= ?> do not.",
    check: (w) => {
      const t = w.globals.HtmlService.createTemplate("<p><?= name ?></p><div><?!= name ?></div><? for (var i = 0; i < 2; i++) { ?>.<? } ?>");
      (t as unknown as Record<string, unknown>).name = "<b>Budi & Sari</b>";
      expect(t.evaluate().getContent()).toBe("<p>&lt;b&gt;Budi &amp; Sari&lt;/b&gt;</p><div><b>Budi & Sari</b></div>..");
    },
  },
  {
    behaviour: "createHtmlOutputFromFile of a missing file",
    basis: "assumed",
    reference: `${REF}/html/html-service#createHtmlOutputFromFile(String)`,
    says: "No HTML file named X was found.",
    check: (w) => expect(thrown(() => w.globals.HtmlService.createHtmlOutputFromFile("Nope")).message).toBe("No HTML file named Nope was found."),
  },
  {
    behaviour: "the daily email quota counts recipients and then refuses",
    basis: "documented",
    reference: QUOTAS,
    says: "Email recipients per day: 100 (consumer). Service invoked too many times for one day: email.",
    check: (w) => {
      const mail = w.globals.MailApp;
      const forty = Array.from({ length: 40 }, (_, i) => `p${i}@example.com`).join(",");
      mail.sendEmail(forty, "s", "b");
      mail.sendEmail(forty, "s", "b");
      expect(mail.getRemainingDailyQuota()).toBe(20);
      expect(thrown(() => mail.sendEmail(forty, "s", "b")).message).toBe("Service invoked too many times for one day: email.");
      expect(w.outbox).toHaveLength(2);
    },
  },
  {
    behaviour: "more than 50 recipients in one message is refused",
    basis: "assumed",
    reference: QUOTAS,
    says: "Limit Exceeded: Email Recipients Per Message.",
    check: (w) => {
      const many = Array.from({ length: 51 }, (_, i) => `p${i}@example.com`).join(",");
      expect(thrown(() => w.globals.MailApp.sendEmail(many, "s", "b")).message).toBe("Limit Exceeded: Email Recipients Per Message.");
    },
  },
  {
    behaviour: "an invalid address is refused by name",
    basis: "assumed",
    reference: `${REF}/mail/mail-app#sendEmail(String,String,String)`,
    says: "Invalid email: X",
    check: (w) => expect(thrown(() => w.globals.MailApp.sendEmail({ to: "budi@", subject: "s", htmlBody: "<p>b</p>" })).message).toBe("Invalid email: budi@"),
  },
  {
    behaviour: "waitLock throws when another execution holds the lock past the timeout; tryLock returns false",
    basis: "assumed",
    reference: `${REF}/lock/lock#waitLock(Integer)`,
    says: "Lock timeout: another process was holding the lock for too long.",
    check: (w) => {
      w.within({ id: "other" }, () => w.globals.LockService.getScriptLock().waitLock(1000));
      const lock = w.globals.LockService.getScriptLock();
      const before = w.now();
      expect(thrown(() => lock.waitLock(3000)).message).toBe("Lock timeout: another process was holding the lock for too long.");
      expect(w.now() - before).toBe(3000);
      expect(lock.tryLock(10)).toBe(false);
      expect(w.globals.LockService.getUserLock().tryLock(10)).toBe(true);
    },
  },
  {
    behaviour: "a property store holds at most 500 KB",
    basis: "assumed",
    reference: QUOTAS,
    says: "You have exceeded the property storage quota. Please remove some properties and try again.",
    check: (w) => {
      const props = w.globals.PropertiesService.getScriptProperties();
      const eightKb = "x".repeat(8 * 1024);
      for (let i = 0; i < 62; i++) props.setProperty(`k${i}`, eightKb);
      expect(thrown(() => props.setProperty("k62", eightKb)).message).toBe("You have exceeded the property storage quota. Please remove some properties and try again.");
      expect(props.getKeys()).toHaveLength(62);
    },
  },
  {
    behaviour: "a property value holds at most 9 KB",
    basis: "assumed",
    reference: QUOTAS,
    says: "Properties value size: 9 KB per value.",
    check: (w) => {
      const props = w.globals.PropertiesService.getUserProperties();
      expect(thrown(() => props.setProperty("k", "x".repeat(9 * 1024 + 1))).message).toBe("Argument too large: value");
      expect(props.getProperty("k")).toBeNull();
    },
  },
  {
    behaviour: "cache keys over 250 characters and values over 100 KB are refused",
    basis: "uji-mandiri",
    probe: "cache",
    reference: `${REF}/cache/cache#put(String,String)`,
    says: "Argument too large: key / Argument too large: value",
    check: (w) => {
      const cache = w.globals.CacheService.getScriptCache();
      expect(thrown(() => cache.put("k".repeat(251), "v")).message).toBe("Argument too large: key");
      expect(thrown(() => cache.put("k", "v".repeat(100 * 1024 + 1))).message).toBe("Argument too large: value");
    },
  },
  {
    behaviour: "cached values expire (default 600 s) on the clock",
    basis: "documented",
    reference: `${REF}/cache/cache#put(String,String,Integer)`,
    says: "put(key, value): default expiration 600 seconds; maximum 21600 seconds.",
    check: (w) => {
      const cache = w.globals.CacheService.getUserCache();
      cache.put("a", "1");
      cache.put("b", "2", 10);
      w.clock.advance(11000);
      expect(cache.getAll(["a", "b"])).toEqual({ a: "1" });
      w.clock.advance(600000);
      expect(cache.get("a")).toBeNull();
    },
  },
  {
    behaviour: "formatDate uses Java patterns in the given time zone",
    basis: "documented",
    reference: `${REF}/utilities/utilities#formatDate(Date,String,String)`,
    says: "Formats date according to specification described in Java SE SimpleDateFormat class.",
    check: (w) => {
      const u = w.globals.Utilities;
      const d = new Date(Date.UTC(2024, 2, 1, 17, 5, 9));
      expect(u.formatDate(d, "Asia/Jakarta", "yyyy-MM-dd HH:mm:ss EEE, d MMMM yy 'jam' h a Z XXX")).toBe("2024-03-02 00:05:09 Sat, 2 March 24 jam 12 AM +0700 +07:00");
      expect(u.formatDate(d, "America/New_York", "EEEE HH:mm z")).toBe("Friday 12:05 GMT-05:00");
      expect(u.formatDate(d, "UTC", "yyyy-MM-dd'T'HH:mm:ssX")).toBe("2024-03-01T17:05:09Z");
    },
  },
  {
    behaviour: "formatDate with a wrong argument type is a signature error",
    basis: "assumed",
    reference: `${REF}/utilities/utilities#formatDate(Date,String,String)`,
    says: "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    check: (w) => expect(thrown(() => w.globals.Utilities.formatDate("2024-03-01" as unknown as Date, "Asia/Jakarta", "yyyy")).message).toBe("The parameters (String,String,String) don't match the method signature for Utilities.formatDate."),
  },
  {
    behaviour: "HMAC-SHA256 signatures are signed bytes (-128..127)",
    basis: "documented",
    reference: `${REF}/utilities/utilities#computeHmacSha256Signature(String,String)`,
    says: "Returns Byte[]: a byte array representing the output signature.",
    check: (w) => {
      const sig = w.globals.Utilities.computeHmacSha256Signature("kasus-42", "rahasia");
      const expected = [...createHmac("sha256", "rahasia").update("kasus-42").digest()];
      expect(sig.map((b) => b & 255)).toEqual(expected);
      expect(sig.every((b) => b >= -128 && b <= 127)).toBe(true);
      expect(sig.some((b) => b < 0)).toBe(true);
    },
  },
  {
    behaviour: "web-safe base64 round-trips and bad input cannot be decoded",
    basis: "assumed",
    reference: `${REF}/utilities/utilities#base64DecodeWebSafe(String)`,
    says: "Could not decode string.",
    check: (w) => {
      const u = w.globals.Utilities;
      const encoded = u.base64EncodeWebSafe([-1, -2, 62, 63]);
      expect(encoded).not.toMatch(/[+/]/);
      expect(u.base64DecodeWebSafe(encoded)).toEqual([-1, -2, 62, 63]);
      expect(thrown(() => u.base64DecodeWebSafe("ab+/")).message).toBe("Could not decode string.");
      expect(thrown(() => u.base64Decode("%%%")).message).toBe("Could not decode string.");
    },
  },
  {
    behaviour: "sleep allows at most 300000 ms (and here advances the clock)",
    basis: "documented",
    reference: `${REF}/utilities/utilities#sleep(Integer)`,
    says: "The maximum allowed value is 300000 (or 5 minutes).",
    check: (w) => {
      const before = w.now();
      w.globals.Utilities.sleep(1500);
      expect(w.now() - before).toBe(1500);
      expect(() => w.globals.Utilities.sleep(300001)).toThrow();
    },
  },
  {
    behaviour: "a user may have at most 20 triggers per script",
    basis: "assumed",
    reference: QUOTAS,
    says: "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
    check: (w) => {
      const app = w.globals.ScriptApp;
      for (let i = 0; i < 20; i++) app.newTrigger("tick").timeBased().everyHours(1).create();
      expect(thrown(() => app.newTrigger("tick").timeBased().everyHours(1).create()).message).toBe("This script has too many triggers. Triggers must be deleted from the script before more can be added.");
      app.deleteTrigger(app.getProjectTriggers()[0]);
      expect(() => app.newTrigger("tick").forSpreadsheet(w.spreadsheet.id).onEdit().create()).not.toThrow();
    },
  },
  {
    behaviour: "the active user is blank in simple triggers; the effective user is the script's user",
    basis: "documented",
    reference: `${REF}/base/session#getActiveUser()`,
    says: "If security policies do not allow access to the user's identity, User.getEmail() returns a blank string.",
    check: (w) => {
      expect(Session_email(w)).toBe(w.owner);
      w.within("simple-trigger", () => expect(Session_email(w)).toBe(""));
      w.within("webapp", () => expect(w.globals.Session.getEffectiveUser().getEmail()).toBe(w.owner));
    },
  },
  {
    behaviour: "a web app executing as its deployer runs with the deployer as effective user and the visitor (blank when not known) as active user; an installable trigger runs as its creator",
    basis: "documented",
    reference: `${REF}/base/session#getEffectiveUser()`,
    says: "If the script is a web app set to 'execute as me' (the developer), this returns the developer's user account. If the script is running under an installable trigger, this returns the account of the user who created the trigger. In most other scenarios, this returns the same account as getActiveUser().",
    check: (w) => {
      const who = () => [w.globals.Session.getActiveUser().getEmail(), w.globals.Session.getEffectiveUser().getEmail()];
      w.within({ ...w.execution("webapp"), user: "" }, () => expect(who()).toEqual(["", w.owner]));
      w.within({ ...w.execution("webapp"), user: "tamu@dinas.example" }, () => expect(who()).toEqual(["tamu@dinas.example", w.owner]));
      w.within(w.execution("editor", "jfu@dinas.example"), () => expect(who()).toEqual(["jfu@dinas.example", "jfu@dinas.example"]));
      w.within(w.execution("time-trigger", "pembuat@dinas.example"), () => expect(who()[1]).toBe("pembuat@dinas.example"));
    },
  },
  {
    behaviour: "checkboxes read as booleans and check/uncheck only touch checkbox cells",
    basis: "documented",
    reference: `${REF}/spreadsheet/range#insertCheckboxes()`,
    says: "Inserts checkboxes into each cell in the range, configured with true for checked and false for unchecked. Sets the value of all cells in the range to false.",
    check: (w) => {
      const r = sheet1(w).getRange("A1:B1");
      r.setValue("x");
      sheet1(w).getRange("A1").insertCheckboxes();
      r.check();
      expect(r.getValues()).toEqual([[true, "x"]]);
      expect(sheet1(w).getRange("A1").isChecked()).toBe(true);
    },
  },
  {
    behaviour: "service calls and cells read are counted; a text search reads no cells",
    basis: "documented",
    reference: "https://developers.google.com/apps-script/guides/support/best-practices",
    says: "Use batch operations: every service call is slow.",
    check: (w) => {
      w.fill("Log", Array.from({ length: 100 }, (_, i) => [i, `baris ${i}`]));
      w.counter.reset();
      const log = w.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Log")!;
      const found = log.createTextFinder("baris 42").matchEntireCell(true).findAll();
      expect(w.counter.snapshot().cellsRead).toBe(0);
      expect(found.map((r) => r.getA1Notation())).toEqual(["B43"]);
      log.getRange(1, 1, 100, 2).getValues();
      const snap = w.counter.snapshot();
      expect(snap.cellsRead).toBe(200);
      expect(snap.calls["Range.getValues"]).toBe(1);
      // getActiveSpreadsheet, getSheetByName, createTextFinder, matchEntireCell, findAll, getA1Notation, getRange, getValues
      expect(snap.spreadsheetCalls).toBe(8);
    },
  },
  {
    behaviour: "a built chart is not on a sheet (id null) until insertChart; getCharts then lists it with an id",
    basis: "documented",
    reference: `${REF}/spreadsheet/embedded-chart#getChartId()`,
    says: "Returns a stable identifier for the chart that is unique across the spreadsheet containing the chart or null if the chart is not in a spreadsheet.",
    check: (w) => {
      const s = sheet1(w);
      s.getRange("A1:B3").setValues([["Bulan", "Kasus"], ["Okt", 4], ["Nov", 7]]);
      const chart = s.newChart().setChartType(w.globals.Charts.ChartType.COLUMN).addRange(s.getRange("A1:B3")).setPosition(1, 4, 0, 0).build();
      expect(chart.getChartId()).toBeNull();
      expect(s.getCharts()).toEqual([]);
      s.insertChart(chart);
      const [placed] = s.getCharts();
      expect(placed.getChartId()).toEqual(expect.any(Number));
      expect(placed.getRanges().map((r) => r.getA1Notation())).toEqual(["A1:B3"]);
      expect(placed.getContainerInfo().getAnchorColumn()).toBe(4);
    },
  },
  {
    behaviour: "inserting the same built chart again adds a second chart",
    basis: "assumed",
    reference: `${REF}/spreadsheet/sheet#insertChart(EmbeddedChart)`,
    says: "Not documented.",
    check: (w) => {
      const s = sheet1(w);
      const chart = s.newChart().asColumnChart().addRange(s.getRange("A1:B3")).setPosition(1, 4, 0, 0).build();
      s.insertChart(chart);
      s.insertChart(chart);
      expect(s.getCharts()).toHaveLength(2);
    },
  },
  {
    behaviour: "removeChart takes a chart off its sheet",
    basis: "documented",
    reference: `${REF}/spreadsheet/sheet#removeChart(EmbeddedChart)`,
    says: "Removes a chart from the parent sheet.",
    check: (w) => {
      const s = sheet1(w);
      s.insertChart(s.newChart().asPieChart().addRange(s.getRange("A1:B2")).build());
      s.removeChart(s.getCharts()[0]);
      expect(s.getCharts()).toEqual([]);
    },
  },
  {
    behaviour: "removing a chart that is not on the sheet fails",
    basis: "assumed",
    reference: `${REF}/spreadsheet/sheet#removeChart(EmbeddedChart)`,
    says: "The chart does not exist on this sheet. (wording assumed)",
    check: (w) => {
      const s = sheet1(w);
      expect(thrown(() => s.removeChart(s.newChart().asPieChart().build())).message).toBe("The chart does not exist on this sheet.");
    },
  },
  {
    behaviour: "chart.modify() changes nothing until Sheet.updateChart gets the rebuilt chart",
    basis: "documented",
    reference: `${REF}/spreadsheet/embedded-chart-builder`,
    says: "Changes made to the chart are not saved until Sheet.updateChart(chart) is called on the rebuilt chart.",
    check: (w) => {
      const s = sheet1(w);
      s.insertChart(s.newChart().asColumnChart().addRange(s.getRange("A1:B3")).setOption("title", "Lama").build());
      const rebuilt = s.getCharts()[0].modify().setOption("title", "Baru").build();
      expect(s.getCharts()[0].getOptions().get("title")).toBe("Lama");
      s.updateChart(rebuilt);
      expect(s.getCharts()[0].getOptions().get("title")).toBe("Baru");
      expect(s.getCharts()[0].modify().getChartType()).toBe(w.globals.Charts.ChartType.COLUMN);
    },
  },
  {
    behaviour: "a new Doc's body holds one empty paragraph; getText joins paragraphs with newlines",
    basis: "assumed",
    reference: `${REF}/document/body#getText()`,
    says: "Retrieves the contents of the element as a text string.",
    check: (w) => {
      const body = w.globals.DocumentApp.create("Surat").getBody();
      expect(body.getNumChildren()).toBe(1);
      body.appendParagraph("Yth. Kepala Dinas");
      body.insertParagraph(1, "Nomor: 005/1");
      expect(body.getText()).toBe("\nNomor: 005/1\nYth. Kepala Dinas");
      expect(body.getParagraphs().map((p) => p.getText())).toEqual(["", "Nomor: 005/1", "Yth. Kepala Dinas"]);
    },
  },
  {
    behaviour: "replaceText takes an RE2 pattern as a string, matched within each paragraph and table cell",
    basis: "documented",
    reference: `${REF}/document/body#replaceText(String,String)`,
    says: "The search pattern is passed as a string, not a JavaScript regular expression object. ... This methods uses Google's RE2 regular expression library ... The provided regular expression pattern is independently matched against each text block contained in the current element.",
    check: (w) => {
      const body = w.globals.DocumentApp.create("Surat").getBody();
      body.appendParagraph("Nomor: {{nomor}}");
      body.appendTable([["{{nomor}}", "x"]]);
      body.replaceText("\\{\\{nomor\\}\\}", "005/9");
      expect(body.getText()).toBe("\nNomor: 005/9\n005/9\nx\n");
      body.replaceText("(?i)NOMOR", "No");
      expect(body.getChild(1).asParagraph().getText()).toBe("No: 005/9");
      // RE2 has no lookaround: the pattern is refused.
      expect(() => body.replaceText("No(?=:)", "N")).toThrow();
    },
  },
  {
    behaviour: "appendTable(cells) makes a table of those rows and cells; a paragraph follows a table that ends the body",
    basis: "documented",
    reference: `${REF}/document/body#appendTable(String)`,
    says: "Creates and appends a new Table containing a TableCell for each specified string value.",
    check: (w) => {
      const body = w.globals.DocumentApp.create("Daftar").getBody();
      const t = body.appendTable([["No", "Nama"], ["1", "Budi"], ["2", "Sari"]]);
      expect([t.getNumRows(), t.getRow(0).getNumCells(), t.getCell(2, 1).getText()]).toEqual([3, 2, "Sari"]);
    },
  },
  {
    behaviour: "a paragraph follows a table that ends the body; a row past the end is refused",
    basis: "assumed",
    reference: `${REF}/document/table#getRow(Integer)`,
    says: "Observed in Docs (a document cannot end with a table); the error's wording is assumed.",
    check: (w) => {
      const body = w.globals.DocumentApp.create("Daftar").getBody();
      const t = body.appendTable([["No", "Nama"], ["1", "Budi"], ["2", "Sari"]]);
      expect(body.getNumChildren()).toBe(3);
      expect(thrown(() => t.getRow(3)).message).toBe("Child index (3) must be less than the number of child elements (3).");
    },
  },
  {
    behaviour: "a Doc has no header until addHeader; getAs('application/pdf') gives a PDF blob named after it",
    basis: "documented",
    reference: `${REF}/document/document#getAs(String)`,
    says: "Retrieves the current Document contents as a blob of the specified type. / getHeader(): the document's header section, if one exists.",
    check: (w) => {
      const doc = w.globals.DocumentApp.create("Nota Dinas");
      expect(doc.getHeader()).toBeNull();
      doc.addHeader().appendParagraph("KOP");
      expect(doc.getHeader().getText()).toBe("\nKOP");
      const pdf = doc.getAs("application/pdf");
      expect([pdf.getContentType(), pdf.getName()]).toEqual(["application/pdf", "Nota Dinas.pdf"]);
      expect(pdf.getDataAsString("US-ASCII").slice(0, 5)).toBe("%PDF-");
    },
  },
  {
    behaviour: "a Doc cannot be converted to an image",
    basis: "assumed",
    reference: `${REF}/document/document#getAs(String)`,
    says: "Converting from application/vnd.google-apps.document to image/png is not supported. (wording assumed)",
    check: (w) => {
      const doc = w.globals.DocumentApp.create("Nota Dinas");
      expect(thrown(() => doc.getAs("image/png")).message).toBe("Converting from application/vnd.google-apps.document to image/png is not supported.");
    },
  },
  {
    behaviour: "a Document closed by saveAndClose cannot be edited",
    basis: "assumed",
    reference: `${REF}/document/document#saveAndClose()`,
    says: "Saves the current Document. Causes pending updates to be flushed and applied. ... A closed Document can't be edited.",
    check: (w) => {
      const doc = w.globals.DocumentApp.create("Konsep");
      const body = doc.getBody();
      doc.saveAndClose();
      expect(thrown(() => body.appendParagraph("x")).message).toBe("Document is closed, its contents cannot be updated.");
    },
  },
  {
    behaviour: "DriveApp by a missing id throws; DocumentApp.openById of a missing Doc says it is missing",
    basis: "assumed",
    reference: `${REF}/drive/drive-app#getFileById(String)`,
    says: "Throws a scripting exception if the file does not exist or the user does not have permission to access it.",
    check: (w) => {
      const missing = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg";
      const noItem = "No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.";
      expect(thrown(() => w.globals.DriveApp.getFileById(missing)).message).toBe(noItem);
      expect(thrown(() => w.globals.DriveApp.getFolderById(missing)).message).toBe(noItem);
      // Observed wording (not on the reference page).
      expect(thrown(() => w.globals.DocumentApp.openById(missing)).message).toBe("Document is missing (perhaps it was deleted, or you don't have read access?)");
    },
  },
  {
    behaviour: "makeCopy(name, destination) puts a copy of a Doc, structure and all, in that folder; iterators end with an exception",
    basis: "assumed",
    reference: `${REF}/drive/file#makeCopy(String,Folder)`,
    says: "Creates a copy of the file in the destination directory.",
    check: (w) => {
      const doc = w.globals.DocumentApp.create("Template");
      doc.getBody().appendTable([["{{a}}"]]);
      const folder = w.globals.DriveApp.createFolder("Arsip");
      const copy = w.globals.DriveApp.getFileById(doc.getId()).makeCopy("Surat 1", folder);
      const files = folder.getFiles();
      expect(files.next().getId()).toBe(copy.getId());
      expect(files.hasNext()).toBe(false);
      expect(() => files.next()).toThrow("Cannot retrieve the next object: iterator has reached the end.");
      expect(w.globals.DocumentApp.openById(copy.getId()).getBody().getTables()[0].getCell(0, 0).getText()).toBe("{{a}}");
      expect(w.globals.DriveApp.getFoldersByName("Arsip").next().getId()).toBe(folder.getId());
    },
  },
  {
    behaviour: "GmailApp.sendEmail returns GmailApp and spends the same daily recipient quota as MailApp",
    basis: "documented",
    reference: QUOTAS,
    says: "Email recipients per day (for example, with MailApp): 100 / day. Using a product's Apps Script service counts toward all associated quota reserves.",
    check: (w) => {
      const before = w.globals.MailApp.getRemainingDailyQuota();
      expect(w.globals.GmailApp.sendEmail("budi@example.com", "Laporan", "Terlampir.", { cc: "sari@example.com" })).toBe(w.globals.GmailApp);
      expect(w.globals.MailApp.getRemainingDailyQuota()).toBe(before - 2);
      expect(w.outbox[0]).toMatchObject({ from: w.owner, via: "GmailApp" });
    },
  },
  {
    behaviour: "a Date, function or DOM element anywhere in google.script.run's arguments makes the request fail; nothing runs",
    basis: "documented",
    reference: RUN,
    says: "Requests fail if you attempt to pass a Date, Function, DOM element besides a form, or other prohibited type, including prohibited types inside objects or arrays. Objects that create circular references will also fail.",
    check: (w) => {
      const run = fixture(w);
      const circle: Record<string, unknown> = {};
      circle.self = circle;
      const div = { nodeType: 1, nodeName: "DIV" };
      for (const bad of [new Date(), () => 1, div, { deep: [1, { when: new Date() }] }, circle]) {
        expect(() => run.scriptRun("remember", [bad])).toThrow(ScriptRunError);
      }
      expect(run.ctx.recall()).toBeNull();
    },
  },
  {
    behaviour: "the page's failure names the property: 'Failed due to illegal value in property: KEY', or 'Failed due to circular reference.'",
    basis: "assumed",
    reference: RUN,
    says: "The words of Google's client code, seen in public reports; KEY is the index of the argument or the name of the property holding the value.",
    check: (w) => {
      const run = fixture(w);
      expect(thrown(() => run.scriptRun("echo", ["x", new Date()])).message).toBe("Failed due to illegal value in property: 1");
      expect(thrown(() => run.scriptRun("echo", [{ fields: { tanggalSurat: new Date() } }])).message).toBe("Failed due to illegal value in property: tanggalSurat");
      const a: unknown[] = [];
      a.push(a);
      expect(thrown(() => run.scriptRun("echo", [a])).message).toBe("Failed due to circular reference.");
    },
  },
  {
    behaviour: "undefined fields within arrays become null; the server gets a copy made of its own objects",
    basis: "documented",
    reference: RUN,
    says: "undefined fields within arrays become null. Note that an object passed to the server becomes a copy of the original.",
    check: (w) => {
      const run = fixture(w);
      expect(run.scriptRun("echo", [[1, undefined, "x"]])).toEqual([1, null, "x"]);
      // Arrays and objects of the script's realm, as the server's own code makes them.
      expect(run.scriptRun("describe", [{ list: [1, 2] }])).toEqual({ isObject: true, isArray: true, arrayOfRealm: true, list: [1, 2] });
    },
  },
  {
    behaviour: "a Date anywhere in a server function's result gives the success handler null for the whole result",
    basis: "assumed",
    reference: RUN,
    says: "Widely reported, not documented (the page only says return values follow the parameters' restrictions). Send dates as ISO strings.",
    check: (w) => {
      const run = fixture(w);
      expect(run.scriptRun("withDate", [])).toBeNull();
      expect(run.scriptRun("withDateDeep", [])).toBeNull();
      expect(run.scriptRun("echo", [{ at: "2026-11-02T01:00:00.000Z" }])).toEqual({ at: "2026-11-02T01:00:00.000Z" });
    },
  },
  {
    behaviour: "a result crosses as plain data: prototypes dropped, NaN and Infinity null, functions and undefined left out, an Apps Script object null",
    basis: "assumed",
    reference: RUN,
    says: "Not documented beyond the parameters' restrictions: a class instance arrives as its own enumerable properties, a Map as {}, numbers as JSON carries them; a result holding a Range or other Apps Script object arrives as null; a circular result fails the call.",
    check: (w) => {
      const run = fixture(w);
      expect(run.scriptRun("loose", [])).toEqual({ point: { x: 1 }, map: {}, list: [null, null, null, 0, null], text: "ok" });
      expect(run.scriptRun("sheetInResult", [])).toBeNull();
      expect(() => run.scriptRun("circular", [])).toThrow("Failed due to circular reference.");
    },
  },
  {
    behaviour: "every execution evaluates the script afresh: module-level variables and globals do not survive, properties do",
    basis: "assumed",
    reference: "https://developers.google.com/apps-script/guides/support/best-practices",
    says: "Each call loads the whole project (PLATFORM.md, Speed); state lives in Properties, Cache and the documents, never in globals. Not stated as such on Google's pages.",
    check: (w) => {
      const run = fixture(w);
      expect([run.ctx.countCall(), run.ctx.countCall(), run.scriptRun("countCall", [])]).toEqual([1, 1, 1]);
      expect(run.ctx.leaveGlobal("kept?")).toBe("string");
      expect(run.ctx.readGlobal()).toBe("gone");
      run.ctx.remember("kept");
      expect(run.scriptRun("recall", [])).toBe("kept");
      // A module-level cache of a spreadsheet read saves nothing from one execution to the next.
      w.counter.reset();
      run.ctx.cachedSheetName();
      run.ctx.cachedSheetName();
      expect(w.counter.get("Spreadsheet.getSheets")).toBe(2);
    },
  },
  {
    behaviour: "a lock still held when its execution ends is released",
    basis: "documented",
    reference: `${REF}/lock/lock#releaseLock()`,
    says: "Releases the lock, allowing other processes waiting on the lock to continue. The lock is automatically released when the script terminates.",
    check: (w) => {
      expect(fixture(w).ctx.keepLock()).toBe(true);
      expect(w.within({ id: "another execution" }, () => w.globals.LockService.getScriptLock().tryLock(0))).toBe(true);
    },
  },
  {
    behaviour: "a member an Apps Script object does not have reads as undefined; calling it fails as in V8",
    basis: "assumed",
    reference: "https://developers.google.com/apps-script/guides/v8-runtime",
    says: "Apps Script objects have the members of their reference page; any other name is undefined, so calling it throws TypeError '… is not a function'.",
    check: (w) => {
      const ss = w.globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as Record<string, unknown>;
      expect([ss.getRangeByNam, ss.title, ss.SomeEnum]).toEqual([undefined, undefined, undefined]);
      const run = fixture(w);
      expect(run.ctx.missingMember()).toEqual({ type: "undefined", upper: "undefined" });
      expect(thrown(() => run.ctx.callMissingMember())).toMatchObject({ name: "TypeError", message: expect.stringMatching(/getRangeByNam is not a function/) });
    },
  },
  {
    behaviour: "addMetaTag accepts only viewport, apple-mobile-web-app-capable, mobile-web-app-capable and google-site-verification",
    basis: "documented",
    reference: `${REF}/html/html-output#addMetaTag(String,String)`,
    says: "Adds a meta tag to the page. Meta tags included directly in an Apps Script HTML file are ignored. Only the following meta tags are allowed: apple-mobile-web-app-capable, google-site-verification, mobile-web-app-capable, viewport.",
    check: (w) => {
      const out = w.globals.HtmlService.createHtmlOutput("<p>x</p>");
      for (const name of ["viewport", "apple-mobile-web-app-capable", "mobile-web-app-capable", "google-site-verification"]) out.addMetaTag(name, "x");
      expect(out.getMetaTags().map((t) => t.getName())).toEqual(["viewport", "apple-mobile-web-app-capable", "mobile-web-app-capable", "google-site-verification"]);
      for (const name of ["description", "robots", "Viewport", "referrer"]) expect(() => out.addMetaTag(name, "x")).toThrow();
      expect(out.getMetaTags()).toHaveLength(4);
    },
  },
  {
    behaviour: "addMetaTag with another name fails with 'Invalid argument: name'",
    basis: "assumed",
    reference: `${REF}/html/html-output#addMetaTag(String,String)`,
    says: "The page lists the allowed names but not the error; the words are assumed.",
    check: (w) => {
      expect(thrown(() => w.globals.HtmlService.createHtmlOutput("").addMetaTag("description", "Alur"))).toEqual({ name: "Exception", message: "Invalid argument: name" });
    },
  },
  {
    behaviour: "each base64 decoder refuses the other's alphabet",
    basis: "assumed",
    reference: `${REF}/utilities/utilities#base64DecodeWebSafe(String)`,
    says: "The pages name the variants (base-64, base-64 web-safe) but not what they refuse; the fakes hold each to its RFC 4648 alphabet.",
    check: (w) => {
      const u = w.globals.Utilities;
      expect(thrown(() => u.base64Decode("ab-_")).message).toBe("Could not decode string.");
      expect(thrown(() => u.base64DecodeWebSafe("ab+/")).message).toBe("Could not decode string.");
      expect(u.base64Decode("+/+/")).toEqual(u.base64DecodeWebSafe("-_-_"));
    },
  },
  {
    behaviour: "base64 without its padding, with '=' inside, or with whitespace cannot be decoded",
    basis: "assumed",
    reference: `${REF}/utilities/utilities#base64Decode(String)`,
    says: "Observed: Apps Script refuses unpadded base64url (Gmail's) with 'Could not decode string.'; whitespace and misplaced padding are assumed refused too.",
    check: (w) => {
      const u = w.globals.Utilities;
      expect(u.base64Decode("QWx1cg==")).toEqual([65, 108, 117, 114]);
      for (const bad of ["QWx1cg", "QWx1cg=", "QW=x1cg=", "QWx1\ncg==", " QWx1cg==", "QWx1c===", "Q==="]) {
        expect(thrown(() => u.base64Decode(bad)).message).toBe("Could not decode string.");
      }
      expect(thrown(() => u.base64DecodeWebSafe("QWx1cg")).message).toBe("Could not decode string.");
    },
  },
  {
    behaviour: "DriveApp needs the full Drive scope: a script that declares only drive.file is refused",
    reference: `${REF}/drive/drive-app#getFolderById(String)`,
    basis: "assumed",
    says: "Scripts that use this method require authorization with one or more of the following scopes: https://www.googleapis.com/auth/drive.readonly, https://www.googleapis.com/auth/drive (message wording assumed)",
    check: () => {
      const w = createWorld({ now: () => Date.UTC(2024, 2, 1, 2), seed: 1, oauthScopes: ["https://www.googleapis.com/auth/drive.file"] });
      expect(thrown(() => w.globals.DriveApp.createFolder("Alur")).message).toBe("Specified permissions are not sufficient to call DriveApp.createFolder. Required permissions: https://www.googleapis.com/auth/drive");
    },
  },
  {
    behaviour: "the advanced Drive service with drive.file reaches what the script created for the same user only; another user's execution gets 404",
    reference: "https://developers.google.com/apps-script/advanced/drive",
    basis: "uji-mandiri",
    probe: "drive2",
    says: "Advanced Drive service = Drive API v3; its scope guide: drive.file lets an app create new Drive files, or modify existing files, that you open with an app or that the user shares with an app while using the Google Picker API. (per-user reading and the 404 wording assumed)",
    check: () => {
      const w = createWorld({ now: () => Date.UTC(2024, 2, 1, 2), seed: 1, user: "admin@x.example", oauthScopes: ["https://www.googleapis.com/auth/drive.file"] });
      const Drive = w.globals.Drive as { Files: { create: (r: object) => { id: string }; get: (id: string) => { name: string } }; Permissions: { create: (r: object, id: string) => object } };
      const folder = Drive.Files.create({ name: "Alur", mimeType: "application/vnd.google-apps.folder" });
      expect(Drive.Files.get(folder.id).name).toBe("Alur");
      Drive.Permissions.create({ type: "user", role: "writer", emailAddress: "staf@x.example" }, folder.id);
      w.within({ user: "staf@x.example", effectiveUser: "staf@x.example" }, () => {
        expect(thrown(() => Drive.Files.get(folder.id)).message).toBe(`API call to drive.files.get failed with error: File not found: ${folder.id}.`);
        expect(w.canOpen("staf@x.example", folder.id)).toBe(true);
      });
    },
  },
  {
    behaviour: "Files.create with the Google Docs type and an HTML blob imports it as a Doc; Blob.getAs('application/pdf') converts HTML",
    reference: `${REF}/base/blob#getAs(String)`,
    basis: "assumed",
    says: "Return the data inside this object as a blob converted to the specified content type. ... for most blobs, 'application/pdf' is a valid option. (Drive import of HTML: headings, paragraphs and tables kept; the rest of the styling assumed)",
    check: (w) => {
      const html = w.globals.Utilities.newBlob("<h1>SOP</h1><p>Langkah satu</p><table><tr><td>1</td><td>Menerima surat</td></tr></table>", "text/html", "sop.html");
      expect(html.getAs("application/pdf").getDataAsString("US-ASCII").slice(0, 5)).toBe("%PDF-");
      const Drive = w.globals.Drive as { Files: { create: (r: object, b: unknown) => { id: string } } };
      const id = Drive.Files.create({ name: "SOP", mimeType: "application/vnd.google-apps.document" }, html).id;
      expect(w.globals.DocumentApp.openById(id).getBody().getText()).toBe("SOP\nLangkah satu\n1\nMenerima surat");
    },
  },
  {
    behaviour: "a repeated table row (TableRow.copy, Table.insertTableRow) keeps its cells' paragraphs; ranges of text take bold; a table cell keeps its last paragraph",
    reference: `${REF}/document/table#insertTableRow(Integer,TableRow)`,
    basis: "assumed",
    says: "insertTableRow(childIndex, tableRow): Inserts the given TableRow at the specified index. / setBold(startOffset, endOffsetInclusive, bold). (Removing a cell's last paragraph fails: observed, wording assumed.)",
    check: (w) => {
      const body = w.globals.DocumentApp.create("Tembusan").getBody();
      const t = body.appendTable([["{{no}}.", "{{isi}}"]]);
      t.insertTableRow(1, t.getRow(0).copy()).replaceText("\\{\\{isi\\}\\}", "Arsip");
      expect([t.getNumRows(), t.getCell(1, 1).getText()]).toEqual([2, "Arsip"]);
      const p = body.appendParagraph("Hal: Undangan");
      p.editAsText().setBold(5, 12, true);
      expect(p.editAsText().isBold()).toBe(false);
      expect(thrown(() => t.getCell(0, 0).getChild(0).asParagraph().removeFromParent()).message).toBe("Can't remove the last paragraph in a table cell.");
    },
  },
  {
    behaviour: "an execution that ends before it finishes may lose the spreadsheet writes it had not flushed; stores, mail and Drive keep what was done",
    basis: "assumed",
    reference: `${REF}/spreadsheet`,
    says:
      "Google documents only that spreadsheet operations are sometimes bundled and that SpreadsheetApp.flush() applies the pending ones. The fault sweep (npm run test:faults) therefore ends executions both ways: with their unflushed writes kept, and with the spreadsheets put back to what the last flush held (restoreSpreadsheets); script properties, cache, sent mail and Drive keep every call that returned. An ended execution reaches no service again.",
    check: (w) => {
      const ss = w.globals.SpreadsheetApp.getActiveSpreadsheet();
      let held: ReturnType<typeof snapshotSpreadsheets> = [];
      w.onFlush = () => {
        held = snapshotSpreadsheets(w);
      };
      ss.getSheetByName("Sheet1")!.getRange("A1").setValue("flushed");
      w.globals.SpreadsheetApp.flush();
      ss.getSheetByName("Sheet1")!.getRange("A2").setValue("not flushed");
      w.globals.PropertiesService.getScriptProperties().setProperty("k", "kept");
      w.fault = { at: 1, mode: "end-after" };
      w.faultCalls = 0;
      w.globals.SpreadsheetApp.getActiveSpreadsheet();
      expect(thrown(() => w.globals.PropertiesService.getScriptProperties()).name).toBe("ExecutionEnded");
      w.ended = false;
      w.fault = null;
      w.onFlush = null;
      restoreSpreadsheets(w, held);
      expect(w.read("Sheet1").map((r) => r[0])).toEqual(["flushed"]);
      expect(w.globals.PropertiesService.getScriptProperties().getProperty("k")).toBe("kept");
    },
  },
  {
    behaviour: "service calls take time on the fake clock under a latency model: 100 ms per Spreadsheet call, 250 ms per Protection call and Range.protect, 20 ms for other services, 1 ms per call on an open Doc's elements and 500 ms for its saveAndClose",
    basis: "assumed",
    reference: "https://developers.google.com/apps-script/guides/support/best-practices",
    says:
      "Google says service calls are slow compared with JavaScript and gives no figures. The model (emulator/latency.ts) advances the execution's clock per call, so time limits (6 minutes per execution, setup's 4.5-minute stop, the triggers' 3-minute budget) are tested on it; console and Logger cost nothing. Document.saveAndClose is documented to flush and apply a Document's pending updates (https://developers.google.com/apps-script/reference/document/document#saveAndClose()), so edits of an open Doc's elements are modelled as local and the save as the round trip; the figures themselves are assumed.",
    check: (w) => {
      w.latency = latency();
      w.within("editor", () => {
        const t = w.now();
        const sheet = w.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Sheet1")!;
        expect(w.now() - t).toBe(200);
        sheet.getRange("A:B").protect();
        w.globals.PropertiesService.getScriptProperties();
        w.globals.console.log("free");
        expect(w.now() - t).toBe(200 + 100 + 250 + 20);
        const doc = w.globals.DocumentApp.create("Model");
        const t2 = w.now();
        doc.getBody().appendParagraph("x").setText("y");
        doc.saveAndClose();
        expect(w.now() - t2).toBe(1 + 1 + 1 + 500);
      });
    },
  },
  {
    behaviour: "a TextFinder finds text in hidden columns (Antrean saya finds reassigned cases in the hidden Data sistem column)",
    basis: "uji-mandiri",
    probe: "textfinder",
    reference: `${REF}/spreadsheet/text-finder#findAll()`,
    says: "findAll(): Returns all cells matching the search criteria. (Hidden rows and columns are not mentioned.)",
    check: (w) => {
      const s = sheet1(w);
      s.getRange("A1:C1").setValues([["a", "UJI", "c"]]);
      s.hideColumns(2);
      expect(s.createTextFinder("UJI").matchEntireCell(true).findAll().map((r) => r.getA1Notation())).toEqual(["B1"]);
    },
  },
  {
    behaviour: "findNext after the last match wraps to the first",
    basis: "uji-mandiri",
    probe: "findnext",
    reference: `${REF}/spreadsheet/text-finder#findNext()`,
    says: "findNext(): Returns the next cell matching the search criteria ... null if there are no more matches. (Whether it wraps is not said.)",
    check: (w) => {
      const s = sheet1(w);
      s.getRange("A1:A3").setValues([["X"], ["y"], ["X"]]);
      const f = s.createTextFinder("X").matchEntireCell(true);
      expect([f.findNext(), f.findNext(), f.findNext()].map((r) => r?.getA1Notation() ?? null)).toEqual(["A1", "A3", "A1"]);
    },
  },
  {
    behaviour: "Files.create with the Google Sheets type and no content makes an empty spreadsheet that SpreadsheetApp opens by its id",
    basis: "documented",
    reference: "https://developers.google.com/workspace/drive/api/guides/create-file",
    says: "To create a Google Workspace file without content, set the mimeType to a Google Workspace MIME type such as application/vnd.google-apps.spreadsheet. (Uji mandiri makes its scratch spreadsheet this way, inside its scratch folder, so drive.file can trash it.)",
    check: (w) => {
      const Drive = w.globals.Drive as { Files: { create: (r: object) => { id: string; mimeType: string } } };
      const made = Drive.Files.create({ name: "Sementara", mimeType: "application/vnd.google-apps.spreadsheet" });
      expect(w.globals.SpreadsheetApp.openById(made.id).getName()).toBe("Sementara");
    },
  },
];

function Session_email(w: World): string {
  return w.globals.Session.getActiveUser().getEmail();
}

const nameOf = (r: Row) => `${r.behaviour}${r.basis === "assumed" ? " (assumed)" : r.basis === "uji-mandiri" ? ` (checked by Uji mandiri: ${r.probe})` : ""}`;

test("the table covers at least 30 behaviours, each marked documented, checked by Uji mandiri, or assumed", () => {
  expect(rows.length).toBeGreaterThanOrEqual(30);
  for (const r of rows) {
    expect(["documented", "uji-mandiri", "assumed"]).toContain(r.basis);
    expect(r.reference).toMatch(/^https:\/\/developers\.google\.com\//);
    if (r.basis === "uji-mandiri") expect(r.probe).toMatch(/\S/);
    expect(nameOf(r).includes("assumed")).toBe(r.basis === "assumed");
  }
  expect(new Set(rows.map((r) => r.behaviour)).size).toBe(rows.length);
});

test.each(rows.map((r) => [nameOf(r), r] as const))("%s", (_name, row) => {
  row.check(createWorld({ now: () => Date.UTC(2024, 2, 1, 2), seed: 1, oauthScopes: null }));
});
