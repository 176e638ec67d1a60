// A Google Doc as plain, serializable data (header, body, footer of paragraphs and tables) and the text operations on it.
import { gasError } from "./errors";

export const HEADINGS = ["NORMAL", "HEADING1", "HEADING2", "HEADING3", "HEADING4", "HEADING5", "HEADING6", "TITLE", "SUBTITLE"] as const;
export const ALIGNMENTS = ["LEFT", "CENTER", "RIGHT", "JUSTIFY"] as const;
export type Heading = (typeof HEADINGS)[number];
export type Align = (typeof ALIGNMENTS)[number];

export interface ParagraphBlock {
  type: "paragraph";
  text: string;
  heading?: Heading;
  align?: Align;
  /** Body.appendPageBreak puts the break in a paragraph of its own, which is how Docs stores it. */
  pageBreak?: boolean;
}
export interface TableBlock {
  type: "table";
  rows: string[][];
}
export type Block = ParagraphBlock | TableBlock;

/** Header and footer exist only once added (Document.getHeader is null before addHeader). */
export interface DocContent {
  header: Block[] | null;
  body: Block[];
  footer: Block[] | null;
}

export const paragraph = (text: string): ParagraphBlock => ({ type: "paragraph", text });

/** A new Google Doc's body holds one empty paragraph, so appendParagraph adds a second child. */
export function emptyContent(): DocContent {
  return { header: null, body: [paragraph("")], footer: null };
}

/** Text lines of a table: every cell is a paragraph of its own. */
export function tableText(t: TableBlock): string {
  return t.rows.map((r) => r.join("\n")).join("\n");
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

/**
 * Element.replaceText: the pattern is matched against each text block (paragraph, table cell) on its own, so a
 * match never spans two paragraphs. The replacement is inserted as written ("$1" stays "$1").
 */
export function replaceInBlocks(blocks: Block[], searchPattern: string, replacement: string): void {
  const re = re2(searchPattern);
  const swap = (s: string) => s.replace(re, () => String(replacement));
  for (const b of blocks) {
    if (b.type === "paragraph") b.text = swap(b.text);
    else b.rows = b.rows.map((r) => r.map(swap));
  }
}
