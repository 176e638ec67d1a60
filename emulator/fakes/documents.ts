// DocumentApp: Documents with a page setup, a body, header and footer of paragraphs (with character attributes), tables
// whose cells hold paragraphs, horizontal rules and page breaks, kept as plain data.
import {
  ALIGNMENTS,
  type Align,
  type Block,
  type CellBlock,
  DEFAULT_PAGE,
  HEADINGS,
  type Heading,
  type PageSetup,
  type ParagraphBlock,
  type TableBlock,
  type TextStyle,
  blocksFromText,
  blocksText,
  cellOf,
  cellText,
  cloneBlock,
  emptyContent,
  paragraph,
  re2,
  replaceInBlocks,
  replaceInParagraph,
  spliceText,
  styleRange,
  tableText,
} from "./doc-model";
import { DOC_MIME, type DocRecord, PDF_MIME, blobAs, canRead, canWrite, newRecord } from "./drive-record";
import { gasError } from "./errors";
import { Fake, asFake, asGas } from "./fake";
import type { World } from "./world";

export { DocRecord } from "./drive-record";

type D = typeof GoogleAppsScript.Document;
type GElement = GoogleAppsScript.Document.Element;
type GParagraph = GoogleAppsScript.Document.Paragraph;
type GTable = GoogleAppsScript.Document.Table;
type GTableRow = GoogleAppsScript.Document.TableRow;
type GTableCell = GoogleAppsScript.Document.TableCell;
type GText = GoogleAppsScript.Document.Text;

const enumOf = <T extends string>(names: readonly T[]) => Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { readonly [K in T]: K };
export const ParagraphHeading = enumOf(HEADINGS);
export const HorizontalAlignment = enumOf(ALIGNMENTS);
export const ElementType = enumOf(["BODY_SECTION", "HEADER_SECTION", "FOOTER_SECTION", "PARAGRAPH", "TABLE", "TABLE_ROW", "TABLE_CELL", "TEXT", "PAGE_BREAK", "HORIZONTAL_RULE", "LIST_ITEM", "UNSUPPORTED"] as const);
export const Attribute = enumOf([
  "BACKGROUND_COLOR",
  "BOLD",
  "BORDER_COLOR",
  "BORDER_WIDTH",
  "CODE",
  "FONT_FAMILY",
  "FONT_SIZE",
  "FOREGROUND_COLOR",
  "HEADING",
  "HEIGHT",
  "HORIZONTAL_ALIGNMENT",
  "INDENT_END",
  "INDENT_FIRST_LINE",
  "INDENT_START",
  "ITALIC",
  "GLYPH_TYPE",
  "LEFT_TO_RIGHT",
  "LINE_SPACING",
  "LINK_URL",
  "LIST_ID",
  "MARGIN_BOTTOM",
  "MARGIN_LEFT",
  "MARGIN_RIGHT",
  "MARGIN_TOP",
  "NESTING_LEVEL",
  "MINIMUM_HEIGHT",
  "PADDING_BOTTOM",
  "PADDING_LEFT",
  "PADDING_RIGHT",
  "PADDING_TOP",
  "PAGE_HEIGHT",
  "PAGE_WIDTH",
  "SPACING_AFTER",
  "SPACING_BEFORE",
  "STRIKETHROUGH",
  "UNDERLINE",
  "VERTICAL_ALIGNMENT",
  "WIDTH",
] as const);

/** One opened Document: after saveAndClose its elements may no longer change it. */
interface Session {
  doc: DocRecord;
  closed: boolean;
}

function edit(world: World, s: Session): void {
  if (s.closed) throw gasError("Document is closed, its contents cannot be updated.");
  if (!canWrite(world, s.doc)) throw gasError(`You do not have permission to edit ${s.doc.name}.`);
  s.doc.touch(world);
}

function childIndexError(i: number, n: number): Error {
  return gasError(`Child index (${i}) must be less than the number of child elements (${n}).`);
}

function checkIndex(i: unknown, n: number, inclusive = false): number {
  const k = Number(i);
  if (!Number.isInteger(k) || k < 0 || (inclusive ? k > n : k >= n)) throw childIndexError(k, n);
  return k;
}

function points(v: unknown, what: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw gasError(`Invalid argument: ${what}`);
  return n;
}

const TEXT_KEYS: Record<string, keyof TextStyle> = { BOLD: "bold", ITALIC: "italic", UNDERLINE: "underline", FONT_FAMILY: "font", FONT_SIZE: "size" };

/** The character attributes in an attributes object (unknown keys are ignored, as Docs ignores those it cannot apply). */
function textPatch(attrs: Record<string, unknown>): TextStyle {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs ?? {})) {
    const key = TEXT_KEYS[k];
    if (!key || v === null || v === undefined) continue;
    out[key] = key === "size" ? Number(v) : key === "font" ? String(v) : !!v;
  }
  return out as TextStyle;
}

type TextMethods =
  | "getText" | "setText" | "appendText" | "insertText" | "deleteText" | "replaceText" | "getType"
  | "setBold" | "setItalic" | "setUnderline" | "setFontFamily" | "setFontSize" | "isBold" | "getFontSize" | "getFontFamily";

/** The Text of one paragraph (a body paragraph, or one paragraph of a table cell). */
class FakeText extends Fake implements Pick<GText, TextMethods> {
  readonly kind = "Text";
  constructor(
    world: World,
    readonly session: Session,
    readonly block: ParagraphBlock,
  ) {
    super(world);
  }
  getText(): string {
    return this.block.text;
  }
  setText(text: string): GText {
    edit(this.world, this.session);
    spliceText(this.block, 0, this.block.text.length, String(text));
    return asGas(this);
  }
  appendText(text: string): GText {
    edit(this.world, this.session);
    spliceText(this.block, this.block.text.length, 0, String(text));
    return asGas(this);
  }
  insertText(offset: number, text: string): GText {
    const s = this.block.text;
    if (!(offset >= 0 && offset <= s.length)) throw gasError("Invalid argument: offset");
    edit(this.world, this.session);
    spliceText(this.block, offset, 0, String(text));
    return asGas(this);
  }
  /** Both offsets inclusive, as in Apps Script. */
  deleteText(startOffset: number, endOffsetInclusive: number): GText {
    const s = this.block.text;
    if (!(startOffset >= 0 && endOffsetInclusive >= startOffset && endOffsetInclusive < s.length)) throw gasError("Invalid argument: endOffsetInclusive");
    edit(this.world, this.session);
    spliceText(this.block, startOffset, endOffsetInclusive - startOffset + 1, "");
    return asGas(this);
  }
  replaceText(searchPattern: string, replacement: string): GElement {
    const re = re2(searchPattern);
    edit(this.world, this.session);
    replaceInParagraph(this.block, re, replacement);
    return asGas(this);
  }
  /** setX(value) styles the whole text; setX(start, endInclusive, value) a range. */
  private style_(args: unknown[], key: keyof TextStyle, name: string): GText {
    const n = this.block.text.length;
    const value = args.length >= 3 ? args[2] : args[0];
    if (args.length >= 3) {
      const [s, e] = [Number(args[0]), Number(args[1])];
      if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e >= s && e < n)) throw gasError(`Invalid argument: ${name}`);
      edit(this.world, this.session);
      styleRange(this.block, s, e, { [key]: value } as TextStyle);
    } else {
      edit(this.world, this.session);
      this.block.style = { ...this.block.style, [key]: value };
      if (n) styleRange(this.block, 0, n - 1, { [key]: value } as TextStyle);
    }
    return asGas(this);
  }
  setBold(...args: unknown[]): GText {
    return this.style_([...args.slice(0, -1), !!args[args.length - 1]], "bold", "bold");
  }
  setItalic(...args: unknown[]): GText {
    return this.style_([...args.slice(0, -1), !!args[args.length - 1]], "italic", "italic");
  }
  setUnderline(...args: unknown[]): GText {
    return this.style_([...args.slice(0, -1), !!args[args.length - 1]], "underline", "underline");
  }
  setFontFamily(...args: unknown[]): GText {
    return this.style_([...args.slice(0, -1), String(args[args.length - 1])], "font", "fontFamilyName");
  }
  setFontSize(...args: unknown[]): GText {
    return this.style_([...args.slice(0, -1), points(args[args.length - 1], "size")], "size", "size");
  }
  isBold(): boolean {
    return !!this.block.style?.bold || (this.block.spans ?? []).some(([s, e, st]) => s === 0 && e >= this.block.text.length && st.bold);
  }
  getFontSize(): number {
    return this.block.style?.size ?? 11;
  }
  getFontFamily(): string {
    return this.block.style?.font ?? "Arial";
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return ElementType.TEXT as unknown as GoogleAppsScript.Document.ElementType;
  }
}

type ParagraphMethods =
  | "getText" | "setText" | "appendText" | "editAsText" | "replaceText" | "getType" | "clear" | "copy" | "getParent"
  | "setHeading" | "getHeading" | "setAlignment" | "getAlignment" | "removeFromParent" | "getNumChildren" | "asParagraph" | "asTable"
  | "setIndentStart" | "setIndentFirstLine" | "setSpacingBefore" | "setSpacingAfter" | "setLineSpacing" | "setAttributes"
  | "getIndentStart" | "getIndentFirstLine" | "getSpacingBefore" | "getSpacingAfter" | "getLineSpacing" | "appendHorizontalRule" | "appendPageBreak";

/** Where a paragraph sits: the section or table cell holding it (for getParent and removeFromParent). */
interface Holder {
  list: () => Block[];
  parent: () => GoogleAppsScript.Document.ContainerElement;
  /** A table cell keeps its last paragraph. */
  keepLast: boolean;
}

export class FakeParagraph extends Fake implements Pick<GParagraph, ParagraphMethods> {
  readonly kind = "Paragraph";
  constructor(
    world: World,
    readonly session: Session,
    readonly block: ParagraphBlock,
    readonly holder: Holder | null,
  ) {
    super(world);
  }
  /** Casts only help auto-complete in Apps Script: they check nothing, so neither do these. */
  asParagraph(): GParagraph {
    return asGas(this);
  }
  asTable(): GTable {
    return asGas(this);
  }
  getText(): string {
    return this.block.text;
  }
  setText(text: string): GParagraph {
    edit(this.world, this.session);
    spliceText(this.block, 0, this.block.text.length, String(text));
    return asGas(this);
  }
  /** Returns the new Text element, not the paragraph. */
  appendText(text: unknown): GText {
    edit(this.world, this.session);
    spliceText(this.block, this.block.text.length, 0, text instanceof FakeText ? text.getText() : String(text));
    return asGas(new FakeText(this.world, this.session, this.block));
  }
  editAsText(): GText {
    return asGas(new FakeText(this.world, this.session, this.block));
  }
  replaceText(searchPattern: string, replacement: string): GElement {
    const re = re2(searchPattern);
    edit(this.world, this.session);
    replaceInParagraph(this.block, re, replacement);
    return asGas(this);
  }
  clear(): GParagraph {
    edit(this.world, this.session);
    spliceText(this.block, 0, this.block.text.length, "");
    return asGas(this);
  }
  /** A detached copy (insert it with Body.insertParagraph or appendParagraph). */
  copy(): GParagraph {
    return asGas(new FakeParagraph(this.world, this.session, cloneBlock(this.block), null));
  }
  getParent(): GoogleAppsScript.Document.ContainerElement {
    if (!this.holder) return null as unknown as GoogleAppsScript.Document.ContainerElement;
    return this.holder.parent();
  }
  getNumChildren(): number {
    return this.block.text || this.block.pageBreak || this.block.hr ? 1 : 0;
  }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): GParagraph {
    const h = String(heading) as Heading;
    if (!HEADINGS.includes(h)) throw gasError("Invalid argument: heading");
    edit(this.world, this.session);
    this.block.heading = h;
    return asGas(this);
  }
  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return (this.block.heading ?? "NORMAL") as unknown as GoogleAppsScript.Document.ParagraphHeading;
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): GParagraph {
    const a = String(alignment) as Align;
    if (!ALIGNMENTS.includes(a)) throw gasError("Invalid argument: alignment");
    edit(this.world, this.session);
    this.block.align = a;
    return asGas(this);
  }
  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    return (this.block.align ?? "LEFT") as unknown as GoogleAppsScript.Document.HorizontalAlignment;
  }
  private set_(key: "indentStart" | "indentFirst" | "spaceBefore" | "spaceAfter" | "lineSpacing", v: unknown, name: string): GParagraph {
    const n = points(v, name);
    edit(this.world, this.session);
    this.block[key] = n;
    return asGas(this);
  }
  setIndentStart(indentStart: number): GParagraph {
    return this.set_("indentStart", indentStart, "indentStart");
  }
  setIndentFirstLine(indentFirstLine: number): GParagraph {
    return this.set_("indentFirst", indentFirstLine, "indentFirstLine");
  }
  setSpacingBefore(spacingBefore: number): GParagraph {
    return this.set_("spaceBefore", spacingBefore, "spacingBefore");
  }
  setSpacingAfter(spacingAfter: number): GParagraph {
    return this.set_("spaceAfter", spacingAfter, "spacingAfter");
  }
  setLineSpacing(multiplier: number): GParagraph {
    return this.set_("lineSpacing", multiplier, "multiplier");
  }
  getIndentStart(): number {
    return this.block.indentStart ?? 0;
  }
  getIndentFirstLine(): number {
    return this.block.indentFirst ?? 0;
  }
  getSpacingBefore(): number {
    return this.block.spaceBefore ?? 0;
  }
  getSpacingAfter(): number {
    return this.block.spaceAfter ?? 0;
  }
  getLineSpacing(): number {
    return this.block.lineSpacing ?? 1;
  }
  /** Character attributes apply to the whole paragraph; alignment, indents and spacing to the paragraph. */
  setAttributes(attributes: object): GParagraph {
    const a = attributes as Record<string, unknown>;
    edit(this.world, this.session);
    const patch = textPatch(a);
    this.block.style = { ...this.block.style, ...patch };
    if (this.block.text.length && Object.keys(patch).length) styleRange(this.block, 0, this.block.text.length - 1, patch);
    if (a.HORIZONTAL_ALIGNMENT) this.block.align = String(a.HORIZONTAL_ALIGNMENT) as Align;
    if (a.INDENT_START !== undefined) this.block.indentStart = Number(a.INDENT_START);
    if (a.INDENT_FIRST_LINE !== undefined) this.block.indentFirst = Number(a.INDENT_FIRST_LINE);
    if (a.SPACING_BEFORE !== undefined) this.block.spaceBefore = Number(a.SPACING_BEFORE);
    if (a.SPACING_AFTER !== undefined) this.block.spaceAfter = Number(a.SPACING_AFTER);
    if (a.LINE_SPACING !== undefined) this.block.lineSpacing = Number(a.LINE_SPACING);
    return asGas(this);
  }
  /** Docs keeps a horizontal rule inside a paragraph. */
  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    edit(this.world, this.session);
    this.block.hr = true;
    return asGas(this);
  }
  appendPageBreak(): GoogleAppsScript.Document.PageBreak {
    if (this.holder?.keepLast) throw gasError("PageBreak can only be inserted in the body.");
    edit(this.world, this.session);
    this.block.pageBreak = true;
    return asGas(this);
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return ElementType.PARAGRAPH as unknown as GoogleAppsScript.Document.ElementType;
  }
  removeFromParent(): GParagraph {
    const list = this.holder?.list();
    const i = list ? list.indexOf(this.block) : -1;
    if (list && i >= 0) {
      if (this.holder?.keepLast && list.length === 1) throw gasError("Can't remove the last paragraph in a table cell.");
      if (!this.holder?.keepLast) lastParagraphGuard(list, i);
      edit(this.world, this.session);
      list.splice(i, 1);
    }
    return asGas(this);
  }
}

/** A section must end with a paragraph (Docs keeps one after a table): the last paragraph cannot go (observed; assumed). */
function lastParagraphGuard(list: Block[], i: number): void {
  if (list.length === 1 || (i === list.length - 1 && list[i].type === "paragraph" && list[i - 1]?.type === "table")) throw gasError("Can't remove the last paragraph in a document section.");
}

type CellMethods =
  | "getText" | "setText" | "editAsText" | "replaceText" | "getType" | "clear" | "getParentRow" | "getNumChildren" | "getChild"
  | "appendParagraph" | "insertParagraph" | "getChildIndex" | "setPaddingTop" | "setPaddingBottom" | "setPaddingLeft" | "setPaddingRight";

class FakeTableCell extends Fake implements Pick<GTableCell, CellMethods> {
  readonly kind = "TableCell";
  constructor(
    world: World,
    readonly session: Session,
    readonly table: TableBlock,
    readonly row: number,
    readonly col: number,
    readonly container: () => Block[],
  ) {
    super(world);
  }
  cell_(): CellBlock {
    return this.table.rows[this.row][this.col];
  }
  private holder_(): Holder {
    return { list: () => this.cell_().paras, parent: () => asGas(this), keepLast: true };
  }
  private para_(b: ParagraphBlock): GParagraph {
    return asGas(new FakeParagraph(this.world, this.session, b, this.holder_()));
  }
  getText(): string {
    return cellText(this.cell_());
  }
  /** The text's lines become the cell's paragraphs (the first keeps its attributes). */
  setText(text: string): GTableCell {
    edit(this.world, this.session);
    const first = this.cell_().paras[0];
    this.cell_().paras = String(text)
      .split(/\r?\n/)
      .map((line) => {
        const p = cloneBlock({ ...first, text: "" });
        delete p.spans;
        spliceText(p, 0, 0, line);
        return p;
      });
    return asGas(this);
  }
  editAsText(): GText {
    return asGas(new FakeText(this.world, this.session, this.cell_().paras[0]));
  }
  replaceText(searchPattern: string, replacement: string): GElement {
    const re = re2(searchPattern);
    edit(this.world, this.session);
    for (const p of this.cell_().paras) replaceInParagraph(p, re, replacement);
    return asGas(this);
  }
  clear(): GTableCell {
    return this.setText("");
  }
  getNumChildren(): number {
    return this.cell_().paras.length;
  }
  getChild(childIndex: number): GElement {
    const list = this.cell_().paras;
    return this.para_(list[checkIndex(childIndex, list.length)]) as unknown as GElement;
  }
  getChildIndex(child: GElement): number {
    const raw = asFake<Fake & { block?: Block }>(child);
    const i = raw.block ? this.cell_().paras.indexOf(raw.block as ParagraphBlock) : -1;
    if (i < 0) throw gasError("Element does not contain the specified child element.");
    return i;
  }
  appendParagraph(text: unknown): GParagraph {
    return this.insertParagraph(this.cell_().paras.length, text);
  }
  insertParagraph(childIndex: number, p: unknown): GParagraph {
    const list = this.cell_().paras;
    const i = checkIndex(childIndex, list.length, true);
    const source = p instanceof FakeParagraph ? p.block : undefined;
    const block: ParagraphBlock = source ? cloneBlock(source) : paragraph(String(p ?? ""));
    edit(this.world, this.session);
    list.splice(i, 0, block);
    return this.para_(block);
  }
  private pad_(side: number, v: unknown): GTableCell {
    const n = points(v, "padding");
    edit(this.world, this.session);
    const c = this.cell_();
    const p = c.padding ?? [5, 5, 5, 5];
    p[side] = n;
    c.padding = p;
    return asGas(this);
  }
  setPaddingTop(paddingTop: number): GTableCell {
    return this.pad_(0, paddingTop);
  }
  setPaddingRight(paddingRight: number): GTableCell {
    return this.pad_(1, paddingRight);
  }
  setPaddingBottom(paddingBottom: number): GTableCell {
    return this.pad_(2, paddingBottom);
  }
  setPaddingLeft(paddingLeft: number): GTableCell {
    return this.pad_(3, paddingLeft);
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return ElementType.TABLE_CELL as unknown as GoogleAppsScript.Document.ElementType;
  }
  getParentRow(): GTableRow {
    return asGas(new FakeTableRow(this.world, this.session, this.table, this.row, this.container));
  }
}

/** A row handed out by copy() or removeRow(): not in any table until inserted. */
interface DetachedRow {
  cells: CellBlock[];
}

class FakeTableRow extends Fake implements Pick<GTableRow, "getNumCells" | "getCell" | "appendTableCell" | "getText" | "replaceText" | "getType" | "getParentTable" | "getNumChildren" | "getChild" | "copy" | "removeFromParent"> {
  readonly kind = "TableRow";
  detached_: DetachedRow | null = null;
  constructor(
    world: World,
    readonly session: Session,
    readonly table: TableBlock,
    readonly row: number,
    readonly container: () => Block[],
  ) {
    super(world);
  }
  cells_(): CellBlock[] {
    return this.detached_ ? this.detached_.cells : this.table.rows[this.row];
  }
  getNumCells(): number {
    return this.cells_().length;
  }
  getNumChildren(): number {
    return this.getNumCells();
  }
  getCell(cellIndex: number): GTableCell {
    const j = checkIndex(cellIndex, this.getNumCells());
    if (this.detached_) {
      const t: TableBlock = { type: "table", rows: [this.detached_.cells] };
      return asGas(new FakeTableCell(this.world, this.session, t, 0, j, () => []));
    }
    return asGas(new FakeTableCell(this.world, this.session, this.table, this.row, j, this.container));
  }
  getChild(childIndex: number): GElement {
    return this.getCell(childIndex) as unknown as GElement;
  }
  appendTableCell(textContents?: unknown): GTableCell {
    edit(this.world, this.session);
    const cells = this.cells_();
    cells.push(cellOf(typeof textContents === "string" ? textContents : ""));
    return this.getCell(cells.length - 1);
  }
  getText(): string {
    return this.cells_().map(cellText).join("\n");
  }
  replaceText(searchPattern: string, replacement: string): GElement {
    const re = re2(searchPattern);
    edit(this.world, this.session);
    for (const c of this.cells_()) for (const p of c.paras) replaceInParagraph(p, re, replacement);
    return asGas(this);
  }
  /** A detached copy of the row, cells and all (insert it with Table.insertTableRow or appendTableRow). */
  copy(): GTableRow {
    const r = new FakeTableRow(this.world, this.session, this.table, this.row, this.container);
    r.detached_ = { cells: this.cells_().map((c) => cloneBlock({ type: "table", rows: [[c]] } as TableBlock).rows[0][0]) };
    return asGas(r);
  }
  removeFromParent(): GTableRow {
    if (this.detached_) return asGas(this);
    edit(this.world, this.session);
    const [cells] = this.table.rows.splice(this.row, 1);
    this.detached_ = { cells };
    return asGas(this);
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return ElementType.TABLE_ROW as unknown as GoogleAppsScript.Document.ElementType;
  }
  getParentTable(): GTable {
    return asGas(new FakeTable(this.world, this.session, this.table, this.container));
  }
}

type TableMethods =
  | "asParagraph" | "asTable" | "getNumRows" | "getRow" | "getCell" | "appendTableRow" | "insertTableRow" | "removeRow" | "getText" | "replaceText"
  | "getType" | "getNumChildren" | "getChild" | "removeFromParent" | "copy" | "setBorderWidth" | "getBorderWidth" | "setColumnWidth" | "getColumnWidth";

export class FakeTable extends Fake implements Pick<GTable, TableMethods> {
  readonly kind = "Table";
  constructor(
    world: World,
    readonly session: Session,
    readonly block: TableBlock,
    readonly container: () => Block[],
  ) {
    super(world);
  }
  asParagraph(): GParagraph {
    return asGas(this);
  }
  asTable(): GTable {
    return asGas(this);
  }
  getNumRows(): number {
    return this.block.rows.length;
  }
  getNumChildren(): number {
    return this.getNumRows();
  }
  getRow(rowIndex: number): GTableRow {
    const i = checkIndex(rowIndex, this.getNumRows());
    return asGas(new FakeTableRow(this.world, this.session, this.block, i, this.container));
  }
  getChild(childIndex: number): GElement {
    return this.getRow(childIndex) as unknown as GElement;
  }
  getCell(rowIndex: number, cellIndex: number): GTableCell {
    return asFake<FakeTableRow>(this.getRow(rowIndex)).getCell(cellIndex);
  }
  /** An empty row (cells are added with TableRow.appendTableCell), or a copied row. */
  appendTableRow(tableRow?: unknown): GTableRow {
    return this.insertTableRow(this.block.rows.length, tableRow);
  }
  insertTableRow(childIndex: number, tableRow?: unknown): GTableRow {
    const i = checkIndex(childIndex, this.block.rows.length, true);
    const source = tableRow instanceof FakeTableRow ? tableRow.cells_() : null;
    edit(this.world, this.session);
    this.block.rows.splice(i, 0, source ? source.map((c) => JSON.parse(JSON.stringify(c)) as CellBlock) : []);
    return asGas(new FakeTableRow(this.world, this.session, this.block, i, this.container));
  }
  removeRow(rowIndex: number): GTableRow {
    const i = checkIndex(rowIndex, this.getNumRows());
    edit(this.world, this.session);
    const [cells] = this.block.rows.splice(i, 1);
    const r = new FakeTableRow(this.world, this.session, this.block, 0, () => []);
    r.detached_ = { cells };
    return asGas(r);
  }
  getText(): string {
    return tableText(this.block);
  }
  replaceText(searchPattern: string, replacement: string): GElement {
    edit(this.world, this.session);
    replaceInBlocks([this.block], searchPattern, replacement);
    return asGas(this);
  }
  setBorderWidth(width: number): GTable {
    const n = points(width, "width");
    edit(this.world, this.session);
    this.block.border = n;
    return asGas(this);
  }
  getBorderWidth(): number {
    return this.block.border ?? 1;
  }
  setColumnWidth(columnIndex: number, width: number): GTable {
    const cols = Math.max(0, ...this.block.rows.map((r) => r.length));
    const j = checkIndex(columnIndex, cols);
    const n = points(width, "width");
    edit(this.world, this.session);
    const widths = this.block.widths ?? Array.from({ length: cols }, () => null);
    widths[j] = n;
    this.block.widths = widths;
    return asGas(this);
  }
  getColumnWidth(columnIndex: number): number {
    return this.block.widths?.[columnIndex] ?? 0;
  }
  copy(): GTable {
    return asGas(new FakeTable(this.world, this.session, cloneBlock(this.block), () => []));
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return ElementType.TABLE as unknown as GoogleAppsScript.Document.ElementType;
  }
  removeFromParent(): GTable {
    const list = this.container();
    const i = list.indexOf(this.block);
    if (i >= 0) {
      edit(this.world, this.session);
      list.splice(i, 1);
    }
    return asGas(this);
  }
}

type Part = "body" | "header" | "footer";
type SectionMethods =
  | "appendParagraph" | "insertParagraph" | "appendTable" | "insertTable" | "appendPageBreak" | "appendHorizontalRule" | "getNumChildren" | "getChild"
  | "getChildIndex" | "removeChild" | "getParagraphs" | "getTables" | "replaceText" | "getText" | "setText" | "clear" | "getType" | "editAsText"
  | "setPageWidth" | "setPageHeight" | "getPageWidth" | "getPageHeight" | "setMarginTop" | "setMarginBottom" | "setMarginLeft" | "setMarginRight"
  | "getMarginTop" | "getMarginBottom" | "getMarginLeft" | "getMarginRight";

/** Body, HeaderSection and FooterSection: the same container of blocks. */
export class FakeSection extends Fake implements Pick<GoogleAppsScript.Document.Body, SectionMethods> {
  readonly kind: string;
  constructor(
    world: World,
    readonly session: Session,
    readonly part: Part,
  ) {
    super(world);
    this.kind = part === "body" ? "Body" : part === "header" ? "HeaderSection" : "FooterSection";
  }

  blocks_(): Block[] {
    const c = this.session.doc.content;
    const list = c?.[this.part];
    if (!list) throw gasError("Document is missing (perhaps it was deleted, or you don't have read access?)");
    return list;
  }

  private holder_(): Holder {
    return { list: () => this.blocks_(), parent: () => asGas(this), keepLast: false };
  }

  element_(b: Block): GElement {
    const container = () => this.blocks_();
    return b.type === "table" ? asGas(new FakeTable(this.world, this.session, b, container)) : asGas(new FakeParagraph(this.world, this.session, b, this.holder_()));
  }

  /** Docs keeps a paragraph after a table that ends the body, so text can follow it. */
  private tableAt_(index: number, cells: unknown): GTable {
    let block: TableBlock;
    if (cells instanceof FakeTable) block = cloneBlock(cells.block);
    else {
      const rows = Array.isArray(cells) ? (cells as unknown[][]).map((r) => (Array.isArray(r) ? r.map((c) => String(c ?? "")) : [String(r)])) : [];
      if (rows.some((r) => r.length === 0)) throw gasError("Invalid argument: cells");
      block = { type: "table", rows: rows.map((r) => r.map(cellOf)) };
    }
    edit(this.world, this.session);
    const list = this.blocks_();
    list.splice(index, 0, block);
    if (index === list.length - 1) list.push(paragraph(""));
    return asGas(new FakeTable(this.world, this.session, block, () => this.blocks_()));
  }

  private paragraphAt_(index: number, p: unknown): GParagraph {
    const source = p instanceof FakeParagraph ? p.block : undefined;
    const block: ParagraphBlock = source ? cloneBlock(source) : paragraph(String(p ?? ""));
    edit(this.world, this.session);
    this.blocks_().splice(index, 0, block);
    return asGas(new FakeParagraph(this.world, this.session, block, this.holder_()));
  }

  appendParagraph(text: unknown): GParagraph {
    return this.paragraphAt_(this.blocks_().length, text);
  }
  insertParagraph(childIndex: number, text: unknown): GParagraph {
    return this.paragraphAt_(checkIndex(childIndex, this.blocks_().length, true), text);
  }
  appendTable(cells?: unknown): GTable {
    return this.tableAt_(this.blocks_().length, cells);
  }
  insertTable(childIndex: number, cells?: unknown): GTable {
    return this.tableAt_(checkIndex(childIndex, this.blocks_().length, true), cells);
  }
  appendPageBreak(): GoogleAppsScript.Document.PageBreak {
    if (this.part !== "body") throw gasError("PageBreak can only be inserted in the body.");
    edit(this.world, this.session);
    const block: ParagraphBlock = { ...paragraph(""), pageBreak: true };
    this.blocks_().push(block);
    return asGas(new FakeParagraph(this.world, this.session, block, this.holder_()));
  }
  /** A rule in a paragraph of its own, as Docs stores it. */
  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    edit(this.world, this.session);
    const block: ParagraphBlock = { ...paragraph(""), hr: true };
    this.blocks_().push(block);
    return asGas(new FakeParagraph(this.world, this.session, block, this.holder_()));
  }
  getNumChildren(): number {
    return this.blocks_().length;
  }
  getChild(childIndex: number): GElement {
    const list = this.blocks_();
    return this.element_(list[checkIndex(childIndex, list.length)]);
  }
  getChildIndex(child: GElement): number {
    const raw = asFake<Fake & { block?: Block }>(child);
    const i = raw.block ? this.blocks_().indexOf(raw.block) : -1;
    if (i < 0) throw gasError("Element does not contain the specified child element.");
    return i;
  }
  removeChild(child: GElement): GoogleAppsScript.Document.Body {
    const i = this.getChildIndex(child);
    lastParagraphGuard(this.blocks_(), i);
    edit(this.world, this.session);
    this.blocks_().splice(i, 1);
    return asGas(this);
  }
  /** Paragraphs of this section (those inside table cells belong to their cells and are not listed). */
  getParagraphs(): GParagraph[] {
    return this.blocks_()
      .filter((b): b is ParagraphBlock => b.type === "paragraph")
      .map((b) => asGas<GParagraph>(new FakeParagraph(this.world, this.session, b, this.holder_())));
  }
  getTables(): GTable[] {
    return this.blocks_()
      .filter((b): b is TableBlock => b.type === "table")
      .map((b) => asGas<GTable>(new FakeTable(this.world, this.session, b, () => this.blocks_())));
  }
  replaceText(searchPattern: string, replacement: string): GElement {
    re2(searchPattern);
    edit(this.world, this.session);
    replaceInBlocks(this.blocks_(), searchPattern, replacement);
    return asGas(this);
  }
  getText(): string {
    return blocksText(this.blocks_());
  }
  setText(text: string): GoogleAppsScript.Document.Body {
    edit(this.world, this.session);
    const list = this.blocks_();
    list.splice(0, list.length, ...blocksFromText(text));
    return asGas(this);
  }
  /** Leaves the one empty paragraph every section keeps. */
  clear(): GoogleAppsScript.Document.Body {
    edit(this.world, this.session);
    const list = this.blocks_();
    list.splice(0, list.length, paragraph(""));
    return asGas(this);
  }
  editAsText(): GText {
    const blocks = this.blocks_();
    const first = blocks.find((b): b is ParagraphBlock => b.type === "paragraph") ?? paragraph("");
    return asGas(new FakeText(this.world, this.session, first));
  }
  private page_(): PageSetup {
    const c = this.session.doc.content ?? emptyContent();
    c.page ??= { ...DEFAULT_PAGE };
    return c.page;
  }
  private setPage_(key: keyof PageSetup, v: unknown, name: string): GoogleAppsScript.Document.Body {
    const n = points(v, name);
    edit(this.world, this.session);
    this.page_()[key] = n;
    return asGas(this);
  }
  setPageWidth(pageWidth: number): GoogleAppsScript.Document.Body {
    return this.setPage_("width", pageWidth, "pageWidth");
  }
  setPageHeight(pageHeight: number): GoogleAppsScript.Document.Body {
    return this.setPage_("height", pageHeight, "pageHeight");
  }
  setMarginTop(marginTop: number): GoogleAppsScript.Document.Body {
    return this.setPage_("top", marginTop, "marginTop");
  }
  setMarginBottom(marginBottom: number): GoogleAppsScript.Document.Body {
    return this.setPage_("bottom", marginBottom, "marginBottom");
  }
  setMarginLeft(marginLeft: number): GoogleAppsScript.Document.Body {
    return this.setPage_("left", marginLeft, "marginLeft");
  }
  setMarginRight(marginRight: number): GoogleAppsScript.Document.Body {
    return this.setPage_("right", marginRight, "marginRight");
  }
  getPageWidth(): number {
    return this.page_().width;
  }
  getPageHeight(): number {
    return this.page_().height;
  }
  getMarginTop(): number {
    return this.page_().top;
  }
  getMarginBottom(): number {
    return this.page_().bottom;
  }
  getMarginLeft(): number {
    return this.page_().left;
  }
  getMarginRight(): number {
    return this.page_().right;
  }
  getType(): GoogleAppsScript.Document.ElementType {
    const t = this.part === "body" ? "BODY_SECTION" : this.part === "header" ? "HEADER_SECTION" : "FOOTER_SECTION";
    return t as unknown as GoogleAppsScript.Document.ElementType;
  }
}

type DocumentMethods =
  | "getId" | "getName" | "setName" | "getUrl" | "getBody" | "getHeader" | "getFooter" | "addHeader" | "addFooter" | "saveAndClose" | "getAs" | "getBlob";

export class FakeDocument extends Fake implements Pick<GoogleAppsScript.Document.Document, DocumentMethods> {
  readonly kind = "Document";
  readonly session: Session;
  constructor(world: World, doc: DocRecord) {
    super(world);
    this.session = { doc, closed: false };
  }
  get doc(): DocRecord {
    return this.session.doc;
  }
  private content_() {
    this.doc.content ??= emptyContent();
    return this.doc.content;
  }
  getId(): string {
    return this.doc.id;
  }
  getName(): string {
    return this.doc.name;
  }
  setName(name: string): GoogleAppsScript.Document.Document {
    this.doc.name = String(name);
    return asGas(this);
  }
  getUrl(): string {
    return `https://docs.google.com/document/d/${this.doc.id}/edit`;
  }
  getBody(): GoogleAppsScript.Document.Body {
    this.content_();
    return asGas(new FakeSection(this.world, this.session, "body"));
  }
  getHeader(): GoogleAppsScript.Document.HeaderSection {
    return (this.content_().header ? asGas(new FakeSection(this.world, this.session, "header")) : null) as GoogleAppsScript.Document.HeaderSection;
  }
  getFooter(): GoogleAppsScript.Document.FooterSection {
    return (this.content_().footer ? asGas(new FakeSection(this.world, this.session, "footer")) : null) as GoogleAppsScript.Document.FooterSection;
  }
  /** Adds the header if there is none; a new header holds one empty paragraph, like a new body. */
  addHeader(): GoogleAppsScript.Document.HeaderSection {
    const c = this.content_();
    if (!c.header) {
      edit(this.world, this.session);
      c.header = [paragraph("")];
    }
    return asGas(new FakeSection(this.world, this.session, "header"));
  }
  addFooter(): GoogleAppsScript.Document.FooterSection {
    const c = this.content_();
    if (!c.footer) {
      edit(this.world, this.session);
      c.footer = [paragraph("")];
    }
    return asGas(new FakeSection(this.world, this.session, "footer"));
  }
  saveAndClose(): void {
    this.session.closed = true;
  }
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    return asGas(blobAs(this.world, this.doc, contentType));
  }
  /** A Google Doc's blob is its PDF. */
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.getAs(PDF_MIME);
  }
}

const DRIVE_ID = /^[\w-]{25,}$/;
const MISSING = "Document is missing (perhaps it was deleted, or you don't have read access?)";

export class FakeDocumentApp extends Fake implements Pick<GoogleAppsScript.Document.DocumentApp, "create" | "openById" | "openByUrl" | "getActiveDocument"> {
  readonly kind = "DocumentApp";
  readonly ParagraphHeading = ParagraphHeading as unknown as D["ParagraphHeading"];
  readonly HorizontalAlignment = HorizontalAlignment as unknown as D["HorizontalAlignment"];
  readonly ElementType = ElementType as unknown as D["ElementType"];
  readonly Attribute = Attribute as unknown as D["Attribute"];

  /** In the root of the user's My Drive, owned by them (and created by the script, so drive.file reaches it). */
  create(name: string): GoogleAppsScript.Document.Document {
    const doc = newRecord(this.world, { name: String(name), mimeType: DOC_MIME, content: emptyContent() });
    return asGas(new FakeDocument(this.world, doc));
  }
  /**
   * The documents scope opens any Doc the user can read (owner or shared with them); a well-formed id that names no
   * such Doc is "Document is missing"; anything else fails before the lookup.
   */
  openById(id: string): GoogleAppsScript.Document.Document {
    const doc = this.world.documents.get(String(id));
    if (doc?.mimeType === DOC_MIME && !doc.trashed && canRead(this.world, doc)) return asGas(new FakeDocument(this.world, doc));
    if (DRIVE_ID.test(String(id))) throw gasError(MISSING);
    throw gasError("Unexpected error while getting the method or property openById on object DocumentApp.");
  }
  openByUrl(url: string): GoogleAppsScript.Document.Document {
    const id = /\/d\/([\w-]+)/.exec(String(url))?.[1];
    if (!id) throw gasError("Invalid argument: url");
    return this.openById(id);
  }
  /** Alur's script is bound to a spreadsheet, not a document. */
  getActiveDocument(): GoogleAppsScript.Document.Document {
    return null as unknown as GoogleAppsScript.Document.Document;
  }
}

export { cellText, type TextStyle };
