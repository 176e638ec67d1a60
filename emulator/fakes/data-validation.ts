// DataValidation and its builder (SpreadsheetApp.newDataValidation()): lists, checkboxes, dates, numbers.
import { gasError } from "./errors";
import { Fake, asGas } from "./fake";
import type { World } from "./world";

type GBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GRule = GoogleAppsScript.Spreadsheet.DataValidation;

export const DataValidationCriteria = {
  CHECKBOX: "CHECKBOX",
  CUSTOM_FORMULA: "CUSTOM_FORMULA",
  DATE_AFTER: "DATE_AFTER",
  DATE_BEFORE: "DATE_BEFORE",
  DATE_BETWEEN: "DATE_BETWEEN",
  DATE_IS_VALID_DATE: "DATE_IS_VALID_DATE",
  NUMBER_BETWEEN: "NUMBER_BETWEEN",
  NUMBER_GREATER_THAN: "NUMBER_GREATER_THAN",
  NUMBER_GREATER_THAN_OR_EQUAL_TO: "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  NUMBER_LESS_THAN: "NUMBER_LESS_THAN",
  TEXT_CONTAINS: "TEXT_CONTAINS",
  TEXT_IS_VALID_EMAIL: "TEXT_IS_VALID_EMAIL",
  TEXT_IS_VALID_URL: "TEXT_IS_VALID_URL",
  VALUE_IN_LIST: "VALUE_IN_LIST",
  VALUE_IN_RANGE: "VALUE_IN_RANGE",
} as const;

export const MAX_LIST_ITEMS = 500;

interface Spec {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export class FakeDataValidation extends Fake implements Pick<GRule, "getCriteriaValues" | "getAllowInvalid" | "getHelpText" | "copy"> {
  readonly kind = "DataValidation";
  constructor(
    world: World,
    readonly spec: Spec,
  ) {
    super(world);
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.spec.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.spec.values];
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getHelpText(): string {
    return this.spec.helpText as string;
  }
  copy(): GBuilder {
    return asGas(new FakeDataValidationBuilder(this.world, { ...this.spec, values: [...this.spec.values] }));
  }
  /** Throws the documented error for list rules over the limit (raised when the rule reaches the sheet). */
  checkLimits_(): void {
    if (this.spec.criteria === "VALUE_IN_LIST" && (this.spec.values[0] as unknown[]).length > MAX_LIST_ITEMS) {
      throw gasError("The data validation rule has more items than the limit of 500. Use the ‘List from a range’ criteria instead.");
    }
  }
  isCheckbox_(): boolean {
    return this.spec.criteria === "CHECKBOX";
  }
}

type BuilderMethods =
  | "requireValueInList"
  | "requireValueInRange"
  | "requireCheckbox"
  | "requireDate"
  | "requireDateAfter"
  | "requireDateBefore"
  | "requireNumberBetween"
  | "requireNumberGreaterThan"
  | "requireNumberGreaterThanOrEqualTo"
  | "requireNumberLessThan"
  | "requireTextContains"
  | "requireTextIsEmail"
  | "requireTextIsUrl"
  | "requireFormulaSatisfied"
  | "setAllowInvalid"
  | "setHelpText"
  | "build"
  | "getAllowInvalid"
  | "getHelpText"
  | "getCriteriaValues";

export class FakeDataValidationBuilder extends Fake implements Pick<GBuilder, BuilderMethods> {
  readonly kind = "DataValidationBuilder";
  constructor(
    world: World,
    private spec: Spec = { criteria: "", values: [], allowInvalid: true, helpText: null },
  ) {
    super(world);
  }
  private set_(criteria: string, values: unknown[]): GBuilder {
    this.spec = { ...this.spec, criteria, values };
    return asGas(this);
  }
  requireValueInList(values: string[], showDropdown?: boolean): GBuilder {
    return this.set_("VALUE_IN_LIST", [[...values], showDropdown ?? true]);
  }
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown?: boolean): GBuilder {
    return this.set_("VALUE_IN_RANGE", [range, showDropdown ?? true]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): GBuilder {
    return this.set_("CHECKBOX", checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked]);
  }
  requireDate(): GBuilder {
    return this.set_("DATE_IS_VALID_DATE", []);
  }
  requireDateAfter(date: Date): GBuilder {
    return this.set_("DATE_AFTER", [new Date(date.getTime())]);
  }
  requireDateBefore(date: Date): GBuilder {
    return this.set_("DATE_BEFORE", [new Date(date.getTime())]);
  }
  requireNumberBetween(start: number, end: number): GBuilder {
    return this.set_("NUMBER_BETWEEN", [start, end]);
  }
  requireNumberGreaterThan(n: number): GBuilder {
    return this.set_("NUMBER_GREATER_THAN", [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): GBuilder {
    return this.set_("NUMBER_GREATER_THAN_OR_EQUAL_TO", [n]);
  }
  requireNumberLessThan(n: number): GBuilder {
    return this.set_("NUMBER_LESS_THAN", [n]);
  }
  requireTextContains(text: string): GBuilder {
    return this.set_("TEXT_CONTAINS", [text]);
  }
  requireTextIsEmail(): GBuilder {
    return this.set_("TEXT_IS_VALID_EMAIL", []);
  }
  requireTextIsUrl(): GBuilder {
    return this.set_("TEXT_IS_VALID_URL", []);
  }
  requireFormulaSatisfied(formula: string): GBuilder {
    return this.set_("CUSTOM_FORMULA", [formula]);
  }
  setAllowInvalid(allow: boolean): GBuilder {
    this.spec = { ...this.spec, allowInvalid: allow };
    return asGas(this);
  }
  setHelpText(text: string): GBuilder {
    this.spec = { ...this.spec, helpText: text };
    return asGas(this);
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getHelpText(): string {
    return this.spec.helpText ?? "";
  }
  getCriteriaValues(): unknown[] {
    return [...this.spec.values];
  }
  build(): GRule {
    if (!this.spec.criteria) throw gasError("You must set a criteria for the data validation rule.");
    return asGas(new FakeDataValidation(this.world, { ...this.spec, values: [...this.spec.values] }));
  }
}
