// The one list of what Apps Script sees: triggers, menu actions, doGet and the sidebar's server call.
// Every export becomes a top-level function in dist/Code.js; everything else stays inside the bundle.
import { alurApi as api } from "./app/api-server";
import { buildMenu } from "./app/menu";
import { runMenu } from "./app/menu-actions";
import { refreshLate } from "./app/refresh";
import { rebuildReport } from "./app/report";
import { retryQueuedMail } from "./app/mail-retry";
import { loadIds } from "./app/ids";
import { renderWebApp } from "./app/web";
import { invalidateConfig } from "./app/config";
import { checkEditedSops } from "./app/menu-actions";
import { lettersModule } from "./app/letters-module";

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Simple trigger: an edit to a configuration sheet drops the cached configuration; SOP edits are checked where they are. */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  // Sheets are known by the ids recorded at setup, so an admin may rename them.
  const ids = loadIds();
  const sheet = e?.range?.getSheet();
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
export function menuHelp(): void {
  runMenu("help");
}

/** The sidebar's one server function: see src/api.ts for the table of calls. */
export function alurApi(name: unknown, arg: unknown): unknown {
  return api(name, arg);
}

/** Installable change trigger: rows inserted, deleted or sorted (which onEdit does not see) drop the cached configuration. */
export function onSheetChange(e?: GoogleAppsScript.Events.SheetsOnChange): void {
  // Typing is onEdit's; formatting changes no configuration. Rows, columns, sheets and sorting ("OTHER") may.
  const type = String(e?.changeType ?? "OTHER");
  if (type !== "EDIT" && type !== "FORMAT") invalidateConfig();
}

/** Time-driven trigger (hourly): refreshes Terlambat, then sends emails that waited for quota. */
export function hourlyRefresh(): void {
  refreshLate();
  const ids = loadIds();
  if (ids) retryQueuedMail(ids);
}

/** Time-driven trigger (daily, early morning): rebuilds Laporan from Riwayat. */
export function dailyReport(): void {
  if (loadIds()) rebuildReport();
}

/** Time-driven trigger (every minute, as the owner of the office's Alur folder): makes the letters people asked for. */
export function runDocumentQueue(): void {
  lettersModule().runDocumentQueue();
}

export function doGet(e?: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  return renderWebApp(e);
}
