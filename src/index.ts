// The one list of what Apps Script sees: triggers, menu actions, doGet and the sidebar's server call.
// Every export becomes a top-level function in dist/Code.js; everything else stays inside the bundle.
import { alurApi as api } from "./app/api-server";
import { buildMenu } from "./app/menu";
import { runMenu } from "./app/menu-actions";
import { hourly } from "./app/hourly";
import { continueRebuild, updateReport } from "./app/report";
import { writeEditMarks } from "./app/edit";
import { menuMonitoring as monitoringMenu, menuMonitoringPdf as monitoringPdfMenu, menuRebuildReport as rebuildReportMenu } from "./app/report-menu";
import { loadIds } from "./app/ids";
import { renderWebApp } from "./app/web";
import { invalidateConfig } from "./app/config";
import { lettersModule } from "./app/letters-module";
import { emailAction as actFromEmail } from "./app/email-actions";
import { NOT_FROM_HERE, ownSession, requireTriggerOrOwn } from "./app/guard";
import { rotateLinkKeyFromMenu } from "./app/link-key";
import { ujiCall, ujiDriveMenu, ujiMenu } from "./app/uji/run";

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Simple trigger: an edit to a configuration sheet drops the cached configuration; SOP edits are checked where they are. */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  // Sheets are known by the ids recorded at setup, so an admin may rename them.
  // A real edit event holds a Range; anything else (a call from a web page) is refused before anything is read.
  if (typeof e?.range?.getSheet !== "function") throw new Error(NOT_FROM_HERE);
  const ids = loadIds();
  const sheet = e.range.getSheet();
  if (!ids || !sheet) return;
  const id = sheet.getSheetId();
  // A new version stamp needs no lock: a reader stamps its copy with the version it read before the sheets.
  if ([ids.pengaturan, ids.pejabat, ids.libur, ids.sop, ids.identitas].includes(id)) invalidateConfig();
  // The SOP sheets' marks and Laporan's chart are written under the lock (src/app/edit.ts).
  writeEditMarks(e.range, ids);
}

/** Menu items run as the person who chose them; a web-app page calling one would run as the deployer for someone else. */
function ownOnly(): void {
  if (!ownSession()) throw new Error(NOT_FROM_HERE);
}

export function showSidebar(): void {
  ownOnly();
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Alur");
  SpreadsheetApp.getUi().showSidebar(html);
}

export function menuNewCase(): void {
  ownOnly();
  runMenu("new");
}
export function menuMyQueue(): void {
  ownOnly();
  runMenu("queue");
}
export function menuReport(): void {
  ownOnly();
  runMenu("report");
}
export function menuSetup(): void {
  ownOnly();
  runMenu("setup");
}
export function menuSettings(): void {
  ownOnly();
  runMenu("settings");
}
export function menuCheckIntegrity(): void {
  ownOnly();
  runMenu("integrity");
}
export function menuRebuildRegisters(): void {
  ownOnly();
  runMenu("rebuild");
}
export function menuHelp(): void {
  ownOnly();
  runMenu("help");
}
export function menuRebuildReport(): void {
  ownOnly();
  rebuildReportMenu();
}
export function menuMonitoring(): void {
  ownOnly();
  monitoringMenu();
}
export function menuMonitoringPdf(): void {
  ownOnly();
  monitoringPdfMenu();
}

/** The sidebar's one server function: see src/api.ts for the table of calls. */
export function alurApi(name: unknown, arg: unknown): unknown {
  // The sidebar runs as its user; a web app page calling this would run as the deployer for someone else.
  if (!ownSession()) return { ok: false, error: NOT_FROM_HERE };
  return api(name, arg);
}

/** The confirm page's button (web app): acts on a case as the recipient an email link names. See email-actions.ts. */
export function emailAction(arg: unknown): unknown {
  return actFromEmail(arg);
}

export function menuRotateLinkKey(): void {
  ownOnly();
  rotateLinkKeyFromMenu();
}

/** Installable change trigger: rows inserted, deleted or sorted (which onEdit does not see) drop the cached configuration. */
export function onSheetChange(e?: GoogleAppsScript.Events.SheetsOnChange): void {
  requireTriggerOrOwn(e);
  // Typing is onEdit's; formatting changes no configuration. Rows, columns, sheets and sorting ("OTHER") may.
  const type = String(e?.changeType ?? "OTHER");
  if (type !== "EDIT" && type !== "FORMAT") invalidateConfig();
}

/** Time-driven trigger (hourly): Terlambat, emails that waited, the journal check, the open-case index — within one budget. */
export function hourlyRefresh(e?: GoogleAppsScript.Events.TimeDriven): void {
  requireTriggerOrOwn(e);
  if (loadIds()) hourly();
}

/** Time-driven trigger (daily, early morning): brings Laporan up to date from the journal entries added since yesterday. */
export function dailyReport(e?: GoogleAppsScript.Events.TimeDriven): void {
  requireTriggerOrOwn(e);
  if (loadIds()) updateReport();
}

/** One-off trigger a full rebuild of Laporan leaves when it runs out of time: carries it on. */
export function continueReportRebuild(e?: GoogleAppsScript.Events.TimeDriven): void {
  requireTriggerOrOwn(e);
  if (loadIds()) continueRebuild();
}

/** Time-driven trigger (every minute, as the owner of the office's Alur folder): makes the letters people asked for. */
export function runDocumentQueue(e?: GoogleAppsScript.Events.TimeDriven): void {
  requireTriggerOrOwn(e);
  lettersModule().runDocumentQueue();
}

export function doGet(e?: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  return renderWebApp(e);
}

/** Alur › Uji mandiri (admins): the dialog that checks this installation against what the fakes assume. */
export function menuUjiMandiri(): void {
  ownOnly();
  ujiMenu();
}

/** Uji mandiri's dialog calls this (google.script.run), one step at a time. */
export function ujiMandiri(op: unknown, arg: unknown): unknown {
  if (!ownSession()) return { ok: false, error: NOT_FROM_HERE };
  return ujiCall(op, arg);
}

/** Alur › Uji akses Drive: a colleague's half of Uji mandiri's Drive probe. */
export function menuUjiDrive(): void {
  ownOnly();
  ujiDriveMenu();
}
