// Absolutely positioned cells: the SOP page lays its tables out itself so the flowchart SVG lines up to the pixel.
import { esc } from "./sop-page-text";

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Body text metrics shared by the estimate and the stylesheet. */
export const FONT = 11;
export const LINE = 14;
export const PAD_X = 4;
export const PAD_Y = 4;

/**
 * One table cell. `html` must already be escaped; attrs values are escaped here.
 * Borders are drawn right and bottom only; the container draws top and left, so neighbours never double up.
 */
export function cell(box: Box, cls: string, html: string, attrs: Record<string, string> = {}): string {
  const extra = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join("");
  const style = `left:${box.x}px;top:${box.y}px;width:${box.w}px;height:${box.h}px`;
  return `<div class="c ${cls}" style="${style}"${extra}>${html}</div>`;
}

/** A container for cells, sized exactly; its own top/left border closes the grid. */
export function grid(w: number, h: number, cls: string, inner: string, attrs = ""): string {
  return `<div class="grid ${cls}" style="width:${w}px;height:${h}px"${attrs}>${inner}</div>`;
}

/** Height a text box needs: lines times line height plus padding. */
export function textHeight(lines: number, line = LINE): number {
  return lines * line + 2 * PAD_Y + 1;
}
