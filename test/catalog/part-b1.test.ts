// Checks part B1's SOP data (surat keluar/masuk, BKU, SPP LS barang jasa, pensiun meninggal, cuti) against what a reader of the seed sees.
import type { Sop } from "../../src/domain/sop";
import { roleById } from "../../src/catalog/roles";
import { templatesOf } from "../../src/domain/letters";
import { sop as bukuKasUmum } from "../../src/catalog/sops/buku-kas-umum";
import { sop as cuti } from "../../src/catalog/sops/cuti";
import { sop as pensiunMeninggal } from "../../src/catalog/sops/pensiun-meninggal";
import { sop as sppLsBarangJasa } from "../../src/catalog/sops/spp-ls-barang-jasa";
import { sop as suratKeluar } from "../../src/catalog/sops/surat-keluar";
import { sop as suratMasuk } from "../../src/catalog/sops/surat-masuk";
import { EXPECTED_B1 } from "./expected-b1";
import { expectDecisionsForwardAndBack, expectLanesAndRoles, stepOf } from "./shape";

const SOPS: Sop[] = [suratKeluar, suratMasuk, bukuKasUmum, sppLsBarangJasa, pensiunMeninggal, cuti];

// Minutes of one Waktu cell in the forms the seed uses; null when it does not parse.
function minutes(waktu: string): number | null {
  const w = waktu.trim();
  if (w === "") return 0;
  const m = /^(\d+)(?:\s*-\s*\d+)?(?:\s+(menit|jam|hari))?$/i.exec(w);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? "menit").toLowerCase();
  return unit === "hari" ? n * 450 : unit === "jam" ? n * 60 : n;
}

const step = stepOf;
const roleOfLane = (sop: Sop, header: string) => sop.lanes.find((l) => l.header === header)?.role;

describe.each(SOPS.map((s) => [s.id, s] as const))("%s", (id, sop) => {
  it("matches the hand-read step count and standard time", () => {
    const expected = EXPECTED_B1[id];
    expect(expected).toBeDefined();
    expect(sop.steps).toHaveLength(expected.steps);
    const total = sop.steps.reduce((sum, s) => sum + (minutes(s.waktu) ?? Number.NaN), 0);
    expect(total).toBe(expected.totalMinutes);
  });

  it("gives every step exactly one of its lanes and every lane a known role", () => {
    expectLanesAndRoles(sop);
  });

  it("has unique step numbers and decisions that go forward on Ya and back on Tidak", () => {
    expectDecisionsForwardAndBack(sop);
  });

  it("starts with perihal and pemohon, ends with catatan, and uses distinct keys", () => {
    const keys = sop.fields.map((f) => f.key);
    expect(keys.slice(0, 2)).toEqual(["perihal", "pemohon"]);
    expect(keys[keys.length - 1]).toBe("catatan");
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of sop.fields) if (f.type === "choice") expect(f.options?.length).toBeGreaterThan(1);
  });

  it("labels its own fields differently from its lane headers", () => {
    const headers = sop.lanes.map((l) => l.header.toLowerCase());
    const own = sop.fields.slice(2, -1);
    for (const f of own) expect(headers).not.toContain(f.label.toLowerCase());
  });
});

describe("SOP Penanganan Surat Keluar", () => {
  it("is started by the Sekretaris, drafted by the Kasubbag Umum and typed by JFU", () => {
    expect(suratKeluar.steps[0].role).toBe("SEKRETARIS");
    expect(step(suratKeluar, "2").role).toBe("KASUBBAG");
    expect(step(suratKeluar, "3").role).toBe("JFU");
    expect(roleOfLane(suratKeluar, "KASUBBAG")).toBe("kasubbag-umum");
  });

  it("has the Kasubbag check at step 4 return to JFU's step 3", () => {
    const s = step(suratKeluar, "4");
    expect(s).toMatchObject({ kind: "decision", role: "KASUBBAG", yesTo: "5", noTo: "3" });
  });

  it("has the Sekretaris (step 5) and the Kepala Dinas (step 6) return to the Kasubbag's check", () => {
    expect(step(suratKeluar, "5")).toMatchObject({ kind: "decision", role: "SEKRETARIS", yesTo: "6", noTo: "4" });
    expect(step(suratKeluar, "6")).toMatchObject({ kind: "decision", role: "KEPALA DINAS", yesTo: "7", noTo: "4" });
    expect(step(suratKeluar, "6").waktu).toBe("1 jam");
  });

  it("produces the outgoing letter once, and JFU distributes it last", () => {
    const withLetter = suratKeluar.steps.filter((s) => templatesOf(s.letters).includes("surat-dinas"));
    expect(withLetter.map((s) => s.no)).toEqual(["3"]);
    // One letter, in the form the drafter picks; step 9 ("dinomori") gives it its number.
    expect(withLetter[0].letters).toEqual(["surat-dinas|nota-dinas|undangan|surat-keterangan"]);
    expect(step(suratKeluar, "9").letters).toEqual(["nomor"]);
    const last = suratKeluar.steps[suratKeluar.steps.length - 1];
    expect(last).toMatchObject({ no: "9", role: "JFU", waktu: "1 hari" });
  });

  it("notes that the title stands after the table", () => {
    expect(suratKeluar.notes.join(" ")).toMatch(/sebelum judulnya/);
  });
});

describe("SOP Penanganan Surat Masuk", () => {
  it("is linear", () => {
    expect(suratMasuk.steps.every((s) => s.kind === "process")).toBe(true);
  });

  it("starts with JFU making the lembar disposisi", () => {
    expect(suratMasuk.steps[0]).toMatchObject({ no: "1", role: "JFU", letters: ["agenda", "lembar-disposisi"] });
  });

  it("has the Kepala Dinas dispose at step 4 and JFU distribute at the end", () => {
    expect(step(suratMasuk, "4").role).toBe("KEPALA DINAS");
    expect(step(suratMasuk, "7").role).toBe("JFU");
  });

  it("collects what the lembar disposisi needs", () => {
    const required = suratMasuk.fields.filter((f) => f.required).map((f) => f.key);
    expect(required).toEqual(expect.arrayContaining(["asalSurat", "nomorSurat", "tanggalSurat", "diterimaTanggal"]));
    expect(suratMasuk.fields.find((f) => f.key === "sifat")?.options).toEqual(["Biasa", "Segera", "Sangat Segera", "Rahasia"]);
  });
});

describe("SOP Pembukuan ke Buku Kas Umum", () => {
  it("maps KASUBBAG to the Kasubbag Keuangan", () => {
    expect(roleOfLane(bukuKasUmum, "KASUBBAG")).toBe("kasubbag-keuangan");
  });

  // Corrected after review: the seed prints the Kasubbag's correction (its row 3) before the Bendahara's report to the
  // Kasubbag (its row 4); the report must come first, so the Kasubbag's step is now 4.
  it("has the Bendahara report the BKU to the Kasubbag (step 3) before the Kasubbag corrects it (step 4)", () => {
    expect(step(bukuKasUmum, "3")).toMatchObject({ role: "BENDAHARA", kind: "process", text: "Melaporkan BKU kepada Kasubbag untuk diperiksa dan memarafnya" });
    expect(step(bukuKasUmum, "3").notes?.join(" ")).toMatch(/ditukar/);
  });

  it("treats the leftover Ya/Tidak at the Kasubbag's step as a process, with a note", () => {
    const s = step(bukuKasUmum, "4");
    expect(s).toMatchObject({ role: "KASUBBAG", kind: "process" });
    expect(s.notes?.join(" ")).toMatch(/sisa label panah/);
  });

  it("has the Bendahara record the BKU from what JFU handed over", () => {
    expect(step(bukuKasUmum, "1").role).toBe("BENDAHARA");
    expect(step(bukuKasUmum, "2").role).toBe("BENDAHARA");
  });
});

describe("SOP Pengajuan SPP LS Pembayaran Barang Jasa", () => {
  it("names the PPTK in step 1, so the role is not inferred", () => {
    expect(sppLsBarangJasa.steps[0]).toMatchObject({ role: "PPTK", roleInferred: false, letters: ["spp", "nomor"] });
  });

  it("has the PPK-SKPD check completeness and send an incomplete SPP back to the Bendahara", () => {
    expect(roleOfLane(sppLsBarangJasa, "PEJABAT PENATAUSAHAAN KEUANGAN")).toBe("ppk-skpd");
    expect(step(sppLsBarangJasa, "3")).toMatchObject({
      kind: "decision",
      role: "PEJABAT PENATAUSAHAAN KEUANGAN",
      yesTo: "4",
      noTo: "2",
      yesLabel: "Lengkap",
      noLabel: "Tidak lengkap",
    });
    expect(step(sppLsBarangJasa, "2").role).toBe("BENDAHARA PENGELUARAN");
  });

  it("keeps Pengguna Anggaran its own role, issuing the SPM", () => {
    expect(roleOfLane(sppLsBarangJasa, "PENGGUNA ANGGARAN")).toBe("pengguna-anggaran");
    expect(step(sppLsBarangJasa, "6").role).toBe("PENGGUNA ANGGARAN");
  });

  it("lists the step 1 documents without the seed's HTML", () => {
    const items = step(sppLsBarangJasa, "1").kelengkapan;
    expect(items).toContain("SPK / KONTRAK");
    expect(items.join(" ")).not.toMatch(/[<>•]/);
  });
});

describe("SOP Pensiun Karena Meninggal", () => {
  it("has an external Pemohon start it", () => {
    expect(roleById(roleOfLane(pensiunMeninggal, "PEMOHON") ?? "")?.external).toBe(true);
    expect(pensiunMeninggal.steps[0].role).toBe("PEMOHON");
  });

  it("ends with JFU typing the pengantar to the BKD, blank time kept with a note", () => {
    const s = step(pensiunMeninggal, "7");
    expect(s).toMatchObject({ role: "JFU", waktu: "", letters: ["surat-pengantar", "nomor"] });
    expect(s.notes?.join(" ")).toMatch(/kosong/);
  });
});

describe("SOP Pengajuan Surat Cuti Pegawai", () => {
  it("starts with the employee's form and ends with the employee receiving the letter", () => {
    expect(cuti.steps[0]).toMatchObject({ role: "PEMOHON", letters: ["formulir-cuti"] });
    expect(cuti.steps[cuti.steps.length - 1]).toMatchObject({ no: "8", role: "PEMOHON" });
  });

  it("keeps the unnumbered numbering row as step 7a by JFU, with a note", () => {
    const nos = cuti.steps.map((s) => s.no);
    expect(nos.indexOf("7a")).toBe(nos.indexOf("7") + 1);
    const s = step(cuti, "7a");
    expect(s).toMatchObject({ role: "JFU", waktu: "5 Menit" });
    expect(s.notes?.length).toBeGreaterThan(0);
  });

  it("has the Kepala Dinas sign the leave letter that JFU typed", () => {
    expect(step(cuti, "4")).toMatchObject({ role: "JFU", letters: ["surat-izin-cuti", "surat-pengantar"] });
    expect(step(cuti, "6").role).toBe("KEPALA DINAS");
  });

  it("asks for what the leave form needs", () => {
    const byKey = new Map(cuti.fields.map((f) => [f.key, f]));
    for (const key of ["namaPegawai", "nip", "jenisCuti", "mulai", "selesai", "alasan", "alamatSelamaCuti"]) {
      expect(byKey.get(key)?.required).toBe(true);
    }
    expect(byKey.get("mulai")?.type).toBe("date");
    // Cuti bersama is declared for everyone, never requested.
    expect(byKey.get("jenisCuti")?.options).toHaveLength(6);
    expect(byKey.get("jenisCuti")?.options).not.toContain("Cuti Bersama");
    expect(byKey.has("telepon")).toBe(true);
  });
});
