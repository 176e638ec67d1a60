// DocumentApp: Documents with a body, header and footer of paragraphs, tables and page breaks, kept as plain data.
import { ALIGNMENTS, type Align, type Block, HEADINGS, type Heading, type ParagraphBlock, type TableBlock, blocksFromText, blocksText, emptyContent, paragraph, re2, replaceInBlocks, tableText } from "./doc-model";
import { DOC_MIME, type DocRecord, PDF_MIME, blobAs, newRecord } from "./drive-record";
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
export const ElementType = enumOf(["BODY_SECTION", "HEADER_SECTION", "FOOTER_SECTION", "PARAGRAPH", "TABLE", "TABLE_ROW", "TABLE_CELL", "TEXT", "PAGE_BREAK", "LIST_ITEM", "UNSUPPORTED"] as const);

/** One opened Document: after saveAndClose its elements may no longer change it. */
interface Session {
  doc: DocRecord;
  closed: boolean;
}

function edit(world: World, s: Session): void {
  if (s.closed) throw gasError("Document is closed, its contents cannot be updated.");
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

/** Where a Text element's characters live: a paragraph, or one table cell. */
interface TextHolder {
  get(): string;
  set(s: string): void;
}

type TextMethods = "getText" | "setText" | "appendText" | "insertText" | "deleteText" | "replaceText" | "isAtDocumentEnd" | "getType";

class FakeText extends Fake implements Pick<GText, Exclude<TextMethods, "isAtDocumentEnd">> {
  readonly kind = "Text";
  constructor(
    world: World,
    readonly session: Session,
    readonly holder: TextHolder,
  ) {
    super(world);
  }
  getText(): string {
    return this.holder.get();
  }
  setText(text: string): GText {
    edit(this.world, this.session);
    this.holder.set(String(text));
    return asGas(this);
  }
  appendText(text: string): GText {
    edit(this.world, this.session);
    this.holder.set(this.holder.get() + String(text));
    return asGas(this);
  }
  insertText(offset: number, text: string): GText {
    const s = this.holder.get();
    if (!(offset >= 0 && offset <= s.length)) throw gasError("Invalid argument: offset");
    edit(this.world, this.session);
    this.holder.set(s.slice(0, offset) + String(text) + s.slice(offset));
    return asGas(this);
  }
  /** Both offsets inclusive, as in Apps Script. */
  deleteText(startOffset: number, endOffsetInclusive: number): GText {
    const s = this.holder.get();
    if (!(startOffset >= 0 && endOffsetInclusive >= startOffset && endOffsetInclusive < s.length)) throw gasError("Invalid argument: endOffsetInclusive");
    edit(this.world, this.session);
    this.holder.set(s.slice(0, startOffset) + s.slice(endOffsetInclusive + 1));
    return asGas(this);
  }
  replaceText(searchPattern: string, replacement: string): GElement {
    const re = re2(searchPattern);
    edit(this.world, this.session);
    this.holder.set(this.holder.get().replace(re, () => String(replacement)));
    return asGas(this);
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return ElementType.TEXT as unknown as GoogleAppsScript.Document.ElementType;
  }
}

type ParagraphMethods =
  | "getText" | "setText" | "appendText" | "editAsText" | "replaceText" | "getType" | "clear"
  | "setHeading" | "getHeading" | "setAlignment" | "getAlignment" | "removeFromParent" | "getNumChildren" | "asParagraph" | "asTable";

export class FakeParagraph extends Fake implements Pick<GParagraph, ParagraphMethods> {
  readonly kind = "Paragraph";
  constructor(
    world: World,
    readonly session: Session,
    readonly block: ParagraphBlock,
    readonly container: () => Block[],
  ) {
    super(world);
  }
  private holder_(): TextHolder {
    return { get: () => this.block.text, set: (s) => (this.block.text = s) };
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
    this.block.text = String(text);
    return asGas(this);
  }
  /** Returns the new Text element, not the paragraph. */
  appendText(text: unknown): GText {
    edit(this.world, this.session);
    this.block.text += text instanceof FakeText ? text.getText() : String(text);
    return asGas(new FakeText(this.world, this.session, this.holder_()));
  }
  editAsText(): GText {
    return asGas(new FakeText(this.world, this.session, this.holder_()));
  }
  replaceText(searchPattern: string, replacement: string): GElement {
    const re = re2(searchPattern);
    edit(this.world, this.session);
    this.block.text = this.block.text.replace(re, () => String(replacement));
    return asGas(this);
  }
  clear(): GParagraph {
    edit(this.world, this.session);
    this.block.text = "";
    return asGas(this);
  }
  getNumChildren(): number {
    return this.block.text || this.block.pageBreak ? 1 : 0;
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
  getType(): GoogleAppsScript.Document.ElementType {
    return ElementType.PARAGRAPH as unknown as GoogleAppsScript.Document.ElementType;
  }
  removeFromParent(): GParagraph {
    const list = this.container();
    const i = list.indexOf(this.block);
    if (i >= 0) {
      edit(this.world, this.session);
      list.splice(i, 1);
    }
    return asGas(this);
  }
}

class FakeTableCell extends Fake implements Pick<GTableCell, "getText" | "setText" | "editAsText" | "replaceText" | "getType" | "clear" | "getParentRow"> {
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
  private holder_(): TextHolder {
    return { get: () => this.table.rows[this.row][this.col], set: (s) => (this.table.rows[this.row][this.col] = s) };
  }
  getText(): string {
    return this.table.rows[this.row][this.col];
  }
  setText(text: string): GTableCell {
    edit(this.world, this.session);
    this.holder_().set(String(text));
    return asGas(this);
  }
  editAsText(): GText {
    return asGas(new FakeText(this.world, this.session, this.holder_()));
  }
  replaceText(searchPattern: string, replacement: string): GElement {
    const re = re2(searchPattern);
    edit(this.world, this.session);
    this.holder_().set(this.getText().replace(re, () => String(replacement)));
    return asGas(this);
  }
  clear(): GTableCell {
    return this.setText("");
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return ElementType.TABLE_CELL as unknown as GoogleAppsScript.Document.ElementType;
  }
  getParentRow(): GTableRow {
    return asGas(new FakeTableRow(this.world, this.session, this.table, this.row, this.container));
  }
}

class FakeTableRow extends Fake implements Pick<GTableRow, "getNumCells" | "getCell" | "appendTableCell" | "getText" | "replaceText" | "getType" | "getParentTable" | "getNumChildren" | "getChild"> {
  readonly kind = "TableRow";
  constructor(
    world: World,
    readonly session: Session,
    readonly table: TableBlock,
    readonly row: number,
    readonly container: () => Block[],
  ) {
    super(world);
  }
  getNumCells(): number {
    return this.table.rows[this.row].length;
  }
  getNumChildren(): number {
    return this.getNumCells();
  }
  getCell(cellIndex: number): GTableCell {
    const j = checkIndex(cellIndex, this.getNumCells());
    return asGas(new FakeTableCell(this.world, this.session, this.table, this.row, j, this.container));
  }
  getChild(childIndex: number): GElement {
    return this.getCell(childIndex) as unknown as GElement;
  }
  appendTableCell(textContents?: unknown): GTableCell {
    edit(this.world, this.session);
    const cells = this.table.rows[this.row];
    cells.push(typeof textContents === "string" ? textContents : "");
    return asGas(new FakeTableCell(this.world, this.session, this.table, this.row, cells.length - 1, this.container));
  }
  getText(): string {
    return this.table.rows[this.row].join("\n");
  }
  replaceText(searchPattern: string, replacement: string): GElement {
    const re = re2(searchPattern);
    edit(this.world, this.session);
    this.table.rows[this.row] = this.table.rows[this.row].map((c) => c.replace(re, () => String(replacement)));
    return asGas(this);
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return ElementType.TABLE_ROW as unknown as GoogleAppsScript.Document.ElementType;
  }
  getParentTable(): GTable {
    return asGas(new FakeTable(this.world, this.session, this.table, this.container));
  }
}

type TableMethods = "asParagraph" | "asTable" | "getNumRows" | "getRow" | "getCell" | "appendTableRow" | "removeRow" | "getText" | "replaceText" | "getType" | "getNumChildren" | "getChild" | "removeFromParent";

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
  /** An empty row: its cells are added with TableRow.appendTableCell. */
  appendTableRow(): GTableRow {
    edit(this.world, this.session);
    this.block.rows.push([]);
    return asGas(new FakeTableRow(this.world, this.session, this.block, this.block.rows.length - 1, this.container));
  }
  removeRow(rowIndex: number): GTableRow {
    const i = checkIndex(rowIndex, this.getNumRows());
    edit(this.world, this.session);
    const [cells] = this.block.rows.splice(i, 1);
    return asGas(new FakeTableRow(this.world, this.session, { type: "table", rows: [cells] }, 0, () => []));
  }
  getText(): string {
    return tableText(this.block);
  }
  replaceText(searchPattern: string, replacement: string): GElement {
    edit(this.world, this.session);
    replaceInBlocks([this.block], searchPattern, replacement);
    return asGas(this);
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
  | "appendParagraph" | "insertParagraph" | "appendTable" | "insertTable" | "appendPageBreak" | "getNumChildren" | "getChild" | "getChildIndex"
  | "removeChild" | "getParagraphs" | "getTables" | "replaceText" | "getText" | "setText" | "clear" | "getType" | "editAsText";

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

  element_(b: Block): GElement {
    const container = () => this.blocks_();
    return b.type === "table" ? asGas(new FakeTable(this.world, this.session, b, container)) : asGas(new FakeParagraph(this.world, this.session, b, container));
  }

  /** Docs keeps a paragraph after a table that ends the body, so text can follow it. */
  private tableAt_(index: number, cells: unknown): GTable {
    const rows = Array.isArray(cells) ? (cells as unknown[][]).map((r) => (Array.isArray(r) ? r.map((c) => String(c ?? "")) : [String(r)])) : [];
    if (rows.some((r) => r.length === 0)) throw gasError("Invalid argument: cells");
    edit(this.world, this.session);
    const list = this.blocks_();
    const block: TableBlock = { type: "table", rows };
    list.splice(index, 0, block);
    if (index === list.length - 1) list.push(paragraph(""));
    return asGas(new FakeTable(this.world, this.session, block, () => this.blocks_()));
  }

  private paragraphAt_(index: number, p: unknown): GParagraph {
    const source = p instanceof FakeParagraph ? p.block : undefined;
    const block: ParagraphBlock = source ? { ...source } : paragraph(String(p ?? ""));
    edit(this.world, this.session);
    this.blocks_().splice(index, 0, block);
    return asGas(new FakeParagraph(this.world, this.session, block, () => this.blocks_()));
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
    return asGas(new FakeParagraph(this.world, this.session, block, () => this.blocks_()));
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
    edit(this.world, this.session);
    this.blocks_().splice(i, 1);
    return asGas(this);
  }
  /** Paragraphs of this section (those inside table cells are plain text here and not listed). */
  getParagraphs(): GParagraph[] {
    return this.blocks_()
      .filter((b): b is ParagraphBlock => b.type === "paragraph")
      .map((b) => asGas<GParagraph>(new FakeParagraph(this.world, this.session, b, () => this.blocks_())));
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
    return asGas(new FakeText(this.world, this.session, { get: () => this.getText(), set: (s) => this.setText(s) }));
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

export class FakeDocumentApp extends Fake implements Pick<GoogleAppsScript.Document.DocumentApp, "create" | "openById" | "openByUrl" | "getActiveDocument"> {
  readonly kind = "DocumentApp";
  readonly ParagraphHeading = ParagraphHeading as unknown as D["ParagraphHeading"];
  readonly HorizontalAlignment = HorizontalAlignment as unknown as D["HorizontalAlignment"];
  readonly ElementType = ElementType as unknown as D["ElementType"];

  create(name: string): GoogleAppsScript.Document.Document {
    const doc = newRecord(this.world, { name: String(name), mimeType: DOC_MIME, content: emptyContent() });
    return asGas(new FakeDocument(this.world, doc));
  }
  /** A well-formed id that names no Doc is "Document is missing"; anything else fails before the lookup. */
  openById(id: string): GoogleAppsScript.Document.Document {
    const doc = this.world.documents.get(String(id));
    if (doc?.mimeType === DOC_MIME) return asGas(new FakeDocument(this.world, doc));
    if (DRIVE_ID.test(String(id))) throw gasError("Document is missing (perhaps it was deleted, or you don't have read access?)");
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
