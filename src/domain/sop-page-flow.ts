// The flowchart over the Pelaksana columns: symbols, orthogonal arrows and off-page connectors, as SVG per page.
import type { Sop } from "./sop";
import { type Columns, STRIP } from "./sop-page-layout";
import type { SopPageLabels } from "./sop-page-labels";
import { esc } from "./sop-page-text";

/** Where a step's row sits: page index and the row's top/height in that page's body coordinates. */
export interface Placed {
  page: number;
  top: number;
  h: number;
  lane: number;
}

export interface FlowPage {
  /** SVG elements (no <svg> wrapper). */
  body: string;
  /** Connector explanations for the strip at the top / bottom of the page. */
  topNotes: string[];
  bottomNotes: string[];
}

type Side = "left" | "right";
type Pt = [number, number];

interface Sym {
  cx: number;
  cy: number;
  hw: number;
  hh: number;
}

const PROC_H = 24;
const DIAMOND_H = 34;
const CONN_W = 24;
const CONN_H = 24;
/** Distance of a vertical routing channel from its column border: clear of every symbol in that column. */
const CHANNEL = 7;
/** How far above a symbol a change of column bends. */
const BEND = 6;

const fmt = (n: number) => String(Math.round(n * 10) / 10);
const pathD = (pts: Pt[]) => pts.map(([x, y], i) => `${i === 0 ? "M" : "L"}${fmt(x)} ${fmt(y)}`).join(" ");

/** Draws the whole flowchart, split by page; `bodyHeights[p]` is the height of page p's table body. */
export function planFlow(sop: Sop, placed: Placed[], cols: Columns, bodyHeights: number[], labels: SopPageLabels, markerId: (page: number) => string): FlowPage[] {
  const pageCount = bodyHeights.length;
  const steps = sop.steps;
  const laneW = cols.lane;
  const colLeft = (lane: number) => lane * laneW;
  const pages: FlowPage[] = Array.from({ length: pageCount }, () => ({ body: "", topNotes: [], bottomNotes: [] }));
  const out = (page: number, s: string) => {
    pages[page].body += s;
  };
  const indexOf = new Map(steps.map((s, i) => [s.no, i]));

  const syms: Sym[] = steps.map((step, i) => {
    const p = placed[i];
    const cx = colLeft(p.lane) + laneW / 2;
    const cy = p.top + p.h / 2;
    if (step.kind === "decision") return { cx, cy, hw: Math.min(laneW / 2 - 16, 26), hh: DIAMOND_H / 2 };
    return { cx, cy, hw: Math.min(laneW / 2 - 14, 34), hh: PROC_H / 2 };
  });
  const sidePt = (s: Sym, side: Side): Pt => [side === "left" ? s.cx - s.hw : s.cx + s.hw, s.cy];
  const top = (s: Sym): Pt => [s.cx, s.cy - s.hh];
  const bottom = (s: Sym): Pt => [s.cx, s.cy + s.hh];

  // Symbols.
  steps.forEach((step, i) => {
    const s = syms[i];
    const attrs = `data-step="${esc(step.no)}" data-lane="${placed[i].lane}"`;
    const terminal = i === 0 || i === steps.length - 1;
    let shape: string;
    if (step.kind === "decision") {
      const pts = [top(s), sidePt(s, "right"), bottom(s), sidePt(s, "left")].map(([x, y]) => `${fmt(x)},${fmt(y)}`).join(" ");
      shape = `<polygon class="sym decision" data-shape="decision" ${attrs} points="${pts}"/>`;
    } else {
      const rx = terminal ? s.hh : 2;
      const kind = terminal ? "terminator" : "process";
      shape = `<rect class="sym ${kind}" data-shape="${kind}" ${attrs} x="${fmt(s.cx - s.hw)}" y="${fmt(s.cy - s.hh)}" width="${fmt(2 * s.hw)}" height="${fmt(2 * s.hh)}" rx="${fmt(rx)}"/>`;
    }
    out(placed[i].page, `${shape}<title>${esc(step.no)}</title>`);
  });

  // Which sides of each symbol are taken, so two arrows never share one side in opposite directions.
  const used = new Map<string, "out" | "in">();
  const take = (i: number, side: Side, dir: "out" | "in") => used.set(`${i}:${side}`, dir);
  const free = (i: number, side: Side, dir: "out" | "in") => {
    const u = used.get(`${i}:${side}`);
    return u === undefined || u === dir;
  };
  const other = (side: Side): Side => (side === "left" ? "right" : "left");

  const arrow = (page: number, pts: Pt[], from: string, to: string, kind: string, part: string) =>
    out(
      page,
      `<path class="arrow" d="${pathD(pts)}" marker-end="url(#${markerId(page)})" data-from="${esc(from)}" data-to="${esc(to)}" data-kind="${kind}" data-part="${part}"/>`,
    );
  const label = (page: number, [x, y]: Pt, text: string, anchor: "start" | "end" | "middle") =>
    out(page, `<text class="lbl" x="${fmt(x)}" y="${fmt(y)}" text-anchor="${anchor}">${esc(text)}</text>`);

  // Off-page connectors: slots along a strip so two never overlap.
  const slots = new Map<string, number[]>();
  let letter = 0;
  const connector = (page: number, where: "top" | "bottom", wantX: number): { cx: number; cy: number } => {
    const key = `${page}:${where}`;
    const taken = slots.get(key) ?? [];
    const maxX = cols.lanes * laneW - CONN_W / 2 - 2;
    let cx = wantX;
    for (let k = 1; taken.some((t) => Math.abs(t - cx) < CONN_W + 6); k++) {
      cx = Math.min(maxX, Math.max(CONN_W / 2 + 2, wantX + (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * (CONN_W + 8)));
      if (k > 40) break;
    }
    taken.push(cx);
    slots.set(key, taken);
    const stripTop = where === "top" ? 0 : bodyHeights[page] - STRIP;
    return { cx, cy: stripTop + STRIP / 2 };
  };
  const drawConnector = (page: number, c: { cx: number; cy: number }, name: string, dir: "out" | "in") => {
    const l = c.cx - CONN_W / 2;
    const r = c.cx + CONN_W / 2;
    const t = c.cy - CONN_H / 2;
    const m = c.cy + CONN_H / 6;
    const b = c.cy + CONN_H / 2;
    const pts = [
      [l, t],
      [r, t],
      [r, m],
      [c.cx, b],
      [l, m],
    ]
      .map(([x, y]) => `${fmt(x)},${fmt(y)}`)
      .join(" ");
    out(page, `<polygon class="sym connector" data-connector="${name}" data-connector-dir="${dir}" points="${pts}"/>`);
    out(page, `<text class="conn-lbl" x="${fmt(c.cx)}" y="${fmt(c.cy + 2)}" text-anchor="middle">${name}</text>`);
  };
  const connTop = (c: { cx: number; cy: number }): Pt => [c.cx, c.cy - CONN_H / 2];
  const connBottom = (c: { cx: number; cy: number }): Pt => [c.cx, c.cy + CONN_H / 2];
  const connSide = (c: { cx: number; cy: number }, fromX: number): Pt => [fromX < c.cx ? c.cx - CONN_W / 2 : c.cx + CONN_W / 2, c.cy];
  const nextLetter = () => {
    const n = letter++;
    return n < 26 ? String.fromCharCode(65 + n) : `${String.fromCharCode(65 + (n % 26))}${Math.floor(n / 26)}`;
  };

  // A column of the page is blocked between two rows when a symbol there would be crossed by a vertical line.
  const blocked = (page: number, lane: number, fromRow: number, toRow: number) =>
    steps.some((_, k) => k > Math.min(fromRow, toRow) && k < Math.max(fromRow, toRow) && placed[k].page === page && placed[k].lane === lane);

  const channelX = (targetLane: number, side: Side) => (side === "left" ? colLeft(targetLane) + CHANNEL : colLeft(targetLane) + laneW - CHANNEL);

  /** Side of the source facing the target lane (left when the same lane). */
  const facing = (fromLane: number, toLane: number): Side => (toLane > fromLane ? "right" : "left");

  /**
   * The sides an arrow from i leaves by and enters j by, each free for its direction when it can be: out of the side
   * facing the target, into the target's near side. In one lane both are one side, since the line runs down the channel
   * beside both symbols (leaving by one side for a channel on the other would cross the symbol itself).
   */
  const sides = (i: number, j: number, fromLane: number, toLane: number): [Side, Side] => {
    let side = facing(fromLane, toLane);
    if (!free(i, side, "out")) side = other(side);
    let enter: Side = fromLane === toLane ? side : other(side);
    if (!free(j, enter, "in")) enter = other(enter);
    if (fromLane === toLane && enter !== side && free(i, enter, "out")) side = enter;
    return [side, enter];
  };

  // Forward arrow from i to j (j after i): down from the bottom, bend just above the target, into its top.
  const forward = (i: number, j: number, kind: string, text?: string) => {
    const a = syms[i];
    const b = syms[j];
    const pa = placed[i];
    const pb = placed[j];
    const from = steps[i].no;
    const to = steps[j].no;
    if (pa.page === pb.page && !blocked(pa.page, pa.lane, i, j)) {
      const pts: Pt[] = pa.lane === pb.lane ? [bottom(a), top(b)] : [bottom(a), [a.cx, b.cy - b.hh - BEND], [b.cx, b.cy - b.hh - BEND], top(b)];
      arrow(pa.page, pts, from, to, kind, "full");
      if (text) label(pa.page, [a.cx + 4, a.cy + a.hh + 10], text, "start");
      return;
    }
    if (pa.page === pb.page) {
      // A symbol below in the same column: leave by the side and run down a channel of the target's column.
      const [side, enter] = sides(i, j, pa.lane, pb.lane);
      const x = channelX(pb.lane, enter);
      take(i, side, "out");
      take(j, enter, "in");
      arrow(pa.page, [sidePt(a, side), [x, a.cy], [x, b.cy], sidePt(b, enter)], from, to, kind, "full");
      if (text) label(pa.page, [sidePt(a, side)[0] + (side === "left" ? -3 : 3), a.cy - 4], text, side === "left" ? "end" : "start");
      return;
    }
    const name = nextLetter();
    const c1 = connector(pa.page, "bottom", a.cx);
    drawConnector(pa.page, c1, name, "out");
    const outPts: Pt[] = Math.abs(c1.cx - a.cx) < 0.5 ? [bottom(a), connTop(c1)] : [bottom(a), [a.cx, c1.cy], connSide(c1, a.cx)];
    arrow(pa.page, outPts, from, to, kind, "out");
    if (text) label(pa.page, [a.cx + 4, a.cy + a.hh + 10], text, "start");
    pages[pa.page].bottomNotes.push(`${name}: ${labels.toPage(pb.page + 1, to)}`);
    const c2 = connector(pb.page, "top", b.cx);
    drawConnector(pb.page, c2, name, "in");
    const inPts: Pt[] =
      Math.abs(c2.cx - b.cx) < 0.5 ? [connBottom(c2), top(b)] : [connBottom(c2), [c2.cx, b.cy - b.hh - BEND], [b.cx, b.cy - b.hh - BEND], top(b)];
    arrow(pb.page, inPts, from, to, kind, "in");
    pages[pb.page].topNotes.push(`${name}: ${labels.fromPage(pa.page + 1, from)}`);
  };

  // Return arrow from decision i back to an earlier step j: out of the side, along a channel, into the target's side.
  const back = (i: number, j: number, kind: string, text: string) => {
    const d = syms[i];
    const t = syms[j];
    const pd = placed[i];
    const pt = placed[j];
    const [side, enter] = sides(i, j, pd.lane, pt.lane);
    take(i, side, "out");
    take(j, enter, "in");
    const x = channelX(pt.lane, enter);
    const start = sidePt(d, side);
    // Below the line: the channel rises from the corner, so text above it would be cut by the vertical.
    label(pd.page, [start[0] + (side === "left" ? -3 : 3), d.cy + 10], text, side === "left" ? "end" : "start");
    const from = steps[i].no;
    const to = steps[j].no;
    if (pd.page === pt.page) {
      arrow(pd.page, [start, [x, d.cy], [x, t.cy], sidePt(t, enter)], from, to, kind, "full");
      return;
    }
    const name = nextLetter();
    const c1 = connector(pd.page, "top", colLeft(pt.lane) + laneW / 2);
    drawConnector(pd.page, c1, name, "out");
    // A connector moved aside onto the channel is met at its point (with a jog when not straight above), not crossed.
    const onChannel = (c: { cx: number }) => Math.abs(x - c.cx) <= CONN_W / 2;
    const jog = (c: { cx: number }, y: number): Pt[] => (x === c.cx ? [] : [[x, y], [c.cx, y]]);
    const outPts: Pt[] = onChannel(c1) ? [start, [x, d.cy], ...jog(c1, connBottom(c1)[1] + BEND), connBottom(c1)] : [start, [x, d.cy], [x, c1.cy], connSide(c1, x)];
    arrow(pd.page, outPts, from, to, kind, "out");
    pages[pd.page].topNotes.push(`${name}: ${labels.toPage(pt.page + 1, to)}`);
    const c2 = connector(pt.page, "bottom", colLeft(pt.lane) + laneW / 2);
    drawConnector(pt.page, c2, name, "in");
    const inPts: Pt[] = onChannel(c2) ? [connTop(c2), ...jog(c2, connTop(c2)[1] - BEND).reverse(), [x, t.cy], sidePt(t, enter)] : [connSide(c2, x), [x, c2.cy], [x, t.cy], sidePt(t, enter)];
    arrow(pt.page, inPts, from, to, kind, "in");
    pages[pt.page].bottomNotes.push(`${name}: ${labels.fromPage(pd.page + 1, from)}`);
  };

  // "Ya" ends the SOP: a small end terminator beside the decision.
  const toEnd = (i: number, text: string) => {
    const d = syms[i];
    const p = placed[i];
    let side: Side = p.lane + 1 < cols.lanes ? "right" : "left";
    if (!free(i, side, "out") && (side === "right" ? p.lane > 0 : p.lane + 1 < cols.lanes)) side = other(side);
    take(i, side, "out");
    const lane = side === "right" ? p.lane + 1 : p.lane - 1;
    const cx = lane >= 0 && lane < cols.lanes ? colLeft(lane) + laneW / 2 : d.cx;
    const hw = Math.min(laneW / 2 - 14, 28);
    const hh = 11;
    out(p.page, `<rect class="sym terminator end" data-end="${esc(steps[i].no)}" x="${fmt(cx - hw)}" y="${fmt(d.cy - hh)}" width="${fmt(2 * hw)}" height="${fmt(2 * hh)}" rx="${hh}"/>`);
    out(p.page, `<text class="end-lbl" x="${fmt(cx)}" y="${fmt(d.cy + 3)}" text-anchor="middle">${esc(labels.end)}</text>`);
    const start = sidePt(d, side);
    arrow(p.page, [start, [side === "right" ? cx - hw : cx + hw, d.cy]], steps[i].no, "selesai", "yes", "full");
    label(p.page, [start[0] + (side === "left" ? -3 : 3), d.cy - 4], text, side === "left" ? "end" : "start");
  };

  // Return arrows first: they claim their sides before forward arrows that might need one.
  steps.forEach((step, i) => {
    if (step.kind !== "decision" || !step.noTo) return;
    const j = indexOf.get(step.noTo);
    if (j === undefined) return;
    const text = step.noLabel || labels.no_;
    if (j < i) back(i, j, "no", text);
    else forward(i, j, "no", text);
  });
  steps.forEach((step, i) => {
    if (step.kind === "decision") {
      const text = step.yesLabel || labels.yes;
      if (step.yesTo === "selesai") {
        toEnd(i, text);
        return;
      }
      const j = step.yesTo ? indexOf.get(step.yesTo) : i + 1 < steps.length ? i + 1 : undefined;
      if (j === undefined) return;
      if (j > i) forward(i, j, "yes", text);
      else back(i, j, "yes", text);
      return;
    }
    if (i + 1 < steps.length) forward(i, i + 1, "next");
  });
  return pages;
}
