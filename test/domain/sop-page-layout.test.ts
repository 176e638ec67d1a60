// The procedure table's geometry: columns that fill the page, rows as tall as their text, and pages that break where
// a reader can follow (never inside a return loop that fits one page, notes after the table while they fit).
import type { Role } from "../../src/domain/sop";
import { bestColumns, headerHeight, laneOf, laneSubtitle, layoutColumns, paginate, rowHeight, STRIP } from "../../src/domain/sop-page-layout";
import { fixtureSop, step } from "../fixtures/sops/sop-page-fixtures";

const ROLES: Role[] = [
  { id: "jfu", name: "Jabatan Fungsional Umum", short: "JFU", external: false },
  { id: "kasubbag-umum", name: "Kasubbag Umum dan Kepegawaian", short: "Kasubbag Umum", external: false },
];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("layoutColumns", () => {
  test("three lanes on 1000 px: every column's width, edges in order, the lanes after Uraian", () => {
    const c = layoutColumns(1000, 3);
    expect(c.widths).toEqual([32, 256, 108, 108, 108, 128, 62, 116, 82]);
    expect(c.xs).toEqual([0, 32, 288, 396, 504, 612, 740, 802, 918]);
    expect([c.no, c.uraian, c.lane, c.lanes, c.kelengkapan, c.waktu, c.output, c.keterangan, c.lanesX]).toEqual([32, 256, 108, 3, 128, 62, 116, 82, 288]);
  });

  test("the columns always fill the table exactly, lanes between 56 and 116 px, each Mutu Baku column wide enough for its header", () => {
    const problems: string[] = [];
    for (const width of [700, 1000, 1800]) {
      for (const lanes of [0, 1, 3, 8]) {
        const c = layoutColumns(width, lanes);
        const edges = c.xs.map((x, i) => x + c.widths[i]);
        const ok =
          sum(c.widths) === width &&
          c.widths.length === 6 + lanes &&
          c.xs[0] === 0 &&
          edges.slice(0, -1).every((e, i) => e === c.xs[i + 1]) &&
          c.lane >= 56 &&
          c.lane <= 116 &&
          c.kelengkapan >= 84 &&
          c.output >= 64 &&
          c.keterangan >= 82;
        if (!ok) problems.push(`${width}/${lanes}: ${c.widths.join(",")}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("wide pages cap the lanes at 116 px; crowded ones keep 540 px of text while lanes can be 56 px or more", () => {
    expect(layoutColumns(1500, 2).lane).toBe(116);
    expect(layoutColumns(1000, 1).lane).toBe(116);
    // 8 lanes on 1000 px: 84 px each would leave 234 px of text, so the lanes shrink to keep 540 (45 px → 56).
    expect(layoutColumns(1000, 8).lane).toBe(56);
    // 4 lanes on 1000 px: 84 px each (the least a symbol and its channels need) leaves 570.
    expect(layoutColumns(1000, 4).lane).toBe(84);
    // 5 lanes: 84 each would leave 486, so (906 − 540) / 5 = 73.
    expect(layoutColumns(1000, 5).lane).toBe(73);
    // A narrow page still gives the text columns their minimum, at Uraian's cost.
    const narrow = layoutColumns(800, 8);
    expect([narrow.uraian, narrow.kelengkapan, narrow.output, narrow.keterangan]).toEqual([28, 84, 64, 82]);
    // No lanes at all: the text takes the whole rest.
    expect(sum(layoutColumns(1000, 0).widths)).toBe(1000);
    expect(layoutColumns(1000, 0).lanesX).toBe(layoutColumns(1000, 0).no + layoutColumns(1000, 0).uraian);
  });

  test("the shares given decide the text columns; Keterangan takes what is left", () => {
    const c = layoutColumns(1000, 3, { uraian: 0.5, kelengkapan: 0.2, output: 0.1 });
    // 582 px of text: Kelengkapan 116, Output 64 (its minimum; 58 is less), Uraian 291, Keterangan 111.
    expect([c.uraian, c.kelengkapan, c.output, c.keterangan]).toEqual([291, 116, 64, 111]);
  });
});

describe("bestColumns", () => {
  test("short steps: the widest Uraian wins among tables of equal height", () => {
    const sop = fixtureSop([step("1", "JFU"), step("2", "KASUBBAG")]);
    const c = bestColumns(sop, 1000);
    const text = c.uraian + c.kelengkapan + c.output + c.keterangan;
    expect(c.uraian / text).toBeGreaterThan(0.5);
    expect(sum(c.widths)).toBe(1000);
  });

  test("long Kelengkapan lists get room; the table is never taller than with the default shares", () => {
    const items = Array.from({ length: 3 }, (_, i) => `Dokumen persyaratan administrasi nomor ${i + 1} yang dilegalisasi pejabat berwenang`);
    const sop = fixtureSop([step("1", "JFU", { kelengkapan: items, text: "Menerima" }), step("2", "KASUBBAG", { kelengkapan: items, text: "Memeriksa" })]);
    const best = bestColumns(sop, 1000);
    const plain = layoutColumns(1000, 3);
    const height = (c: typeof best) => sum(sop.steps.map((s) => rowHeight(s, c)));
    expect(best.kelengkapan).toBeGreaterThan(plain.kelengkapan);
    expect(height(best)).toBeLessThan(height(plain));
  });

  test("Keterangan is narrower when no step has any", () => {
    const without = bestColumns(fixtureSop([step("1", "JFU", { keterangan: " " })]), 1800);
    const withKet = bestColumns(fixtureSop([step("1", "JFU", { keterangan: "Lihat SOP Rapat" })]), 1800);
    expect(without.keterangan).toBeLessThan(withKet.keterangan);
    // One step with a Keterangan is enough to keep the column.
    const one = bestColumns(fixtureSop([step("1", "JFU", { keterangan: "" }), step("2", "JFU", { keterangan: "Lihat SOP Rapat" })]), 1800);
    expect(one.keterangan).toBe(withKet.keterangan);
  });
});

describe("lane headers", () => {
  test("the role's short name is added under a header that says something else", () => {
    expect(laneSubtitle("KASUBBAG", "kasubbag-umum", ROLES)).toBe("Kasubbag Umum");
    expect(laneSubtitle("Kasubbag  Umum", "kasubbag-umum", ROLES)).toBe("");
    expect(laneSubtitle("KASUBBAG UMUM DAN KEPEGAWAIAN", "kasubbag-umum", ROLES)).toBe("");
    expect(laneSubtitle("J.F.U.", "jfu", ROLES)).toBe("");
    expect(laneSubtitle("PEMOHON", "pemohon", ROLES)).toBe("");
  });

  test("the header is as tall as its longest lane header (two lines at least)", () => {
    const cols = layoutColumns(1000, 3);
    const sop = fixtureSop([step("1", "JFU")], { lanes: [{ header: "JFU", role: "jfu" }] });
    expect(headerHeight(sop, cols, ROLES)).toBe(20 + 34 + 14);
    const long = fixtureSop([step("1", "JFU")], { lanes: [{ header: "JFU", role: "jfu" }, { header: "KEPALA SUB BAGIAN UMUM DAN KEPEGAWAIAN SEKRETARIAT", role: "kasubbag-umum" }] });
    // Bold 10 px in 99 px: five lines for the header and one for the role's short name under it.
    expect(headerHeight(long, cols, ROLES)).toBe(20 + 6 * 12 + 10 + 14);
    // A header word just wider (in bold) than the 99 px inside a 108 px lane less its padding goes on lines of its own.
    const bold = (header: string) => headerHeight(fixtureSop([step("1", "JFU")], { lanes: [{ header, role: "pemohon" }] }), cols, ROLES);
    expect(bold("JFU AAAAAAAAAAAAAi")).toBe(20 + 3 * 12 + 10 + 14);
    expect(bold("JFU AAAAAAAAAAAA")).toBe(20 + 34 + 14);
    const three = fixtureSop([step("1", "JFU")], { lanes: [{ header: "KASUBBAG", role: "kasubbag-umum" }] });
    expect(headerHeight(three, layoutColumns(1000, 1), ROLES)).toBe(20 + 34 + 14);
    expect(headerHeight(fixtureSop([step("1", "JFU")], { lanes: [{ header: "KASUBBAG", role: "kasubbag-umum" }] }), { ...cols, lane: 60 }, ROLES)).toBe(20 + 4 * 12 + 10 + 14);
  });
});

describe("rowHeight", () => {
  const cols = layoutColumns(1000, 3);
  const blank = { text: "", kelengkapan: [], waktu: "", output: "", keterangan: "" };
  const lines = (n: number) => n * 14 + 9;

  test("a short step keeps the room its symbol needs: 46 px for a process, 58 for a decision", () => {
    expect(rowHeight(step("1", "JFU", blank), cols)).toBe(46);
    expect(rowHeight(step("1", "JFU", { ...blank, kind: "decision" }), cols)).toBe(58);
  });

  test("otherwise the tallest text cell decides, whichever column it is in", () => {
    const words = (n: number) => Array.from({ length: n }, () => "kata").join(" ");
    // Uraian 247 px inside: ten words of "kata" (21 px and a space) a line.
    expect(rowHeight(step("1", "JFU", { ...blank, text: words(40) }), cols)).toBe(lines(4));
    expect(rowHeight(step("1", "JFU", { ...blank, text: words(41) }), cols)).toBe(lines(5));
    expect(rowHeight(step("1", "JFU", { ...blank, kelengkapan: ["a", "b", "c", "d"] }), cols)).toBe(lines(4));
    expect(rowHeight(step("1", "JFU", { ...blank, kelengkapan: [words(12), "b"] }), cols)).toBe(lines(4));
    expect(rowHeight(step("1", "JFU", { ...blank, waktu: "10 - 20 Menit kerja efektif hari" }), cols)).toBe(lines(5));
    expect(rowHeight(step("1", "JFU", { ...blank, output: words(16) }), cols)).toBe(lines(4));
    expect(rowHeight(step("1", "JFU", { ...blank, keterangan: words(12) }), cols)).toBe(lines(4));
    expect(rowHeight(step("1", "JFU", { ...blank, no: "12a 12b 12c 12d" }), cols)).toBe(lines(4));
  });
});

describe("paginate", () => {
  const box = { head: 30, gap: 10, pageAvail: 400 };
  const plan = (heights: number[], first: number, next: number, noBreak: boolean[] = [], notes: number[] = []) =>
    paginate(heights, first, next, notes, box, noBreak).map((p) => ({ rows: p.rows, strips: `${p.topStrip ? "T" : ""}${p.bottomStrip ? "B" : ""}`, notes: p.notes }));

  test("rows fill the first page, then the next ones, each continued page with its strips for connectors", () => {
    expect(plan([100, 100, 100], 250, 300)).toEqual([
      { rows: [0, 1], strips: "B", notes: [] },
      { rows: [2], strips: "T", notes: [] },
    ]);
    // A row fits exactly when it and the strip below it take the rest of the page.
    expect(plan([100, 100, 100], 236, 300).map((p) => p.rows)).toEqual([[0, 1], [2]]);
    expect(plan([100, 100, 100], 235, 300).map((p) => p.rows)).toEqual([[0], [1, 2]]);
    // The last row needs no strip below it.
    expect(plan([100, 100], 200, 300).map((p) => p.rows)).toEqual([[0, 1]]);
    // A following page keeps its top strip and its bottom strip: 3 rows of 100 take 372 px.
    expect(plan([100, 100, 100, 100, 100], 100, 372).map((p) => p.rows)).toEqual([[0], [1, 2, 3], [4]]);
    expect(plan([100, 100, 100, 100, 100], 100, 371).map((p) => p.rows)).toEqual([[0], [1, 2], [3, 4]]);
  });

  test("a row taller than a page still gets a page; no rows at all is one empty page", () => {
    expect(plan([500, 50], 100, 200)).toEqual([
      { rows: [0], strips: "B", notes: [] },
      { rows: [1], strips: "T", notes: [] },
    ]);
    expect(plan([], 100, 200)).toEqual([{ rows: [], strips: "", notes: [] }]);
  });

  test("a return loop that fits one page moves whole to the next page instead of breaking", () => {
    // Rows 1–3 are one loop (boundaries after rows 1 and 2 are crossed by its arrow).
    const loop = [false, true, true, false];
    expect(plan([100, 100, 100, 100], 250, 400, loop).map((p) => p.rows)).toEqual([[0], [1, 2, 3]]);
    // The loop and two strips fit exactly: 300 + 72.
    expect(plan([100, 100, 100, 100], 250, 372, loop).map((p) => p.rows)).toEqual([[0], [1, 2, 3]]);
    // One pixel less: it cannot fit any page, so it breaks where the page is full.
    expect(plan([100, 100, 100, 100], 250, 371, loop).map((p) => p.rows)).toEqual([[0, 1], [2, 3]]);
    // A loop that starts the page has nowhere to back off to.
    expect(plan([100, 100, 100, 100], 250, 400, [true, true, false, false]).map((p) => p.rows)).toEqual([[0, 1], [2, 3]]);
    // A loop boundary after the last row placed is no reason to move rows when every row is placed.
    expect(plan([100, 100, 100], 400, 400, [false, true, true]).map((p) => p.rows)).toEqual([[0, 1, 2]]);
    // A loop ending before the page is full is no reason to break.
    expect(plan([100, 100, 100], 400, 400, [true, false, false]).map((p) => p.rows)).toEqual([[0, 1, 2]]);
    // The loop to the last row: it is measured up to that row.
    expect(plan([100, 100, 100, 100], 250, 372, [false, true, true, true]).map((p) => p.rows)).toEqual([[0], [1, 2, 3]]);
    expect(plan([50, 100, 100, 100, 100], 300, 372, [false, false, true, true, true]).map((p) => p.rows)).toEqual([[0, 1], [2, 3, 4]]);
  });

  test("a loop whose start is several rows back is backed off to just before it", () => {
    // Rows 2–4 loop; the page would end after row 3.
    const loop = [false, false, true, true, false];
    expect(plan([60, 60, 60, 60, 60], 250, 400, loop).map((p) => p.rows)).toEqual([[0, 1], [2, 3, 4]]);
  });

  test("notes follow the table while they fit, then start a page of their own", () => {
    // 300 − 100 used − 10 gap − 30 heading = 160 px for notes under the table.
    expect(plan([100], 300, 500, [], [50, 110, 200])).toEqual([
      { rows: [0], strips: "", notes: [0, 1] },
      { rows: [], strips: "", notes: [2] },
    ]);
    expect(plan([100], 300, 500, [], [50, 111])).toEqual([
      { rows: [0], strips: "", notes: [0] },
      { rows: [], strips: "", notes: [1] },
    ]);
    // A notes page fills up too: 400 − 30 − 10 = 360 px.
    expect(plan([100], 140, 500, [], [200, 160, 1])).toEqual([
      { rows: [0], strips: "", notes: [] },
      { rows: [], strips: "", notes: [0, 1] },
      { rows: [], strips: "", notes: [2] },
    ]);
    // A note taller than any page stays on the first page that has nothing else.
    expect(plan([], 100, 100, [], [500, 10])).toEqual([
      { rows: [], strips: "", notes: [0] },
      { rows: [], strips: "", notes: [1] },
    ]);
  });

  test("on a continued last page the notes get what the following pages leave under the table and its top strip", () => {
    // Last page: 300 − 36 strip − 100 row − 10 − 30 = 124.
    expect(plan([100, 100], 100, 300, [], [124]).map((p) => p.notes)).toEqual([[], [0]]);
    expect(plan([100, 100], 100, 300, [], [125]).map((p) => p.notes)).toEqual([[], [], [0]]);
    expect(STRIP).toBe(36);
  });
});

describe("laneOf", () => {
  const sop = fixtureSop([step("1", "JFU")], {
    lanes: [
      { header: "JFU", role: "jfu" },
      { header: "Kasubbag  Umum", role: "kasubbag-umum" },
      { header: "SEKRETARIS", role: "sekretaris" },
    ],
  });
  test("a step stands in the lane its Pelaksana names, forgiving case and spaces; else by role id; else the first", () => {
    expect(laneOf(sop, step("1", " kasubbag umum "))).toBe(1);
    expect(laneOf(sop, step("1", "SEKRETARIS"))).toBe(2);
    expect(laneOf(sop, step("1", "sekretaris"))).toBe(2);
    expect(laneOf(sop, step("1", "kasubbag-umum"))).toBe(1);
    expect(laneOf(sop, step("1", "LURAH"))).toBe(0);
    // Spacing is forgiven, not missing spaces: "KASUBBAGUMUM" names no header, nor a role id.
    expect(laneOf(sop, step("1", "KASUBBAGUMUM"))).toBe(0);
    expect(laneOf(fixtureSop([], { lanes: [{ header: "SEKRETARIS", role: "x" }, { header: "KASUBBAG", role: "sekretaris" }, { header: "JFU", role: "jfu" }] }), step("1", "sekretaris"))).toBe(0);
  });
});
