// The templates' line markup (src/domain/template-markup.ts): metadata, paragraphs with their attributes, inline marks,
// tables, rules and page breaks, and a clear message naming the file and line for anything it cannot read.
import { parseRuns, parseTemplate } from "../../src/domain/template-markup";

const CM = 72 / 2.54;
const cm = (n: number) => Math.round(n * CM * 10) / 10;

describe("inline marks", () => {
  test("bold, underline and italics, nested; adjacent text of the same marks is one run; a backslash keeps the next character", () => {
    expect(parseRuns("a **b __c__** d")).toEqual([{ t: "a " }, { t: "b ", b: 1 }, { t: "c", b: 1, u: 1 }, { t: " d" }]);
    expect(parseRuns("//miring// lalu \\*\\*bukan\\*\\* dan \\\\")).toEqual([{ t: "miring", i: 1 }, { t: " lalu **bukan** dan \\" }]);
    expect(parseRuns("lihat https://alur.example/x")).toEqual([{ t: "lihat https://alur.example/x" }]);
    expect(parseRuns("**a****b**")).toEqual([{ t: "ab", b: 1 }]);
    expect(parseRuns("akhir\\")).toEqual([{ t: "akhir\\" }]);
  });

  test("whole-paragraph marks apply to every run (and a mark in the text turns them off); an empty text is one empty run", () => {
    expect(parseRuns("a **b**", { b: true, i: true })).toEqual([{ t: "a ", b: 1, i: 1 }, { t: "b", i: 1 }]);
    expect(parseRuns("x __y__", { u: true })).toEqual([{ t: "x ", u: 1 }, { t: "y" }]);
    expect(parseRuns("")).toEqual([{ t: "" }]);
    expect(parseRuns("****")).toEqual([{ t: "" }]);
  });
});

describe("templates", () => {
  test("metadata, comments, empty lines, rules, page breaks and paragraphs with their attributes", () => {
    const spec = parseTemplate(
      "uji",
      [
        "# komentar",
        ":: nama  Surat Uji ",
        "::ttd kepala-dinas",
        ":: an sekretaris",
        "[tengah tebal ukuran=14] JUDUL",
        "",
        "---",
        "[halaman]",
        "[kiri inden=1,25 baris-pertama=0 sebelum=6 sesudah=12 garis-bawah miring] isi   ",
        "[rata inden=0] rata",
        "[kanan]kanan",
        "[] biasa",
        "teks [bukan atribut]",
      ].join("\r\n"),
    );
    expect(spec).toEqual({
      id: "uji",
      name: "Surat Uji",
      signer: "kepala-dinas",
      onBehalfOf: "sekretaris",
      blocks: [
        { k: "p", runs: [{ t: "JUDUL", b: 1 }], align: "C", size: 14 },
        { k: "p", runs: [{ t: "" }] },
        { k: "hr" },
        { k: "br" },
        { k: "p", runs: [{ t: "isi", u: 1, i: 1 }], indent: cm(1.25), before: 6, after: 12 },
        { k: "p", runs: [{ t: "rata" }], align: "J" },
        { k: "p", runs: [{ t: "kanan" }], align: "R" },
        { k: "p", runs: [{ t: "biasa" }] },
        { k: "p", runs: [{ t: "teks [bukan atribut]" }] },
      ],
    });
    expect(parseTemplate("kosong", "\n")).toEqual({ id: "kosong", name: "kosong", signer: "", onBehalfOf: "", blocks: [{ k: "p", runs: [{ t: "" }] }, { k: "p", runs: [{ t: "" }] }] });
    // Old Mac line ends; a key with nothing after it; zero spacing and a bare indent are allowed (and written as none).
    expect(parseTemplate("x", ":: an\r:: ttd\ra\rb").blocks).toEqual([{ k: "p", runs: [{ t: "a" }] }, { k: "p", runs: [{ t: "b" }] }]);
    expect(parseTemplate("x", "[sebelum=0 sesudah=0 inden] a").blocks).toEqual([{ k: "p", runs: [{ t: "a" }] }]);
    // Markup only at the start of a line: anything else is text.
    const text = (line: string) => parseTemplate("x", line).blocks[0];
    for (const line of ["[tabel] bukan tabel", "[halaman] bukan halaman", "[/tabel] x", "lihat [tabel]", "Catatan :: nama Lain"]) expect(text(line)).toEqual({ k: "p", runs: [{ t: line }] });
    expect(parseTemplate("x", "Catatan :: nama Lain").name).toBe("x");
    expect(parseTemplate("x", "[baris-pertama=0,5] a").blocks[0]).toEqual({ k: "p", runs: [{ t: "a" }], first: cm(0.5) });
  });

  test("a table: widths and border, cells with attributes and paragraphs split by \\\\, the first paragraph's attributes carried on", () => {
    const spec = parseTemplate("t", ["[tabel lebar=20,80 garis=0]", "| [tebal] Nama \\\\ kedua \\\\ [miring] ketiga | isi |", "", "|satu|[kanan] dua|", "[/tabel]", "[tabel]", "| a |", "[/tabel]"].join("\n"));
    expect(spec.blocks).toEqual([
      {
        k: "t",
        widths: [20, 80],
        border: 0,
        rows: [
          [
            {
              paras: [
                { k: "p", runs: [{ t: "Nama", b: 1 }] },
                { k: "p", runs: [{ t: "kedua", b: 1 }] },
                { k: "p", runs: [{ t: "ketiga", b: 1, i: 1 }] },
              ],
            },
            { paras: [{ k: "p", runs: [{ t: "isi" }] }] },
          ],
          [{ paras: [{ k: "p", runs: [{ t: "satu" }] }] }, { paras: [{ k: "p", runs: [{ t: "dua" }], align: "R" }] }],
        ],
      },
      { k: "t", widths: [100], border: 1, rows: [[{ paras: [{ k: "p", runs: [{ t: "a" }] }] }]] },
    ]);
  });

  test("a table's columns are its widest row; a row needs no closing bar; a cell's paragraphs split with or without spaces", () => {
    const spec = parseTemplate("t", ["[tabel lebar=50,50]", "| a\\\\b", "| c | d", "[/tabel]"].join("\n"));
    expect(spec.blocks).toEqual([
      {
        k: "t",
        widths: [50, 50],
        border: 1,
        rows: [
          [{ paras: [{ k: "p", runs: [{ t: "a" }] }, { k: "p", runs: [{ t: "b" }] }] }],
          [{ paras: [{ k: "p", runs: [{ t: "c" }] }] }, { paras: [{ k: "p", runs: [{ t: "d" }] }] }],
        ],
      },
    ]);
  });

  test("what it cannot read is refused with the file, the line and what is wrong", () => {
    const err = (src: string) => () => parseTemplate("x", src);
    expect(err("a\n[besar] teks")).toThrow('templates/x.txt baris 2: atribut "besar" tidak dikenal');
    expect(err("[ukuran=0] a")).toThrow('templates/x.txt baris 1: atribut "ukuran=0" tidak dikenal');
    expect(err("[inden=-1] a")).toThrow('atribut "inden=-1" tidak dikenal');
    expect(err("[baris-pertama=-1] a")).toThrow('atribut "baris-pertama=-1" tidak dikenal');
    expect(err("[sebelum=-1] a")).toThrow('atribut "sebelum=-1" tidak dikenal');
    expect(err("[sesudah=-1] a")).toThrow('atribut "sesudah=-1" tidak dikenal');
    expect(err("[tabel garis=-1]")).toThrow('atribut "garis=-1" tidak dikenal');
    expect(err("[tabel lebar]")).toThrow('atribut "lebar" tidak dikenal');
    expect(err("[tabelku]")).toThrow('atribut "ku" tidak dikenal');
    expect(err("[tebal tabel] a")).toThrow('atribut "tabel" tidak dikenal');
    expect(err(":: judul Surat")).toThrow('templates/x.txt baris 1: metadata "judul" tidak dikenal');
    expect(err("[tabel lebar=50,50]\n| a |\n[/tabel]")).toThrow("templates/x.txt baris 3: tabel punya 1 kolom tetapi lebar=50,50");
    expect(err("[tabel]\n| a |\nteks")).toThrow('templates/x.txt baris 3: baris tabel harus diawali "|"');
    expect(err("[tabel]\n| a |")).toThrow("templates/x.txt: tabel tidak ditutup dengan [/tabel]");
  });
});
