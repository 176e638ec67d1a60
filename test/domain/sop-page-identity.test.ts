// The SOP AP identity block as a reader sees it: which value stands beside which label, the signer, the unit, blanks as
// "-", and cells that meet edge to edge however long the texts are.
import { BLANK_IDENTITY } from "../../src/domain/sop";
import { renderIdentity, signerOf } from "../../src/domain/sop-page-identity";
import { LABELS } from "../../src/domain/sop-page-labels";
import { cellsOf, gridsOf, type PageCell, textOf, tilingProblems } from "../fixtures/sops/page-cells";
import { fixtureSop, step } from "../fixtures/sops/sop-page-fixtures";

const WIDTH = 1000;
const base = fixtureSop([step("1", "JFU")], { title: "SOP Penanganan Surat Masuk", unitName: "Sekretariat" });
const withIdentity = (over: Partial<typeof BLANK_IDENTITY & { pengesahNama: string; pengesahPangkat: string; pengesahNip: string }>) => ({ ...base, identity: { ...BLANK_IDENTITY, ...over } });

function render(sop = base, opts: Partial<Parameters<typeof renderIdentity>[3]> = {}, width = WIDTH) {
  const out = renderIdentity(sop, width, LABELS.id, { officeName: "PEMERINTAH KABUPATEN UJI\nDINAS KOMINFO", ...opts });
  const [g] = gridsOf(out.html, "identity");
  const cells = cellsOf(g.inner);
  return { ...out, grid: g, cells };
}

/** Label → the value cell to its right (the right-hand block) or below it (the six-item grid). */
function valueCell(cells: PageCell[], label: string): PageCell {
  const l = cells.find((c) => textOf(c.html) === label)!;
  const right = cells.find((c) => c !== l && c.y === l.y && c.x === l.x + l.w);
  if (l.cls.includes("k") && right) return right;
  return cells.find((c) => c.x === l.x && c.y === l.y + l.h)!;
}

describe("signerOf", () => {
  test("each field from SOP Identitas, else from the fallback, else blank; spaces trimmed", () => {
    const sop = withIdentity({ disahkanOleh: " KEPALA DINAS ", pengesahNama: "  ", pengesahNip: "1970" });
    expect(signerOf(sop, { jabatan: "SEKRETARIS", nama: " Budi ", pangkat: " Pembina " })).toEqual({ jabatan: "KEPALA DINAS", nama: "Budi", pangkat: "Pembina", nip: "1970" });
    expect(signerOf(base)).toEqual({ jabatan: "", nama: "", pangkat: "", nip: "" });
  });
});

describe("renderIdentity", () => {
  test("each value stands beside its label; blanks print as '-'; the title is the Nama SOP", () => {
    const sop = withIdentity({ nomor: "800/12/2026", tanggalEfektif: "2 Januari 2026", dasarHukum: "Permenpan RB 35/2012", peralatan: "Komputer", pencatatan: "Buku agenda" });
    const { cells } = render(sop);
    const v = (label: string) => textOf(valueCell(cells, label).html);
    expect(v("Nomor SOP")).toBe("800/12/2026");
    expect(v("Tanggal Pembuatan")).toBe("-");
    expect(v("Tanggal Revisi")).toBe("-");
    expect(v("Tanggal Efektif")).toBe("2 Januari 2026");
    expect(v("Nama SOP")).toBe("SOP Penanganan Surat Masuk");
    expect(valueCell(cells, "Nama SOP").cls).toBe("v title");
    expect(v("Dasar Hukum")).toBe("Permenpan RB 35/2012");
    expect(v("Kualifikasi Pelaksana")).toBe("-");
    expect(v("Keterkaitan")).toBe("-");
    expect(v("Peralatan/Perlengkapan")).toBe("Komputer");
    expect(v("Peringatan")).toBe("-");
    expect(v("Pencatatan dan Pendataan")).toBe("Buku agenda");
    // The six items: labels in two columns, left half and right half.
    const dasar = cells.find((c) => textOf(c.html) === "Dasar Hukum")!;
    const kual = cells.find((c) => textOf(c.html) === "Kualifikasi Pelaksana")!;
    expect([dasar.x, dasar.w, kual.x, kual.w]).toEqual([0, 500, 500, 500]);
    expect(dasar.cls).toBe("h");
  });

  test("the unit: each line of the office's name, then the unit in capitals; the logo only as an image", () => {
    const { cells } = render(base, { logoSvg: '<svg onload="x()"/>' });
    const unit = cells.find((c) => c.cls === "unit")!;
    expect(unit.html).toMatch(/^<img class="logo" alt="" src="data:image\/svg\+xml;charset=utf-8,%3Csvg%20onload%3D%22x\(\)%22%2F%3E">/);
    expect(Array.from(unit.html.matchAll(/<div class="(unit-[a-z]+)">([^<]*)<\/div>/g)).map((m) => [m[1], m[2]])).toEqual([
      ["unit-name", "PEMERINTAH KABUPATEN UJI"],
      ["unit-name", "DINAS KOMINFO"],
      ["unit-sub", "SEKRETARIAT"],
    ]);
    expect([unit.x, unit.y, unit.w]).toEqual([0, 0, 380]);
    // Blank lines of the office name are dropped; without a logo there is no image.
    const plain = render(base, { officeName: "DINAS KOMINFO\n \n" }).cells.find((c) => c.cls === "unit")!;
    expect(plain.html).toBe('<div class="unit-name">DINAS KOMINFO</div><div class="unit-sub">SEKRETARIAT</div>');
  });

  test("Disahkan oleh: jabatan, room to sign, name, rank, NIP; what nobody knows is a dotted line; no rank, no line", () => {
    const { cells } = render(withIdentity({ disahkanOleh: "KEPALA DINAS", pengesahNama: "Drs. Budi", pengesahPangkat: "Pembina / IV-a", pengesahNip: "1970" }));
    const sign = valueCell(cells, "Disahkan oleh");
    expect(sign.cls).toBe("v sign");
    expect(sign.html).toBe('<div class="t sig"><div class="jab">KEPALA DINAS</div><div class="ttd" style="height:46px"></div><div class="nm">Drs. Budi</div><div>Pembina / IV-a</div><div>NIP. 1970</div></div>');
    const blank = valueCell(render(base).cells, "Disahkan oleh");
    expect(blank.html).toBe('<div class="t sig"><div class="jab">……………………………………</div><div class="ttd" style="height:46px"></div><div class="nm">……………………………………</div><div>NIP. ……………………………………</div></div>');
    // Four lines and the room to sign: the signer's row is 4 × 14 + 9 + 46 px tall; without a rank one line less.
    expect(sign.h).toBe(4 * 14 + 9 + 46);
    expect(blank.h).toBe(3 * 14 + 9 + 46);
    // The fallback fills what SOP Identitas leaves blank.
    const fb = valueCell(render(base, { signer: { jabatan: "SEKRETARIS", nip: "1980" } }).cells, "Disahkan oleh");
    expect(textOf(fb.html)).toBe("SEKRETARIS …………………………………… NIP. 1980");
  });

  test("cells meet edge to edge at every size, the block's height is the grid's plus its border", () => {
    const long = "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang Pedoman Penyusunan SOP ";
    const cases = [
      render(base),
      render(withIdentity({ dasarHukum: long.repeat(3), kualifikasiPelaksana: "S1", peringatan: long, pencatatan: long.repeat(5), nomor: long })),
      render({ ...base, title: long.repeat(2) }, { logoSvg: "<svg/>" }, 700),
      render({ ...base, unitName: "Bidang Aplikasi Informatika dan Persandian Statistik" }, { logoSvg: "<svg/>", officeName: "PEMERINTAH\nKABUPATEN\nSIMALUNGUN\nDINAS\nKOMUNIKASI\nDAN\nINFORMATIKA" }),
      render(withIdentity({ disahkanOleh: long, pengesahNama: long }), {}, 1234),
    ];
    for (const r of cases) {
      expect(tilingProblems(r.cells, r.grid.w, r.grid.h)).toEqual([]);
      // Nothing but cells: no stray text between them.
      expect(r.cells.reduce((rest, c) => rest.replace(c.html, ""), r.grid.inner).replace(/<div class="c [^>]*><\/div>/g, "")).toBe("");
      expect(r.height).toBe(r.grid.h + 1);
    }
  });

  test("the jabatan and the name are bold: a line that fits in plain text but not in bold takes two lines; rank and NIP are plain", () => {
    // 70 letters: 431 px plain, 466 px bold, in a value column of 461 px less padding (453 px usable).
    const word = "a".repeat(70);
    const signH = (who: Partial<{ disahkanOleh: string; pengesahNama: string; pengesahPangkat: string; pengesahNip: string }>) =>
      valueCell(render(withIdentity({ disahkanOleh: "KEPALA", pengesahNama: "Budi", pengesahPangkat: "IV-a", pengesahNip: "1970", ...who })).cells, "Disahkan oleh").h;
    const base4 = 4 * 14 + 9 + 46;
    expect(signH({})).toBe(base4);
    expect(signH({ disahkanOleh: word })).toBe(base4 + 14);
    expect(signH({ pengesahNama: word })).toBe(base4 + 14);
    expect(signH({ pengesahPangkat: word })).toBe(base4);
    expect(signH({ pengesahNip: word.slice(0, 60) })).toBe(base4);
  });

  test("in a narrow block the NIP wraps like any text, and the block grows with it", () => {
    const sign = (nip: string) => valueCell(render(withIdentity({ disahkanOleh: "KADIS", pengesahNama: "Budi", pengesahNip: nip }), {}, 400).cells, "Disahkan oleh");
    // 98 px for the value: "NIP. 19680101" on one line, "199003 1 001" on the next.
    expect(sign("19680101 199003 1 001").h).toBe(4 * 14 + 9 + 46);
    expect(sign("1970").h).toBe(3 * 14 + 9 + 46);
    // Nobody's NIP: the dotted line is wider than the column and takes two lines of its own.
    expect(sign("").h).toBe(5 * 14 + 9 + 46);
  });

  test("a value just wider than its cell (4 px padding each side and the border) wraps; one just narrower does not", () => {
    // 73 "a" and an "r": 453.4 px against 453.1 usable in the 470 px value column.
    expect(valueCell(render(withIdentity({ nomor: `${"a".repeat(73)}r` })).cells, "Nomor SOP").h).toBe(37);
    expect(valueCell(render(withIdentity({ nomor: `${"a".repeat(73)}i` })).cells, "Nomor SOP").h).toBe(23);
    // A value of spaces alone is blank.
    expect(textOf(valueCell(render(withIdentity({ nomor: "   " })).cells, "Nomor SOP").html)).toBe("-");
  });

  test("the six items: 20 words of 'kata' fill a line of a half-width cell, 41 take three lines, on either side", () => {
    const words = (n: number) => Array.from({ length: n }, () => "kata").join(" ");
    const { cells } = render(withIdentity({ kualifikasiPelaksana: words(41), peringatan: words(20) }));
    expect(valueCell(cells, "Kualifikasi Pelaksana").h).toBe(3 * 14 + 9);
    expect(valueCell(cells, "Dasar Hukum").h).toBe(3 * 14 + 9);
    expect(valueCell(cells, "Peringatan").h).toBe(23);
    expect(valueCell(render(withIdentity({ dasarHukum: words(41) })).cells, "Dasar Hukum").h).toBe(3 * 14 + 9);
    // Both labels of a pair are headings.
    expect(cells.filter((c) => c.cls === "h").map((c) => textOf(c.html))).toEqual(["Dasar Hukum", "Kualifikasi Pelaksana", "Keterkaitan", "Peralatan/Perlengkapan", "Peringatan", "Pencatatan dan Pendataan"]);
  });

  test("the unit's lines are bold: a line that fits in plain text but not in bold wraps, and the unit grows by a line", () => {
    // 42 capitals at 12 px: 338 px plain, 365 px bold, in 357 px (the unit cell less its padding).
    const lines = [...Array.from({ length: 11 }, (_, i) => `BARIS ${i + 1}`), "A".repeat(42)];
    const unit = render(base, { logoSvg: "<svg/>", officeName: lines.join("\n") }).cells.find((c) => c.cls === "unit")!;
    expect(unit.h).toBe(14 * 16 + 68 + 20);
  });

  test("a long value makes its row taller; a long value on one side of the six items makes both cells of its row as tall", () => {
    const short = render(base);
    const long = render(withIdentity({ nomor: "800/".repeat(40), kualifikasiPelaksana: "Sarjana ".repeat(60) }));
    expect(valueCell(long.cells, "Nomor SOP").h).toBeGreaterThan(valueCell(short.cells, "Nomor SOP").h);
    const kual = valueCell(long.cells, "Kualifikasi Pelaksana");
    const dasar = valueCell(long.cells, "Dasar Hukum");
    expect(kual.h).toBeGreaterThan(valueCell(short.cells, "Kualifikasi Pelaksana").h);
    expect(dasar.h).toBe(kual.h);
    expect(textOf(dasar.html)).toBe("-");
    // One line of text: the minimum height of a row (23 px).
    expect(valueCell(short.cells, "Nomor SOP").h).toBe(23);
    expect(valueCell(short.cells, "Peringatan").h).toBe(23);
  });

  test("a unit taller than the right-hand block stretches the Nama SOP row to meet it", () => {
    const tall = render(base, { logoSvg: "<svg/>", officeName: Array.from({ length: 12 }, (_, i) => `BARIS ${i + 1}`).join("\n") });
    const unit = tall.cells.find((c) => c.cls === "unit")!;
    const title = valueCell(tall.cells, "Nama SOP");
    expect(title.y + title.h).toBe(unit.h);
    // 13 lines of 16 px, the logo (60 + 8) and 20 px of padding.
    expect(unit.h).toBe(13 * 16 + 68 + 20);
    const normal = render(base);
    expect(normal.cells.find((c) => c.cls === "unit")!.h).toBe(valueCell(normal.cells, "Nama SOP").y + valueCell(normal.cells, "Nama SOP").h);
  });
});
