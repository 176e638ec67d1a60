// Conditional format rules and their builder: kept as data so tests can check which rules a sheet carries.
import { Fake, asFake, asGas } from "./fake";
import type { FakeRange } from "./range";
import type { World } from "./world";

type GBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type GRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

export interface RuleSpec {
  condition: string;
  values: unknown[];
  format: Record<string, unknown>;
  ranges: FakeRange[];
}

export class FakeConditionalFormatRule extends Fake implements Pick<GRule, "getRanges" | "copy"> {
  readonly kind = "ConditionalFormatRule";
  constructor(
    world: World,
    readonly spec: RuleSpec,
  ) {
    super(world);
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.spec.ranges.map((r) => asGas(r));
  }
  copy(): GBuilder {
    return asGas(new FakeConditionalFormatRuleBuilder(this.world, { ...this.spec, format: { ...this.spec.format }, ranges: [...this.spec.ranges] }));
  }
}

type Methods =
  | "whenTextEqualTo"
  | "whenTextContains"
  | "whenFormulaSatisfied"
  | "whenCellEmpty"
  | "whenCellNotEmpty"
  | "whenNumberGreaterThan"
  | "whenNumberLessThan"
  | "whenDateBefore"
  | "setBackground"
  | "setFontColor"
  | "setBold"
  | "setItalic"
  | "setStrikethrough"
  | "setRanges"
  | "build";

export class FakeConditionalFormatRuleBuilder extends Fake implements Pick<GBuilder, Methods> {
  readonly kind = "ConditionalFormatRuleBuilder";
  constructor(
    world: World,
    private spec: RuleSpec = { condition: "", values: [], format: {}, ranges: [] },
  ) {
    super(world);
  }
  private when_(condition: string, values: unknown[]): GBuilder {
    this.spec.condition = condition;
    this.spec.values = values;
    return asGas(this);
  }
  private fmt_(key: string, value: unknown): GBuilder {
    this.spec.format[key] = value;
    return asGas(this);
  }
  whenTextEqualTo(text: string): GBuilder {
    return this.when_("TEXT_EQUAL_TO", [text]);
  }
  whenTextContains(text: string): GBuilder {
    return this.when_("TEXT_CONTAINS", [text]);
  }
  whenFormulaSatisfied(formula: string): GBuilder {
    return this.when_("CUSTOM_FORMULA", [formula]);
  }
  whenCellEmpty(): GBuilder {
    return this.when_("CELL_EMPTY", []);
  }
  whenCellNotEmpty(): GBuilder {
    return this.when_("CELL_NOT_EMPTY", []);
  }
  whenNumberGreaterThan(n: number): GBuilder {
    return this.when_("NUMBER_GREATER_THAN", [n]);
  }
  whenNumberLessThan(n: number): GBuilder {
    return this.when_("NUMBER_LESS_THAN", [n]);
  }
  whenDateBefore(date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate): GBuilder {
    return this.when_("DATE_BEFORE", [date]);
  }
  setBackground(color: string | null): GBuilder {
    return this.fmt_("background", color);
  }
  setFontColor(color: string | null): GBuilder {
    return this.fmt_("fontColor", color);
  }
  setBold(bold: boolean | null): GBuilder {
    return this.fmt_("bold", bold);
  }
  setItalic(italic: boolean | null): GBuilder {
    return this.fmt_("italic", italic);
  }
  setStrikethrough(strike: boolean | null): GBuilder {
    return this.fmt_("strikethrough", strike);
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GBuilder {
    this.spec.ranges = ranges.map((r) => asFake<FakeRange>(r));
    return asGas(this);
  }
  build(): GRule {
    return asGas(new FakeConditionalFormatRule(this.world, { ...this.spec, format: { ...this.spec.format }, ranges: [...this.spec.ranges] }));
  }
}
