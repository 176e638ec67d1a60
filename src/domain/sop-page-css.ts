// Stylesheet of the SOP page: fixed-size sheets on screen, one sheet per printed page.
import { FONT, LINE, PAD_X, PAD_Y } from "./sop-page-grid";
import { LANE_FONT, LANE_LINE } from "./sop-page-layout";

export interface Paper {
  /** CSS @page size value. */
  size: string;
  widthPx: number;
  heightPx: number;
  marginPx: number;
}

export function sopPageCss(paper: Paper): string {
  return `
@page { size: ${paper.size}; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; color: #000; background: #d9dce1; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { position: relative; width: ${paper.widthPx}px; height: ${paper.heightPx}px; padding: ${paper.marginPx}px; margin: 16px auto; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.3); overflow: hidden; }
@media print { body { background: #fff; } .sheet { margin: 0; box-shadow: none; break-after: page; } .sheet:last-child { break-after: auto; } }
.grid { position: relative; box-sizing: content-box; border-top: 1px solid #000; border-left: 1px solid #000; }
.c { position: absolute; border-right: 1px solid #000; border-bottom: 1px solid #000; overflow: hidden; padding: ${PAD_Y}px ${PAD_X}px; font-size: ${FONT}px; line-height: ${LINE}px; overflow-wrap: anywhere; }
.hc { display: flex; align-items: center; justify-content: center; text-align: center; font-weight: bold; background: #eceef1; }
.hc.lane { flex-direction: column; font-size: ${LANE_FONT}px; line-height: ${LANE_LINE}px; }
.hc .sub { font-weight: normal; font-size: 9px; color: #444; }
.hc.num { font-size: 9px; line-height: 12px; padding: 0; font-weight: normal; color: #333; background: #f6f7f8; }
.c.ctr { text-align: center; }
.c.no sup { font-size: 8px; color: #555; }
.c.lanec { padding: 0; }
.c.strip { font-size: 9px; line-height: 11px; font-style: italic; color: #333; display: flex; flex-direction: column; justify-content: center; }
.kl { margin: 0; padding: 0; list-style: none; }
.identity .unit { display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center; padding: 8px; }
.identity .logo { max-height: 60px; max-width: 80%; margin-bottom: 8px; }
.identity .unit-name { font-weight: bold; font-size: 12px; line-height: 16px; }
.identity .unit-sub { font-weight: bold; font-size: 12px; line-height: 16px; margin-top: 4px; }
.identity .k { background: #f6f7f8; }
.identity .title { font-weight: bold; font-size: 12px; line-height: 16px; }
.identity .sig .jab { font-weight: bold; }
.identity .sig .nm { font-weight: bold; text-decoration: underline; }
.c .mk { font-size: 9px; color: #7a4b00; }
.identity .h { font-weight: bold; text-align: center; background: #eceef1; }
.cont { height: 22px; font-size: 11px; font-weight: bold; }
.cont span { font-weight: normal; font-style: italic; color: #444; }
.gap { height: 8px; }
.flow { position: absolute; overflow: visible; pointer-events: none; }
.flow .sym { fill: #fff; stroke: #000; stroke-width: 1.3; }
.flow .arrow { fill: none; stroke: #000; stroke-width: 1.1; }
.flow .lbl { font-size: 8.5px; font-style: italic; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.flow .conn-lbl { font-size: 9px; font-weight: bold; }
.flow .end-lbl { font-size: 8px; }
.catatan { margin-top: 10px; border: 1px solid #000; padding: 4px 8px; font-size: 10px; line-height: 13px; overflow: hidden; }
.catatan.total { margin-top: 6px; border: 0; padding: 0 2px; font-style: italic; }
.catatan h2 { font-size: 11px; margin: 0 0 4px; line-height: 16px; }
.catatan ul { margin: 0; padding-left: 16px; }
.catatan li { overflow-wrap: anywhere; }
.foot { position: absolute; left: ${paper.marginPx}px; right: ${paper.marginPx}px; bottom: ${paper.marginPx - 4}px; height: 14px; font-size: 9px; line-height: 14px; color: #333; display: flex; justify-content: space-between; gap: 16px; }
.foot .fn { font-style: italic; }
.foot.two { height: 24px; line-height: 12px; bottom: ${paper.marginPx - 8}px; }
.foot.two span:last-child { align-self: flex-end; }
`;
}
