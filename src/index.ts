// The one list of what Apps Script sees: triggers, menu actions, doGet and the sidebar's server call.
// Every export becomes a top-level function in dist/Code.js; everything else stays inside the bundle.
import { alurApi as api } from "./app/api-server";
import { buildMenu } from "./app/menu";
import { runMenu } from "./app/menu-actions";
import { hourly } from "./app/hourly";
import { rebuildReport } from "./app/report";
import { loadIds } from "./app/ids";
import { renderWebApp } from "./app/web";
import { invalidateConfig } from "./app/config";
import { checkEditedSops } from "./app/menu-actions";
import { emailAction as actFromEmail } from "./app/email-actions";
import { NOT_FROM_HERE, ownSession, requireTriggerOrOwn } from "./app/guard";
import { rotateLinkKeyFromMenu } from "./app/link-key";

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
  if ([ids.pengaturan, ids.pejabat, ids.libur, ids.sop, ids.identitas].includes(id)) invalidateConfig();
  if (id === ids.sop || id === ids.identitas) checkEditedSops();
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Alur");
  SpreadsheetApp.getUi().showSidebar(html);
}

export function menuNewCase(): void {
  runMenu("new");
}
export function menuMyQueue(): void {
  runMenu("queue");
}
export function menuReport(): void {
  runMenu("report");
}
export function menuSetup(): void {
  runMenu("setup");
}
export function menuSettings(): void {
  runMenu("settings");
}
export function menuCheckIntegrity(): void {
  runMenu("integrity");
}
export function menuRebuildRegisters(): void {
  runMenu("rebuild");
}
export function menuHelp(): void {
  runMenu("help");
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

/** Time-driven trigger (daily, early morning): rebuilds Laporan from Riwayat. */
export function dailyReport(e?: GoogleAppsScript.Events.TimeDriven): void {
  requireTriggerOrOwn(e);
  if (loadIds()) rebuildReport();
}

export function doGet(e?: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  return renderWebApp(e);
}
