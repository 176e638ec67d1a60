// Checks part A's SOP data (pengembangan aplikasi, jaringan, subdomain, DPA, LAKIP, Renstra, RKA) against what a reader of the seed sees.
import type { Sop } from "../../src/domain/sop";
import { COMMON_FIELDS, CATATAN_FIELD } from "../../src/domain/sop";
import { parseWaktu, standardMinutes } from "../../src/domain/waktu";
import { registerHeaders } from "../../src/domain/register";
import { sop as pengembanganAplikasi } from "../../src/catalog/sops/pengembangan-aplikasi";
import { sop as perawatanJaringan } from "../../src/catalog/sops/perawatan-jaringan";
import { sop as subdomain } from "../../src/catalog/sops/subdomain";
import { sop as dpa } from "../../src/catalog/sops/dpa";
import { sop as lakip } from "../../src/catalog/sops/lakip";
import { sop as renstra } from "../../src/catalog/sops/renstra";
import { sop as rka } from "../../src/catalog/sops/rka";
import { EXPECTED_A } from "./expected-a";
import { expectDecisionsForwardAndBack, expectLanesAndRoles, notesOf, stepOf } from "./shape";

const SOPS: Sop[] = [pengembanganAplikasi, perawatanJaringan, subdomain, dpa, lakip, renstra, rka];
const CODES: Record<string, string> = {
  "pengembangan-aplikasi": "PA",
  "perawatan-jaringan": "PJ",
  subdomain: "SD",
  dpa: "DPA",
  lakip: "LKP",
  renstra: "RST",
  rka: "RKA",
};

// Lower-bound working minutes of a Waktu cell through the app's own parser; NaN when it refuses the cell.
function minutes(waktu: string): number {
  const r = parseWaktu(waktu);
  if (!r.ok) return Number.NaN;
  return r.standard ? standardMinutes(r.standard, 450).min : 0;
}

const step = stepOf;

describe.each(SOPS.map((s) => [s.id, s] as const))("%s", (id, sop) => {
  it("has the assigned code", () => {
    expect(sop.code).toBe(CODES[id]);
  });

  it("matches the hand-read step count and standard time", () => {
    const expected = EXPECTED_A[id];
    expect(expected).toBeDefined();
    expect(sop.steps).toHaveLength(expected.steps);
    expect(sop.steps.reduce((sum, s) => sum + minutes(s.waktu), 0)).toBe(expected.totalMinutes);
  });

  it("gives every step one of its lane headers and every lane a known role", () => {
    expectLanesAndRoles(sop);
  });

  it("has unique step numbers and decisions that go forward on Ya and back on Tidak", () => {
    expectDecisionsForwardAndBack(sop);
  });

  it("starts with the common fields, ends with catatan, and keeps keys and labels distinct", () => {
    expect(sop.fields.slice(0, COMMON_FIELDS.length)).toEqual(COMMON_FIELDS);
    expect(sop.fields[sop.fields.length - 1]).toEqual(CATATAN_FIELD);
    const keys = sop.fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    const headers = sop.lanes.map((l) => l.header.toLowerCase());
    for (const f of sop.fields) {
      expect(headers).not.toContain(f.label.toLowerCase());
      if (f.type === "choice") expect(f.options?.length).toBeGreaterThan(1);
    }
  });

  it("gives its register distinct column headers", () => {
    const headers = registerHeaders(sop).map((h) => h.toLowerCase());
    expect(new Set(headers).size).toBe(headers.length);
  });
});

describe("SOP Pengembangan Aplikasi", () => {
  it("keeps the copied subdomain step 9 with a note saying so", () => {
    const s = step(pengembanganAplikasi, "9");
    expect(s.text).toContain("subdomain");
    expect(notesOf(pengembanganAplikasi, "9")).toMatch(/Subdomain/);
  });

  it("puts the DFD/ERD output back on step 7 and does not leave step 6 with it", () => {
    expect(step(pengembanganAplikasi, "7").output).toBe("Dokumen DRD, ERD");
    expect(step(pengembanganAplikasi, "6").output).not.toContain("ERD");
    expect(notesOf(pengembanganAplikasi, "6")).toMatch(/bergeser/);
  });

  it("has the Kepala Bidang appoint the programmer by a surat tugas", () => {
    const s = step(pengembanganAplikasi, "4");
    expect(s.role).toBe("Kepala Bidang Aplikasi Telematika");
    expect(s.letters).toContain("surat-tugas");
  });

  it("leaves the blank Implementasi time blank", () => {
    expect(step(pengembanganAplikasi, "14").waktu).toBe("");
  });
});

describe("SOP Perawatan Jaringan", () => {
  it("starts with the technician, escalates to the Kepala Dinas and comes back to the technician", () => {
    expect(perawatanJaringan.steps.map((s) => s.role)).toEqual([
      "Petugas / Teknisi TI",
      "KASI SEKSI PEMB. TELEMATIKA",
      "KABID APLIKASI TELEMATIKA",
      "KEPALA DINAS",
      "Petugas / Teknisi TI",
      "Petugas / Teknisi TI",
      "Petugas / Teknisi TI",
    ]);
  });

  it("keeps the range time of the repair step", () => {
    expect(step(perawatanJaringan, "6").waktu).toBe("10 - 20 Menit");
  });
});

describe("SOP Pembuatan Subdomain", () => {
  it("is disposed by the Kasi and built by the Admin System", () => {
    expect(step(subdomain, "1").role).toBe("Kepala Seksi Layanan E-Government, Standarisasi, Aplikasi");
    for (const no of ["3", "4", "5", "6", "7"]) expect(step(subdomain, no).role).toBe("Admin System");
  });

  it("records the subdomain name and a reachable person in charge", () => {
    const byKey = new Map(subdomain.fields.map((f) => [f.key, f]));
    expect(byKey.get("namaSubdomain")?.required).toBe(true);
    expect(byKey.get("emailPenanggungJawab")?.type).toBe("email");
  });
});

describe("SOP DPA", () => {
  it("merges the page-break duplicate row 7 into the Kepala Dinas decision 6 that returns to step 5", () => {
    expect(dpa.steps.some((s) => s.no === "7")).toBe(false);
    const s = step(dpa, "6");
    expect(s).toMatchObject({ kind: "decision", role: "Kepala Dinas", yesTo: "8", noTo: "5" });
    expect(s.waktu).toBe("2 Jam");
  });

  it("maps the lane Pelaksana to JFU", () => {
    expect(dpa.lanes.find((l) => l.header === "Pelaksana")?.role).toBe("jfu");
  });
});

describe("SOP LAKIP", () => {
  it("is ordered by the Kepala Dinas and signed by the Kadis named in step 10", () => {
    expect(step(lakip, "1").role).toBe("Kepala Dinas");
    expect(step(lakip, "10")).toMatchObject({ role: "Kepala Dinas", roleInferred: false });
  });

  it("treats step 6 despite its leftover Tidak as a process, and has no decision at all", () => {
    expect(step(lakip, "6").kind).toBe("process");
    expect(lakip.steps.filter((s) => s.kind === "decision")).toHaveLength(0);
  });

  it("writes the surat pengantar at the Kasubag Program's step 12", () => {
    expect(step(lakip, "12")).toMatchObject({ role: "Kasubag Program", letters: ["surat-pengantar", "nomor"] }); // "sekaligus penomoran surat"
  });
});

describe("SOP Renstra", () => {
  it("has the Sekretaris and then the Kepala Dinas decide, both returning the draft to step 5", () => {
    expect(step(renstra, "6")).toMatchObject({ kind: "decision", role: "Sekretaris", yesTo: "7", noTo: "5" });
    expect(step(renstra, "7")).toMatchObject({ kind: "decision", role: "Kepala Dinas", yesTo: "8", noTo: "5" });
    expect(step(renstra, "8").kind).toBe("process");
  });

  it("drops the HTML list markup from step 2 but keeps its items", () => {
    const t = step(renstra, "2").text;
    expect(t).not.toMatch(/<ul|style=/);
    expect(t).toContain("Target terukur output kegiatan");
  });
});

describe("SOP RKA", () => {
  // Corrected after review: the two same-page rows are one activity; step 5 hands the draft "kepada Kepala", and the
  // text hands an approved RKA to the Kasubag Program (step 8), so Ya leads there, not to a second reviewer.
  it("reads the same-page rows 6/7 as one Kepala Dinas decision: Ya to the Kasubag Program's finalisation, Tidak back to step 5", () => {
    expect(step(rka, "6")).toMatchObject({ kind: "decision", role: "Kepala Dinas", yesTo: "8", noTo: "5", waktu: "2 Jam", output: "Disposisi Dokumen RKA" });
    expect(rka.steps.find((s) => s.no === "7")).toBeUndefined();
    expect(step(rka, "8").role).toBe("Kasubag Program");
    expect(step(rka, "5").kind).toBe("process");
    expect(step(rka, "6").notes?.join(" ")).toMatch(/digabung/);
    expect(step(rka, "6").notes?.join(" ")).not.toMatch(/keduanya dipertahankan/);
  });

  it("joins step 8's text across the page break", () => {
    expect(step(rka, "8").text).toMatch(/didokumentasikan dan didistribusikan kepada masing-masing subbag/);
  });
});
