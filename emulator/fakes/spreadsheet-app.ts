// SpreadsheetApp: the bound spreadsheet, openById of others, getUi (not from triggers or the web app), builders and enums.
import { FakeConditionalFormatRuleBuilder } from "./conditional-format";
import { DataValidationCriteria, FakeDataValidationBuilder } from "./data-validation";
import { gasError } from "./errors";
import { Fake, asGas } from "./fake";
import { ProtectionType } from "./protection";
import type { FakeSpreadsheet } from "./spreadsheet";

type GApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Methods =
  | "getActiveSpreadsheet" | "getActive" | "getActiveSheet" | "getActiveRange" | "openById" | "openByUrl" | "create"
  | "getUi" | "flush" | "newDataValidation" | "newConditionalFormatRule";

export class FakeSpreadsheetApp extends Fake implements Pick<GApp, Methods> {
  readonly kind = "SpreadsheetApp";
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = { CELL_EMPTY: "CELL_EMPTY", CELL_NOT_EMPTY: "CELL_NOT_EMPTY", TEXT_EQUAL_TO: "TEXT_EQUAL_TO", TEXT_CONTAINS: "TEXT_CONTAINS", CUSTOM_FORMULA: "CUSTOM_FORMULA" };
  readonly WrapStrategy = { WRAP: "WRAP", OVERFLOW: "OVERFLOW", CLIP: "CLIP" };
  readonly Dimension = { COLUMNS: "COLUMNS", ROWS: "ROWS" };
  readonly SheetType = { GRID: "GRID", OBJECT: "OBJECT", DATASOURCE: "DATASOURCE" };
  readonly BorderStyle = { SOLID: "SOLID", SOLID_MEDIUM: "SOLID_MEDIUM", SOLID_THICK: "SOLID_THICK", DOTTED: "DOTTED", DASHED: "DASHED", DOUBLE: "DOUBLE" };

  /** null when the execution has no container (web app, standalone, time trigger). */
  private active_(): FakeSpreadsheet | null {
    return this.world.exec.bound ? this.world.spreadsheet : null;
  }
  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const ss = this.active_();
    return (ss ? asGas(ss) : null) as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }
  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.getActiveSpreadsheet();
  }
  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    const ss = this.active_();
    return (ss ? asGas(ss.active_()) : null) as GoogleAppsScript.Spreadsheet.Sheet;
  }
  getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.active_()?.getActiveRange() as GoogleAppsScript.Spreadsheet.Range;
  }
  openById(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const ss = this.world.spreadsheets.get(String(id));
    if (!ss) throw gasError("Unexpected error while getting the method or property openById on object SpreadsheetApp.");
    return asGas(ss);
  }
  openByUrl(url: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const id = /\/d\/([^/]+)/.exec(String(url))?.[1];
    const ss = id ? this.world.spreadsheets.get(id) : undefined;
    if (!ss) throw gasError("Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.");
    return asGas(ss);
  }
  create(name: string, rows?: number, columns?: number): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return asGas(this.world.createSpreadsheet(name, { rows, columns }));
  }
  getUi(): GoogleAppsScript.Base.Ui {
    if (!this.world.exec.ui) throw gasError("Cannot call SpreadsheetApp.getUi() from this context.");
    return asGas(this.world.uiService);
  }
  flush(): void {
    this.world.flushes++;
    this.world.onFlush?.();
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return asGas(new FakeDataValidationBuilder(this.world));
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return asGas(new FakeConditionalFormatRuleBuilder(this.world));
  }
}
