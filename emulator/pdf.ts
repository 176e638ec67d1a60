// Documents as PDF, synchronously and in pure JavaScript: the page setup, fonts (standard-font metrics), character
// attributes, alignment, indents and spacing, tables with column widths and borders, rules and page breaks.
import { Encodings, Font, FontNames } from "@pdf-lib/standard-fonts";
import { type Block, type CellBlock, DEFAULT_PAGE, type DocContent, type PageSetup, type ParagraphBlock, type TableBlock, type TextStyle, cellOf, paragraph, styleAt } from "./fakes/doc-model";

/*
 * Why not pdf-lib itself: its save() is asynchronous, and Document.getAs("application/pdf") must hand the script
 * its bytes within the call. A PDF of text, lines and standard fonts is small enough to write by hand. Arial is drawn
 * with Helvetica (the same widths), Times New Roman and the other serif faces with Times, monospace with Courier.
 */

const REPLACE: Record<string, string> = { "▸": ">", "›": ">", "‹": "<", "\t": "    " };
/** Boxes and ticks Docs draws from its fallback fonts; here they are drawn as lines. */
const SHAPES = new Set(["☐", "☒", "☑", "✓", "✔"]);

type Face = "Helvetica" | "Times" | "Courier";
const FACE_NAMES: Record<Face, [string, string, string, string]> = {
  Helvetica: [FontNames.Helvetica, FontNames.HelveticaBold, FontNames.HelveticaOblique, FontNames.HelveticaBoldOblique],
  Times: [FontNames.TimesRoman, FontNames.TimesRomanBold, FontNames.TimesRomanItalic, FontNames.TimesRomanBoldItalic],
  Courier: [FontNames.Courier, FontNames.CourierBold, FontNames.CourierOblique, FontNames.CourierBoldOblique],
};
const loaded = new Map<string, Font>();
const font = (name: string): Font => {
  let f = loaded.get(name);
  if (!f) {
    f = Font.load(name as FontNames);
    loaded.set(name, f);
  }
  return f;
};

function faceOf(family: string | undefined): Face {
  const f = (family ?? "Arial").toLowerCase();
  if (/courier|mono|consol/.test(f)) return "Courier";
  if (/times|serif|bookman|georgia|garamond|cambria|book antiqua|palatino/.test(f) && !/sans/.test(f)) return "Times";
  return "Helvetica";
}

interface Style {
  name: string;
  size: number;
  underline: boolean;
}

function styleOf(ts: TextStyle, base: { size: number; bold?: boolean }): Style {
  const face = FACE_NAMES[faceOf(ts.font)];
  const bold = ts.bold ?? base.bold ?? false;
  const italic = !!ts.italic;
  return { name: face[(bold ? 1 : 0) + (italic ? 2 : 0)], size: ts.size ?? base.size, underline: !!ts.underline };
}

const HEADINGS: Record<string, { size: number; bold: boolean }> = {
  TITLE: { size: 26, bold: false },
  SUBTITLE: { size: 15, bold: false },
  HEADING1: { size: 20, bold: false },
  HEADING2: { size: 16, bold: false },
  HEADING3: { size: 14, bold: false },
  HEADING4: { size: 12, bold: false },
  HEADING5: { size: 11, bold: false },
  HEADING6: { size: 11, bold: false },
  NORMAL: { size: 11, bold: false },
};

function glyphs(s: string): { code: number; name: string }[] {
  const out: { code: number; name: string }[] = [];
  for (const ch of s) {
    for (const c of REPLACE[ch] ?? ch) {
      const cp = c.codePointAt(0) ?? 63;
      const ok = Encodings.WinAnsi.canEncodeUnicodeCodePoint(cp);
      const g = ok ? Encodings.WinAnsi.encodeUnicodeCodePoint(cp) : { code: 63, name: "question" };
      out.push({ code: g.code, name: g.name });
    }
  }
  return out;
}

function widthOf(s: string, st: Style): number {
  if (SHAPES.has(s)) return st.size * 0.8;
  let w = 0;
  const f = font(st.name);
  for (const g of glyphs(s)) w += Number(f.getWidthOfGlyph(g.name) ?? 500);
  return (w * st.size) / 1000;
}

const num = (n: number) => (Math.round(n * 100) / 100).toString();
const hex = (codes: number[]) => `<${codes.map((c) => c.toString(16).padStart(2, "0")).join("")}>`;

class Page {
  ops: string[] = [];
  fonts = new Set<string>();
  text(s: string, x: number, y: number, st: Style, fontId: (name: string) => string): void {
    if (SHAPES.has(s)) {
      this.shape(s, x, y, st.size);
      return;
    }
    this.ops.push(`BT /${fontId(st.name)} ${num(st.size)} Tf ${num(x)} ${num(y)} Td ${hex(glyphs(s).map((g) => g.code))} Tj ET`);
  }
  line(x1: number, y1: number, x2: number, y2: number, w: number): void {
    this.ops.push(`${num(w)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  }
  rect(x: number, y: number, w: number, h: number, lw: number): void {
    this.ops.push(`${num(lw)} w ${num(x)} ${num(y)} ${num(w)} ${num(h)} re S`);
  }
  /** ☐ a box, ☒ a crossed box, ✓ a tick. */
  shape(s: string, x: number, y: number, size: number): void {
    const b = size * 0.62;
    const x0 = x + size * 0.08;
    const y0 = y - size * 0.02;
    if (s === "✓" || s === "✔") {
      this.ops.push(`${num(size * 0.09)} w ${num(x0)} ${num(y0 + b * 0.5)} m ${num(x0 + b * 0.35)} ${num(y0 + b * 0.1)} l ${num(x0 + b)} ${num(y0 + b * 1.05)} l S`);
      return;
    }
    this.rect(x0, y0, b, b, size * 0.05);
    if (s !== "☐") this.ops.push(`${num(size * 0.07)} w ${num(x0 + b * 0.15)} ${num(y0 + b * 0.15)} m ${num(x0 + b * 0.85)} ${num(y0 + b * 0.85)} l ${num(x0 + b * 0.15)} ${num(y0 + b * 0.85)} m ${num(x0 + b * 0.85)} ${num(y0 + b * 0.15)} l S`);
  }
}

interface Piece {
  text: string;
  style: Style;
  width: number;
  space: boolean;
}

/** A paragraph's characters as styled words and spaces (shapes stand alone). */
function pieces(p: ParagraphBlock, base: { size: number; bold?: boolean }): Piece[] {
  const out: Piece[] = [];
  let cur = "";
  let curStyle: Style | null = null;
  let curSpace = false;
  const flush = () => {
    if (cur && curStyle) out.push({ text: cur, style: curStyle, width: widthOf(cur, curStyle), space: curSpace });
    cur = "";
  };
  const chars = [...p.text];
  let at = 0;
  for (const ch of chars) {
    const st = styleOf(styleAt(p, at), base);
    at += ch.length;
    const space = ch === " " || ch === "\t";
    const shape = SHAPES.has(ch);
    if (shape || !curStyle || space !== curSpace || curStyle.name !== st.name || curStyle.size !== st.size || curStyle.underline !== st.underline) {
      flush();
      curStyle = st;
      curSpace = space;
    }
    cur += ch;
    if (shape) flush();
  }
  flush();
  return out;
}

interface Line {
  items: Piece[];
  width: number;
  height: number;
  ascent: number;
}

function wrap(items: Piece[], first: number, rest: number, emptySize: number, spacing: number): Line[] {
  const lines: Line[] = [];
  let cur: Piece[] = [];
  let w = 0;
  const close = () => {
    while (cur.length && cur[cur.length - 1].space) cur.pop();
    const size = Math.max(emptySize * (cur.length ? 0 : 1), ...cur.map((x) => x.style.size));
    lines.push({ items: cur, width: cur.reduce((s, x) => s + x.width, 0), height: size * 1.15 * spacing, ascent: size * 0.9 });
    cur = [];
    w = 0;
  };
  for (const it of items) {
    const limit = lines.length ? rest : first;
    if (!it.space && cur.length && w + it.width > limit) close();
    if (it.space && !cur.length) continue;
    cur.push(it);
    w += it.width;
  }
  close();
  return lines;
}

/** A paragraph laid out in a box of a given width: its lines, and how to draw them from a top edge. */
function layoutParagraph(p: ParagraphBlock, width: number): { height: number; draw: (page: Page, x: number, top: number, fontId: (n: string) => string) => void } {
  const h = HEADINGS[p.heading ?? "NORMAL"] ?? HEADINGS.NORMAL;
  const base = { size: p.style?.size ?? h.size, bold: h.bold };
  const spacing = p.lineSpacing ?? 1;
  const start = p.indentStart ?? 0;
  const firstIndent = p.indentFirst ?? start;
  const emptySize = styleOf(p.style ?? {}, base).size;
  const lines = p.text.split(/\r\n|\r|\n/).flatMap((part) => wrap(pieces({ ...p, text: part }, base), width - firstIndent, width - start, emptySize, spacing));
  const before = p.spaceBefore ?? 0;
  const after = p.spaceAfter ?? 0;
  const rule = p.hr ? emptySize * 0.6 : 0;
  const height = before + lines.reduce((s, l) => s + l.height, 0) + after + rule;
  return {
    height,
    draw: (page, x, top, fontId) => {
      let y = top - before;
      lines.forEach((line, i) => {
        const indent = i === 0 ? firstIndent : start;
        const avail = width - indent;
        const gaps = line.items.filter((it) => it.space).length;
        const justify = p.align === "JUSTIFY" && i < lines.length - 1 && gaps > 0 && line.width < avail;
        const extra = justify ? (avail - line.width) / gaps : 0;
        let cx = x + indent + (p.align === "CENTER" ? (avail - line.width) / 2 : p.align === "RIGHT" ? avail - line.width : 0);
        const base = y - line.ascent - (line.height - line.ascent * 1.15) / 2;
        for (const it of line.items) {
          if (!it.space) page.text(it.text, cx, base, it.style, fontId);
          const w = it.width + (it.space ? extra : 0);
          if (it.style.underline) page.line(cx, base - it.style.size * 0.12, cx + w, base - it.style.size * 0.12, it.style.size * 0.05);
          cx += w;
        }
        y -= line.height;
      });
      if (p.hr) page.line(x, y - rule / 2, x + width, y - rule / 2, 0.75);
    },
  };
}

function cellHeight(cell: CellBlock, width: number): number {
  const [t, r, b, l] = cell.padding ?? [5, 5, 5, 5];
  return t + b + cell.paras.reduce((s, p) => s + layoutParagraph(p, width - l - r).height, 0);
}

/** Lays blocks out on pages of the document's size and margins. */
class Layout {
  readonly pages: Page[] = [];
  private page!: Page;
  private y = 0;
  readonly width: number;

  constructor(
    readonly setup: PageSetup,
    readonly fontId: (n: string) => string,
  ) {
    this.width = setup.width - setup.left - setup.right;
    this.newPage();
  }

  newPage(): void {
    this.page = new Page();
    this.pages.push(this.page);
    this.y = this.setup.height - this.setup.top;
  }

  private room(h: number): void {
    if (this.y - h < this.setup.bottom && this.y < this.setup.height - this.setup.top) this.newPage();
  }

  paragraph(p: ParagraphBlock): void {
    if (p.pageBreak) {
      this.newPage();
      return;
    }
    const l = layoutParagraph(p, this.width);
    this.room(l.height);
    l.draw(this.page, this.setup.left, this.y, this.fontId);
    this.y -= l.height;
  }

  table(t: TableBlock): void {
    const cols = Math.max(1, ...t.rows.map((r) => r.length));
    const given = Array.from({ length: cols }, (_, j) => t.widths?.[j] ?? null);
    const fixed = given.reduce<number>((s, w) => s + (w ?? 0), 0);
    const free = given.filter((w) => w === null).length;
    const widths = given.map((w) => w ?? Math.max(0, (this.width - fixed) / Math.max(free, 1)));
    const border = t.border ?? 1;
    for (const row of t.rows) {
      const h = Math.max(...row.map((c, j) => cellHeight(c, widths[j])), 4);
      this.room(h);
      const top = this.y;
      let x = this.setup.left;
      row.forEach((cell, j) => {
        const [pt, pr, , pl] = cell.padding ?? [5, 5, 5, 5];
        if (border > 0) this.page.rect(x, top - h, widths[j], h, border);
        let y = top - pt;
        for (const p of cell.paras) {
          const l = layoutParagraph(p, widths[j] - pl - pr);
          l.draw(this.page, x + pl, y, this.fontId);
          y -= l.height;
        }
        x += widths[j];
      });
      this.y -= h;
    }
  }

  blocks(list: readonly Block[]): void {
    for (const b of list) {
      if (b.type === "table") this.table(b);
      else this.paragraph(b);
    }
  }

  /** A header or footer drawn on every page in its margin. */
  band(blocks: readonly Block[] | null, top: number): void {
    if (!blocks) return;
    for (const page of this.pages) {
      let y = top;
      for (const b of blocks) {
        if (b.type === "table") continue;
        const l = layoutParagraph({ ...b, style: { size: 9, ...b.style } }, this.width);
        l.draw(page, this.setup.left, y, this.fontId);
        y -= l.height;
      }
    }
  }
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

function write(title: string, pages: Page[], fonts: string[], size: PageSetup): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const fontBase = 4;
  const pageBase = fontBase + fonts.length;
  const pageIds = pages.map((_, i) => pageBase + i * 2);
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`);
  add(`<< /Title ${pdfText(title)} /Producer ${pdfText("Alur ruang kerja lokal")} >>`);
  for (const f of fonts) add(`<< /Type /Font /Subtype /Type1 /BaseFont /${f} /Encoding /WinAnsiEncoding >>`);
  const resources = `<< /Font << ${fonts.map((_, i) => `/F${i + 1} ${fontBase + i} 0 R`).join(" ")} >> >>`;
  for (const [i, page] of pages.entries()) {
    const stream = `0.1 0.1 0.1 rg 0.1 0.1 0.1 RG\n${page.ops.join("\n")}\n`;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(size.width)} ${num(size.height)}] /Resources ${resources} /Contents ${pageIds[i] + 1} 0 R >>`);
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
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

/** A Google Doc as Docs exports it to PDF: its page size and margins, the header and footer on every page. */
export function documentToPdf(title: string, content: DocContent): Uint8Array {
  const setup = content.page ?? DEFAULT_PAGE;
  const fonts: string[] = [];
  const fontId = (name: string) => {
    let i = fonts.indexOf(name);
    if (i < 0) i = fonts.push(name) - 1;
    return `F${i + 1}`;
  };
  fontId(FontNames.Helvetica);
  const layout = new Layout(setup, fontId);
  layout.blocks(content.body);
  layout.band(content.header, setup.height - Math.min(36, setup.top / 2));
  layout.band(content.footer, Math.max(36, setup.bottom / 2));
  return write(title, layout.pages, fonts, setup);
}

/** Plain text as a PDF: the title in bold, then the text with its line breaks, wrapped to the page. */
export function textToPdf(title: string, text: string): Uint8Array {
  const body: Block[] = [{ type: "paragraph", text: title, heading: "HEADING2", style: { bold: true } }, ...text.split(/\r?\n/).map((t): Block => paragraph(t))];
  return documentToPdf(title, { header: null, body, footer: null });
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", middot: "·", rsaquo: "›", mdash: "—", ndash: "–" };
const decode = (s: string) =>
  s.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) => (e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m)));
const textOf = (html: string) => decode(html.replace(/<br\s*\/?>/gi, "\n").replace(/<[^>]+>/g, "")).replace(/[ \t\r\f]+/g, " ").trim();

/**
 * An HTML page as Drive's import makes it a Doc (Files.create with a Google Docs type, or Blob.getAs PDF): headings,
 * paragraphs, line breaks, rules and tables, text only (Docs keeps more styling; assumed close enough for a fake).
 */
export function htmlToContent(html: string): DocContent {
  const src = html.replace(/<(style|script|head|svg)[\s\S]*?<\/\1>/gi, "").replace(/<!--[\s\S]*?-->/g, "");
  const body: Block[] = [];
  const re = /<table[\s\S]*?<\/table>|<h([1-6])[^>]*>([\s\S]*?)<\/h\1>|<hr[^>]*>|<(p|li|div|caption|figcaption)[^>]*>([\s\S]*?)<\/\3>/gi;
  for (const m of src.matchAll(re)) {
    const tag = m[0].slice(0, 6).toLowerCase();
    if (tag.startsWith("<table")) {
      const rows = [...m[0].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)].map((r) => [...r[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((c) => cellOf(textOf(c[1]))));
      const good = rows.filter((r) => r.length);
      if (good.length) body.push({ type: "table", rows: good });
    } else if (tag.startsWith("<hr")) body.push({ ...paragraph(""), hr: true });
    else if (m[1]) body.push({ ...paragraph(textOf(m[2])), heading: `HEADING${m[1]}` as ParagraphBlock["heading"], style: { bold: true } });
    else {
      const t = textOf(m[4] ?? "");
      if (t) body.push(paragraph(t));
    }
  }
  if (!body.length) body.push(paragraph(textOf(src)));
  return { header: null, body, footer: null };
}
