// The SOP AP page in Chromium: symbols stand in their Pelaksana columns, arrows join them, long SOPs continue across pages.
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { ROLES } from "../../src/catalog/roles";
import { sop as pengembanganAplikasi } from "../../src/catalog/sops/pengembangan-aplikasi";
import { sop as suratKeluar } from "../../src/catalog/sops/surat-keluar";
import { sop as suratMasuk } from "../../src/catalog/sops/surat-masuk";
import type { Sop } from "../../src/domain/sop";
import { renderSopPage } from "../../src/domain/sop-page";
import { fixtureSop, linearSop, step } from "../fixtures/sops/sop-page-fixtures";
import { launchBrowser } from "./browser";

const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts", "sop-page");
const TOUCH = 3;

interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
interface Geometry {
  sheets: Array<Rect & { page: string }>;
  laneCols: Array<Rect & { page: string; lane: string }>;
  symbols: Array<Rect & { page: string; lane: string; step: string }>;
  connectors: Array<Rect & { page: string; name: string; dir: string }>;
  arrows: Array<{ page: string; from: string; to: string; kind: string; part: string; start: [number, number]; end: [number, number] }>;
  clipped: string[];
  labels: Array<{ page: string; text: string }>;
}

// Runs in the page: collects the boxes and arrow endpoints the assertions need.
function measure(): Geometry {
  const box = (el: Element) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  };
  const pageOf = (el: Element) => (el.closest("section.sheet") as HTMLElement).dataset.page ?? "";
  const all = (sel: string) => Array.from(document.querySelectorAll(sel));
  return {
    sheets: all("section.sheet").map((el) => ({ ...box(el), page: pageOf(el) })),
    laneCols: all("[data-lane-col]").map((el) => ({ ...box(el), page: pageOf(el), lane: el.getAttribute("data-lane-col") ?? "" })),
    symbols: all("[data-step]").map((el) => ({ ...box(el), page: pageOf(el), lane: el.getAttribute("data-lane") ?? "", step: el.getAttribute("data-step") ?? "" })),
    connectors: all("[data-connector]").map((el) => ({
      ...box(el),
      page: pageOf(el),
      name: el.getAttribute("data-connector") ?? "",
      dir: el.getAttribute("data-connector-dir") ?? "",
    })),
    arrows: all("path.arrow").map((el) => {
      const path = el as SVGPathElement;
      const m = path.getScreenCTM() as DOMMatrix;
      const at = (len: number): [number, number] => {
        const p = new DOMPoint(path.getPointAtLength(len).x, path.getPointAtLength(len).y).matrixTransform(m);
        return [p.x, p.y];
      };
      return {
        page: pageOf(el),
        from: el.getAttribute("data-from") ?? "",
        to: el.getAttribute("data-to") ?? "",
        kind: el.getAttribute("data-kind") ?? "",
        part: el.getAttribute("data-part") ?? "",
        start: at(0),
        end: at(path.getTotalLength()),
      };
    }),
    // Text cells whose content does not fit the row height the renderer estimated.
    clipped: all(".c.uraian, .c.kel, .c.output, .c.ket, .c.waktu, .identity .c")
      .filter((el) => el.scrollHeight > el.clientHeight + 1)
      .map((el) => (el.textContent ?? "").slice(0, 60)),
    labels: all("svg.flow text.lbl").map((el) => ({ page: pageOf(el), text: el.textContent ?? "" })),
  };
}

/** Distance from a point to a rectangle (0 inside or on its edge). */
function distance([x, y]: [number, number], r: Rect): number {
  const dx = Math.max(r.left - x, 0, x - r.right);
  const dy = Math.max(r.top - y, 0, y - r.bottom);
  return Math.hypot(dx, dy);
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
});

async function render(sop: Sop): Promise<Geometry> {
  await page.setContent(renderSopPage(sop, ROLES), { waitUntil: "load" });
  await page.screenshot({ path: join(ARTIFACTS, `${sop.id}.png`), fullPage: true });
  return page.evaluate(measure);
}

function symbolOf(g: Geometry, no: string) {
  const s = g.symbols.find((x) => x.step === no);
  if (!s) throw new Error(`no symbol for step ${no}`);
  return s;
}

function checkLanes(sop: Sop, g: Geometry): void {
  expect(g.symbols.map((s) => s.step)).toEqual(sop.steps.map((s) => s.no));
  for (const s of g.symbols) {
    const col = g.laneCols.find((c) => c.page === s.page && c.lane === s.lane);
    expect(col).toBeDefined();
    const cx = (s.left + s.right) / 2;
    expect(cx).toBeGreaterThan(col!.left);
    expect(cx).toBeLessThan(col!.right);
    const step = sop.steps.find((x) => x.no === s.step)!;
    expect(sop.lanes[Number(s.lane)].header).toBe(step.role);
  }
}

/** Every step's arrow to its successor starts on it and ends on the successor, or on an off-page connector between. */
function checkJoined(g: Geometry, from: string, to: string, kind?: string): void {
  const arrows = g.arrows.filter((a) => a.from === from && a.to === to && (kind === undefined || a.kind === kind));
  expect(arrows.length).toBeGreaterThan(0);
  const a = symbolOf(g, from);
  const b = symbolOf(g, to);
  const full = arrows.find((x) => x.part === "full");
  if (full) {
    expect(distance(full.start, a)).toBeLessThanOrEqual(TOUCH);
    expect(distance(full.end, b)).toBeLessThanOrEqual(TOUCH);
    return;
  }
  const out = arrows.find((x) => x.part === "out")!;
  const into = arrows.find((x) => x.part === "in")!;
  expect(out.page).toBe(a.page);
  expect(into.page).toBe(b.page);
  expect(distance(out.start, a)).toBeLessThanOrEqual(TOUCH);
  expect(distance(into.end, b)).toBeLessThanOrEqual(TOUCH);
  const near = (pt: [number, number], pg: string, dir: string) =>
    g.connectors.filter((c) => c.page === pg && c.dir === dir && distance(pt, c) <= TOUCH).map((c) => c.name);
  const outName = near(out.end, out.page, "out");
  const inName = near(into.start, into.page, "in");
  expect(outName.length).toBe(1);
  expect(inName).toEqual(outName);
}

function checkSequence(sop: Sop, g: Geometry): void {
  sop.steps.forEach((step, i) => {
    const next = sop.steps[i + 1];
    if (!next) return;
    if (step.kind === "decision") {
      if (step.yesTo === next.no || step.yesTo === undefined) checkJoined(g, step.no, next.no, "yes");
      return;
    }
    checkJoined(g, step.no, next.no, "next");
  });
}

/** Whether any table or Catatan box reaches into its sheet's footer line (page number, footnote) or off the sheet. */
function runsIntoFooter(): Promise<boolean> {
  return page.$$eval("section.sheet", (sheets) =>
    sheets.some((s) => {
      const foot = (s.querySelector(".foot") as Element).getBoundingClientRect().top;
      return Array.from(s.querySelectorAll(".grid, .catatan")).some((x) => x.getBoundingClientRect().bottom > foot);
    }),
  );
}

function checkFits(g: Geometry): void {
  expect(g.clipped).toEqual([]);
}

describe("SOP AP page in Chromium", () => {
  test("Surat Masuk (linear): each symbol in its Pelaksana column, joined in order, nothing clipped", async () => {
    const g = await render(suratMasuk);
    checkLanes(suratMasuk, g);
    checkSequence(suratMasuk, g);
    checkFits(g);
    expect(g.labels.map((l) => l.text)).toEqual([]);
  });

  test("Surat Keluar (decisions that return): Ya goes on, Tidak goes back to the noTo step", async () => {
    const g = await render(suratKeluar);
    checkLanes(suratKeluar, g);
    checkSequence(suratKeluar, g);
    checkFits(g);
    const decisions = suratKeluar.steps.filter((s) => s.kind === "decision");
    expect(decisions.length).toBeGreaterThan(0);
    for (const d of decisions) {
      checkJoined(g, d.no, d.noTo!, "no");
      // The return ends on the noTo step's symbol, which lies above the decision (or on an earlier page).
      const back = g.arrows.filter((a) => a.from === d.no && a.kind === "no");
      const last = back.find((a) => a.part === "full" || a.part === "in")!;
      const target = symbolOf(g, d.noTo!);
      expect(distance(last.end, target)).toBeLessThanOrEqual(TOUCH);
      const decision = symbolOf(g, d.no);
      if (target.page === decision.page) expect(target.bottom).toBeLessThan(decision.top);
    }
    const words = g.labels.map((l) => l.text);
    expect(words.filter((w) => w === "Tidak")).toHaveLength(decisions.length);
    expect(words.filter((w) => w === "Ya")).toHaveLength(decisions.length);
  });

  test("Pengembangan Aplikasi (14 steps, five Pelaksana): continues over pages through off-page connectors", async () => {
    const g = await render(pengembanganAplikasi);
    expect(pengembanganAplikasi.lanes).toHaveLength(5);
    checkLanes(pengembanganAplikasi, g);
    checkSequence(pengembanganAplikasi, g);
    checkFits(g);
    const pages = new Set(g.symbols.map((s) => s.page));
    expect(pages.size).toBeGreaterThanOrEqual(2);
    // Every page with steps repeats the Pelaksana header.
    for (const p of pages) expect(g.laneCols.filter((c) => c.page === p)).toHaveLength(5);
    expect(g.connectors.filter((c) => c.dir === "out").length).toBeGreaterThanOrEqual(1);
    expect(g.connectors.filter((c) => c.dir === "in").length).toBe(g.connectors.filter((c) => c.dir === "out").length);
    // Each sheet's table stays inside the sheet.
    for (const s of g.symbols) {
      const sheet = g.sheets.find((x) => x.page === s.page)!;
      expect(s.bottom).toBeLessThan(sheet.bottom);
    }
  });

  test("printing gives one paper page per sheet, on F4 and on A4 landscape", async () => {
    for (const paper of ["F4", "A4"] as const) {
      await page.setContent(renderSopPage(pengembanganAplikasi, ROLES, { paper }), { waitUntil: "load" });
      const sheets = await page.$$eval("section.sheet", (els) => els.length);
      await page.emulateMedia({ media: "print" });
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
      await page.emulateMedia({ media: "screen" });
      const pages = pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
      expect(pages.length).toBe(sheets);
      // MediaBox in points: F4 landscape 330 x 215 mm, A4 landscape 297 x 210 mm.
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)!;
      const mm = (pt: string) => Math.round((Number(pt) / 72) * 25.4);
      expect([mm(box[1]), mm(box[2])]).toEqual(paper === "F4" ? [330, 215] : [297, 210]);
    }
  });

  test("nothing runs off the paper: many lanes, a 40-step SOP, a step longer than a page", async () => {
    const lanes = Array.from({ length: 9 }, (_, i) => ({ header: `Pejabat Nomor ${i + 1} Bidang Panjang`, role: "jfu" }));
    const wide = fixtureSop(
      lanes.map((l, i) => step(String(i + 1), l.header, { kelengkapan: ["Dokumen pendukung lengkap"], output: "Berkas yang sudah diperiksa" })),
      { lanes },
    );
    const huge = fixtureSop([step("1", "JFU", { text: "Memeriksa berkas ".repeat(400) }), step("2", "KASUBBAG"), step("3", "JFU")]);
    for (const sop of [wide, linearSop(40), huge]) {
      for (const paper of ["F4", "A4"] as const) {
        await page.setContent(renderSopPage(sop, ROLES, { paper }), { waitUntil: "load" });
        const g = await page.evaluate(measure);
        checkLanes(sop, g);
        checkSequence(sop, g);
        expect(await runsIntoFooter()).toBe(false);
        if (sop === wide && paper === "A4") await page.screenshot({ path: join(ARTIFACTS, "fixture-9-lanes-a4.png"), fullPage: true });
      }
    }
  });

  // Every SOP file present in the catalog, on both papers: the estimated row heights hold their text and the flow joins up.
  const catalogDir = join(__dirname, "..", "..", "src", "catalog", "sops");
  const ids = readdirSync(catalogDir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.replace(/\.ts$/, ""));
  test.each(ids)("catalog SOP %s renders without clipped text on F4 and A4", async (id) => {
    const { sop } = require(join(catalogDir, id)) as { sop: Sop };
    for (const paper of ["F4", "A4"] as const) {
      await page.setContent(renderSopPage(sop, ROLES, { paper }), { waitUntil: "load" });
      const g = await page.evaluate(measure);
      checkLanes(sop, g);
      checkSequence(sop, g);
      checkFits(g);
      expect(await runsIntoFooter()).toBe(false);
    }
  });
});
