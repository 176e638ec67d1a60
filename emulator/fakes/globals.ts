// The Apps Script services a script sees, wrapped by a membrane: what a vm context gets as its globals.
import { FakeCacheService } from "./cache";
import { FakeCharts } from "./chart";
import { FakeContentService } from "./content";
import { FakeDocumentApp } from "./documents";
import { FakeDriveApp } from "./drive";
import { advancedDrive } from "./drive-advanced";
import { FakeHtmlService } from "./html";
import { FakeLockService } from "./lock";
import { FakeConsole, FakeLogger } from "./logger";
import { FakeGmailApp, FakeMailApp } from "./mail";
import { Membrane } from "./membrane";
import { FakePropertiesService } from "./properties";
import { FakeScriptApp } from "./script-app";
import { FakeSession } from "./session";
import { FakeSpreadsheetApp } from "./spreadsheet-app";
import { FakeUtilities } from "./utilities";
import type { World } from "./world";

/** One raw instance of each service per World. */
export function createServices(world: World) {
  return {
    SpreadsheetApp: new FakeSpreadsheetApp(world),
    HtmlService: new FakeHtmlService(world),
    PropertiesService: new FakePropertiesService(world),
    CacheService: new FakeCacheService(world),
    LockService: new FakeLockService(world),
    Utilities: new FakeUtilities(world),
    Session: new FakeSession(world),
    ScriptApp: new FakeScriptApp(world),
    MailApp: new FakeMailApp(world),
    Logger: new FakeLogger(world),
    console: new FakeConsole(world),
    ContentService: new FakeContentService(world),
    DocumentApp: new FakeDocumentApp(world),
    DriveApp: new FakeDriveApp(world),
    GmailApp: new FakeGmailApp(world),
    Charts: new FakeCharts(world),
  };
}

export type Services = ReturnType<typeof createServices>;
export type ServiceName = keyof Services;
export const SERVICE_NAMES = Object.keys(createServices({} as World)) as ServiceName[];

/** Globals for one script context: every service behind a fresh membrane (so a fresh realm). */
export interface ScriptGlobals {
  membrane: Membrane;
  globals: { [K in ServiceName]: Services[K] } & Record<string, unknown>;
}

export function createGlobals(world: World): ScriptGlobals {
  const membrane = new Membrane(world);
  const globals = {} as ScriptGlobals["globals"];
  for (const name of SERVICE_NAMES) (globals as Record<string, unknown>)[name] = membrane.wrap(world.services[name]);
  // The advanced Drive service (enabled in appsscript.json): a plain global holding its collections. Executions in
  // the concurrency harness's worker threads get only the SERVICE_NAMES above.
  (globals as Record<string, unknown>).Drive = advancedDrive(world, membrane);
  return { membrane, globals };
}
