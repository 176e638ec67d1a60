// Reads templates/*.txt (a small line-based markup) into TemplateSpec blocks; runs at build time and in tests, not in Code.js.
import type { Align, BlockSpec, CellSpec, ParaSpec, Run, TableSpec, TemplateSpec } from "./template-spec";

/*
 * One block per line:
 *   # comment                         dropped
 *   :: key value                      metadata: nama, ttd (signer role), an (on behalf of role)
 *   (blank)                           an empty paragraph
 *   ---                               a horizontal rule
 *   [halaman]                         a page break
 *   [attrs] text                      a paragraph with attributes
 *   text                              a paragraph
 *   [tabel lebar=20,3,77 garis=0]     starts a table (widths in shares of the line, border in points)
 *   | cell | [tengah tebal] cell |    a row; a cell may start with attributes; " \\ " breaks a cell into paragraphs
 *   [/tabel]                          ends it
 * A backslash keeps the next character as it is (\\* is a star, not bold).
 * Attributes: kiri, tengah, kanan, rata (justify), tebal (bold), garis-bawah, miring, ukuran=N (pt),
 * inden=N (cm, left indent), baris-pertama=N (cm, where the first line starts, as Docs counts it), sebelum=N (pt), sesudah=N (pt). Inline: **tebal**, __garis bawah__, //miring//.
 */

const CM = 72 / 2.54;

interface Attrs {
  align?: Align;
  b?: boolean;
  u?: boolean;
  i?: boolean;
  size?: number;
  indent?: number;
  first?: number;
  before?: number;
  after?: number;
  widths?: number[];
  border?: number;
}

const ALIGN: Record<string, Align> = { kiri: "L", tengah: "C", kanan: "R", rata: "J" };

function parseAttrs(s: string, where: string): Attrs {
  const a: Attrs = {};
  for (const word of s.trim().split(/\s+/).filter(Boolean)) {
    const [k, v] = word.split("=");
    const n = Number(String(v ?? "").replace(",", "."));
    if (k in ALIGN) a.align = ALIGN[k];
    else if (k === "tebal") a.b = true;
    else if (k === "garis-bawah") a.u = true;
    else if (k === "miring") a.i = true;
    else if (k === "ukuran" && n > 0) a.size = n;
    else if (k === "inden" && n >= 0) a.indent = Math.round(n * CM * 10) / 10;
    else if (k === "baris-pertama" && n >= 0) a.first = Math.round(n * CM * 10) / 10;
    else if (k === "sebelum" && n >= 0) a.before = n;
    else if (k === "sesudah" && n >= 0) a.after = n;
    else if (k === "lebar" && v) a.widths = v.split(",").map(Number);
    else if (k === "garis" && n >= 0) a.border = n;
    else throw new Error(`${where}: atribut "${word}" tidak dikenal`);
  }
  return a;
}

/** Inline marks: **bold**, __underline__, //italic//, possibly nested; whole-paragraph marks apply to every run. */
export function parseRuns(text: string, base: { b?: boolean; u?: boolean; i?: boolean } = {}): Run[] {
  const runs: Run[] = [];
  const on = { b: !!base.b, u: !!base.u, i: !!base.i };
  let cur = "";
  const push = () => {
    if (!cur) return;
    const r: Run = { t: cur };
    if (on.b) r.b = 1;
    if (on.u) r.u = 1;
    if (on.i) r.i = 1;
    const last = runs[runs.length - 1];
    if (last && !!last.b === !!r.b && !!last.u === !!r.u && !!last.i === !!r.i) last.t += cur;
    else runs.push(r);
    cur = "";
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\" && i + 1 < text.length) {
      cur += text[++i];
      continue;
    }
    const two = text.slice(i, i + 2);
    // "//" inside a link-like text (http://) is not italics.
    const mark = two === "**" ? "b" : two === "__" ? "u" : two === "//" && text[i - 1] !== ":" ? "i" : null;
    if (mark) {
      push();
      on[mark] = !on[mark];
      i++;
    } else cur += text[i];
  }
  push();
  return runs.length ? runs : [{ t: "" }];
}

function attrsPrefix(line: string, where: string): { attrs: Attrs; rest: string } {
  const m = /^\[([^\]]*)\]\s?(.*)$/.exec(line);
  if (!m || /^\/?tabel\b/.test(m[1]) || m[1] === "halaman") return { attrs: {}, rest: line };
  return { attrs: parseAttrs(m[1], where), rest: m[2] };
}

function paragraph(line: string, where: string): ParaSpec {
  const { attrs, rest } = attrsPrefix(line, where);
  return paragraphOf(attrs, rest);
}

function paragraphOf(attrs: Attrs, rest: string): ParaSpec {
  const p: ParaSpec = { k: "p", runs: parseRuns(rest, attrs) };
  if (attrs.align && attrs.align !== "L") p.align = attrs.align;
  if (attrs.size) p.size = attrs.size;
  if (attrs.indent) p.indent = attrs.indent;
  if (attrs.first) p.first = attrs.first;
  if (attrs.before) p.before = attrs.before;
  if (attrs.after) p.after = attrs.after;
  return p;
}

/** A cell: " \\\\ " separates its paragraphs; the first paragraph's attributes apply to all, a later one may set its own. */
function cell(text: string, where: string): CellSpec {
  const parts = text.trim().split(/\s*\\\\\s*/);
  const first = attrsPrefix(parts[0], where).attrs;
  return {
    paras: parts.map((part, i) => {
      const { attrs, rest } = attrsPrefix(part, where);
      return paragraphOf(i === 0 ? attrs : { ...first, ...attrs }, rest);
    }),
  };
}

export function parseTemplate(id: string, source: string): TemplateSpec {
  const spec: TemplateSpec = { id, name: id, signer: "", onBehalfOf: "", blocks: [] };
  let table: TableSpec | null = null;
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  lines.forEach((raw, i) => {
    const where = `templates/${id}.txt baris ${i + 1}`;
    const line = raw.replace(/\s+$/, "");
    if (line.startsWith("#")) return;
    if (table) {
      if (line === "[/tabel]") {
        const cols = Math.max(...table.rows.map((r) => r.length));
        if (table.widths.length !== cols) throw new Error(`${where}: tabel punya ${cols} kolom tetapi lebar=${table.widths.join(",")}`);
        spec.blocks.push(table);
        table = null;
      } else if (line.startsWith("|")) {
        table.rows.push(line.replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => cell(c, where)));
      } else if (line.trim()) throw new Error(`${where}: baris tabel harus diawali "|"`);
      return;
    }
    const meta = /^::\s*(\S+)\s*(.*)$/.exec(line);
    if (meta) {
      if (meta[1] === "nama") spec.name = meta[2].trim();
      else if (meta[1] === "ttd") spec.signer = meta[2].trim();
      else if (meta[1] === "an") spec.onBehalfOf = meta[2].trim();
      else throw new Error(`${where}: metadata "${meta[1]}" tidak dikenal`);
      return;
    }
    const t = /^\[tabel\s*([^\]]*)\]$/.exec(line);
    if (t) {
      const a = parseAttrs(t[1], where);
      table = { k: "t", widths: a.widths ?? [100], border: a.border ?? 1, rows: [] };
      return;
    }
    if (line === "---") spec.blocks.push({ k: "hr" });
    else if (line === "[halaman]") spec.blocks.push({ k: "br" });
    else spec.blocks.push(paragraph(line, where) as BlockSpec);
  });
  if (table) throw new Error(`templates/${id}.txt: tabel tidak ditutup dengan [/tabel]`);
  return spec;
}
