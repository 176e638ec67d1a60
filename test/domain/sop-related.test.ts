// Keterkaitan on the SOP AP page: the SOPs a procedure names in its Keterangan column, with the steps that name them.
import { keterkaitanOf, withKeterkaitan } from "../../src/domain/sop-related";
import { fixtureSop, step } from "../fixtures/sops/sop-page-fixtures";

describe("keterkaitanOf", () => {
  test("each SOP named once, in the order first named, with every step that names it", () => {
    const sop = fixtureSop([
      step("1", "JFU", { keterangan: "Sesuai SOP Renja" }),
      step("2", "JFU", { keterangan: "lihat SOP rapat   internal, juga SOP RENJA" }),
      step("3", "JFU", { keterangan: "Tidak ada" }),
      step("4", "JFU", { keterangan: "SOP Rapat Internal; SOP Rapat Internal lagi? SOP SPP-GU/LS, SOP Renja, SOP renja" }),
    ]);
    expect(keterkaitanOf(sop)).toBe("SOP Renja (langkah 1, 2, 4); SOP Rapat Internal (langkah 2, 4); SOP Rapat Internal Lagi (langkah 4); SOP SPP-GU/LS (langkah 4)");
  });

  test("a name is compared without case: 'SOP rka' and 'SOP RKA' are one SOP, written as first met", () => {
    const sop = fixtureSop([step("1", "JFU", { keterangan: "SOP rka" }), step("2", "JFU", { keterangan: "SOP Rka" })]);
    expect(keterkaitanOf(sop)).toBe("SOP Rka (langkah 1, 2)");
  });

  test("spaces after a name are no part of it", () => {
    const sop = fixtureSop([step("1", "JFU", { keterangan: "Sesuai SOP Renja . Lalu SOP Rapat  " })]);
    expect(keterkaitanOf(sop)).toBe("SOP Renja (langkah 1); SOP Rapat (langkah 1)");
  });

  test("'SOP' alone, inside a word, or before a number names nothing", () => {
    const sop = fixtureSop([step("1", "JFU", { keterangan: "SOP" }), step("2", "JFU", { keterangan: "MSOP Rapat, SOP 12" })]);
    expect(keterkaitanOf(sop)).toBe("");
  });
});

describe("withKeterkaitan", () => {
  const named = fixtureSop([step("1", "JFU", { keterangan: "SOP Renja" })]);

  test("fills a blank Keterkaitan and leaves the rest of the SOP as it was", () => {
    const out = withKeterkaitan({ ...named, identity: { ...named.identity, keterkaitan: "  " } });
    expect(out.identity).toEqual({ ...named.identity, keterkaitan: "SOP Renja (langkah 1)" });
    expect(out.steps).toBe(named.steps);
    expect(named.identity.keterkaitan).toBe("");
  });

  test("keeps what the office wrote, and an SOP naming none unchanged", () => {
    const own = { ...named, identity: { ...named.identity, keterkaitan: "SOP Lain" } };
    expect(withKeterkaitan(own)).toBe(own);
    const none = fixtureSop([step("1", "JFU")]);
    expect(withKeterkaitan(none)).toBe(none);
  });
});
