// Each catalog error is marked on the cell the admin must change: the right sheet, row and column.
import type { Role, Sop } from "../../src/domain/sop";
import { locateErrors } from "../../src/domain/sop-marks";
import { IDENTITY_HEADERS, identityRow, readSopSheets, SOP_HEADERS, stepRows } from "../../src/domain/sop-sheet";
import { validateCatalog } from "../../src/domain/validate";
import { decisionSop, fixtureSop, step } from "../fixtures/sops/sop-page-fixtures";

const ROLES: Role[] = ["jfu", "kasubbag-umum", "sekretaris"].map((id) => ({ id, name: id, short: id, external: false }));
const stepCol = (h: (typeof SOP_HEADERS)[number]) => SOP_HEADERS.indexOf(h) + 1;
const idCol = (h: string) => IDENTITY_HEADERS.indexOf(h) + 1;

/** The sheets' rows for these SOPs (edited), the errors of reading them and of the SOPs themselves; the marks that result. */
function marksOf(sops: Sop[], edit: (identity: ReturnType<typeof identityRow>[], steps: string[][]) => void = () => {}, firstRow = 2) {
  const identity = sops.map((s) => identityRow(s));
  const steps = sops.flatMap(stepRows);
  edit(identity, steps);
  const read = readSopSheets(identity, steps, firstRow);
  return locateErrors(identity, steps, read.errors, validateCatalog(sops, ROLES), firstRow).map((m) => ({ ...m, message: m.message.slice(0, 40) }));
}

describe("locateErrors", () => {
  test("a step's error is marked on its row, in the column the message is about", () => {
    const sop = fixtureSop([
      step("1", "JFU", { waktu: "1 Minggu" }),
      step("2", "LURAH"),
      step("3", "JFU", { text: " " }),
      step("4", "KASUBBAG", { kind: "decision", yesTo: "9", noTo: "1" }),
      step("5", "KASUBBAG", { kind: "decision", yesTo: "6", noTo: "8" }),
      step("6", "JFU", { yesTo: "2" }),
      step("6", "JFU"),
    ]);
    expect(marksOf([sop], () => {}, 4).map((m) => [m.sheet, m.row, m.col])).toEqual([
      ["SOP", 4, stepCol("Waktu")],
      ["SOP", 5, stepCol("Pelaksana")],
      ["SOP", 6, stepCol("Uraian Kegiatan")],
      ["SOP", 7, stepCol("Ya ke")],
      ["SOP", 8, stepCol("Tidak ke")],
      ["SOP", 9, stepCol("Jenis")],
      // The duplicate number: both rows are step 6; the first row of that number is marked.
      ["SOP", 9, stepCol("No")],
    ]);
  });

  test("a step of an unknown kind is marked on Jenis; a step that never reaches the end on its number", () => {
    const sop = fixtureSop([step("1", "JFU", { kind: "loop" as never }), step("2", "KASUBBAG", { kind: "decision", yesTo: "2", noTo: "1" })]);
    const marks = marksOf([sop]);
    expect(marks.map((m) => [m.row, m.col, m.message])).toEqual([
      [2, stepCol("Jenis"), 'Jenis langkah 1 "loop" tidak dikenal; pi'],
      [3, stepCol("Ya ke"), 'Jawaban "Ya" langkah 2 menuju langkah it'],
      [2, stepCol("No"), "Dari langkah 1 alur tidak pernah sampai "],
      [3, stepCol("No"), "Dari langkah 2 alur tidak pernah sampai "],
    ]);
  });

  test("an SOP's own errors are marked on its SOP Identitas row: code, title, lanes, fields, the ID itself", () => {
    const a = fixtureSop([step("1", "JFU")], { id: "a", code: "A", title: "" });
    const b = fixtureSop([step("1", "JFU")], { id: "b", code: "BB", lanes: [{ header: "JFU", role: "lurah" }], fields: [{ key: "x", label: "Status", type: "text", required: false }] });
    const c = fixtureSop([step("1", "JFU")], { id: "c", code: "BB" });
    expect(marksOf([a, b, c], () => {}, 3).map((m) => [m.sheet, m.row, m.col])).toEqual([
      ["SOP Identitas", 3, idCol("Kode")],
      ["SOP Identitas", 3, idCol("Judul")],
      ["SOP Identitas", 4, idCol("Pelaksana")],
      ["SOP Identitas", 4, idCol("Isian")],
      ["SOP Identitas", 5, idCol("Kode")],
    ]);
    // An SOP too long for its revision cell: marked on its ID.
    const long = fixtureSop([step("1", "JFU", { text: "A".repeat(46_000) })], { id: "d", code: "DD" });
    expect(marksOf([long]).map((m) => [m.sheet, m.row, m.col])).toEqual([["SOP Identitas", 2, idCol("SOP")]]);
  });

  test("an error of the sheets themselves is marked where it was read: its sheet, row and column", () => {
    const marks = marksOf([decisionSop], (identity, steps) => {
      identity[0][IDENTITY_HEADERS.indexOf("Isian")] = "{";
      steps[1][SOP_HEADERS.indexOf("Jenis")] = "Mungkin";
      steps.push(["lain", "1"]);
    });
    expect(marks.map((m) => [m.sheet, m.row, m.col])).toEqual([
      ["SOP Identitas", 2, idCol("Isian")],
      ["SOP", 3, stepCol("Jenis")],
      ["SOP", 7, stepCol("SOP")],
    ]);
  });

  test("rows are found whatever spaces the admin left around the ID and number; an error with no row anywhere is not marked", () => {
    const sop = fixtureSop([step("1", "JFU"), step("2", "LURAH")]);
    const identity = [[" uji "]];
    const steps = [[" uji ", " 1 "], [" uji", "2 "]];
    const invalid = validateCatalog([sop], ROLES);
    expect(locateErrors(identity, steps, [], invalid)).toEqual([{ sheet: "SOP", row: 3, col: stepCol("Pelaksana"), message: invalid[0].message }]);
    // The step's row is gone (another SOP's rows only): the error lands on the SOP's identity row.
    expect(locateErrors(identity, [["lain", "2"]], [], invalid)).toEqual([{ sheet: "SOP Identitas", row: 2, col: idCol("Pelaksana"), message: invalid[0].message }]);
    expect(locateErrors([["lain"]], [["uji", "1"]], [], invalid)).toEqual([]);
    // A sheet error naming a column the sheet lacks is marked on its first column rather than lost.
    expect(locateErrors([], [], [{ sheet: "SOP", row: 5, column: "Hilang", sop: "uji", message: "m" }], [])).toEqual([{ sheet: "SOP", row: 5, col: 1, message: "m" }]);
  });
});
