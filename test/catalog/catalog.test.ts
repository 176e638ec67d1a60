// The whole built-in catalog: every SOP passes the validator and matches the step counts and standard times read off the seed by hand.
import { CATALOG } from "../../src/catalog/index";
import { ROLES } from "../../src/catalog/roles";
import { DEFAULT_CALENDAR } from "../../src/catalog/settings";
import type { SopStep } from "../../src/domain/sop";
import { formatValidationError, validateCatalog } from "../../src/domain/validate";
import { parseWaktu, standardMinutes } from "../../src/domain/waktu";
import { EXPECTED_A } from "./expected-a";
import { EXPECTED_B1 } from "./expected-b1";
import { EXPECTED_B2 } from "./expected-b2";
import { EXPECTED_C } from "./expected-c";

const EXPECTED = { ...EXPECTED_A, ...EXPECTED_B1, ...EXPECTED_B2, ...EXPECTED_C };

/** The hand-read tables' rule: Hari = one working day, a range counts its lower bound, blank counts 0. */
function stepMinutes(step: SopStep): number {
  const p = parseWaktu(step.waktu);
  if (!p.ok) return Number.NaN;
  return p.standard ? standardMinutes(p.standard, DEFAULT_CALENDAR.dayMinutes).min : 0;
}

describe("the built-in catalog", () => {
  it("holds the 28 SOPs of the seed book", () => {
    expect(CATALOG).toHaveLength(28);
  });

  it("passes the validator with no error", () => {
    expect(validateCatalog(CATALOG, ROLES).map(formatValidationError)).toEqual([]);
  });

  it("uses each SOP id and code once", () => {
    expect(new Set(CATALOG.map((s) => s.id)).size).toBe(CATALOG.length);
    expect(new Set(CATALOG.map((s) => s.code)).size).toBe(CATALOG.length);
  });

  it("has a hand-read expectation for exactly the SOPs it holds", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(CATALOG.map((s) => s.id).sort());
  });

  it("counts a working day as 450 minutes", () => {
    expect(DEFAULT_CALENDAR.dayMinutes).toBe(450);
  });

  describe.each(CATALOG.map((s) => [s.id, s] as const))("%s", (id, sop) => {
    it("has the hand-read number of steps and total standard time", () => {
      const expected = EXPECTED[id];
      expect(expected).toBeDefined();
      const total = sop.steps.reduce((sum, s) => sum + stepMinutes(s), 0);
      expect({ steps: sop.steps.length, totalMinutes: total }).toEqual({ steps: expected.steps, totalMinutes: expected.totalMinutes });
    });
  });
});

describe("letters the catalog's steps produce", () => {
  const { CATALOG } = require("../../src/catalog/index") as typeof import("../../src/catalog/index");
  const { LETTER_LABELS, templatesOf, unknownLetters } = require("../../src/domain/letters") as typeof import("../../src/domain/letters");
  it("names only templates of templates/ and the step markers", () => {
    for (const s of CATALOG) for (const st of s.steps) expect({ sop: s.id, step: st.no, unknown: unknownLetters(st.letters) }).toEqual({ sop: s.id, step: st.no, unknown: [] });
  });
  it("gives every template a step, and the seed's document outputs theirs", () => {
    const used = new Set(CATALOG.flatMap((s) => s.steps.flatMap((st) => templatesOf(st.letters))));
    expect(Object.keys(LETTER_LABELS).filter((t) => !used.has(t))).toEqual([]);
    const at = (sop: string, no: string) => templatesOf(CATALOG.find((s) => s.id === sop)?.steps.find((st) => st.no === no)?.letters);
    expect(at("surat-masuk", "1")).toContain("lembar-disposisi");
    expect(at("surat-keluar", "3")).toContain("surat-dinas");
    expect([...at("cuti", "1"), ...at("cuti", "4")]).toEqual(["formulir-cuti", "surat-izin-cuti", "surat-pengantar"]);
    expect(at("izin-belajar", "3")).toContain("surat-pengantar");
    expect(at("kenaikan-gaji-berkala", "3")).toContain("surat-pengantar");
    expect(at("pensiun-meninggal", "6")).toContain("nota-dinas");
    expect([...at("pengembangan-aplikasi", "4"), ...at("pengembangan-aplikasi", "12")]).toEqual(["surat-tugas", "notulen"]);
    expect([...at("barang-inventaris", "2"), ...at("barang-inventaris", "3"), ...at("barang-inventaris", "4"), ...at("barang-inventaris", "5")]).toEqual(["berita-acara", "berita-acara", "berita-acara", "surat-perintah"]);
    for (const sop of ["spp-gu", "spp-ls-gaji", "spp-ls-barang-jasa"]) {
      const all = CATALOG.find((s) => s.id === sop)!.steps.flatMap((st) => templatesOf(st.letters));
      expect(all).toEqual(["spp", "penolakan-spm", "spm"]);
    }
    expect(at("subdomain", "7")).toEqual(["akun-subdomain"]);
  });
  it("gives the numbering steps their marker: Surat Keluar's dinomori and Surat Cuti's Penomoran", () => {
    const marks = (sop: string, no: string) => CATALOG.find((s) => s.id === sop)?.steps.find((st) => st.no === no)?.letters ?? [];
    expect(marks("surat-keluar", "9")).toContain("nomor");
    expect(marks("cuti", "7a")).toContain("nomor");
    expect(marks("cuti", "2")).toContain("agenda");
    expect(marks("cuti", "6")).toContain("keputusan");
  });
});
