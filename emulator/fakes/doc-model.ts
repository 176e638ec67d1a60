// A Google Doc as plain, serializable data (page, header, body, footer of paragraphs and tables) and the text operations on it.
import { gasError } from "./errors";

export const HEADINGS = ["NORMAL", "HEADING1", "HEADING2", "HEADING3", "HEADING4", "HEADING5", "HEADING6", "TITLE", "SUBTITLE"] as const;
export const ALIGNMENTS = ["LEFT", "CENTER", "RIGHT", "JUSTIFY"] as const;
export type Heading = (typeof HEADINGS)[number];
export type Align = (typeof ALIGNMENTS)[number];

/** Character attributes (DocumentApp.Attribute BOLD, ITALIC, UNDERLINE, FONT_FAMILY, FONT_SIZE). */
export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  font?: string;
  size?: number;
}

/** Attributes of the characters [start, end) of a paragraph's text. */
export type Span = [start: number, end: number, style: TextStyle];

export interface ParagraphBlock {
  type: "paragraph";
  text: string;
  heading?: Heading;
  align?: Align;
  /** Body.appendPageBreak puts the break in a paragraph of its own, which is how Docs stores it. */
  pageBreak?: boolean;
  /** A horizontal rule (Docs keeps it inside a paragraph). */
  hr?: boolean;
  /** Indents and spacing in points; line spacing as a multiple (1 = single). */
  indentStart?: number;
  indentFirst?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  lineSpacing?: number;
  /** The paragraph's own character attributes (what an empty paragraph's line is measured with). */
  style?: TextStyle;
  spans?: Span[];
}

/** A table cell holds paragraphs, as in Docs (it always keeps at least one). */
export interface CellBlock {
  paras: ParagraphBlock[];
  /** Padding in points: top, right, bottom, left. */
  padding?: [number, number, number, number];
}

export interface TableBlock {
  type: "table";
  rows: CellBlock[][];
  /** Border width in points (Docs' default is 1); 0 draws none. */
  border?: number;
  /** Column widths in points; null where Docs shares the rest of the width. */
  widths?: (number | null)[];
}
export type Block = ParagraphBlock | TableBlock;

/** Page size and margins in points (a new Doc: US Letter with 1-inch margins). */
export interface PageSetup {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export const DEFAULT_PAGE: PageSetup = { width: 595.28, height: 841.89, top: 72, bottom: 72, left: 72, right: 72 };

/** Header and footer exist only once added (Document.getHeader is null before addHeader). */
export interface DocContent {
  header: Block[] | null;
  body: Block[];
  footer: Block[] | null;
  page?: PageSetup;
}

export const paragraph = (text: string): ParagraphBlock => ({ type: "paragraph", text });

export const cellOf = (text: string): CellBlock => ({ paras: String(text).split(/\r?\n/).map(paragraph) });

export const cellText = (c: CellBlock): string => c.paras.map((p) => p.text).join("\n");

/** A new Google Doc's body holds one empty paragraph, so appendParagraph adds a second child. */
export function emptyContent(): DocContent {
  return { header: null, body: [paragraph("")], footer: null };
}

/** Text lines of a table: every cell paragraph is a line of its own. */
export function tableText(t: TableBlock): string {
  return t.rows.map((r) => r.map(cellText).join("\n")).join("\n");
}

export function blockText(b: Block): string {
  return b.type === "table" ? tableText(b) : b.text;
}

/** Element.getText of a container: its children's text, one per line. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks.map(blockText).join("\n");
}

/** Body.setText: each line of the text becomes a paragraph (an empty text leaves one empty paragraph). */
export function blocksFromText(text: string): Block[] {
  return String(text)
    .split(/\r?\n/)
    .map((line) => paragraph(line));
}

export function cloneContent(c: DocContent): DocContent {
  return JSON.parse(JSON.stringify(c)) as DocContent;
}

export function cloneBlock<T extends Block>(b: T): T {
  return JSON.parse(JSON.stringify(b)) as T;
}

/** Snapshots saved before cells held paragraphs kept each cell as a string. */
export function normalizeContent(c: DocContent): DocContent {
  const fix = (blocks: Block[] | null) => {
    for (const b of blocks ?? []) if (b.type === "table") b.rows = b.rows.map((r) => r.map((cell) => (typeof cell === "string" ? cellOf(cell) : cell)));
  };
  fix(c.header);
  fix(c.body);
  fix(c.footer);
  return c;
}

/** RE2 has no lookaround and no backreferences; it does take leading inline flags such as (?i). */
export function re2(pattern: string): RegExp {
  let source = String(pattern);
  let flags = "g";
  const inline = /^\(\?([imsU]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    if (inline[1].includes("i")) flags += "i";
    if (inline[1].includes("s")) flags += "s";
    if (inline[1].includes("m")) flags += "m";
  }
  if (/\(\?<?[=!]/.test(source) || /\\[1-9]/.test(source)) throw gasError(`Invalid regular expression pattern ${pattern}`);
  try {
    return new RegExp(source, flags);
  } catch {
    throw gasError(`Invalid regular expression pattern ${pattern}`);
  }
}

const sameStyle = (a: TextStyle, b: TextStyle) => JSON.stringify(a) === JSON.stringify(b);

/** The attributes of each character (spans expanded), for edits that move characters. */
function perChar(p: ParagraphBlock): TextStyle[] {
  const out: TextStyle[] = Array.from({ length: p.text.length }, () => ({}));
  for (const [s, e, st] of p.spans ?? []) for (let i = Math.max(0, s); i < Math.min(e, out.length); i++) out[i] = { ...out[i], ...st };
  return out;
}

function compress(styles: TextStyle[]): Span[] {
  const spans: Span[] = [];
  styles.forEach((st, i) => {
    if (!Object.keys(st).length) return;
    const last = spans[spans.length - 1];
    if (last && last[1] === i && sameStyle(last[2], st)) last[1] = i + 1;
    else spans.push([i, i + 1, { ...st }]);
  });
  return spans;
}

/**
 * Replaces `count` characters at `at` with `insert`. Inserted characters take the attributes of the first character
 * replaced (or of the one before an insertion point), as Docs does.
 */
export function spliceText(p: ParagraphBlock, at: number, count: number, insert: string): void {
  const styles = perChar(p);
  const like = styles[count > 0 ? at : at - 1] ?? styles[at] ?? {};
  styles.splice(at, count, ...Array.from({ length: insert.length }, () => ({ ...like })));
  p.text = p.text.slice(0, at) + insert + p.text.slice(at + count);
  const spans = compress(styles);
  if (spans.length) p.spans = spans;
  else delete p.spans;
}

/** Sets attributes on the characters [start, end] (inclusive, as Text.setBold(start, end, …) counts). */
export function styleRange(p: ParagraphBlock, start: number, endInclusive: number, patch: TextStyle): void {
  const styles = perChar(p);
  for (let i = start; i <= endInclusive && i < styles.length; i++) styles[i] = { ...styles[i], ...patch };
  const spans = compress(styles);
  if (spans.length) p.spans = spans;
  else delete p.spans;
}

/** The attributes of a character: the paragraph's own, then the span's. */
export function styleAt(p: ParagraphBlock, i: number): TextStyle {
  const span = (p.spans ?? []).find(([s, e]) => i >= s && i < e);
  return { ...p.style, ...span?.[2] };
}

/** Replaces every match of a pattern in one paragraph (matches never span two paragraphs); the replacement is literal. */
export function replaceInParagraph(p: ParagraphBlock, re: RegExp, replacement: string): void {
  const matches = [...p.text.matchAll(new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`))].filter((m) => m[0].length > 0);
  for (let k = matches.length - 1; k >= 0; k--) spliceText(p, matches[k].index ?? 0, matches[k][0].length, String(replacement));
}

/** Element.replaceText: the pattern is matched against each paragraph (body and table cells) on its own. */
export function replaceInBlocks(blocks: Block[], searchPattern: string, replacement: string): void {
  const re = re2(searchPattern);
  for (const b of blocks) {
    if (b.type === "paragraph") replaceInParagraph(b, re, replacement);
    else for (const row of b.rows) for (const cell of row) for (const p of cell.paras) replaceInParagraph(p, re, replacement);
  }
}
