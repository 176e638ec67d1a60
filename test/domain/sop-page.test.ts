// The SOP AP page as a string: escaping, one symbol per step with the right shape, decision labels, pagination.
import { ROLES } from "../../src/catalog/roles";
import { renderSopPage } from "../../src/domain/sop-page";
import { cellsOf, flowOf, gridsOf, type PageCell, textOf, tilingProblems } from "../fixtures/sops/page-cells";
import type { Sop, SopStep } from "../../src/domain/sop";
import { decisionSop, fixtureSop, linearSop, step } from "../fixtures/sops/sop-page-fixtures";

/** Attribute maps of every element of a tag that carries a given attribute. */
function elements(html: string, tag: string, attr: string): Array<Record<string, string>> {
  const re = new RegExp(`<${tag}\\b([^>]*\\b${attr}="[^"]*"[^>]*)>`, "g");
  return Array.from(html.matchAll(re)).map((m) => Object.fromEntries(Array.from(m[1].matchAll(/([\w-]+)="([^"]*)"/g)).map((a) => [a[1], a[2]])));
}

const symbols = (html: string) => [...elements(html, "rect", "data-step"), ...elements(html, "polygon", "data-step")];
const labelsIn = (html: string) => Array.from(html.matchAll(/<text class="lbl"[^>]*>([^<]*)<\/text>/g)).map((m) => m[1]);
const sheets = (html: string) => (html.match(/<section class="sheet"/g) ?? []).length;

/** Each printed sheet: its procedure table's cells and size, its flowchart's SVG box and content, its texts. */
function sheetsOf(html: string) {
  return Array.from(html.matchAll(/<section class="sheet" data-page="(\d+)">(.*?)<\/section>/gs)).map((m) => {
    const body = m[2];
    const [proc] = gridsOf(body, "proc");
    const svg = /<svg class="flow"[^>]*style="left:(\d+)px;top:(\d+)px" width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)">(.*?)<\/svg>/s.exec(body);
    return {
      page: Number(m[1]),
      body,
      proc,
      cells: proc ? cellsOf(proc.inner) : [],
      svg: svg ? { left: Number(svg[1]), top: Number(svg[2]), w: Number(svg[3]), h: Number(svg[4]), vw: Number(svg[5]), vh: Number(svg[6]), flow: flowOf(svg[7]) } : null,
      foot: /<div class="foot[^"]*">.*?<\/div>/s.exec(body)?.[0] ?? "",
      cont: /<div class="cont">(.*?)<\/div>/s.exec(body)?.[1] ?? null,
    };
  });
}

/** The header cell with this text, and the body cell of a step's row below it. */
const header = (cells: PageCell[], text: string) => cells.find((c) => c.cls.startsWith("hc") && textOf(c.html) === text)!;
function rowOf(cells: PageCell[], no: string) {
  const first = cells.find((c) => c.attrs["data-row"] === no)!;
  return (col: PageCell) => cells.find((c) => c.y === first.y && c.x === col.x)!;
}

describe("renderSopPage: the procedure table as printed", () => {
  test("cells meet edge to edge on every page, and the flowchart lies exactly over the Pelaksana columns, each symbol in its step's row", () => {
    const long = fixtureSop(
      [
        step("1", "JFU", { text: "Menerima berkas permohonan ".repeat(12), kelengkapan: ["Formulir", "KTP", "Surat pengantar dari kelurahan setempat"] }),
        step("2", "KASUBBAG", { kind: "decision", yesTo: "3", noTo: "1", keterangan: "Lihat SOP Rapat Internal" }),
        ...Array.from({ length: 14 }, (_, i) => step(String(i + 3), ["JFU", "KASUBBAG", "SEKRETARIS"][i % 3], { output: "Surat ".repeat(i) })),
      ],
      { lanes: [{ header: "JFU", role: "jfu" }, { header: "KASUBBAG", role: "kasubbag-umum" }, { header: "SEKRETARIS", role: "sekretaris" }] },
    );
    for (const sop of [decisionSop, long]) {
      const html = renderSopPage(sop, ROLES);
      // No text stands between the page's elements.
      expect(html).not.toMatch(/<\/(div|svg|section)>[^<\s]/);
      const sheets = sheetsOf(html).filter((s) => s.proc);
      expect(sheets.length).toBeGreaterThan(0);
      const seen: string[] = [];
      for (const s of sheets) {
        expect(tilingProblems(s.cells, s.proc.w, s.proc.h)).toEqual([]);
        // Every cell is placed (none without a position to count against the tiling).
        expect((s.proc.inner.match(/<div class="c /g) ?? []).length).toBe(s.cells.length);
        const lanes = s.cells.filter((c) => c.attrs["data-lane-col"] !== undefined);
        const pelaksana = header(s.cells, "Pelaksana");
        expect([pelaksana.x, pelaksana.w]).toEqual([lanes[0].x, lanes.reduce((a, c) => a + c.w, 0)]);
        const svg = s.svg!;
        const headH = lanes[0].y + lanes[0].h + s.cells.find((c) => c.cls === "hc num")!.h;
        expect([svg.left, svg.top, svg.w, svg.h]).toEqual([lanes[0].x, headH, pelaksana.w, s.proc.h - headH]);
        expect([svg.vw, svg.vh]).toEqual([svg.w, svg.h]);
        for (const sym of svg.flow.syms.filter((x) => x.step)) {
          const row = s.cells.find((c) => c.attrs["data-row"] === sym.step)!;
          const lane = lanes[sym.lane!];
          expect(sym.y + sym.h / 2).toBeCloseTo(row.y - headH + row.h / 2, 1);
          expect(sym.x).toBeGreaterThan(lane.x - lanes[0].x);
          expect(sym.x + sym.w).toBeLessThan(lane.x - lanes[0].x + lane.w);
          seen.push(sym.step!);
        }
      }
      expect(seen).toEqual(sop.steps.map((st) => st.no));
    }
  });

  test("each row holds its step under the right headings: number, wording, Kelengkapan, Waktu, Output, Keterangan", () => {
    const sop = fixtureSop([
      step("1", "JFU", { text: "Menerima surat", kelengkapan: ["Buku agenda", "Stempel"], waktu: "5 Menit", output: "Surat tercatat", keterangan: "Lihat SOP Arsip", roleInferred: true }),
      step("2", "KASUBBAG", { text: "Memberi disposisi", kelengkapan: [], waktu: "1 Jam", output: "Disposisi", keterangan: "" }),
    ]);
    const [s] = sheetsOf(renderSopPage(sop, ROLES));
    const cols = ["No", "Uraian Kegiatan", "Kelengkapan", "Waktu", "Output", "Keterangan"].map((h) => header(s.cells, h));
    expect(rowOf(s.cells, "1") && cols.map((c) => rowOf(s.cells, "1")(c).html)).toEqual(["1<sup>*</sup>", "Menerima surat", '<ul class="kl"><li>Buku agenda</li><li>Stempel</li></ul>', "5 Menit", "Surat tercatat", "Lihat SOP Arsip"]);
    expect(cols.map((c) => rowOf(s.cells, "2")(c).html)).toEqual(["2", "Memberi disposisi", "", "1 Jam", "Disposisi", ""]);
    // Mutu Baku spans Kelengkapan, Waktu and Output; the column numbers run 1 to 9 along the bottom of the header.
    const mutu = header(s.cells, "Mutu Baku");
    expect([mutu.x, mutu.w]).toEqual([cols[2].x, cols[2].w + cols[3].w + cols[4].w]);
    expect(s.cells.filter((c) => c.cls === "hc num").map((c) => c.html)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(s.cells.filter((c) => c.cls === "hc lane").map((c) => c.html)).toEqual([
      "<span>JFU</span>",
      '<span>KASUBBAG</span><span class="sub">(Kasubbag Umum)</span>',
      "<span>SEKRETARIS</span>",
    ]);
    // The number and the Waktu are centred; the lanes' cells under the flowchart hold nothing.
    expect([rowOf(s.cells, "1")(cols[0]).cls, rowOf(s.cells, "1")(cols[3]).cls]).toEqual(["ctr no", "ctr waktu"]);
    expect(s.cells.filter((c) => c.cls === "lanec").map((c) => c.html)).toEqual(Array(6).fill(""));
    // The footnote explains the asterisk, and only it.
    expect(s.foot).toContain('<span class="fn">* Pelaksana disimpulkan dari uraian kegiatan (tanda bagan alir tidak terbaca pada naskah sumber).</span>');
  });

  test("values Alur completed: the last Kelengkapan item and each filled value carry †, blanks stay blank", () => {
    const sop = fixtureSop([
      step("1", "JFU", { kelengkapan: ["ATK", "Map"], output: "", completed: ["kelengkapan", "output"] }),
      step("2", "KASUBBAG", { text: "Menandatangani", kelengkapan: ["Pena"], waktu: "", output: "Surat", completed: ["langkah"] }),
    ]);
    const [s] = sheetsOf(renderSopPage(sop, ROLES));
    const cols = ["No", "Uraian Kegiatan", "Kelengkapan", "Waktu", "Output"].map((h) => header(s.cells, h));
    expect(cols.map((c) => rowOf(s.cells, "1")(c).html)).toEqual(["1", "Langkah 1 dikerjakan oleh JFU", '<ul class="kl"><li>ATK</li><li>Map †</li></ul>', "15", ""]);
    expect(cols.map((c) => rowOf(s.cells, "2")(c).html)).toEqual(["2<sup>†</sup>", "Menandatangani †", '<ul class="kl"><li>Pena †</li></ul>', "", "Surat †"]);
    expect(s.foot).toMatch(/<div class="foot"><span class="fn">† Dilengkapi Alur/);
    // Only what Alur completed is marked: the wording here, not the Kelengkapan.
    const uraian = sheetsOf(renderSopPage(fixtureSop([step("1", "JFU", { text: "Menerima", kelengkapan: ["ATK"], completed: ["uraian"] })]), ROLES))[0];
    expect(["Uraian Kegiatan", "Kelengkapan"].map((h) => rowOf(uraian.cells, "1")(header(uraian.cells, h)).html)).toEqual(["Menerima †", '<ul class="kl"><li>ATK</li></ul>']);
    // Both footnotes: two lines, the page number kept to the bottom line.
    const both = sheetsOf(renderSopPage(fixtureSop([step("1", "JFU", { roleInferred: true, completed: ["waktu"] })]), ROLES))[0];
    expect(both.foot).toMatch(/^<div class="foot two"><span class="fn">\* Pelaksana disimpulkan[^<]*<br>† Dilengkapi Alur/);
  });

  test("the total standard time: a range when Waktu are ranges, Hari at the office's working minutes, none without any Waktu", () => {
    const total = (steps: Parameters<typeof fixtureSop>[0], dayMinutes?: number) => /<div class="catatan total"[^>]*>([^<]*)<\/div>/.exec(renderSopPage(fixtureSop(steps), ROLES, { dayMinutes }))?.[1];
    expect(total([step("1", "JFU", { waktu: "10 - 20 Menit" }), step("2", "JFU", { waktu: "2 Jam" }), step("3", "JFU", { waktu: "" }), step("4", "JFU", { waktu: "lama" })])).toBe(
      "Jumlah waktu baku bila setiap langkah dijalankan sekali: 2 jam 10 menit – 2 jam 20 menit (1 hari = 450 menit kerja).",
    );
    expect(total([step("1", "JFU", { waktu: "2 Hari" }), step("2", "JFU", { waktu: "75" })], 0)).toContain(": 2 hari 1 jam 15 menit (1 hari = 450 menit kerja)");
    expect(total([step("1", "JFU", { waktu: "1 - 2 Hari" })], 400)).toContain(": 1 hari – 2 hari (1 hari = 400 menit kerja)");
    expect(total([step("1", "JFU", { waktu: "1 Hari" })], -5)).toContain("(1 hari = 450 menit kerja)");
    expect(total([step("1", "JFU", { waktu: "" })])).toBeUndefined();
  });

  test("an SOP without Pelaksana columns still prints one blank column for its steps to stand in", () => {
    const [s] = sheetsOf(renderSopPage(fixtureSop([step("1", "JFU"), step("2", "JFU")], { lanes: [] }), ROLES));
    expect(s.cells.filter((c) => c.cls === "hc lane").map((c) => c.html)).toEqual(["<span></span>"]);
    expect(s.svg!.flow.syms.map((x) => [x.step, x.lane])).toEqual([
      ["1", 0],
      ["2", 0],
    ]);
    expect(tilingProblems(s.cells, s.proc.w, s.proc.h)).toEqual([]);
  });

  test("page by page: the identity first, the title and 'lanjutan' on continued pages, page numbers, arrowheads of each page's own", () => {
    const html = renderSopPage(linearSop(24, { id: "surat/uji 1" }), ROLES);
    const sheets = sheetsOf(html);
    const n = sheets.length;
    expect(sheets[0].body.startsWith('<div class="grid identity"')).toBe(true);
    expect(sheets[0].cont).toBeNull();
    // A gap between the identity and the table; the flowchart of each page says which page it is.
    expect(sheets[0].body).toMatch(/^<div class="grid identity"[^>]*>.*<\/div><div class="gap"><\/div><div class="grid proc"/s);
    for (const s of sheets) {
      expect(s.body).toContain(`<svg class="flow" xmlns="http://www.w3.org/2000/svg" data-page="${s.page}"`);
      expect(tilingProblems(s.cells, s.proc.w, s.proc.h)).toEqual([]);
      expect((s.proc.inner.match(/<div class="c /g) ?? []).length).toBe(s.cells.length);
    }
    // The strips' other cells are empty; the note stands in the Uraian column, in the strip's small italics.
    const stripCells = sheets.flatMap((s) => s.cells.filter((c) => c.cls === "strip" || (c.cls === "lanec" && c.h === 36)));
    expect(stripCells.filter((c) => c.attrs["data-strip"] === undefined).every((c) => c.html === "")).toBe(true);
    expect(stripCells.filter((c) => c.attrs["data-strip"]).length).toBe(2 * (n - 1));
    for (const s of sheets.slice(1)) expect(s.cont).toBe("SOP Uji <span>(lanjutan)</span>");
    expect(sheets.map((s) => /Halaman (\d+) dari (\d+)/.exec(s.foot)?.slice(1).join("/"))).toEqual(sheets.map((_, i) => `${i + 1}/${n}`));
    // Markers are named after the SOP's id (cleaned) and the page, and each page's arrows use its own.
    for (const s of sheets) {
      expect(s.body).toContain(`<marker id="ah-suratuji1-${s.page}"`);
      expect(s.svg!.flow.arrows.every((a) => a.marker === `url(#ah-suratuji1-${s.page})`)).toBe(true);
    }
    // The strips hold the connectors' notes: the foot of page 1, the head of page 2.
    const strip = (s: (typeof sheets)[number], where: string) => textOf(s.cells.find((c) => c.attrs["data-strip"] === where)?.html ?? "");
    expect(strip(sheets[0], "bottom")).toMatch(/^A: Bersambung ke halaman 2, langkah \d+$/);
    expect(strip(sheets[1], "top")).toMatch(/^A: Sambungan dari halaman 1, langkah \d+$/);
    expect(sheets[0].cells.some((c) => c.attrs["data-strip"] === "top")).toBe(false);
    expect(html).toContain('<marker id="ah-sop-1"'.replace("sop", "suratuji1"));
    expect(renderSopPage(linearSop(2, { id: "/// " }), ROLES)).toContain('<marker id="ah-sop-1"');
  });

  test("a table that fits one page whole but not under the identity starts on page 2, the identity alone on page 1", () => {
    const rows = (identityRepeat: number) => {
      const sop = linearSop(5, identityRepeat ? { identity: { ...decisionSop.identity, dasarHukum: "Peraturan ".repeat(identityRepeat) } } : {});
      return sheetsOf(renderSopPage(sop, ROLES)).map((s) => [s.page, s.proc ? s.cells.filter((c) => c.attrs["data-row"]).length : null, s.cont, /catatan total/.test(s.body)]);
    };
    expect(rows(80)).toEqual([
      [1, null, null, false],
      [2, 5, "SOP Uji", true],
    ]);
    // A shorter identity: the table fits under it, only the total time moves on to a page of its own.
    expect(rows(40)).toEqual([
      [1, 5, null, false],
      [2, null, "SOP Uji <span>(lanjutan)</span>", true],
    ]);
    // Shorter still: one page.
    expect(rows(0)).toEqual([[1, 5, null, true]]);
  });

  test("where the table starts, to the pixel: under the identity when it fits there, else on page 2", () => {
    // F4: 736 px less footer (24), the gap (8), the header (68) and the border (1) leaves 635 px less the identity's
    // height for the table on page 1 (the default identity: 282 px; each further line of Dasar hukum 14 px less);
    // a page without the identity holds 621 px. Rows: 46 px, a decision 58 px, a longer text 14 px a line.
    const rowsPerPage = (steps: SopStep[], dasarHukum = 0, over: Partial<Sop> = {}) => {
      const sop = fixtureSop(steps, { identity: { ...decisionSop.identity, dasarHukum: "Peraturan ".repeat(dasarHukum) }, ...over });
      return sheetsOf(renderSopPage(sop, ROLES)).map((s) => s.cells.filter((c) => c.attrs["data-row"]).map((c) => c.attrs["data-row"]));
    };
    const plain = (n: number, from = 1) => Array.from({ length: n }, (_, i) => step(String(from + i), "JFU"));
    const checks = (n: number, from: number) => Array.from({ length: n }, (_, i) => step(String(from + i), "KASUBBAG", { kind: "decision", yesTo: String(from + i + 1), noTo: "1" }));
    // Four rows of 46 px under an identity leaving exactly 184 px: they fit; the total time goes on to page 2.
    expect(rowsPerPage(plain(4), 80)).toEqual([["1", "2", "3", "4"], []]);
    // 51 + 4 × 58 = 283 px, one more than the 282 px under the default identity: the table starts on page 2.
    expect(rowsPerPage([step("1", "JFU", { text: "Memeriksa ".repeat(13) }), ...checks(4, 2)])).toEqual([[], ["1", "2", "3", "4", "5"]]);
    // 46 + 46 + 58 + 471 = 621 px: too tall for page 1, exactly a page without the identity, so it is not split (the total time on page 3).
    expect(rowsPerPage([...plain(2), ...checks(1, 3), step("4", "JFU", { text: "Memeriksa ".repeat(193) })])).toEqual([[], ["1", "2", "3", "4"], []]);
    // A table longer than a page starts under the identity when its first row fits there with the strip under it.
    // Here the header is 128 px tall (a Pelaksana of many lines), leaving 82 px on page 1: 46 px and the 36 px strip.
    const tall = { lanes: [{ header: `JFU ${"Pelaksana ".repeat(6)}`, role: "jfu" }, ...decisionSop.lanes.slice(1)] };
    expect(rowsPerPage(plain(13), 110, tall)[0]).toEqual(["1"]);
    // A first row of 247 px under 254 px: with the strip it does not fit, so the identity stands alone.
    expect(rowsPerPage([step("1", "JFU", { text: "Memeriksa ".repeat(97) }), ...plain(9, 2)], 30)[0]).toEqual([]);
    // A one-row table fits under the identity whole, with no strip to leave room for: 261 px under 282.
    expect(rowsPerPage([step("1", "JFU", { text: "Memeriksa ".repeat(103) })])[0]).toEqual(["1"]);
  });

  test("the table and the identity span the sheet between its margins, on F4 and on A4", () => {
    const widths = (paper: "F4" | "A4") => {
      const html = renderSopPage(linearSop(2), ROLES, { paper });
      return [gridsOf(html, "identity")[0].w, gridsOf(html, "proc")[0].w, / role="table" data-page="1"/.test(html)];
    };
    // F4 landscape: 330 mm = 1247 px less two margins of 38 px and the table's own left border.
    expect(widths("F4")).toEqual([1170, 1170, true]);
    expect(widths("A4")).toEqual([1045, 1045, true]);
  });

  test("a step longer than a page is cut to one page: its row ends above the next page's strips", () => {
    const sop = fixtureSop([step("1", "JFU"), step("2", "KASUBBAG", { text: "Memeriksa berkas ".repeat(400) }), step("3", "JFU")]);
    const sheets = sheetsOf(renderSopPage(sop, ROLES));
    const row = sheets.flatMap((s) => s.cells).find((c) => c.attrs["data-row"] === "2")!;
    // 812 px of F4 height less margins (736), footer (24), continuation line (22), header (68), border (1), two strips.
    expect(row.h).toBe(736 - 24 - 22 - 68 - 1 - 72);
    expect(sheets.map((s) => s.cells.filter((c) => c.attrs["data-row"]).map((c) => c.attrs["data-row"]))).toEqual([["1"], ["2"], ["3"]]);
  });

  test("the notes' box is as tall as its lines: the total time alone, or the appendix under its heading", () => {
    const sop = fixtureSop([step("1", "JFU", { notes: ["Nomor diperbaiki"] }), step("2", "KASUBBAG")], { notes: ["Tanda hilang", "Kolom bergeser"] });
    const total = /<div class="catatan total" style="max-height:(\d+)px">([^<]*)<\/div>/.exec(renderSopPage(sop, ROLES));
    expect(total?.[1]).toBe(String(4 + 13));
    const appendix = /<div class="catatan" style="max-height:(\d+)px"><h2>[^<]*<\/h2><ul>(.*?)<\/ul><\/div>/.exec(renderSopPage(sop, ROLES, { repairNotes: true }));
    expect(appendix?.[1]).toBe(String(30 + 4 * 13));
    expect(appendix?.[2]).toBe(`<li>${total?.[2]}</li><li>Tanda hilang</li><li>Kolom bergeser</li><li>Langkah 1: Nomor diperbaiki</li>`);
  });

  test("a note just wider than the notes' box wraps to a second line, and a notes page holds 50 lines", () => {
    // 200 "a" at 10 px: 1120 px, the box 1137 px less padding (1119 px usable).
    const one = fixtureSop([step("1", "JFU")], { notes: ["a".repeat(200)] });
    expect(/<div class="catatan" style="max-height:(\d+)px">/.exec(renderSopPage(one, ROLES, { repairNotes: true }))?.[1]).toBe(String(30 + 13 + 2 * 13));
    const many = fixtureSop([step("1", "JFU")], { notes: Array.from({ length: 120 }, (_, i) => `Catatan ${i + 1}`) });
    const perPage = sheetsOf(renderSopPage(many, ROLES, { repairNotes: true })).map((s) => (s.body.match(/<li>/g) ?? []).length);
    // 812 px less margins, footer, continuation line, heading and gap: 650 px, 50 notes of 13 px.
    expect(perPage.slice(1, 3)).toEqual([50, 50]);
  });

  test("a loop is kept whole, but a page may end just after the decision that closes it", () => {
    const steps = Array.from({ length: 24 }, (_, i) => step(String(i + 1), ["JFU", "KASUBBAG", "SEKRETARIS"][i % 3]));
    steps[4] = { ...steps[4], kind: "decision", yesTo: "6", noTo: "4" };
    const pages = sheetsOf(renderSopPage(fixtureSop(steps), ROLES)).map((s) => s.cells.filter((c) => c.attrs["data-row"]).map((c) => c.attrs["data-row"]));
    expect(pages[0]).toEqual(["1", "2", "3", "4", "5"]);
  });

  test("a loop inside a loop back to the first step: the outer loop cannot move, so the inner one breaks with it", () => {
    const steps = Array.from({ length: 24 }, (_, i) => step(String(i + 1), ["JFU", "KASUBBAG", "SEKRETARIS"][i % 3]));
    steps[6] = { ...steps[6], kind: "decision", yesTo: "8", noTo: "4" };
    steps[10] = { ...steps[10], kind: "decision", yesTo: "12", noTo: "1" };
    const pages = sheetsOf(renderSopPage(fixtureSop(steps), ROLES)).map((s) => s.cells.filter((c) => c.attrs["data-row"]).map((c) => c.attrs["data-row"]));
    expect(pages[0]).toEqual(["1", "2", "3", "4", "5"]);
  });

  test("a loop too long for one page breaks: the strip there explains both of its connectors, one line each", () => {
    const steps = Array.from({ length: 24 }, (_, i) => step(String(i + 1), ["JFU", "KASUBBAG", "SEKRETARIS"][i % 3]));
    steps[19] = { ...steps[19], kind: "decision", yesTo: "21", noTo: "2" };
    const strips = sheetsOf(renderSopPage(fixtureSop(steps), ROLES)).flatMap((s) => s.cells.filter((c) => c.attrs["data-strip"]).map((c) => c.html));
    const two = strips.filter((h) => (h.match(/<div>/g) ?? []).length === 2);
    expect(two.length).toBeGreaterThan(0);
    for (const h of strips) expect(h).toMatch(/^(<div>[A-Z]\d*: (Bersambung ke|Sambungan dari) halaman \d+, langkah \d+<\/div>)+$/);
  });

  test("an identity too tall for the first row under it stands alone, and a long table then continues from page 2", () => {
    const sop = linearSop(24, { identity: { ...decisionSop.identity, dasarHukum: "Peraturan ".repeat(300) } });
    const sheets = sheetsOf(renderSopPage(sop, ROLES));
    expect(sheets[0].proc).toBeUndefined();
    expect(sheets.slice(1).map((s) => s.cont)).toEqual(["SOP Uji", ...Array(sheets.length - 2).fill("SOP Uji <span>(lanjutan)</span>")]);
    expect(sheets.length).toBe(3);
  });

  test("the HTML document: language, title, the stylesheet for the paper", () => {
    const html = renderSopPage(linearSop(1, { title: "SOP <A>" }), ROLES, { lang: "en", paper: "A4" });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">')).toBe(true);
    expect(html).toContain("<title>SOP &lt;A&gt;</title>");
    expect(html).toMatch(/<style>\n@page \{ size: A4 landscape; margin: 0; \}/);
    // A4 landscape at 96 dpi: 1122 × 793 px sheets with 38 px margins; the footer inside the bottom margin.
    expect(html).toContain(".sheet { position: relative; width: 1122px; height: 793px; padding: 38px;");
    expect(html).toContain(".foot { position: absolute; left: 38px; right: 38px; bottom: 34px;");
    expect(html).toContain(".foot.two { height: 24px; line-height: 12px; bottom: 30px; }");
    expect(html).toContain('<section class="sheet" data-page="1">');
    expect(html.endsWith("</body></html>\n")).toBe(true);
    expect(renderSopPage(linearSop(1), ROLES)).toContain('<html lang="id">');
  });
});

describe("renderSopPage", () => {
  test("every text from the sheet is escaped: no step, header or note becomes markup", () => {
    const sop = fixtureSop(
      [
        step("1", "JFU", { text: "<script>alert(1)</script>", output: '"><img src=x onerror=alert(2)>' }),
        step("2", "<b>X</b>", { kelengkapan: ["<i>ATK</i>"], waktu: "15 & <u>" }),
      ],
      {
        title: "SOP <Uji> & Co",
        lanes: [
          { header: "JFU", role: "jfu" },
          { header: "<b>X</b>", role: "jfu" },
        ],
        notes: ["<style>body{display:none}</style>"],
        identity: { ...decisionSop.identity, dasarHukum: "<a href=javascript:alert(3)>UU</a>" },
      },
    );
    const html = renderSopPage(sop, ROLES, { officeName: "<h1>DINAS</h1>", logoSvg: '<svg onload="alert(4)"><script>alert(5)</script></svg>' });
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;X&lt;/b&gt;");
    expect(html).toContain("SOP &lt;Uji&gt; &amp; Co");
    expect(html).toContain("15 &amp; &lt;u&gt;");
    expect(html).not.toMatch(/<script|<img src=x|<style>body|<a href|<h1>|<b>X|<i>ATK|<u>/i);
    // No element anywhere carries an event handler.
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    // The logo is shown only as an image source (no script runs inside <img>).
    expect(html).toMatch(/<img class="logo" alt="" src="data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  });

  test("one symbol per step, standing in its role's lane", () => {
    const html = renderSopPage(decisionSop, ROLES);
    const syms = symbols(html);
    expect(syms.map((s) => s["data-step"]).sort()).toEqual(["1", "2", "3", "4", "5"]);
    const laneIndex = (role: string) => decisionSop.lanes.findIndex((l) => l.header === role);
    for (const s of syms) {
      const st = decisionSop.steps.find((x) => x.no === s["data-step"])!;
      expect(Number(s["data-lane"])).toBe(laneIndex(st.role));
    }
    expect(elements(html, "div", "data-lane-col").map((c) => c["data-lane-col"])).toEqual(["0", "1", "2"]);
  });

  test("first and last steps are capsules, processes boxes, a decision a four-point diamond", () => {
    const html = renderSopPage(decisionSop, ROLES);
    const byStep = new Map(symbols(html).map((s) => [s["data-step"], s]));
    expect(byStep.get("1")!["data-shape"]).toBe("terminator");
    expect(byStep.get("5")!["data-shape"]).toBe("terminator");
    expect(byStep.get("2")!["data-shape"]).toBe("process");
    expect(byStep.get("4")!["data-shape"]).toBe("process");
    const diamond = byStep.get("3")!;
    expect(diamond["data-shape"]).toBe("decision");
    expect(diamond.points.trim().split(/\s+/)).toHaveLength(4);
    // Capsules are rounded to half their height; boxes barely.
    const t = byStep.get("1")!;
    expect(Number(t.rx)).toBeCloseTo(Number(t.height) / 2);
    expect(Number(byStep.get("2")!.rx)).toBeLessThan(Number(byStep.get("2")!.height) / 4);
  });

  test("a decision's exits are labelled Ya and Tidak, or with the SOP's own words", () => {
    const html = renderSopPage(decisionSop, ROLES);
    expect(labelsIn(html).sort()).toEqual(["Tidak", "Ya"]);
    const arrows = elements(html, "path", "data-from");
    expect(arrows.find((a) => a["data-kind"] === "no")).toMatchObject({ "data-from": "3", "data-to": "2" });
    expect(arrows.find((a) => a["data-kind"] === "yes")).toMatchObject({ "data-from": "3", "data-to": "4" });

    const custom = fixtureSop(decisionSop.steps.map((s) => (s.kind === "decision" ? { ...s, yesLabel: "Lengkap", noLabel: "Belum lengkap" } : s)));
    expect(labelsIn(renderSopPage(custom, ROLES)).sort()).toEqual(["Belum lengkap", "Lengkap"]);
  });

  test("consecutive steps are joined by arrows with arrowheads", () => {
    const html = renderSopPage(linearSop(4), ROLES);
    const arrows = elements(html, "path", "data-from");
    expect(arrows.map((a) => `${a["data-from"]}>${a["data-to"]}`)).toEqual(["1>2", "2>3", "3>4"]);
    for (const a of arrows) expect(a["marker-end"]).toMatch(/^url\(#ah-/);
  });

  test("a long SOP continues on further pages, with the header repeated and paired off-page connectors", () => {
    const sop = linearSop(24);
    const html = renderSopPage(sop, ROLES);
    const pages = sheets(html);
    expect(pages).toBeGreaterThanOrEqual(3);
    const tablePages = (html.match(/<div class="grid proc"/g) ?? []).length;
    expect(elements(html, "div", "data-lane-col")).toHaveLength(3 * tablePages);
    const conns = elements(html, "polygon", "data-connector");
    const outs = conns.filter((c) => c["data-connector-dir"] === "out").map((c) => c["data-connector"]);
    const ins = conns.filter((c) => c["data-connector-dir"] === "in").map((c) => c["data-connector"]);
    expect(outs.length).toBe(tablePages - 1);
    expect(ins).toEqual(outs);
    for (const c of conns) expect(c.points.trim().split(/\s+/)).toHaveLength(5);
    expect(html).toMatch(/Bersambung ke halaman 2, langkah \d+/);
    expect(html).toMatch(/Sambungan dari halaman 1, langkah \d+/);
    expect(html).toContain(`Halaman ${pages} dari ${pages}`);
  });

  test("a short SOP stays on one page without connectors", () => {
    const html = renderSopPage(linearSop(3), ROLES);
    expect(sheets(html)).toBe(1);
    expect(html).not.toContain("data-connector");
  });

  test("a return loop is not split across pages when it fits one page", () => {
    for (let k = 2; k <= 20; k++) {
      const steps = Array.from({ length: 24 }, (_, i) => step(String(i + 1), ["JFU", "KASUBBAG", "SEKRETARIS"][i % 3]));
      steps[k] = { ...steps[k], kind: "decision", yesTo: String(k + 2), noTo: String(k - 1) };
      const html = renderSopPage(fixtureSop(steps), ROLES);
      const back = elements(html, "path", "data-from").filter((a) => a["data-kind"] === "no");
      expect(back.map((a) => a["data-part"])).toEqual(["full"]);
    }
  });

  test("inferred Pelaksana are footnoted; the notes on repairs to the seed are printed only as an appendix on request", () => {
    const sop = fixtureSop([step("1", "JFU", { roleInferred: true, notes: ["Nomor langkah diperbaiki"] }), step("2", "KASUBBAG")], {
      notes: ["Tanda bagan alir hilang di seed"],
    });
    const html = renderSopPage(sop, ROLES);
    expect(html).toContain("Pelaksana disimpulkan dari uraian kegiatan");
    expect(html).not.toContain("Tanda bagan alir hilang di seed");
    expect(html).not.toContain("Nomor langkah diperbaiki");
    const appendix = renderSopPage(sop, ROLES, { repairNotes: true });
    expect(appendix).toMatch(/<div class="catatan"[^>]*><h2>Lampiran: catatan perbaikan naskah sumber \(bukan bagian SOP yang disahkan\)<\/h2>/);
    expect(appendix).toContain("Tanda bagan alir hilang di seed");
    expect(appendix).toContain("Langkah 1: Nomor langkah diperbaiki");
    expect(renderSopPage(linearSop(2), ROLES)).not.toContain("Pelaksana disimpulkan");
  });

  test("values Alur completed are marked † with a footnote, a whole added step on its number too", () => {
    const sop = fixtureSop([step("1", "JFU", { waktu: "30", output: "Instruksi", completed: ["waktu", "output"] }), step("2", "KASUBBAG", { text: "Menandatangani nota dinas", completed: ["langkah"] }), step("3", "JFU")]);
    const html = renderSopPage(sop, ROLES);
    expect(html).toContain(">30 †<");
    expect(html).toContain(">Instruksi †<");
    expect(html).toContain(">Menandatangani nota dinas †<");
    expect(html).toMatch(/>2<sup>†<\/sup>/);
    expect(html).toContain("† Dilengkapi Alur: naskah sumber kosong atau terpotong di sini; periksa sebelum disahkan.");
    expect(renderSopPage(linearSop(2), ROLES)).not.toContain("Dilengkapi Alur");
  });

  test("Disahkan oleh is a block: jabatan, room to sign, name, rank and NIP — from SOP Identitas, else the fallback, else dotted lines", () => {
    const own = linearSop(2, { identity: { ...decisionSop.identity, disahkanOleh: "KEPALA DINAS KOMINFO", pengesahNama: "Drs. Contoh", pengesahPangkat: "Pembina Utama Muda / IV-c", pengesahNip: "196801011990031001" } });
    const html = renderSopPage(own, ROLES, { signer: { jabatan: "X", nama: "Y", pangkat: "Z", nip: "1" } });
    expect(html).toMatch(/<div class="t sig"><div class="jab">KEPALA DINAS KOMINFO<\/div><div class="ttd" style="height:\d+px"><\/div><div class="nm">Drs\. Contoh<\/div><div>Pembina Utama Muda \/ IV-c<\/div><div>NIP\. 196801011990031001<\/div><\/div>/);
    const fallback = renderSopPage(linearSop(2), ROLES, { signer: { jabatan: "KEPALA DINAS", nama: "Budi", pangkat: "", nip: "19700101" } });
    expect(fallback).toMatch(/<div class="jab">KEPALA DINAS<\/div>.*<div class="nm">Budi<\/div><div>NIP\. 19700101<\/div>/);
    expect(renderSopPage(linearSop(2), ROLES)).toMatch(/<div class="nm">…+<\/div>/);
  });

  test("identity block: filled fields shown, blank ones as '-', title as Nama SOP, office name by default", () => {
    const sop = linearSop(2, { identity: { ...decisionSop.identity, nomor: "800/123/2026", dasarHukum: "Permenpan RB 35/2012" } });
    const html = renderSopPage(sop, ROLES);
    for (const label of ["Nomor SOP", "Tanggal Pembuatan", "Tanggal Revisi", "Tanggal Efektif", "Disahkan oleh", "Nama SOP", "Dasar Hukum", "Kualifikasi Pelaksana", "Keterkaitan", "Peralatan/Perlengkapan", "Peringatan", "Pencatatan dan Pendataan"]) {
      expect(html).toContain(`>${label}<`);
    }
    expect(html).toContain(">800/123/2026<");
    expect(html).toContain(">Permenpan RB 35/2012<");
    expect(html).toContain('<div class="t">-</div>');
    expect(html).toContain(">SOP Uji<");
    expect(html).toContain("PEMERINTAH KABUPATEN SIMALUNGUN");
    expect(renderSopPage(sop, ROLES, { officeName: "PEMERINTAH KOTA MEDAN" })).toContain("PEMERINTAH KOTA MEDAN");
  });

  test("procedure table: the seed's Waktu text, Kelengkapan items and the Mutu Baku headings", () => {
    const sop = fixtureSop([step("1", "JFU", { waktu: "10 - 20 Menit", kelengkapan: ["ATK", "Surat"] }), step("2", "KASUBBAG", { waktu: "2 Hari" })]);
    const html = renderSopPage(sop, ROLES);
    expect(html).toContain(">10 - 20 Menit<");
    expect(html).toContain(">2 Hari<");
    expect(html).toContain("<li>ATK</li><li>Surat</li>");
    for (const h of ["Uraian Kegiatan", "Pelaksana", "Mutu Baku", "Kelengkapan", "Waktu", "Output", "Keterangan"]) expect(html).toContain(`>${h}<`);
  });

  test("the total standard time counts Hari with the configured working minutes", () => {
    const sop = fixtureSop([step("1", "JFU", { waktu: "1 Hari" }), step("2", "KASUBBAG", { waktu: "30" })]);
    expect(renderSopPage(sop, ROLES)).toContain("1 hari 30 menit (1 hari = 450 menit kerja)");
    expect(renderSopPage(sop, ROLES, { dayMinutes: 390 })).toContain("1 hari 30 menit (1 hari = 390 menit kerja)");
    expect(renderSopPage(fixtureSop([step("1", "JFU", { waktu: "8 Jam" })]), ROLES, { dayMinutes: 420 })).toContain("1 hari 1 jam");
  });

  test("paper and language options", () => {
    expect(renderSopPage(linearSop(2), ROLES)).toContain("@page { size: 330mm 215mm;");
    expect(renderSopPage(linearSop(2), ROLES, { paper: "A4" })).toContain("@page { size: A4 landscape;");
    const en = renderSopPage(decisionSop, ROLES, { lang: "en" });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain(">Activity<");
    expect(labelsIn(en).sort()).toEqual(["No", "Yes"]);
  });

  test("a decision whose Ya ends the SOP gets its own end terminator", () => {
    const sop = fixtureSop([step("1", "JFU"), step("2", "KASUBBAG", { kind: "decision", yesTo: "selesai", noTo: "1" }), step("3", "JFU")]);
    const html = renderSopPage(sop, ROLES);
    expect(elements(html, "rect", "data-end")).toHaveLength(1);
    expect(elements(html, "path", "data-from").find((a) => a["data-to"] === "selesai")).toMatchObject({ "data-kind": "yes" });
  });

  test("the document is self-contained: no scripts, no external assets", () => {
    const html = renderSopPage(linearSop(24), ROLES);
    expect(html).not.toMatch(/<script|<link|src="http|href="http|url\(http/i);
  });
});
