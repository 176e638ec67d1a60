// The official SOP AP page (Permenpan RB 35/2012): identity block, procedure table and flowchart, as one printable HTML document.
import type { Role, Sop, SopStep } from "./sop";
import { sopPageCss, type Paper } from "./sop-page-css";
import { planFlow, type Placed } from "./sop-page-flow";
import { cell, grid } from "./sop-page-grid";
import { renderIdentity, type Signer } from "./sop-page-identity";
import { LABELS, type SopPageLabels } from "./sop-page-labels";
import { bestColumns, type Columns, HEADER_NUM, HEADER_TOP, headerHeight, laneOf, laneSubtitle, type PagePlan, paginate, rowHeight, STRIP } from "./sop-page-layout";
import { esc, lineCount } from "./sop-page-text";
import { parseWaktu, standardMinutes } from "./waktu";

export interface SopPageOptions {
  paper?: "F4" | "A4";
  /** Name of the office, one line per level ("PEMERINTAH KABUPATEN …\nDINAS …"). */
  officeName?: string;
  /** The office's logo as SVG markup; shown as an image, never as part of the page. */
  logoSvg?: string;
  /** Working minutes in one Hari, for the total standard time. */
  dayMinutes?: number;
  lang?: "id" | "en";
  /** Who signs when SOP Identitas leaves a field blank (the office's head from Pejabat). */
  signer?: Partial<Signer>;
  /** Print the notes on repairs to the seed as an appendix (off: the page holds the SOP alone). */
  repairNotes?: boolean;
}

export const COMPLETED_MARK = "†";

/** A step as printed: values Alur completed carry the mark (the flow only reads number, lane and kind, which stay). */
function marked(step: SopStep): SopStep {
  const parts = new Set(step.completed ?? []);
  if (!parts.size) return step;
  const all = parts.has("langkah");
  const m = (text: string, part: "uraian" | "waktu" | "output") => (all || parts.has(part)) && text ? `${text} ${COMPLETED_MARK}` : text;
  const kel = all || parts.has("kelengkapan") ? step.kelengkapan.map((k, i) => (i === step.kelengkapan.length - 1 ? `${k} ${COMPLETED_MARK}` : k)) : step.kelengkapan;
  return { ...step, text: m(step.text, "uraian"), waktu: m(step.waktu, "waktu"), output: m(step.output, "output"), kelengkapan: kel };
}

export const DEFAULT_OFFICE_NAME = "PEMERINTAH KABUPATEN SIMALUNGUN\nDINAS KOMUNIKASI DAN INFORMATIKA";

const MM = 96 / 25.4;
const PAPERS: Record<"F4" | "A4", Paper> = {
  F4: { size: "330mm 215mm", widthPx: Math.floor(330 * MM), heightPx: Math.floor(215 * MM), marginPx: Math.round(10 * MM) },
  A4: { size: "A4 landscape", widthPx: Math.floor(297 * MM), heightPx: Math.floor(210 * MM), marginPx: Math.round(10 * MM) },
};
const FOOTER = 24;
const CONT = 22;
const GAP = 8;
const NOTE_FONT = 10;
const NOTE_LINE = 13;
const NOTE_HEAD = 20 + 10;

function waktuTotal(sop: Sop, dayMinutes: number, labels: SopPageLabels): string {
  let min = 0;
  let max = 0;
  for (const step of sop.steps) {
    const r = parseWaktu(step.waktu);
    if (!r.ok || !r.standard) continue;
    const m = standardMinutes(r.standard, dayMinutes);
    min += m.min;
    max += m.max;
  }
  if (max === 0) return "";
  const dur = (total: number) => {
    const rest = total % dayMinutes;
    return labels.duration(Math.floor(total / dayMinutes), Math.floor(rest / 60), rest % 60);
  };
  return labels.total(min === max ? dur(min) : `${dur(min)} – ${dur(max)}`, dayMinutes);
}

function headerCells(sop: Sop, cols: Columns, roles: Role[], labels: SopPageLabels, total: number): string {
  const laneH = total - HEADER_TOP - HEADER_NUM;
  const both = HEADER_TOP + laneH;
  const x = cols.xs;
  const n = cols.lanes;
  const mutuX = x[2 + n];
  const cells = [
    cell({ x: x[0], y: 0, w: cols.no, h: both }, "hc", esc(labels.no)),
    cell({ x: x[1], y: 0, w: cols.uraian, h: both }, "hc", esc(labels.uraian)),
    cell({ x: cols.lanesX, y: 0, w: n * cols.lane, h: HEADER_TOP }, "hc", esc(labels.pelaksana)),
    cell({ x: mutuX, y: 0, w: cols.kelengkapan + cols.waktu + cols.output, h: HEADER_TOP }, "hc", esc(labels.mutuBaku)),
    cell({ x: x[5 + n], y: 0, w: cols.keterangan, h: both }, "hc", esc(labels.keterangan)),
    cell({ x: x[2 + n], y: HEADER_TOP, w: cols.kelengkapan, h: laneH }, "hc", esc(labels.kelengkapan)),
    cell({ x: x[3 + n], y: HEADER_TOP, w: cols.waktu, h: laneH }, "hc", esc(labels.waktu)),
    cell({ x: x[4 + n], y: HEADER_TOP, w: cols.output, h: laneH }, "hc", esc(labels.output)),
  ];
  sop.lanes.forEach((lane, i) => {
    const sub = laneSubtitle(lane.header, lane.role, roles);
    const html = `<span>${esc(lane.header)}</span>${sub ? `<span class="sub">(${esc(sub)})</span>` : ""}`;
    cells.push(cell({ x: cols.lanesX + i * cols.lane, y: HEADER_TOP, w: cols.lane, h: laneH }, "hc lane", html, { "data-lane-col": String(i) }));
  });
  cols.widths.forEach((w, i) => {
    cells.push(cell({ x: x[i], y: both, w, h: HEADER_NUM }, "hc num", String(i + 1)));
  });
  return cells.join("");
}

function rowCells(sop: Sop, i: number, y: number, h: number, cols: Columns): string {
  const step = sop.steps[i];
  const x = cols.xs;
  const n = cols.lanes;
  const mark = (step.roleInferred ? "<sup>*</sup>" : "") + (step.completed?.includes("langkah") ? `<sup>${COMPLETED_MARK}</sup>` : "");
  const kel = step.kelengkapan.length ? `<ul class="kl">${step.kelengkapan.map((k) => `<li>${esc(k)}</li>`).join("")}</ul>` : "";
  const cells = [
    cell({ x: x[0], y, w: cols.no, h }, "ctr no", esc(step.no) + mark, { "data-row": step.no }),
    cell({ x: x[1], y, w: cols.uraian, h }, "uraian", esc(step.text)),
  ];
  for (let l = 0; l < n; l++) cells.push(cell({ x: cols.lanesX + l * cols.lane, y, w: cols.lane, h }, "lanec", ""));
  cells.push(
    cell({ x: x[2 + n], y, w: cols.kelengkapan, h }, "kel", kel),
    cell({ x: x[3 + n], y, w: cols.waktu, h }, "ctr waktu", esc(step.waktu)),
    cell({ x: x[4 + n], y, w: cols.output, h }, "output", esc(step.output)),
    cell({ x: x[5 + n], y, w: cols.keterangan, h }, "ket", esc(step.keterangan)),
  );
  return cells.join("");
}

function stripCells(y: number, cols: Columns, notes: string[], where: "top" | "bottom"): string {
  const x = cols.xs;
  const n = cols.lanes;
  const text = notes.map((t) => `<div>${esc(t)}</div>`).join("");
  const cells = [cell({ x: x[0], y, w: cols.no, h: STRIP }, "strip", ""), cell({ x: x[1], y, w: cols.uraian, h: STRIP }, "strip", text, { "data-strip": where })];
  for (let l = 0; l < n; l++) cells.push(cell({ x: cols.lanesX + l * cols.lane, y, w: cols.lane, h: STRIP }, "lanec", ""));
  for (let k = 2 + n; k < cols.widths.length; k++) cells.push(cell({ x: x[k], y, w: cols.widths[k], h: STRIP }, "strip", ""));
  return cells.join("");
}

/** Row boundaries that a decision's return arrow crosses (boundary k lies after row k). */
function loopBoundaries(sop: Sop): boolean[] {
  const inside = sop.steps.map(() => false);
  sop.steps.forEach((step, i) => {
    const j = step.kind === "decision" && step.noTo ? sop.steps.findIndex((s) => s.no === step.noTo) : -1;
    for (let k = Math.max(j, 0); j >= 0 && k < i; k++) inside[k] = true;
  });
  return inside;
}

/** Renders an SOP as the Permenpan RB 35/2012 SOP AP document: pure, every text escaped. */
export function renderSopPage(sop: Sop, roles: Role[], opts: SopPageOptions = {}): string {
  const labels = LABELS[opts.lang ?? "id"];
  const paper = PAPERS[opts.paper ?? "F4"];
  const dayMinutes = opts.dayMinutes && opts.dayMinutes > 0 ? opts.dayMinutes : 450;
  // A lane-less SOP still gets one blank Pelaksana column so its steps have somewhere to stand.
  const withLanes: Sop = sop.lanes.length > 0 ? sop : { ...sop, lanes: [{ header: "", role: "" }] };
  const view: Sop = { ...withLanes, steps: withLanes.steps.map(marked) };
  const contentW = paper.widthPx - 2 * paper.marginPx;
  const contentH = paper.heightPx - 2 * paper.marginPx;
  const tableW = contentW - 1;

  const cols = bestColumns(view, tableW);
  const headH = headerHeight(view, cols, roles);
  const identity = renderIdentity(view, tableW, labels, { officeName: opts.officeName ?? DEFAULT_OFFICE_NAME, logoSvg: opts.logoSvg, signer: opts.signer });

  // From the steps as written: a † after a value is the page's mark, not part of the Waktu.
  const total = waktuTotal(withLanes, dayMinutes, labels);
  // Notes on repairs to the seed live in the SOP sheet; printed only as an appendix on request.
  const repairs = opts.repairNotes ? [...view.notes, ...view.steps.flatMap((s) => (s.notes ?? []).map((t) => labels.stepNote(s.no) + t))] : [];
  const notes = [...(total ? [total] : []), ...repairs];
  const noteW = contentW - 2 * 8 - 2 - 16;
  const noteHeights = notes.map((t) => lineCount(t, noteW, NOTE_FONT) * NOTE_LINE);

  const firstAvail = contentH - FOOTER - identity.height - GAP - headH - 1;
  const nextAvail = contentH - FOOTER - CONT - headH - 1;
  // A step longer than a page is cut to one page (its cells clip) rather than running off the paper.
  const heights = view.steps.map((s) => Math.min(rowHeight(s, cols), nextAvail - 2 * STRIP));
  // The total time alone is one line under the table; the appendix of repair notes gets its headed box.
  const compact = repairs.length === 0;
  const noteBox = { head: compact ? 0 : NOTE_HEAD, gap: compact ? 6 : 10, pageAvail: contentH - FOOTER - CONT };
  const tableH = heights.reduce((a, b) => a + b, 0);
  // A table that must split but fits one page whole (or whose first row and the strip under it do not fit under the
  // identity) starts on page 2, the identity standing alone as on the paper form; one that fits there whole stays.
  const identityAlone = tableH > firstAvail && (tableH <= nextAvail || heights[0] + STRIP > firstAvail);
  const plans: PagePlan[] = identityAlone
    ? [{ rows: [], topStrip: false, bottomStrip: false, notes: [] }, ...paginate(heights, nextAvail, nextAvail, noteHeights, noteBox, loopBoundaries(view))]
    : paginate(heights, firstAvail, nextAvail, noteHeights, noteBox, loopBoundaries(view));

  // Place every row on its page so the flowchart can be drawn across pages.
  const placed: Placed[] = [];
  const bodyHeights = plans.map((plan, p) => {
    let y = plan.topStrip ? STRIP : 0;
    for (const r of plan.rows) {
      placed[r] = { page: p, top: y, h: heights[r], lane: laneOf(view, view.steps[r]) };
      y += heights[r];
    }
    return y + (plan.bottomStrip ? STRIP : 0);
  });
  const uid = sop.id.replace(/[^A-Za-z0-9_-]/g, "") || "sop";
  const markerId = (p: number) => `ah-${uid}-${p + 1}`;
  const flow = planFlow(view, placed, cols, bodyHeights, labels, markerId);

  const sheets = plans.map((plan, p) => {
    const parts: string[] = [];
    const tableStart = identityAlone ? p === 1 : p === 0;
    if (p === 0) parts.push(identity.html, `<div class="gap"></div>`);
    else parts.push(`<div class="cont">${esc(sop.title)}${tableStart ? "" : ` <span>(${esc(labels.continued)})</span>`}</div>`);
    if (plan.rows.length > 0 || (p === 0 && !identityAlone)) {
      const cells: string[] = [headerCells(view, cols, roles, labels, headH)];
      let y = headH;
      if (plan.topStrip) {
        cells.push(stripCells(y, cols, flow[p].topNotes, "top"));
        y += STRIP;
      }
      for (const r of plan.rows) {
        cells.push(rowCells(view, r, y, heights[r], cols));
        y += heights[r];
      }
      if (plan.bottomStrip) {
        cells.push(stripCells(y, cols, flow[p].bottomNotes, "bottom"));
        y += STRIP;
      }
      const svgW = cols.lanes * cols.lane;
      const bodyH = bodyHeights[p];
      cells.push(
        `<svg class="flow" xmlns="http://www.w3.org/2000/svg" data-page="${p + 1}" style="left:${cols.lanesX}px;top:${headH}px" width="${svgW}" height="${bodyH}" viewBox="0 0 ${svgW} ${bodyH}">` +
          `<defs><marker id="${markerId(p)}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>` +
          flow[p].body +
          `</svg>`,
      );
      parts.push(grid(tableW, y, "proc", cells.join(""), ` role="table" data-page="${p + 1}"`));
    }
    if (plan.notes.length > 0) {
      const h = (compact ? 4 : NOTE_HEAD) + plan.notes.reduce((a, n) => a + noteHeights[n], 0);
      const items = plan.notes.map((n) => `<li>${esc(notes[n])}</li>`).join("");
      if (compact) parts.push(`<div class="catatan total" style="max-height:${h}px">${plan.notes.map((n) => esc(notes[n])).join(" ")}</div>`);
      else parts.push(`<div class="catatan" style="max-height:${h}px"><h2>${esc(labels.repairNotes)}</h2><ul>${items}</ul></div>`);
    }
    const inferred = plan.rows.some((r) => view.steps[r].roleInferred);
    const completed = plan.rows.some((r) => (view.steps[r].completed ?? []).length > 0);
    const fns = [inferred ? `* ${esc(labels.inferred)}` : "", completed ? `${COMPLETED_MARK} ${esc(labels.completed)}` : ""].filter(Boolean).join("<br>");
    const foot = `<div class="foot${inferred && completed ? " two" : ""}"><span class="fn">${fns}</span><span>${esc(sop.title)} · ${esc(labels.page(p + 1, plans.length))}</span></div>`;
    return `<section class="sheet" data-page="${p + 1}">${parts.join("")}${foot}</section>`;
  });

  const lang = opts.lang ?? "id";
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(sop.title)}</title>
<style>${sopPageCss(paper)}</style>
</head><body>
${sheets.join("\n")}
</body></html>
`;
}
