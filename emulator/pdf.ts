// Documents as PDF in pure JavaScript (pdf-lib): the workspace's stand-in for DriveApp's getAs("application/pdf").
import { PDFDocument, type PDFFont, StandardFonts, rgb } from "pdf-lib";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const SIZE = 11;
const LEADING = 15;
const REPLACE: Record<string, string> = { "▸": ">", "›": ">", "‹": "<", "✓": "v", "•": "-", "\t": "    " };

/** The standard fonts speak WinAnsi only: anything else becomes a near equivalent or "?". */
function printable(font: PDFFont, s: string): string {
  let out = "";
  for (const ch of s) {
    const c = REPLACE[ch] ?? ch;
    try {
      font.encodeText(c);
      out += c;
    } catch {
      out += "?";
    }
  }
  return out;
}

function wrap(font: PDFFont, line: string, width: number): string[] {
  const words = line.split(/(\s+)/);
  const out: string[] = [];
  let cur = "";
  for (const w of words) {
    const next = cur + w;
    if (font.widthOfTextAtSize(next, SIZE) <= width || cur === "") cur = next;
    else {
      out.push(cur.trimEnd());
      cur = w.trimStart();
    }
  }
  out.push(cur);
  return out;
}

/** A plain A4 PDF: the title in bold, then the text with its line breaks, wrapped to the page. */
export async function textToPdf(title: string, text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setProducer("Alur ruang kerja lokal");
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = A4[0] - 2 * MARGIN;
  let page = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  page.drawText(printable(bold, title), { x: MARGIN, y, size: 14, font: bold, color: rgb(0.1, 0.1, 0.1) });
  y -= 28;
  for (const raw of text.split(/\r?\n/)) {
    for (const line of wrap(font, printable(font, raw), width)) {
      if (y < MARGIN) {
        page = pdf.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(line, { x: MARGIN, y, size: SIZE, font, color: rgb(0.12, 0.12, 0.12) });
      y -= LEADING;
    }
  }
  return pdf.save();
}
