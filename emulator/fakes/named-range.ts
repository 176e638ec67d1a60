// Named ranges of a spreadsheet (setNamedRange / getRangeByName / getNamedRanges).
import { Fake, asFake, asGas } from "./fake";
import type { FakeRange } from "./range";
import type { FakeSpreadsheet } from "./spreadsheet";
import type { World } from "./world";

type GNamed = GoogleAppsScript.Spreadsheet.NamedRange;

export class FakeNamedRange extends Fake implements Pick<GNamed, "getName" | "getRange" | "remove" | "setName" | "setRange"> {
  readonly kind = "NamedRange";
  constructor(
    world: World,
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
  ) {
    super(world);
  }
  getName(): string {
    return this.name;
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    return asGas(this.spreadsheet.namedRanges.get(this.name)!);
  }
  remove(): void {
    this.spreadsheet.namedRanges.delete(this.name);
  }
  setName(name: string): GNamed {
    const range = this.spreadsheet.namedRanges.get(this.name)!;
    this.spreadsheet.namedRanges.delete(this.name);
    this.spreadsheet.namedRanges.set(name, range);
    this.name = name;
    return asGas(this);
  }
  setRange(range: GoogleAppsScript.Spreadsheet.Range): GNamed {
    this.spreadsheet.namedRanges.set(this.name, asFake<FakeRange>(range));
    return asGas(this);
  }
}
