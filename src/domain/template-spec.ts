// A letter template as data: the blocks setup lays out in a Google Doc (made at build time from templates/*.txt).

export type Align = "L" | "C" | "R" | "J";

/** A run of text; "\n" inside a table cell starts a new paragraph of the cell. */
export interface Run {
  t: string;
  b?: 1;
  u?: 1;
  i?: 1;
}

export interface ParaSpec {
  k: "p";
  runs: Run[];
  align?: Align;
  /** Font size in points (the letter's size when absent). */
  size?: number;
  /** Start indent and first-line indent, in points. */
  indent?: number;
  first?: number;
  /** Space before and after, in points. */
  before?: number;
  after?: number;
}

/** A table cell: its paragraphs (a cell always has at least one). */
export interface CellSpec {
  paras: ParaSpec[];
}

export interface TableSpec {
  k: "t";
  /** Column widths as shares of the text width (they add up to 100). */
  widths: number[];
  /** Border width in points: 0 for a layout table. */
  border: number;
  rows: CellSpec[][];
}

export type BlockSpec = ParaSpec | TableSpec | { k: "hr" } | { k: "br" };

export interface TemplateSpec {
  id: string;
  /** The Doc's name in the Templat folder. */
  name: string;
  /** The role whose holder signs ({{ttd.*}}); "" when the template has no main signer. */
  signer: string;
  /** The role on whose behalf the signer signs ("a.n."), when not the signer's own. */
  onBehalfOf: string;
  blocks: BlockSpec[];
}

/** Every template and the kop (letterhead) they insert where a paragraph holds only {{kop}}. */
export interface TemplateBundle {
  kop: TemplateSpec;
  templates: TemplateSpec[];
}

/** The placeholders a text holds, in order of first appearance, without braces ("surat.nomor", "?ttd.an", …). */
export function placeholdersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) if (!out.includes(m[1])) out.push(m[1]);
  return out;
}

export function specText(blocks: readonly BlockSpec[]): string {
  const runs = (r: Run[]) => r.map((x) => x.t).join("");
  return blocks
    .map((b) => (b.k === "p" ? runs(b.runs) : b.k === "t" ? b.rows.map((row) => row.map((c) => c.paras.map((p) => runs(p.runs)).join("\n")).join("\n")).join("\n") : ""))
    .join("\n");
}
