// The one list of what Apps Script sees: triggers, menu actions, doGet and the sidebar's server calls.
// Every export becomes a top-level function in dist/Code.js; everything else stays inside the bundle.
import { buildMenu } from "./app/menu";

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Alur");
  SpreadsheetApp.getUi().showSidebar(html);
}

export function doGet(_e?: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput("<!doctype html><meta charset=utf-8><title>Alur</title><p>Alur</p>").setTitle("Alur");
}
