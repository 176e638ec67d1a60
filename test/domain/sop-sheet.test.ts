// The SOP sheets round-trip the built-in catalog exactly, and admin mistakes are reported where they are.
import { CATALOG } from "../../src/catalog";
import { ROLES } from "../../src/catalog/roles";
import { identityRow, readSopSheets, sopRevision, stepRows } from "../../src/domain/sop-sheet";
import { SOP_HEADERS } from "../../src/domain/sop-sheet";
import { catalogWarnings, validateCatalog } from "../../src/domain/validate";

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

  test("a step switched off in the Aktif column is no part of the SOP; values Alur completed and the signer survive the trip", () => {
    const pa = CATALOG.find((s) => s.id === "pengembangan-aplikasi")!;
    const aktif = SOP_HEADERS.indexOf("Aktif");
    const steps = stepRows(pa);
    expect(steps.every((r) => r[aktif] === "Ya")).toBe(true);
    expect(steps.find((r) => r[1] === "6")?.[SOP_HEADERS.indexOf("Dilengkapi Alur")]).toBe("Kelengkapan, Output");
    const nine = steps.findIndex((r) => r[1] === "9");
    steps[nine][aktif] = "Tidak";
    const read = readSopSheets([identityRow(pa)], steps).sops[0];
    expect(read.steps.map((s) => s.no)).not.toContain("9");
    expect(read.steps.find((s) => s.no === "6")?.completed).toEqual(["kelengkapan", "output"]);
    expect(validateCatalog([read], ROLES)).toEqual([]);
    // A blank Aktif (a sheet made before the column existed) keeps the step.
    steps[nine][aktif] = "";
    expect(readSopSheets([identityRow(pa)], steps).sops[0].steps.map((s) => s.no)).toContain("9");
    const signed = { ...pa, identity: { ...pa.identity, disahkanOleh: "KEPALA DINAS", pengesahNama: "Budi", pengesahPangkat: "Pembina / IV-a", pengesahNip: "1970" } };
    expect(normalise(readSopSheets([identityRow(signed)], stepRows(signed)).sops[0].identity)).toEqual(normalise(signed.identity));
  });
});

describe("catalog warnings", () => {
  test("Pengembangan Aplikasi's subdomain step reads like a row copied from another SOP; switching it off ends the warning", () => {
    const warnings = catalogWarnings(CATALOG);
    expect(warnings).toContainEqual(expect.objectContaining({ sop: "pengembangan-aplikasi", step: "9", message: expect.stringContaining('menyebut "subdomain"') }));
    expect(warnings.find((w) => w.sop === "subdomain")).toBeUndefined();
    // Shared wording between SOPs of the same kind (Memeriksa berkas, Penandatanganan berkas, SPP's first step) is no warning.
    expect(warnings.map((w) => w.sop)).not.toEqual(expect.arrayContaining(["spp-gu", "spp-ls-gaji", "data-reklame", "jasa-titipan"]));
    const pa = CATALOG.find((s) => s.id === "pengembangan-aplikasi")!;
    const off = { ...pa, steps: pa.steps.filter((s) => s.no !== "9") };
    expect(catalogWarnings(CATALOG.map((s) => (s === pa ? off : s))).find((w) => w.sop === "pengembangan-aplikasi")).toBeUndefined();
  });

  test("Keterkaitan is prefilled from the SOPs the Keterangan column names", () => {
    const by = (id: string) => CATALOG.find((s) => s.id === id)!.identity.keterkaitan;
    expect(by("rka")).toBe("SOP Rapat Internal (langkah 4)");
    expect(by("renstra")).toBe("SOP Renja (langkah 1); SOP Rapat Internal (langkah 4)");
    expect(by("lakip")).toMatch(/^SOP Perjanjian Kinerja \(langkah \d+, \d+\)$/);
    expect(by("surat-masuk")).toBe("");
  });
});
