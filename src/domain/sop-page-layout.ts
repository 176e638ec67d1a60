// Geometry of the procedure table: column widths, estimated row heights and the split of rows into pages.
import type { Role, Sop, SopStep } from "./sop";
import { FONT, LINE, PAD_X, textHeight } from "./sop-page-grid";
import { lineCount } from "./sop-page-text";

export interface Columns {
  no: number;
  uraian: number;
  lane: number;
  lanes: number;
  kelengkapan: number;
  waktu: number;
  output: number;
  keterangan: number;
  /** Left edge of each column in order No, Uraian, lanes..., Kelengkapan, Waktu, Output, Keterangan. */
  xs: number[];
  widths: number[];
  /** Left edge of the first lane column: where the flowchart SVG starts. */
  lanesX: number;
}

export const HEADER_TOP = 20;
export const HEADER_NUM = 14;
export const LANE_FONT = 10;
export const LANE_LINE = 12;
/** Empty band at the bottom/top of a page where off-page connectors sit. */
export const STRIP = 36;

const MIN_ROW = { process: 46, decision: 58 };
/** Width the Uraian and Mutu Baku text columns keep together, however many lanes there are. */
const MIN_TEXT = 540;

/** Shares of the text width (what the lanes leave) for Uraian, Kelengkapan and Output; Keterangan gets the rest. */
export interface TextShares {
  uraian: number;
  kelengkapan: number;
  output: number;
}

const DEFAULT_SHARES: TextShares = { uraian: 0.44, kelengkapan: 0.22, output: 0.2 };

export function layoutColumns(width: number, laneCount: number, shares: TextShares = DEFAULT_SHARES): Columns {
  const no = 32;
  const waktu = 62;
  const rest = width - no - waktu;
  const lanes = Math.max(1, laneCount);
  // Lanes wide enough for a symbol and its side channels, but never starving the text columns (8 lanes on A4).
  let lane = Math.floor(Math.min(116, Math.max(84, (rest * 0.36) / lanes)));
  if (rest - lane * lanes < MIN_TEXT) lane = Math.max(56, Math.floor((rest - MIN_TEXT) / lanes));
  const text = rest - lane * laneCount;
  // Each Mutu Baku column keeps room for its header word ("Kelengkapan" is the longest).
  const kelengkapan = Math.max(84, Math.floor(text * shares.kelengkapan));
  const output = Math.max(64, Math.floor(text * shares.output));
  let uraian = Math.floor(text * shares.uraian);
  // Keterangan keeps room for its own header word even when the seed leaves it empty.
  const keterangan = Math.max(82, text - kelengkapan - output - uraian);
  uraian -= keterangan - (text - kelengkapan - output - uraian);
  const widths = [no, uraian, ...Array.from({ length: laneCount }, () => lane), kelengkapan, waktu, output, keterangan];
  const xs: number[] = [];
  let x = 0;
  for (const w of widths) {
    xs.push(x);
    x += w;
  }
  return { no, uraian, lane, lanes: laneCount, kelengkapan, waktu, output, keterangan, xs, widths, lanesX: no + uraian };
}

/**
 * Columns that make this SOP's table shortest: the text columns share their width according to what the steps hold
 * (a seed with empty Keterangan leaves that column narrow, long Kelengkapan lists get room).
 */
export function bestColumns(sop: Sop, width: number): Columns {
  const ketShare = sop.steps.some((s) => s.keterangan.trim() !== "") ? 0.14 : 0.08;
  let best = layoutColumns(width, sop.lanes.length);
  let bestH = Number.POSITIVE_INFINITY;
  for (let u = 0.3; u <= 0.6001; u += 0.03) {
    for (let k = 0.35; k <= 0.6501; k += 0.05) {
      const left = 1 - ketShare - u;
      const cols = layoutColumns(width, sop.lanes.length, { uraian: u, kelengkapan: left * k, output: left * (1 - k) });
      const h = sop.steps.reduce((a, st) => a + rowHeight(st, cols), 0);
      // On equal height the later candidate, with the wider Uraian, wins: the activity text reads best wide.
      if (h <= bestH) {
        bestH = h;
        best = cols;
      }
    }
  }
  return best;
}

/** The lane header text plus, when it says something else, the canonical role's short name. */
export function laneSubtitle(header: string, roleId: string, roles: Role[]): string {
  const role = roles.find((r) => r.id === roleId);
  if (!role) return "";
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const h = norm(header);
  return h === norm(role.name) || h === norm(role.short) ? "" : role.short;
}

export function headerHeight(sop: Sop, cols: Columns, roles: Role[]): number {
  const inner = cols.lane - 2 * PAD_X - 1;
  const laneLines = sop.lanes.map(
    (l) => lineCount(l.header, inner, LANE_FONT, true) + (laneSubtitle(l.header, l.role, roles) ? lineCount(laneSubtitle(l.header, l.role, roles), inner, 9) : 0),
  );
  const lines = Math.max(2, ...laneLines);
  return HEADER_TOP + Math.max(30, lines * LANE_LINE + 10) + HEADER_NUM;
}

/** Estimated height of one step row: the tallest text cell, but never less than its flowchart symbol needs. */
export function rowHeight(step: SopStep, cols: Columns): number {
  const inner = (w: number) => w - 2 * PAD_X - 1;
  const uraian = lineCount(step.text, inner(cols.uraian), FONT);
  const kelengkapan = step.kelengkapan.reduce((n, item) => n + lineCount(item, inner(cols.kelengkapan), FONT), 0);
  const waktu = lineCount(step.waktu, inner(cols.waktu), FONT);
  const output = lineCount(step.output, inner(cols.output), FONT);
  const keterangan = lineCount(step.keterangan, inner(cols.keterangan), FONT);
  const no = lineCount(step.no, inner(cols.no), FONT);
  const lines = Math.max(uraian, kelengkapan, waktu, output, keterangan, no, 1);
  return Math.max(MIN_ROW[step.kind], textHeight(lines, LINE));
}

export interface PagePlan {
  /** Indexes into sop.steps shown on this page, in order. */
  rows: number[];
  topStrip: boolean;
  bottomStrip: boolean;
  /** Catatan items placed on this page (after the table, or alone). */
  notes: number[];
}

/**
 * Fills pages top to bottom. `firstAvail`/`nextAvail` are the heights left for the table body
 * (header already subtracted) on the first and following pages; notes need their own heights.
 * `noBreakAfter[k]` marks row boundaries a return arrow crosses: a page breaks there only when the loop cannot fit one page.
 */
export function paginate(
  heights: number[],
  firstAvail: number,
  nextAvail: number,
  noteHeights: number[],
  noteBox: { head: number; gap: number; pageAvail: number },
  noBreakAfter: boolean[] = [],
): PagePlan[] {
  const pages: PagePlan[] = [];
  const sum = (from: number, to: number) => heights.slice(from, to + 1).reduce((a, b) => a + b, 0);
  let i = 0;
  while (i < heights.length) {
    const top = pages.length > 0;
    let avail = (top ? nextAvail : firstAvail) - (top ? STRIP : 0);
    const rows: number[] = [];
    while (i < heights.length) {
      const more = i + 1 < heights.length;
      // A row taller than a whole page still gets a page of its own (its text is clipped there).
      if (rows.length > 0 && heights[i] + (more ? STRIP : 0) > avail) break;
      rows.push(i);
      avail -= heights[i];
      i += 1;
    }
    const last = rows[rows.length - 1];
    if (i < heights.length && noBreakAfter[last]) {
      // Back off to the last boundary outside the loop, if the loop then fits on the next page.
      let b = last - 1;
      while (b >= rows[0] && noBreakAfter[b]) b -= 1;
      let e = last;
      while (e < heights.length - 1 && noBreakAfter[e]) e += 1;
      const room = nextAvail - 2 * STRIP;
      if (b >= rows[0] && sum(b + 1, e) <= room) {
        rows.splice(rows.indexOf(b) + 1);
        i = b + 1;
      }
    }
    pages.push({ rows, topStrip: top, bottomStrip: i < heights.length, notes: [] });
  }
  if (pages.length === 0) pages.push({ rows: [], topStrip: false, bottomStrip: false, notes: [] });
  // Catatan go after the last table page while they fit, then on pages of their own.
  let page = pages[pages.length - 1];
  let remaining = pageRemainder(page, heights, firstAvail, nextAvail, pages.length === 1) - noteBox.gap - noteBox.head;
  noteHeights.forEach((h, n) => {
    if (h > remaining && (page.rows.length > 0 || page.notes.length > 0)) {
      page = { rows: [], topStrip: false, bottomStrip: false, notes: [] };
      pages.push(page);
      remaining = noteBox.pageAvail - noteBox.head - noteBox.gap;
    }
    page.notes.push(n);
    remaining -= h;
  });
  return pages;
}

function pageRemainder(page: PagePlan, heights: number[], firstAvail: number, nextAvail: number, first: boolean): number {
  const used = page.rows.reduce((a, r) => a + heights[r], 0) + (page.topStrip ? STRIP : 0);
  return (first ? firstAvail : nextAvail) - used;
}

/** Lane index of a step: its role matched against the lane headers, forgiving case and spacing. */
export function laneOf(sop: Sop, step: SopStep): number {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");
  const i = sop.lanes.findIndex((l) => norm(l.header) === norm(step.role));
  if (i >= 0) return i;
  // Unknown roles fall back to the first lane (-1 becomes 0); validation reports them elsewhere.
  return Math.max(0, sop.lanes.findIndex((l) => l.role === step.role));
}
