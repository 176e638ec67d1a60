// Documents as PDF, synchronously and in pure JavaScript: Helvetica metrics from pdf-lib's standard fonts, our own small writer.
import { Encodings, Font, FontNames } from "@pdf-lib/standard-fonts";
import type { Block, DocContent, ParagraphBlock } from "./fakes/doc-model";

/*
 * Why not pdf-lib itself: its save() is asynchronous, and Document.getAs("application/pdf") must hand the script
 * its bytes within the call. A PDF of text, lines and two standard fonts is small enough to write by hand.
 */

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BAND = 40;
const REPLACE: Record<string, string> = { "▸": ">", "›": ">", "‹": "<", "✓": "v", "•": "-", "\t": "    " };

type FontKey = "F1" | "F2";
const FONTS: Record<FontKey, Font> = { F1: Font.load(FontNames.Helvetica), F2: Font.load(FontNames.HelveticaBold) };
const BASE: Record<FontKey, string> = { F1: "Helvetica", F2: "Helvetica-Bold" };

interface Style {
  font: FontKey;
  size: number;
}

const STYLES: Record<string, Style> = {
  TITLE: { font: "F2", size: 20 },
  SUBTITLE: { font: "F1", size: 14 },
  HEADING1: { font: "F2", size: 16 },
  HEADING2: { font: "F2", size: 14 },
  HEADING3: { font: "F2", size: 12 },
  HEADING4: { font: "F2", size: 11 },
  HEADING5: { font: "F2", size: 11 },
  HEADING6: { font: "F2", size: 11 },
  NORMAL: { font: "F1", size: 11 },
};
const CELL: Style = { font: "F1", size: 10 };
const BAND_STYLE: Style = { font: "F1", size: 9 };

/** WinAnsi codes of a string: what the standard fonts can show; anything else becomes a near equivalent or "?". */
function encode(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    for (const c of REPLACE[ch] ?? ch) {
      const cp = c.codePointAt(0) ?? 63;
      out.push(Encodings.WinAnsi.canEncodeUnicodeCodePoint(cp) ? Encodings.WinAnsi.encodeUnicodeCodePoint(cp).code : 63);
    }
  }
  return out;
}

function glyphNames(s: string): string[] {
  const names: string[] = [];
  for (const ch of s) {
    for (const c of REPLACE[ch] ?? ch) {
      const cp = c.codePointAt(0) ?? 63;
      names.push(Encodings.WinAnsi.canEncodeUnicodeCodePoint(cp) ? Encodings.WinAnsi.encodeUnicodeCodePoint(cp).name : "question");
    }
  }
  return names;
}

function widthOf(s: string, style: Style): number {
  const font = FONTS[style.font];
  let w = 0;
  for (const n of glyphNames(s)) w += Number(font.getWidthOfGlyph(n) ?? 500);
  return (w * style.size) / 1000;
}

function wrap(line: string, width: number, style: Style): string[] {
  const out: string[] = [];
  let cur = "";
  for (const w of line.split(/(\s+)/)) {
    const next = cur + w;
    if (cur === "" || widthOf(next, style) <= width) cur = next;
    else {
      out.push(cur.trimEnd());
      cur = w.trimStart();
    }
  }
  out.push(cur);
  return out;
}

const num = (n: number) => (Math.round(n * 100) / 100).toString();
const hex = (codes: number[]) => `<${codes.map((c) => c.toString(16).padStart(2, "0")).join("")}>`;

class Page {
  ops: string[] = [];
  text(s: string, x: number, y: number, style: Style): void {
    this.ops.push(`BT /${style.font} ${num(style.size)} Tf ${num(x)} ${num(y)} Td ${hex(encode(s))} Tj ET`);
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.ops.push(`${num(x)} ${num(y)} ${num(w)} ${num(h)} re S`);
  }
}

/** Lays blocks out on A4 pages: headings bold and larger, alignment, tables as grids, page breaks. */
class Layout {
  readonly pages: Page[] = [];
  private page!: Page;
  private y = 0;
  readonly width = A4[0] - 2 * MARGIN;

  constructor(
    private readonly top: number,
    private readonly bottom: number,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = new Page();
    this.pages.push(this.page);
    this.y = this.top;
  }

  private room(h: number): void {
    if (this.y - h < this.bottom && this.y < this.top) this.newPage();
  }

  paragraph(p: ParagraphBlock): void {
    if (p.pageBreak) {
      this.newPage();
      return;
    }
    const style = STYLES[p.heading ?? "NORMAL"] ?? STYLES.NORMAL;
    const leading = style.size * 1.35;
    const heading = p.heading && p.heading !== "NORMAL";
    if (heading) this.y -= style.size * 0.4;
    for (const raw of p.text.split(/\r\n|\r|\n/)) {
      for (const line of wrap(raw, this.width, style)) {
        this.room(leading);
        this.y -= leading;
        const w = widthOf(line, style);
        const x = p.align === "CENTER" ? MARGIN + (this.width - w) / 2 : p.align === "RIGHT" ? MARGIN + this.width - w : MARGIN;
        if (line) this.page.text(line, x, this.y + style.size * 0.25, style);
      }
    }
  }

  table(rows: string[][]): void {
    const cols = Math.max(1, ...rows.map((r) => r.length));
    const cw = this.width / cols;
    const pad = 4;
    const leading = CELL.size * 1.3;
    for (const row of rows) {
      const cells = Array.from({ length: cols }, (_, j) => (row[j] ?? "").split(/\r?\n/).flatMap((l) => wrap(l, cw - 2 * pad, CELL)));
      const h = Math.max(...cells.map((c) => c.length)) * leading + 2 * pad;
      this.room(h);
      const top = this.y;
      cells.forEach((lines, j) => {
        const x = MARGIN + j * cw;
        this.page.rect(x, top - h, cw, h);
        lines.forEach((l, k) => {
          if (l) this.page.text(l, x + pad, top - pad - (k + 1) * leading + CELL.size * 0.3, CELL);
        });
      });
      this.y -= h;
    }
    this.y -= 6;
  }

  blocks(list: readonly Block[]): void {
    for (const b of list) {
      if (b.type === "table") this.table(b.rows);
      else this.paragraph(b);
    }
  }
}

/** A header or footer as short lines (tables become "a | b"), drawn in small type on every page. */
function bandLines(blocks: readonly Block[] | null): { text: string; align?: string }[] {
  if (!blocks) return [];
  const out: { text: string; align?: string }[] = [];
  for (const b of blocks) {
    if (b.type === "table") for (const r of b.rows) out.push({ text: r.join(" | ") });
    else if (!b.pageBreak) for (const l of b.text.split(/\r?\n/)) out.push({ text: l, align: b.align });
  }
  while (out.length && out[out.length - 1].text === "") out.pop();
  while (out.length && out[0].text === "") out.shift();
  return out;
}

/** "(...)" text string in UTF-16BE, so any title survives in the document information. */
function pdfText(s: string): string {
  const bytes: number[] = [0xfe, 0xff];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    bytes.push(c >> 8, c & 255);
  }
  return hex(bytes);
}

function write(title: string, pages: Page[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const pageIds = pages.map((_, i) => 6 + i * 2);
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`);
  add(`<< /Type /Font /Subtype /Type1 /BaseFont /${BASE.F1} /Encoding /WinAnsiEncoding >>`);
  add(`<< /Type /Font /Subtype /Type1 /BaseFont /${BASE.F2} /Encoding /WinAnsiEncoding >>`);
  add(`<< /Title ${pdfText(title)} /Producer ${pdfText("Alur ruang kerja lokal")} >>`);
  for (const [i, page] of pages.entries()) {
    const stream = `0.12 0.12 0.12 rg 0.5 w\n${page.ops.join("\n")}\n`;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4[0]} ${A4[1]}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`);
    add(`<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}endstream`);
  }
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

/** A Google Doc as Docs exports it to PDF: A4, the header and footer on every page, the body in between. */
export function documentToPdf(title: string, content: DocContent): Uint8Array {
  const header = bandLines(content.header);
  const footer = bandLines(content.footer);
  const lead = BAND_STYLE.size * 1.3;
  const top = A4[1] - MARGIN - (header.length ? header.length * lead + 8 : 0);
  const bottom = MARGIN + (footer.length ? footer.length * lead + 8 : 0);
  const layout = new Layout(top, bottom);
  layout.blocks(content.body);
  const band = (page: Page, lines: { text: string; align?: string }[], y0: number) =>
    lines.forEach((l, k) => {
      const w = widthOf(l.text, BAND_STYLE);
      const x = l.align === "CENTER" ? MARGIN + (layout.width - w) / 2 : l.align === "RIGHT" ? MARGIN + layout.width - w : MARGIN;
      if (l.text) page.text(l.text, x, y0 - k * lead, BAND_STYLE);
    });
  for (const page of layout.pages) {
    band(page, header, A4[1] - BAND);
    band(page, footer, BAND - 10 + (footer.length - 1) * lead);
  }
  return write(title, layout.pages);
}

/** Plain text as a PDF: the title in bold, then the text with its line breaks, wrapped to the page. */
export function textToPdf(title: string, text: string): Uint8Array {
  const body: Block[] = [{ type: "paragraph", text: title, heading: "HEADING2" }, ...text.split(/\r?\n/).map((t): Block => ({ type: "paragraph", text: t }))];
  return documentToPdf(title, { header: null, body, footer: null });
}
