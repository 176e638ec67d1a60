// Text helpers for the SOP page: HTML escaping and a width estimate, because a pure renderer cannot measure text.

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for element content and quoted attributes alike. */
export function esc(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

// Advance widths of Arial / Liberation Sans (metric-compatible) in em, grouped; unknown characters count as wide.
const WIDTH_GROUPS: Array<[string, number]> = [
  ["ijl|.,:;!'`", 0.23],
  [" ftI/\\()[]{}", 0.29],
  ["r-\"", 0.34],
  ["Jcksvxyz*", 0.5],
  ["abdeghnopqu0123456789$?_L", 0.56],
  ["FTZ", 0.62],
  ["ABEKPSVXY&", 0.67],
  ["CDHNRUw", 0.73],
  ["GOQ", 0.78],
  ["mM%", 0.84],
  ["W@", 0.95],
];
const WIDTHS = new Map<string, number>();
for (const [chars, w] of WIDTH_GROUPS) for (const c of chars) WIDTHS.set(c, w);

/** Estimated width in px of a text run at a font size; bold runs are about 8% wider. */
export function textWidth(text: string, fontPx: number, bold = false): number {
  let em = 0;
  for (const c of text) em += WIDTHS.get(c) ?? 0.6;
  return em * fontPx * (bold ? 1.08 : 1);
}

/**
 * How many lines the browser needs to wrap text into a box of this width.
 * Greedy word wrap like the browser's; a small margin keeps the estimate on the safe (taller) side.
 */
export function lineCount(text: string, widthPx: number, fontPx: number, bold = false): number {
  const usable = Math.max(widthPx * 0.985 - 1, fontPx);
  let lines = 0;
  for (const para of String(text).split(/\n/)) {
    const words = para.split(/\s+/).filter((w) => w !== "");
    if (words.length === 0) {
      lines += 1;
      continue;
    }
    const space = textWidth(" ", fontPx, bold);
    let current = -space;
    lines += 1;
    for (const word of words) {
      const w = textWidth(word, fontPx, bold);
      if (w > usable) {
        // The browser breaks an over-long word anywhere (overflow-wrap: anywhere) onto fresh lines.
        if (current > 0) lines += 1;
        const extra = Math.ceil(w / usable);
        lines += extra - 1;
        current = w - (extra - 1) * usable;
        continue;
      }
      if (current + space + w > usable) {
        lines += 1;
        current = w;
      } else {
        current += space + w;
      }
    }
  }
  return lines;
}
