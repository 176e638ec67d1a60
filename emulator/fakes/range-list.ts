// RangeList: a few ranges changed together (Sheet.getRangeList).
import { Fake, asGas } from "./fake";
import type { FakeRange } from "./range";
import type { World } from "./world";

type GList = GoogleAppsScript.Spreadsheet.RangeList;
type Methods = "getRanges" | "setValue" | "clearContent" | "clear" | "setBackground" | "setFontWeight" | "setNumberFormat" | "check" | "uncheck" | "activate";

export class FakeRangeList extends Fake implements Pick<GList, Methods> {
  readonly kind = "RangeList";
  constructor(
    world: World,
    readonly ranges: FakeRange[],
  ) {
    super(world);
  }
  private all_(fn: (r: FakeRange) => unknown): GList {
    for (const r of this.ranges) fn(r);
    return asGas(this);
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.ranges.map((r) => asGas(r));
  }
  setValue(value: unknown): GList {
    return this.all_((r) => r.setValue(value));
  }
  clearContent(): GList {
    return this.all_((r) => r.clearContent());
  }
  clear(): GList {
    return this.all_((r) => r.clear());
  }
  setBackground(color: string | null): GList {
    return this.all_((r) => r.setBackground(color));
  }
  setFontWeight(weight: string | null): GList {
    return this.all_((r) => r.setFontWeight(weight));
  }
  setNumberFormat(format: string): GList {
    return this.all_((r) => r.setNumberFormat(format));
  }
  check(): GList {
    return this.all_((r) => r.check());
  }
  uncheck(): GList {
    return this.all_((r) => r.uncheck());
  }
  activate(): GList {
    this.ranges.at(-1)?.activate();
    return asGas(this);
  }
}
