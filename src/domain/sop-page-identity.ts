// The identity block of the SOP AP (Permenpan RB 35/2012): unit on the left, SOP data on the right, then the six-item grid.
import type { Sop } from "./sop";
import { type Box, cell, FONT, grid, LINE, PAD_X, textHeight } from "./sop-page-grid";
import type { SopPageLabels } from "./sop-page-labels";
import { esc, lineCount } from "./sop-page-text";

/** Who signs the SOP: the SOP Identitas values, else (per field) the office's head from Pejabat. */
export interface Signer {
  jabatan: string;
  nama: string;
  pangkat: string;
  nip: string;
}

export interface IdentityOptions {
  officeName: string;
  logoSvg?: string;
  signer?: Partial<Signer>;
}

/** Room left for the signature and the stamp, in px. */
const SIGN_SPACE = 46;
const DOTS = "……………………………………";

/** The signer as printed: SOP Identitas first, then the fallback; what nobody knows is a dotted line to fill by hand. */
export function signerOf(sop: Sop, fallback: Partial<Signer> = {}): Signer {
  const id = sop.identity;
  const pick = (own: string | undefined, other: string | undefined) => (own ?? "").trim() || (other ?? "").trim();
  return {
    jabatan: pick(id.disahkanOleh, fallback.jabatan),
    nama: pick(id.pengesahNama, fallback.nama),
    pangkat: pick(id.pengesahPangkat, fallback.pangkat),
    nip: pick(id.pengesahNip, fallback.nip),
  };
}

/** The Disahkan oleh block: jabatan, room to sign and stamp, name (bold, underlined), rank, NIP. */
function signBlock(s: Signer, width: number): { html: string; height: number } {
  const lines = [s.jabatan || DOTS, s.nama || DOTS, s.pangkat, `NIP. ${s.nip || DOTS}`].filter((l) => l !== "");
  const count = lines.reduce((n, l, i) => n + lineCount(l, width, FONT, i === 0 || i === 1), 0);
  const html =
    `<div class="t sig"><div class="jab">${esc(s.jabatan || DOTS)}</div><div class="ttd" style="height:${SIGN_SPACE}px"></div>` +
    `<div class="nm">${esc(s.nama || DOTS)}</div>${s.pangkat ? `<div>${esc(s.pangkat)}</div>` : ""}<div>NIP. ${esc(s.nip || DOTS)}</div></div>`;
  return { html, height: textHeight(count) + SIGN_SPACE };
}

const LABEL_W = 150;
const LOGO_H = 60;
const UNIT_FONT = 12;
const UNIT_LINE = 16;
const HEAD_H = textHeight(1);

function blank(text: string): string {
  return text.trim() === "" ? "-" : text;
}

function textCell(box: Box, cls: string, text: string): string {
  return cell(box, cls, `<div class="t">${esc(text)}</div>`);
}

/** Logo as an image: an admin's SVG is shown, never parsed into the page, so it cannot carry script or styles. */
function logoImg(svg: string): string {
  return `<img class="logo" alt="" src="data:image/svg+xml;charset=utf-8,${esc(encodeURIComponent(svg))}">`;
}

/** Renders the identity block at full width and returns it with its exact height. */
export function renderIdentity(sop: Sop, width: number, labels: SopPageLabels, opts: IdentityOptions): { html: string; height: number } {
  const id = sop.identity;
  const leftW = Math.round(width * 0.38);
  const valueW = width - leftW - LABEL_W;
  const inner = (w: number) => w - 2 * PAD_X - 1;

  const rightRows: Array<[string, string, string]> = [
    [labels.nomor, blank(id.nomor), "v"],
    [labels.tanggalPembuatan, blank(id.tanggalPembuatan), "v"],
    [labels.tanggalRevisi, blank(id.tanggalRevisi), "v"],
    [labels.tanggalEfektif, blank(id.tanggalEfektif), "v"],
    [labels.disahkanOleh, "", "v sign"],
    [labels.namaSop, sop.title, "v title"],
  ];
  const sign = signBlock(signerOf(sop, opts.signer), inner(valueW));
  const heights = rightRows.map(([, value, cls]) => {
    if (cls.includes("sign")) return sign.height;
    const bold = cls.includes("title");
    const h = textHeight(lineCount(value, inner(valueW), bold ? 12 : FONT, bold), bold ? 16 : LINE);
    return Math.max(HEAD_H, h);
  });

  const unitLines = [...opts.officeName.split(/\n/), sop.unitName.toUpperCase()].filter((l) => l.trim() !== "");
  const unitTextLines = unitLines.reduce((n, l) => n + lineCount(l, inner(leftW) - 8, UNIT_FONT, true), 0);
  const leftNeed = (opts.logoSvg ? LOGO_H + 8 : 0) + unitTextLines * UNIT_LINE + 20;
  const rightSum = heights.reduce((a, b) => a + b, 0);
  if (leftNeed > rightSum) heights[heights.length - 1] += leftNeed - rightSum;
  const topH = Math.max(leftNeed, rightSum);

  const cells: string[] = [];
  const unitHtml =
    (opts.logoSvg ? logoImg(opts.logoSvg) : "") + unitLines.map((l, i) => `<div class="${i === unitLines.length - 1 ? "unit-sub" : "unit-name"}">${esc(l)}</div>`).join("");
  cells.push(cell({ x: 0, y: 0, w: leftW, h: topH }, "unit", unitHtml));
  let y = 0;
  rightRows.forEach(([label, value, cls], i) => {
    cells.push(textCell({ x: leftW, y, w: LABEL_W, h: heights[i] }, "k", label));
    const box = { x: leftW + LABEL_W, y, w: valueW, h: heights[i] };
    cells.push(cls.includes("sign") ? cell(box, cls, sign.html) : textCell(box, cls, value));
    y += heights[i];
  });

  const half = Math.floor(width / 2);
  const pairs: Array<[string, string, string, string]> = [
    [labels.dasarHukum, id.dasarHukum, labels.kualifikasiPelaksana, id.kualifikasiPelaksana],
    [labels.keterkaitan, id.keterkaitan, labels.peralatan, id.peralatan],
    [labels.peringatan, id.peringatan, labels.pencatatan, id.pencatatan],
  ];
  for (const [l1, v1, l2, v2] of pairs) {
    cells.push(textCell({ x: 0, y, w: half, h: HEAD_H }, "h", l1));
    cells.push(textCell({ x: half, y, w: width - half, h: HEAD_H }, "h", l2));
    y += HEAD_H;
    const lines = Math.max(lineCount(blank(v1), inner(half), FONT), lineCount(blank(v2), inner(width - half), FONT));
    const h = Math.max(HEAD_H, textHeight(lines));
    cells.push(textCell({ x: 0, y, w: half, h }, "v", blank(v1)));
    cells.push(textCell({ x: half, y, w: width - half, h }, "v", blank(v2)));
    y += h;
  }
  return { html: grid(width, y, "identity", cells.join("")), height: y + 1 };
}
