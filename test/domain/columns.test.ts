// Columns found by their header text (src/domain/columns.ts): moved, renamed in case, padded or missing columns.
import { alignByHeader } from "../../src/domain/columns";

describe("alignByHeader", () => {
  test("finds each header wherever it stands, ignoring case and spaces; a missing column reads null and is named", () => {
    const values = [
      ["Nama", " id ", "EMAIL", 2026],
      ["Ani", "A-1", "ani@x.id", "ya"],
      ["Budi", "B-2"],
    ];
    const a = alignByHeader(values, ["ID", "nama", "Alamat", "Email", "2026"]);
    expect(a.index).toEqual([1, 0, -1, 2, 3]);
    expect(a.missing).toEqual(["Alamat"]);
    expect(a.rows).toEqual([
      ["A-1", "Ani", null, "ani@x.id", "ya"],
      ["B-2", "Budi", null, null, null],
    ]);
  });

  test("keeps falsy cells as they are (0, false, empty text) rather than reading them as missing", () => {
    const a = alignByHeader<unknown>([["Nilai", "Aktif", "Catatan"], [0, false, ""]], ["Nilai", "Aktif", "Catatan"]);
    expect(a.rows).toEqual([[0, false, ""]]);
    expect(a.missing).toEqual([]);
  });

  test("an empty sheet has no rows and misses every header; a blank header cell never matches", () => {
    expect(alignByHeader([], ["ID", "Nama"])).toEqual({ rows: [], index: [-1, -1], missing: ["ID", "Nama"] });
    const blank = alignByHeader([[null, undefined, "ID"], ["x", "y", "z"]] as unknown[][], ["null", "undefined", "ID"]);
    expect(blank.index).toEqual([-1, -1, 2]);
    expect(blank.rows).toEqual([[null, null, "z"]]);
  });
});
