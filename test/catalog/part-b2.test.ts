// Checks part B2's catalog SOPs against what a reader of the seed sees: flow, roles, decisions, repairs and standard times.
import { CATATAN_FIELD, COMMON_FIELDS, type Sop } from "../../src/domain/sop";
import { sop as sppGu } from "../../src/catalog/sops/spp-gu";
import { sop as izinBelajar } from "../../src/catalog/sops/izin-belajar";
import { sop as kenaikanGajiBerkala } from "../../src/catalog/sops/kenaikan-gaji-berkala";
import { sop as sppLsGaji } from "../../src/catalog/sops/spp-ls-gaji";
import { sop as barangInventaris } from "../../src/catalog/sops/barang-inventaris";
import { EXPECTED_B2 } from "./expected-b2";
import { expectLanesAndRoles, stepOf } from "./shape";

const SOPS: Sop[] = [sppGu, izinBelajar, kenaikanGajiBerkala, sppLsGaji, barangInventaris];

// Independent of any parser in src/: Hari = 450 minutes, Jam = 60, a range counts its lower bound, blank = 0.
const WAKTU = /^(?:|(\d+)(?:\s*-\s*\d+)?(?:\s+(menit|jam|hari))?)$/i;
function minutes(waktu: string): number {
  const m = WAKTU.exec(waktu.trim());
  if (!m) throw new Error(`waktu tidak terbaca: "${waktu}"`);
  if (!m[1]) return 0;
  const unit = (m[2] ?? "menit").toLowerCase();
  return Number(m[1]) * (unit === "hari" ? 450 : unit === "jam" ? 60 : 1);
}

const step = stepOf;

describe.each(SOPS.map((s) => [s.id, s] as const))("%s", (id, sop) => {
  test("has the step count and standard time read by hand off the seed", () => {
    expect(EXPECTED_B2[id]).toBeDefined();
    expect(sop.steps).toHaveLength(EXPECTED_B2[id].steps);
    const total = sop.steps.reduce((sum, s) => sum + minutes(s.waktu), 0);
    expect(total).toBe(EXPECTED_B2[id].totalMinutes);
  });

  test("maps every lane to a known role and every step to one of its lanes", () => {
    expectLanesAndRoles(sop);
  });

  test("decisions go forward on Ya and back to an earlier step on Tidak", () => {
    const order = sop.steps.map((s) => s.no);
    for (const s of sop.steps.filter((x) => x.kind === "decision")) {
      const here = order.indexOf(s.no);
      expect(s.yesTo === "selesai" || order.indexOf(s.yesTo ?? "") > here).toBe(true);
      const back = order.indexOf(s.noTo ?? "");
      expect(back).toBeGreaterThanOrEqual(0);
      expect(back).toBeLessThan(here);
    }
  });

  test("register fields start with the common ones, end with Catatan, and do not reuse lane names", () => {
    expect(sop.fields.slice(0, COMMON_FIELDS.length)).toEqual(COMMON_FIELDS);
    expect(sop.fields[sop.fields.length - 1]).toEqual(CATATAN_FIELD);
    const keys = sop.fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    const headers = sop.lanes.map((l) => l.header.toLowerCase());
    for (const f of sop.fields) expect(headers).not.toContain(f.label.toLowerCase());
  });

  test("keeps no leftover markup from the text extraction", () => {
    for (const s of sop.steps) {
      const cells = [s.text, s.output, ...s.kelengkapan].join(" ");
      expect(cells).not.toMatch(/<\/?(i|ul|pre)\b|graph TD|\(Mulai\)|\(Selesai\)/);
    }
  });
});

describe("SPP Ganti Uang", () => {
  test("starts with the Pengguna Anggaran handing over the SPD, as the text names", () => {
    expect(step(sppGu, "1")).toMatchObject({ role: "PENGGUNA ANGGARAN", roleInferred: false });
  });

  test("PPK-SKPD checks completeness and sends an incomplete SPP-GU back to the Bendahara who made it", () => {
    const check = step(sppGu, "4");
    expect(check).toMatchObject({ kind: "decision", role: "PEJABAT PENATA USAHAAN KEUANGAN", yesTo: "5", noTo: "2" });
    expect(step(sppGu, check.noTo!).role).toBe("BENDAHARA PENGELUARAN");
  });

  test("authorisation follows the leftover [] mark in the KPA column and says so", () => {
    const s = step(sppGu, "6");
    expect(s.role).toBe("KUASA PENGGUNA ANGGARAN");
    expect(s.notes?.join(" ")).toMatch(/KUASA PENGGUNA ANGGARAN/);
  });
});

describe("Surat Pengantar Usul Tugas/Izin Belajar", () => {
  test("the Sekretaris assigns, the Kepala Dinas signs, and JFU delivers to BKD in 1 hari", () => {
    expect(step(izinBelajar, "1").role).toBe("SEKRETARIS");
    expect(step(izinBelajar, "6").role).toBe("KEPALA DINAS");
    expect(step(izinBelajar, "9")).toMatchObject({ role: "JFU", waktu: "1 hari" });
  });

  test("the surat pengantar is drafted by JFU at step 3", () => {
    expect(step(izinBelajar, "3")).toMatchObject({ role: "JFU", letters: ["surat-pengantar"] });
  });

  test("checks that name no return path stay processes", () => {
    for (const no of ["4", "5", "6"]) expect(step(izinBelajar, no).kind).toBe("process");
  });
});

describe("Usulan Kenaikan Gaji Berkala (cut short in the seed)", () => {
  test("KASUBBAG is the Kasubbag Umum, who handles staff matters", () => {
    expect(kenaikanGajiBerkala.lanes.find((l) => l.header === "KASUBBAG")?.role).toBe("kasubbag-umum");
  });

  test("JFU's completeness check returns files that are not ready to the Kasubbag's step", () => {
    const check = step(kenaikanGajiBerkala, "3");
    expect(check).toMatchObject({ kind: "decision", role: "JFU", noTo: "2", yesTo: "4" });
    expect(step(kenaikanGajiBerkala, "2").role).toBe("KASUBBAG");
  });

  test("the added closing step and every filled-in blank are marked as repairs", () => {
    const closing = step(kenaikanGajiBerkala, "4");
    expect(closing.role).toBe("KASUBBAG");
    expect(closing.notes?.join(" ")).toMatch(/Perbaikan/);
    for (const no of ["1", "3"]) expect(step(kenaikanGajiBerkala, no).notes?.join(" ")).toMatch(/Perbaikan/);
    expect(kenaikanGajiBerkala.notes.join(" ")).toMatch(/terpotong/);
  });
});

describe("SPP LS Gaji", () => {
  test("an incomplete SPP-LS Gaji goes back to the Bendahara", () => {
    const check = step(sppLsGaji, "4");
    expect(check).toMatchObject({ kind: "decision", noTo: "2" });
    expect(step(sppLsGaji, "2").role).toBe("BENDAHARA PENGELUARAN");
  });

  test("the SPP-TU copy error in step 5 is kept and noted", () => {
    const s = step(sppLsGaji, "5");
    expect(s.text).toContain("SPP-TU");
    expect(s.notes?.join(" ")).toMatch(/SPP-TU/);
  });
});

describe("Penerimaan dan Penyimpanan Barang Inventaris", () => {
  test("Tim PPHP's inspection is the decision the leftover mermaid chart shows, failing back to delivery", () => {
    expect(step(barangInventaris, "2")).toMatchObject({ kind: "decision", role: "TIM PPHP", yesTo: "3", noTo: "1" });
    expect(barangInventaris.steps.filter((s) => s.kind === "decision")).toHaveLength(1);
  });

  test("the goods pass through every lane once, from the penyedia to the penyimpan", () => {
    expect(barangInventaris.steps.map((s) => s.role)).toEqual(barangInventaris.lanes.map((l) => l.header));
  });

  test("the mermaid leftover is recorded in the notes", () => {
    expect(barangInventaris.notes.join(" ")).toMatch(/mermaid/);
  });
});
