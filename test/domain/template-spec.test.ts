// A letter template as data (src/domain/template-spec.ts): the placeholders a text holds and a template's plain text.
import { type BlockSpec, placeholdersIn, specText } from "../../src/domain/template-spec";

describe("placeholders", () => {
  test("each name once, in order of first appearance, spaces inside the braces dropped; single braces and nested ones are not placeholders", () => {
    expect(placeholdersIn("{{surat.nomor}} {{ ?ttd.an }} {{surat.nomor}} {tunggal} {{a{b}} {{}}")).toEqual(["surat.nomor", "?ttd.an", ""]);
    expect(placeholdersIn("tanpa")).toEqual([]);
  });
});

describe("plain text", () => {
  test("paragraphs' runs joined, each block on its own line, a table's cells and their paragraphs line by line; rules and breaks empty", () => {
    const p = (...t: string[]): BlockSpec => ({ k: "p", runs: t.map((x) => ({ t: x })) });
    const blocks: BlockSpec[] = [
      p("Nomor: ", "{{surat.nomor}}"),
      { k: "hr" },
      {
        k: "t",
        widths: [50, 50],
        border: 0,
        rows: [
          [{ paras: [{ k: "p", runs: [{ t: "a" }] }, { k: "p", runs: [{ t: "b", b: 1 }, { t: "c" }] }] }, { paras: [{ k: "p", runs: [{ t: "d" }] }] }],
          [{ paras: [{ k: "p", runs: [{ t: "e" }] }] }, { paras: [{ k: "p", runs: [{ t: "f" }] }] }],
        ],
      },
      { k: "br" },
      p("akhir"),
    ];
    expect(specText(blocks)).toBe("Nomor: {{surat.nomor}}\n\na\nbc\nd\ne\nf\n\nakhir");
    expect(specText([])).toBe("");
  });
});
