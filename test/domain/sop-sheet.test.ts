// The SOP sheets round-trip the built-in catalog exactly, and admin mistakes are reported where they are.
import { CATALOG } from "../../src/catalog";
import { ROLES } from "../../src/catalog/roles";
import { identityRow, readSopSheets, sopRevision, stepRows } from "../../src/domain/sop-sheet";
import { validateCatalog } from "../../src/domain/validate";

const normalise = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe("SOP sheets", () => {
  test("all 28 SOPs survive the trip into the sheets and back, unchanged and valid", () => {
    const identity = CATALOG.map((s) => identityRow(s));
    const steps = CATALOG.flatMap(stepRows);
    const read = readSopSheets(identity, steps);
    expect(read.errors).toEqual([]);
    expect(read.active).toHaveLength(28);
    expect(read.sops.map(normalise)).toEqual(CATALOG.map(normalise));
    expect(read.sops.map((s) => sopRevision(s))).toEqual(CATALOG.map((s) => sopRevision(s)));
    expect(validateCatalog(read.sops, ROLES)).toEqual([]);
  });

  test("an admin's edit changes the revision, and a broken edit is reported with sheet, row and column", () => {
    const sk = CATALOG.find((s) => s.id === "surat-keluar")!;
    const steps = stepRows(sk);
    steps[1][8] = "3 Jam";
    const edited = readSopSheets([identityRow(sk)], steps).sops[0];
    expect(sopRevision(edited)).not.toBe(sopRevision(sk));
    const identity = [identityRow(sk)];
    identity[0][7] = "SEKRETARIS sekretaris";
    steps[2][4] = "Mungkin";
    const bad = readSopSheets(identity, steps);
    expect(bad.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "SOP Identitas", row: 2, column: "Pelaksana" }),
        expect.objectContaining({ sheet: "SOP", row: 4, column: "Jenis", message: expect.stringContaining("Proses atau Keputusan") }),
      ]),
    );
  });
});
