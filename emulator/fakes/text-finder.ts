// TextFinder over a range, sheet or spreadsheet; searching does not count as reading cells (only the matches, when read).
import { gasError } from "./errors";
import { Fake, asFake, asGas } from "./fake";
import { FakeRange } from "./range";
import type { FakeSheet } from "./sheet";
import { display } from "./values";
import type { World } from "./world";

type GFinder = GoogleAppsScript.Spreadsheet.TextFinder;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type Methods =
  | "findAll"
  | "findNext"
  | "findPrevious"
  | "getCurrentMatch"
  | "ignoreDiacritics"
  | "matchCase"
  | "matchEntireCell"
  | "matchFormulaText"
  | "replaceAllWith"
  | "replaceWith"
  | "startFrom"
  | "useRegularExpression";

export interface Area {
  sheet: FakeSheet;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export class FakeTextFinder extends Fake implements Pick<GFinder, Methods> {
  readonly kind = "TextFinder";
  private opts = { matchCase: false, entire: false, regex: false, formula: false, diacritics: false };
  private current = -1;
  private start: { sheet: FakeSheet; row: number; col: number } | null = null;

  constructor(
    world: World,
    private readonly areas: Area[],
    private readonly text: string,
  ) {
    super(world);
    if (text === "") throw gasError("The text to find cannot be empty.");
  }

  private option_(key: keyof FakeTextFinder["opts"], value: boolean): GFinder {
    this.opts[key] = value;
    return asGas(this);
  }
  ignoreDiacritics(v: boolean): GFinder {
    return this.option_("diacritics", v);
  }
  matchCase(v: boolean): GFinder {
    return this.option_("matchCase", v);
  }
  matchEntireCell(v: boolean): GFinder {
    return this.option_("entire", v);
  }
  matchFormulaText(v: boolean): GFinder {
    return this.option_("formula", v);
  }
  useRegularExpression(v: boolean): GFinder {
    return this.option_("regex", v);
  }
  startFrom(range: GRange): GFinder {
    const r = asFake<FakeRange>(range);
    this.start = { sheet: r.sheet, row: r.row, col: r.col };
    this.current = -1;
    return asGas(this);
  }

  private pattern_(): RegExp {
    const source = this.opts.regex ? this.text : this.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(this.opts.entire ? `^(?:${source})$` : source, this.opts.matchCase ? "g" : "gi");
  }

  private cellText_(sheet: FakeSheet, r: number, c: number): string {
    const attrs = sheet.grid.attrs(r, c);
    if (this.opts.formula && attrs?.formula) return attrs.formula;
    return display(sheet.grid.value(r, c), attrs?.numberFormat, sheet.spreadsheet.timeZone, sheet.spreadsheet.locale);
  }

  /** Matching cells in row-major order, sheet by sheet. */
  private matches_(): FakeRange[] {
    const re = this.pattern_();
    const found: FakeRange[] = [];
    for (const a of this.areas) {
      const lastRow = Math.min(a.row + a.numRows - 1, a.sheet.grid.rows.length);
      for (let r = a.row - 1; r < lastRow; r++) {
        if (!a.sheet.grid.rows[r]) continue;
        for (let c = a.col - 1; c < a.col - 1 + a.numCols; c++) {
          const text = this.cellText_(a.sheet, r, c);
          re.lastIndex = 0;
          if (text !== "" && re.test(text)) found.push(new FakeRange(this.world, a.sheet, r + 1, c + 1, 1, 1));
        }
      }
    }
    return found;
  }

  findAll(): GRange[] {
    return this.matches_().map((r) => asGas(r));
  }

  private startIndex_(all: FakeRange[]): number {
    if (this.current >= 0 || !this.start) return this.current;
    const s = this.start;
    const i = all.findIndex((m) => m.sheet === s.sheet && (m.row > s.row || (m.row === s.row && m.col > s.col)));
    return i < 0 ? all.length - 1 : i - 1;
  }

  findNext(): GRange | null {
    const all = this.matches_();
    if (all.length === 0) return null;
    this.current = (this.startIndex_(all) + 1) % all.length;
    return asGas(all[this.current]);
  }
  findPrevious(): GRange | null {
    const all = this.matches_();
    if (all.length === 0) return null;
    const from = this.startIndex_(all);
    this.current = from <= 0 ? all.length - 1 : from - 1;
    return asGas(all[this.current]);
  }
  getCurrentMatch(): GRange | null {
    const all = this.matches_();
    return this.current >= 0 && this.current < all.length ? asGas(all[this.current]) : null;
  }
  private replaceIn_(range: FakeRange, replacement: string): number {
    const r = range.row - 1;
    const c = range.col - 1;
    const v = range.sheet.grid.value(r, c);
    if (typeof v !== "string") return 0;
    range.sheet.grid.setValue(r, c, v.replace(this.pattern_(), replacement));
    return 1;
  }
  replaceAllWith(replacement: string): number {
    return this.matches_().reduce((n, m) => n + this.replaceIn_(m, replacement), 0);
  }
  replaceWith(replacement: string): number {
    const m = this.getCurrentMatch();
    return m ? this.replaceIn_(asFake<FakeRange>(m), replacement) : 0;
  }
}
