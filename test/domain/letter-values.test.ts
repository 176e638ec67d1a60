// What a letter's placeholders are filled with (src/domain/letter-values.ts): officials and signers, the kop, the number,
// the case's fields as a letter prints them, the SOP-specific wording, leave forms, and the lists of a letter.
import { ROLES } from "../../src/catalog/roles";
import { jakartaTime } from "../../src/domain/calendar";
import type { CaseState, FieldValue } from "../../src/domain/case";
import type { CutiDecision } from "../../src/domain/cuti";
import { CHECKED, type CutiFacts, type LetterContext, MASK, UNCHECKED, knownPlaceholders, letterValues, officialByNip, tanggalKata } from "../../src/domain/letter-values";
import type { Official } from "../../src/domain/pejabat";
import type { LetterSettings } from "../../src/domain/settings";
import type { Sop } from "../../src/domain/sop";
import { UJI } from "./report-fixtures";

const DOTS = "........................";
const NOW = jakartaTime("2026-12-04", "10:00");
const OFFICE = { pemerintah: "PEMERINTAH KABUPATEN SIMALUNGUN", dinas: "Dinas Kominfo", alamat: "Jl. Asahan", telepon: "0622-1", email: "kominfo@dinas.example", laman: "kominfo.example", kota: "Pematang Raya" };
const SETTINGS = { disposisiTujuan: ["Sekretaris", "Kabid Aplikasi"], disposisiInstruksi: ["Tindak lanjuti", "Pelajari", "Arsipkan"] } as LetterSettings;

const off = (role: string, name: string, email: string, extra: Partial<Official> = {}): Official => ({ role, name, nip: "", jabatan: "", pangkat: "", email, atasan: "", ...extra });
const OFFICIALS: Official[] = [
  off("kepala-dinas", "Drs. Kadis", "kadis@dinas.example", { nip: "19700101 199001 1 001", jabatan: "Kepala Dinas Komunikasi dan Informatika", pangkat: "Pembina Utama Muda" }),
  off("sekretaris", "Sekar", "sekar@dinas.example", { nip: "19750202", jabatan: "Sekretaris Dinas", acting: { kind: "Plh.", name: "Wakil Sekar", email: "Wakil@Dinas.Example", from: "2026-12-01", to: "2026-12-31" } }),
  off("kasubbag-umum", "Umum", "", { jabatan: "Kasubbag (tanpa surel)" }),
  off("jfu", "", "Budi@Dinas.Example", { nip: "19900303 201001 1 003", pangkat: "Penata", atasan: "sekar@dinas.example" }),
];

/** Surat Keluar of the fixture SOP: the fields letters read. */
const SOP: Sop = {
  ...UJI,
  id: "surat-keluar",
  title: "SOP Surat Keluar",
  shortTitle: "Surat Keluar",
  fields: [
    { key: "perihal", label: "Perihal", type: "text", required: true },
    { key: "tanggalSurat", label: "Tanggal Surat", type: "date", required: false },
    { key: "nilai", label: "Nilai (Rp)", type: "number", required: false },
    { key: "jumlah", label: "Jumlah", type: "number", required: false },
    { key: "catatan", label: "Catatan", type: "longtext", required: false },
    { key: "tujuan", label: "Tujuan", type: "text", required: false },
  ],
};

const kasus = (fields: Record<string, FieldValue>, extra: Partial<CaseState> = {}): CaseState => ({
  id: "SK-2026-0007",
  sopId: SOP.id,
  sopRev: "1",
  fields,
  status: "Berjalan",
  stepNo: "1",
  stepSince: NOW,
  dueAt: null,
  done: {},
  rounds: 0,
  version: 1,
  createdAt: jakartaTime("2026-11-30", "09:00"),
  createdBy: "budi@dinas.example",
  assignee: "",
  documents: [],
  lastBy: "",
  lastAt: 0,
  srikandi: "",
  ticks: {},
  history: [],
  ...extra,
});

const ctx = (extra: Partial<LetterContext> = {}): LetterContext => ({
  sop: SOP,
  c: kasus({ perihal: "Undangan rapat" }),
  template: "surat-dinas",
  stepNo: "1",
  office: OFFICE,
  settings: SETTINGS,
  numberFormat: "{klasifikasi}/{urut}/{unit}/{tahun}",
  unitCode: "Kominfo",
  officials: OFFICIALS,
  roles: ROLES,
  now: NOW,
  signer: "",
  onBehalfOf: "",
  maker: "budi@dinas.example",
  ...extra,
});
const text = (extra: Partial<LetterContext> = {}) => letterValues(ctx(extra)).text;
const sop = (id: string, extra: Partial<Sop> = {}): Sop => ({ ...SOP, id, ...extra });

describe("officials and the signer", () => {
  test("each role's holder today: name, NIP, jabatan (an acting official's kind before it), pangkat; an empty post is dotted", () => {
    const t = text();
    expect(t).toMatchObject({
      "pejabat.kepala-dinas.nama": "Drs. Kadis",
      "pejabat.kepala-dinas.nip": "19700101 199001 1 001",
      "pejabat.kepala-dinas.jabatan": "Kepala Dinas Komunikasi dan Informatika",
      "pejabat.kepala-dinas.pangkat": "Pembina Utama Muda",
      "pejabat.sekretaris.nama": "Wakil Sekar",
      "pejabat.sekretaris.nip": DOTS,
      "pejabat.sekretaris.jabatan": "Plh. Sekretaris Dinas",
      "pejabat.sekretaris.pangkat": "",
      "pejabat.jfu.nama": "budi@dinas.example",
      "pejabat.jfu.nip": "19900303 201001 1 003",
      "pejabat.jfu.jabatan": "Jabatan Fungsional Umum (JFU)",
      "pejabat.kasubbag-umum.nama": DOTS,
      "pejabat.kasubbag-umum.nip": DOTS,
      "pejabat.kasubbag-umum.jabatan": "Kasubbag Umum dan Kepegawaian",
      "pejabat.kasubbag-umum.pangkat": "",
      "pejabat.bendahara-pengeluaran.jabatan": "Bendahara Pengeluaran",
    });
    expect(Object.keys(t).some((k) => k.startsWith("pejabat.pemohon."))).toBe(false);
    // Outside the acting period the holder signs in person.
    expect(text({ now: jakartaTime("2027-01-04", "10:00") })).toMatchObject({ "pejabat.sekretaris.nama": "Sekar", "pejabat.sekretaris.nip": "19750202", "pejabat.sekretaris.jabatan": "Sekretaris Dinas" });
  });

  test("the signer is the template's role (else the head of the office); 'a.n.' names the role signed for when it is another", () => {
    expect(text()).toMatchObject({ "ttd.an": "", "ttd.jabatan": "Kepala Dinas Komunikasi dan Informatika", "ttd.nama": "Drs. Kadis", "ttd.nip": "19700101 199001 1 001", "ttd.pangkat": "Pembina Utama Muda" });
    expect(text({ signer: "sekretaris", onBehalfOf: "kepala-dinas" })).toMatchObject({ "ttd.an": "a.n. Kepala Dinas Komunikasi dan Informatika", "ttd.jabatan": "Plh. Sekretaris Dinas", "ttd.nama": "Wakil Sekar", "ttd.nip": DOTS, "ttd.pangkat": "" });
    expect(text({ signer: "sekretaris", onBehalfOf: "sekretaris" })["ttd.an"]).toBe("");
    // A role the catalog does not know is named by its id.
    expect(text({ signer: "hantu" })).toMatchObject({ "ttd.nama": DOTS, "ttd.jabatan": "hantu" });
    // An acting official without a name and outside Pejabat is named by their email.
    const acting = OFFICIALS.map((o) => (o.role === "sekretaris" ? { ...o, acting: { kind: "Plt." as const, name: "", email: "tamu@contoh.example", from: "2026-12-01", to: "2026-12-31" } } : o));
    expect(text({ officials: acting, signer: "sekretaris" })).toMatchObject({ "ttd.nama": "tamu@contoh.example", "ttd.nip": DOTS, "ttd.jabatan": "Plt. Sekretaris Dinas" });
    // A Pejabat row without an email holds no post: the post is dotted under its role's name.
    expect(text({ signer: "kasubbag-umum" })).toMatchObject({ "ttd.nama": DOTS, "ttd.nip": DOTS, "ttd.jabatan": "Kasubbag Umum dan Kepegawaian" });
  });
});

describe("the kop, the case and the number", () => {
  test("a draft's number has a dotted blank; a number taken from Agenda Surat is printed with its date", () => {
    const t = text();
    expect(t).toMatchObject({
      "kop.pemerintah": "PEMERINTAH KABUPATEN SIMALUNGUN",
      "kop.dinas": "Dinas Kominfo",
      "kop.alamat": "Jl. Asahan",
      "kop.telepon": "0622-1",
      "kop.email": "kominfo@dinas.example",
      "kop.laman": "kominfo.example",
      "kasus.id": "SK-2026-0007",
      "kasus.perihal": "Undangan rapat",
      "kasus.sop": "SOP Surat Keluar",
      "surat.tempat": "Pematang Raya",
      "surat.tanggal": "4 Desember 2026",
      "surat.tahun": "2026",
      "surat.nomor": "000/....../Kominfo/2026",
      "surat.sifat": "Biasa",
      "surat.lampiran": "-",
      "surat.hal": "Undangan rapat",
      "surat.kepada": DOTS,
      "surat.tujuanTempat": "Tempat",
      "agenda.nomor": "-",
    });
    const numbered = kasus({ sifat: "Segera", lampiran: "1 berkas", instansiTujuan: " BKD ", tujuan: "" }, {
      letters: { numbers: { "surat-dinas": { nomor: "000/12/Kominfo/2025", key: "K/2025/12", status: "Terbit", at: jakartaTime("2025-12-31", "16:00") } }, agenda: { nomor: "5/Kominfo/2025", key: "M/2025/5", status: "Terbit", at: 0 } },
    });
    expect(text({ c: numbered })).toMatchObject({ "surat.nomor": "000/12/Kominfo/2025", "surat.tanggal": "31 Desember 2025", "surat.tahun": "2025", "surat.sifat": "Segera", "surat.lampiran": "1 berkas", "surat.kepada": "BKD", "agenda.nomor": "5/Kominfo/2025" });
    expect(text({ c: numbered, template: "nota-dinas" })["surat.nomor"]).toBe("000/....../Kominfo/2026");
    expect(text({ sop: sop("cuti") })).toMatchObject({ "surat.kepada": "Kepala Badan Kepegawaian Daerah Kabupaten Simalungun", "surat.nomor": "800/....../Kominfo/2026" });
    // Only a leading "Pemerintah" is dropped from the region's name.
    const kepada = (pemerintah: string) => text({ sop: sop("cuti"), office: { ...OFFICE, pemerintah } })["surat.kepada"];
    expect(kepada("PEMERINTAH  KOTA PEMATANGSIANTAR")).toBe("Kepala Badan Kepegawaian Daerah Kota Pematangsiantar");
    expect(kepada("KOTA PEMERINTAH BARU")).toBe("Kepala Badan Kepegawaian Daerah Kota Pemerintah Baru");
  });

  test("fields as a letter prints them: dates the Indonesian way, amounts in rupiah, an empty one as '-'", () => {
    const t = text({ c: kasus({ perihal: " Rapat ", tanggalSurat: "2026-12-01", nilai: 1500000, jumlah: 1500000, catatan: "" }) });
    expect(t).toMatchObject({ "isian.perihal": "Rapat", "isian.tanggalSurat": "1 Desember 2026", "isian.nilai": "Rp1.500.000", "isian.jumlah": "1500000", "isian.catatan": "-", "isian.tujuan": "-" });
    expect(text({ c: kasus({ tanggalSurat: "kemarin" }) })["isian.tanggalSurat"]).toBe("kemarin");
    // Only a whole yyyy-MM-dd is a date; a field holding null (as an older saved case may) is empty.
    expect(text({ c: kasus({ tanggalSurat: "tgl 2026-12-01", perihal: null as unknown as FieldValue }) })).toMatchObject({ "isian.tanggalSurat": "tgl 2026-12-01", "isian.perihal": "-", "kasus.perihal": "" });
    expect(text({ c: kasus({ tanggalSurat: "2026-12-01 pagi" }) })["isian.tanggalSurat"]).toBe("2026-12-01 pagi");
    // Rupiah only for a number field marked (Rp).
    const rp = sop("surat-keluar", { fields: [{ key: "biaya", label: "Biaya (Rp)", type: "text", required: false }] });
    expect(text({ sop: rp, c: kasus({ biaya: "seribu" }) })["isian.biaya"]).toBe("seribu");
  });

  test("tembusan: one per line, their numbers dropped; a leave permit's default; else '-'", () => {
    const v = letterValues(ctx({ c: kasus({ tembusan: "1. Bupati\r\n2) Arsip\n\n  " }) }));
    expect(v.text["surat.tembusan"]).toBe("Bupati; Arsip");
    expect(text({ c: kasus({ tembusan: "3.Camat  \n  12) Lurah\nKantor Cabang 2. Raya" }) })["surat.tembusan"]).toBe("Camat; Lurah; Kantor Cabang 2. Raya");
    expect(v.lists.tembusan).toEqual([
      { no: "1", isi: "Bupati" },
      { no: "2", isi: "Arsip" },
    ]);
    expect(text({ template: "surat-izin-cuti" })["surat.tembusan"]).toBe("Kepala Badan Kepegawaian Daerah Kabupaten Simalungun; Yang bersangkutan");
    expect(letterValues(ctx()).lists.tembusan).toEqual([]);
    expect(text()["surat.tembusan"]).toBe("-");
  });

  test("the body: the case's own text, else the note, else a refusal's reason or a polite default naming the matter", () => {
    expect(text({ c: kasus({ isiSurat: "Isi sendiri", catatan: "catatan" }) }).isi).toBe("Isi sendiri");
    expect(text({ c: kasus({ catatan: "Catatan saja" }) }).isi).toBe("Catatan saja");
    expect(text({ template: "penolakan-spm" }).isi).toBe("Dokumen kelengkapan SPP belum lengkap atau tidak sesuai dengan SPD dan DPA perangkat daerah.");
    expect(text().isi).toBe(
      "Sehubungan dengan Undangan rapat, bersama ini kami sampaikan hal tersebut untuk dapat dipergunakan dan ditindaklanjuti sebagaimana mestinya.\nDemikian kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, diucapkan terima kasih.",
    );
    expect(text({ c: kasus({}) }).isi).toMatch(/^Sehubungan dengan surat keluar, bersama/);
  });
});

describe("wording per SOP", () => {
  test("surat tugas: the basis, whom and what, per SOP", () => {
    expect(text({ c: kasus({ dasarSurat: "Nota 1", tujuan: "Budi", isiSurat: "Hadir" }) })).toMatchObject({ "tugas.dasar": "Nota 1", "tugas.kepada": "Budi", "tugas.untuk": "Hadir" });
    expect(text({ c: kasus({ perihal: "Rapat" }) })).toMatchObject({ "tugas.dasar": "Rapat", "tugas.kepada": DOTS, "tugas.untuk": "Rapat" });
    const app = (f: Record<string, FieldValue>) => text({ sop: sop("pengembangan-aplikasi"), c: kasus(f) });
    expect(app({ namaAplikasi: "SiAP", instansiPengguna: "Bappeda", targetImplementasi: "2027-03-01" })).toMatchObject({
      "tugas.dasar": "Permintaan pengembangan aplikasi SiAP dari Bappeda.",
      "tugas.kepada": DOTS,
      "tugas.untuk": "Menyusun konsep aplikasi SiAP sampai implementasi paling lambat 1 Maret 2027.",
    });
    expect(text({ sop: sop("pengembangan-aplikasi"), stepNo: "9", c: kasus({ namaAplikasi: "SiAP", programmerDitunjuk: "Rudi" }) })).toMatchObject({ "tugas.kepada": "Rudi", "tugas.untuk": "Melaksanakan pengembangan aplikasi SiAP sampai implementasi." });
    expect(text({ sop: sop("data-reklame"), c: kasus({ perihal: "Pendataan", wilayahPemetaan: "Raya", tanggalPeninjauan: "2026-12-07" }) })).toMatchObject({
      "tugas.dasar": "Perintah Kepala Dinas untuk pemetaan papan reklame/baliho (Pendataan).",
      "tugas.kepada": "budi@dinas.example",
      "tugas.untuk": "Meninjau langsung lapangan dan mengumpulkan data papan reklame/baliho di Raya pada 7 Desember 2026.",
    });
    expect(text({ sop: sop("data-reklame"), c: kasus({ petugasLapangan: "Andi", wilayahPemetaan: "Raya" }) })).toMatchObject({ "tugas.kepada": "Andi", "tugas.untuk": "Meninjau langsung lapangan dan mengumpulkan data papan reklame/baliho di Raya." });
    const barang = (f: Record<string, FieldValue>) => text({ sop: sop("barang-inventaris"), c: kasus(f) });
    expect(barang({ nomorSpk: "027/1", tanggalSpk: "2026-11-02", namaBarang: "Laptop", jumlahBarang: 3, satuan: "unit", lokasiPenyimpanan: "Gudang" })).toMatchObject({
      "tugas.dasar": "Berita acara serah terima barang berdasarkan SPK/Kontrak Nomor 027/1 tanggal 2 November 2026.",
      "tugas.kepada": DOTS,
      "tugas.untuk": "Menyimpan Laptop sebanyak 3 unit di Gudang dan mencatatnya dalam Buku Inventaris Barang.",
    });
    expect(barang({ namaBarang: "Laptop", jumlahBarang: 3, satuan: "unit" })["tugas.untuk"]).toBe("Menyimpan Laptop sebanyak 3 unit dan mencatatnya dalam Buku Inventaris Barang.");
  });

  test("berita acara: who hands over to whom at steps 2, 4 and otherwise; the day and the date in words", () => {
    const ba = (stepNo: string, f: Record<string, FieldValue> = {}) => text({ sop: sop("barang-inventaris"), stepNo, c: kasus({ tanggalDiterima: "2026-12-02", ...f }) });
    expect(ba("2", { namaPenyedia: "CV Maju", nomorSpk: "027/1", tanggalSpk: "2026-11-02" })).toMatchObject({
      "ba.judul": "BERITA ACARA PEMERIKSAAN DAN PENERIMAAN BARANG",
      "ba.hari": "Rabu",
      "ba.tanggalKata": "dua bulan Desember tahun dua ribu dua puluh enam",
      "ba.dasar": "SPK/Kontrak Nomor 027/1 tanggal 2 November 2026",
      "ba.pihak1.nama": "CV Maju",
      "ba.pihak1.jabatan": "Penyedia Barang (CV Maju)",
      "ba.pihak1.nip": "",
      "ba.pihak2.nama": DOTS,
      "ba.pihak2.jabatan": "Tim Penerima dan Pemeriksa Hasil Pekerjaan (PPHP)",
      "ba.pihak2.nip": `NIP. ${DOTS}`,
    });
    expect(ba("2")).toMatchObject({ "ba.pihak1.nama": DOTS, "ba.dasar": "SPK/Kontrak Nomor -" });
    expect(ba("4")).toMatchObject({ "ba.judul": "BERITA ACARA SERAH TERIMA HASIL PENGADAAN BARANG", "ba.pihak1.jabatan": "Pejabat Pembuat Komitmen", "ba.pihak2.jabatan": "Pengguna Anggaran" });
    expect(ba("6")).toMatchObject({ "ba.judul": "BERITA ACARA SERAH TERIMA BARANG", "ba.pihak1.jabatan": "Tim Penerima dan Pemeriksa Hasil Pekerjaan (PPHP)", "ba.pihak2.jabatan": "Pejabat Pembuat Komitmen" });
    expect(text()["ba.hari"]).toBe("Jumat");
    expect(tanggalKata("2026-12-04")).toBe("empat bulan Desember tahun dua ribu dua puluh enam");
  });

  test("invitations, statements and minutes", () => {
    expect(text({ c: kasus({ perihal: "Rapat", hariTanggal: "Senin, 7 Desember 2026", waktu: "09.00 WIB", tempat: "Aula", acara: "Evaluasi", namaPegawai: "Ani", nip: "1985", pangkatGolongan: "Penata/III c", jabatan: "Analis" }) })).toMatchObject({
      "undangan.hari": "Senin, 7 Desember 2026",
      "undangan.waktu": "09.00 WIB",
      "undangan.tempat": "Aula",
      "undangan.acara": "Evaluasi",
      "keterangan.nama": "Ani",
      "keterangan.nip": "1985",
      "keterangan.pangkat": "Penata/III c",
      "keterangan.jabatan": "Analis",
    });
    expect(text()).toMatchObject({
      "undangan.hari": DOTS,
      "undangan.waktu": DOTS,
      "undangan.tempat": DOTS,
      "undangan.acara": "Undangan rapat",
      "keterangan.nama": DOTS,
      "keterangan.nip": DOTS,
      "keterangan.pangkat": DOTS,
      "keterangan.jabatan": DOTS,
      "notulen.hari": "Jumat, 4 Desember 2026",
      "notulen.waktu": `${DOTS} WIB`,
      "notulen.tempat": "Ruang rapat Dinas Kominfo",
      "notulen.acara": "Undangan rapat",
      "notulen.pimpinan": "Drs. Kadis",
      "notulen.notulis": "budi@dinas.example",
      "notulen.peserta": DOTS,
      "notulen.kesimpulan": DOTS,
    });
    expect(text({ sop: sop("pengembangan-aplikasi"), c: kasus({ namaAplikasi: "SiAP", instansiPengguna: "Bappeda" }) })).toMatchObject({
      "notulen.acara": "Review prototipe aplikasi SiAP dan penentuan jadwal pelatihan pengguna",
      "notulen.pimpinan": DOTS,
      "notulen.notulis": DOTS,
      "notulen.peserta": "Bidang Aplikasi Telematika; Bappeda",
    });
  });

  test("a report: titled by its step's output, else after the SOP; its reporter from Pejabat", () => {
    expect(text()).toMatchObject({
      "laporan.judul": "Konsep",
      "laporan.pendahuluan": "Laporan ini disusun sebagai hasil pelaksanaan SOP Surat Keluar untuk kasus SK-2026-0007 (Undangan rapat), pada langkah 1: Menyusun konsep.",
      "pelapor.nama": "budi@dinas.example",
      "pelapor.nip": "19900303 201001 1 003",
      "pelapor.jabatan": "",
    });
    expect(text({ maker: "kadis@dinas.example", c: kasus({ namaAplikasi: "SiAP" }) })).toMatchObject({ "laporan.judul": "Konsep Aplikasi SiAP", "pelapor.nama": "Drs. Kadis", "pelapor.jabatan": "Kepala Dinas Komunikasi dan Informatika" });
    expect(text({ stepNo: "9", maker: "tamu@contoh.example", c: kasus({ namaSubdomain: "bappeda.example" }) })).toMatchObject({
      "laporan.judul": "Hasil Surat Keluar bappeda.example",
      "laporan.pendahuluan": "Laporan ini disusun sebagai hasil pelaksanaan SOP Surat Keluar untuk kasus SK-2026-0007 (), pada langkah 9: .",
      "pelapor.nama": "tamu@contoh.example",
      "pelapor.nip": DOTS,
    });
    const laporanStep = sop("x", { steps: [{ ...UJI.steps[0], output: "Laporan" }] });
    expect(text({ sop: laporanStep })["laporan.judul"]).toBe("Hasil Surat Keluar");
  });

  test("payment requests: their kind, amount in figures and words, basis and purpose per SOP", () => {
    expect(text({ sop: sop("spp-gu"), c: kasus({ nilai: 2500000, nomorSpd: "900/1", tanggalSpd: "2026-01-05", nomorPengesahanSpj: "12" }) })).toMatchObject({
      "spp.jenis": "GANTI UANG (SPP-GU)",
      "spp.jenisSpp": "SPP-GU",
      "spp.nilai": "Rp2.500.000",
      "spp.terbilang": "Dua juta lima ratus ribu rupiah",
      "spp.dasar": "SPD Nomor 900/1 tanggal 5 Januari 2026",
      "spp.keperluan": "Penggantian uang persediaan berdasarkan pengesahan SPJ Nomor 12",
      "spp.nomorSpp": "-",
      "spm.kepada": "Bendahara Pengeluaran Dinas Kominfo",
    });
    expect(text({ sop: sop("spp-ls-gaji"), c: kasus({ bulanGaji: "Januari 2026", jumlahPegawai: 41 }) })).toMatchObject({ "spp.jenis": "LANGSUNG GAJI (SPP-LS GAJI)", "spp.jenisSpp": "SPP-LS Gaji", "spp.keperluan": "Pembayaran gaji bulan Januari 2026 untuk 41 pegawai" });
    expect(text({ sop: sop("spp-ls-gaji"), c: kasus({ bulanGaji: "Januari 2026" }) })["spp.keperluan"]).toBe("Pembayaran gaji bulan Januari 2026");
    const ls = { letters: { numbers: { spp: { nomor: "900/3/Kominfo/2026", key: "K/2026/3", status: "Terbit" as const, at: NOW } } } };
    expect(text({ sop: sop("spp-ls-barang-jasa"), c: kasus({ nomorKontrak: "K-9", kegiatan: "pengadaan laptop", rekanan: "CV Maju" }, ls) })).toMatchObject({
      "spp.jenis": "LANGSUNG BARANG DAN JASA (SPP-LS)",
      "spp.jenisSpp": "SPP-LS Barang dan Jasa",
      "spp.dasar": "SPK/Kontrak Nomor K-9",
      "spp.keperluan": "Pembayaran pengadaan laptop kepada CV Maju",
      "spp.nomorSpp": "900/3/Kominfo/2026",
      "spm.kepada": "CV Maju",
    });
    expect(text({ c: kasus({ perihal: "Lain", nilai: "bukan angka", nomorSpp: "SPP-1" }, ls) })).toMatchObject({ "spp.jenis": "", "spp.jenisSpp": "SPP", "spp.nilai": "Rp0", "spp.terbilang": "Nol rupiah", "spp.keperluan": "Lain", "spp.nomorSpp": "SPP-1" });
  });

  test("a subdomain account: its request, manager and user name; the password only on the printed page", () => {
    expect(text({ c: kasus({ namaSubdomain: "bappeda.example", instansiPemohon: "Bappeda", nomorSuratPermohonan: "050/7", tanggalSuratPermohonan: "2026-11-20", penanggungJawab: "Sari" }, { letters: { account: { username: "bappeda", by: "x", at: NOW } } }), password: "rahasia" })).toMatchObject({
      "akun.subdomain": "bappeda.example",
      "akun.instansi": "Bappeda",
      "akun.permohonan": "Nomor 050/7 tanggal 20 November 2026",
      "akun.pengelola": "Sari",
      "akun.username": "bappeda",
      "akun.password": "rahasia",
      "akun.diterbitkan": "4 Desember 2026",
    });
    expect(text()).toMatchObject({ "akun.subdomain": "-", "akun.instansi": "-", "akun.permohonan": "-", "akun.pengelola": DOTS, "akun.username": DOTS, "akun.password": MASK, "akun.diterbitkan": DOTS });
  });

  test("an incoming letter and its disposition sheet", () => {
    expect(text({ c: kasus({ asalSurat: "Bupati", nomorSurat: "005/1", tanggalSurat: "2026-12-01", diterimaTanggal: "2026-12-02", sifat: "Sangat Segera", isiDisposisi: "Segera", diteruskanKepada: "kabid aplikasi" }) })).toMatchObject({
      "masuk.dari": "Bupati",
      "masuk.nomor": "005/1",
      "masuk.tanggal": "1 Desember 2026",
      "masuk.diterima": "2 Desember 2026",
      "sifat.sangatSegera": CHECKED,
      "sifat.segera": UNCHECKED,
      "sifat.rahasia": UNCHECKED,
      "disposisi.catatan": "Segera",
      "disposisi.tanggal": "4 Desember 2026",
    });
    expect(text()).toMatchObject({ "masuk.dari": "-", "masuk.nomor": "-", "masuk.tanggal": "-", "masuk.diterima": "30 November 2026", "disposisi.catatan": "" });
    expect(text({ c: kasus({ sifat: "Segera", instansiPelapor: "Camat", tanggalGangguan: "2026-11-29" }) })).toMatchObject({ "masuk.dari": "Camat", "masuk.tanggal": "29 November 2026", "sifat.segera": CHECKED, "sifat.sangatSegera": UNCHECKED });
    expect(text({ c: kasus({ sifat: "Rahasia", asalBerita: "Radio", nomorSuratPermohonan: "77", tanggalDiterima: "2026-11-28" }) })).toMatchObject({ "masuk.dari": "Radio", "masuk.nomor": "77", "masuk.tanggal": "28 November 2026", "masuk.diterima": "28 November 2026", "sifat.rahasia": CHECKED });
    expect(text({ c: kasus({ pemohon: "Warga", instansiPemohon: "" , tanggalSuratPermohonan: "2026-11-27" }) })).toMatchObject({ "masuk.dari": "Warga", "masuk.tanggal": "27 November 2026" });
  });
});

describe("leave forms", () => {
  const decision = (level: "atasan" | "pejabat", choice: CutiDecision["choice"], extra: Partial<CutiDecision> = {}): CutiDecision => ({ level, choice, reason: "", by: "", nama: "", nip: "", jabatan: "", at: NOW, ...extra });
  const facts: CutiFacts = {
    employee: { nama: "Budi", nip: "19900303 201001 1 003", jabatan: "Pengadministrasi", pangkat: "Penata", unit: "Sekretariat", masaKerja: "16 tahun" },
    kind: "tahunan",
    length: { value: 3, unit: "hari kerja", text: "3 (tiga) hari kerja" },
    balance: { rows: [{ year: 2024, sisa: 0, note: "" }, { year: 2025, sisa: 6, note: "dibawa" }, { year: 2026, sisa: 9, note: "" }], available: 15, assumed: false },
    others: { sakit: "2 hari" },
  };
  const fields = { jenisCuti: "Cuti Tahunan", alasan: "Keluarga", mulai: "2026-12-07", selesai: "2026-12-09", alamatSelamaCuti: "Medan", telepon: "0812" };

  test("the employee, the kind ticked, the length and the balance N-2, N-1, N", () => {
    const t = text({ sop: sop("cuti"), c: kasus(fields), cuti: facts });
    expect(t).toMatchObject({
      "cuti.nama": "Budi",
      "cuti.nip": "19900303 201001 1 003",
      "cuti.jabatan": "Pengadministrasi",
      "cuti.pangkat": "Penata",
      "cuti.unit": "Sekretariat",
      "cuti.masaKerja": "16 tahun",
      "cuti.alasan": "Keluarga",
      "cuti.lama": "3 (tiga) hari kerja",
      "cuti.mulai": "7 Desember 2026",
      "cuti.selesai": "9 Desember 2026",
      "cuti.alamat": "Medan",
      "cuti.telepon": "0812",
      "cuti.jenisHuruf": "CUTI TAHUNAN",
      "cuti.jenisKecil": "cuti tahunan",
      "cuti.untukTahun": " untuk tahun 2026",
      "cuti.cek.tahunan": "✓",
      "cuti.cek.besar": "",
      "cuti.cek.sakit": "",
      "cuti.cek.cltn": "",
      "cuti.catatan.sakit": "2 hari",
      "cuti.catatan.besar": "-",
      "cuti.n2.tahun": "2024",
      "cuti.n2.sisa": "0",
      "cuti.n1.tahun": "2025",
      "cuti.n1.sisa": "6",
      "cuti.n1.ket": "dibawa",
      "cuti.n.tahun": "2026",
      "cuti.n.sisa": "9",
      "cuti.kepada": "Kepala Dinas Komunikasi dan Informatika",
    });
    expect(t).not.toHaveProperty(["cuti.catatan.tahunan"]);
    expect(text({ sop: sop("cuti"), c: kasus({ ...fields, jenisCuti: "Cuti Sakit" }), cuti: { ...facts, kind: "sakit" } })).toMatchObject({ "cuti.untukTahun": "", "cuti.cek.sakit": "✓", "cuti.cek.tahunan": "" });
  });

  test("without the app's facts: the case's fields, else dotted blanks", () => {
    expect(text({ c: kasus({ namaPegawai: "Ani", nip: "1985", jabatan: "Analis" }) })).toMatchObject({
      "cuti.nama": "Ani",
      "cuti.nip": "1985",
      "cuti.jabatan": "Analis",
      "cuti.pangkat": DOTS,
      "cuti.unit": "Dinas Kominfo",
      "cuti.masaKerja": DOTS,
      "cuti.alasan": DOTS,
      "cuti.lama": DOTS,
      "cuti.mulai": "",
      "cuti.alamat": DOTS,
      "cuti.telepon": "-",
      "cuti.jenisHuruf": "CUTI",
      "cuti.jenisKecil": "cuti",
      "cuti.catatan.penting": "-",
      "cuti.n.tahun": "",
      "cuti.n.sisa": "",
      "cuti.n.ket": "",
    });
    expect(text()).toMatchObject({ "cuti.nama": DOTS, "cuti.nip": DOTS, "cuti.jabatan": DOTS });
  });

  test("sections VII and VIII: the choice ticked, its reason with new or postponed dates, and who decided (else the superior in Pejabat, else the head)", () => {
    const c = kasus(fields, {
      cuti: {
        decisions: [
          decision("atasan", "Perubahan", { reason: "Beban kerja.", to: { mulai: "2026-12-14", selesai: "2026-12-16" }, nama: "Atasan A", nip: "111", jabatan: "Kasubbag" }),
          decision("pejabat", "Ditangguhkan", { reason: "Akhir tahun.", until: "2027-01-04" }),
        ],
      },
    });
    expect(text({ c, cuti: facts })).toMatchObject({
      "pertimbangan.cek.disetujui": "",
      "pertimbangan.cek.perubahan": "✓",
      "pertimbangan.cek.ditangguhkan": "",
      "pertimbangan.cek.tidak": "",
      "pertimbangan.alasan": "Beban kerja. Menjadi 14 Desember 2026 s.d. 16 Desember 2026.",
      "pertimbangan.nama": "Atasan A",
      "pertimbangan.nip": "111",
      "pertimbangan.jabatan": "Kasubbag",
      "keputusan.cek.ditangguhkan": "✓",
      "keputusan.cek.perubahan": "",
      "keputusan.alasan": "Akhir tahun. Ditangguhkan sampai 4 Januari 2027.",
      "keputusan.nama": "Drs. Kadis",
      "keputusan.nip": "19700101 199001 1 001",
      "keputusan.jabatan": "Kepala Dinas Komunikasi dan Informatika",
    });
    const refused = kasus(fields, { cuti: { decisions: [decision("pejabat", "Tidak disetujui"), decision("atasan", "Disetujui")] } });
    expect(text({ c: refused, cuti: facts })).toMatchObject({
      "keputusan.cek.tidak": "✓",
      "keputusan.alasan": "",
      "pertimbangan.cek.disetujui": "✓",
      // The employee's superior in Pejabat signs section VII when the decision names no one; the head, section VIII.
      "pertimbangan.nama": "Sekar",
      "pertimbangan.nip": "19750202",
      "pertimbangan.jabatan": "Sekretaris Dinas",
      "keputusan.nama": "Drs. Kadis",
      "keputusan.nip": "19700101 199001 1 001",
    });
    // No superior in Pejabat: a dotted blank, not whichever Pejabat row has no email (the Kasubbag row above has none).
    expect(text({ c: kasus({ nip: "0000" }) })).toMatchObject({ "pertimbangan.cek.disetujui": "", "pertimbangan.alasan": "", "pertimbangan.nama": DOTS, "pertimbangan.nip": DOTS, "pertimbangan.jabatan": "Atasan Langsung" });
  });
});

describe("lists and placeholders", () => {
  test("what a covering letter sends, per SOP", () => {
    const kiriman = (id: string, f: Record<string, FieldValue>) => letterValues(ctx({ sop: sop(id), c: kasus(f) })).lists.kiriman[0].naskah;
    const who = { namaPegawai: "Ani", nip: "1985" };
    expect(kiriman("izin-belajar", { ...who, jenisUsulan: "Izin Belajar", jenjangPendidikan: "S2", programStudi: "Informatika", perguruanTinggi: "USU" })).toBe("Usul Izin Belajar a.n. Ani, NIP 1985, S2 Informatika pada USU");
    expect(kiriman("kenaikan-gaji-berkala", { ...who, tmtKgbBaru: "2027-01-01" })).toBe("Usul kenaikan gaji berkala a.n. Ani, NIP 1985, TMT 1 Januari 2027");
    expect(kiriman("pensiun-meninggal", { ...who, tanggalMeninggal: "2026-10-10" })).toBe("Usul pensiun janda/duda/anak almarhum Ani, NIP 1985, meninggal 10 Oktober 2026");
    expect(kiriman("cuti", { ...who, jenisCuti: "Cuti Besar" })).toBe("Surat izin cuti besar a.n. Ani, NIP 1985");
    expect(kiriman("lakip", { tahunKinerja: 2025 })).toBe("Dokumen Laporan Akuntabilitas Kinerja Instansi Pemerintah (LAKIP) Tahun 2025");
    expect(kiriman("surat-keluar", { perihal: "Data" })).toBe("Data");
    expect(letterValues(ctx()).lists.kiriman).toEqual([{ no: "1", naskah: "Undangan rapat", banyak: "1 (satu) berkas", keterangan: "Dikirim dengan hormat untuk diproses lebih lanjut" }]);
  });

  test("goods, the case's data and the disposition's addressees (the chosen ones ticked)", () => {
    const v = letterValues(ctx({ c: kasus({ perihal: "Laptop", namaBarang: "Laptop\n  Mouse ", jumlahBarang: 2, satuan: "unit", nilai: 15000000, catatan: "x", tanggalSurat: "2026-12-01", diteruskanKepada: "Kabid Aplikasi" }) }));
    expect(v.lists.barang).toEqual([{ no: "1", nama: "Laptop; Mouse", jumlah: "2", satuan: "unit", keterangan: "Nilai Rp15.000.000" }]);
    expect(v.lists.data).toEqual([
      { label: "Perihal", nilai: "Laptop" },
      { label: "Tanggal Surat", nilai: "1 Desember 2026" },
      { label: "Nilai (Rp)", nilai: "Rp15.000.000" },
    ]);
    expect(v.lists.teruskan).toEqual([
      { tujuan: `${UNCHECKED} Sekretaris`, instruksi: `${UNCHECKED} Tindak lanjuti` },
      { tujuan: `${CHECKED} Kabid Aplikasi`, instruksi: `${UNCHECKED} Pelajari` },
      { tujuan: "", instruksi: `${UNCHECKED} Arsipkan` },
    ]);
    expect(letterValues(ctx()).lists.barang).toEqual([{ no: "1", nama: "-", jumlah: "-", satuan: "-", keterangan: "Baik" }]);
    expect(letterValues(ctx({ settings: { ...SETTINGS, disposisiTujuan: ["A"], disposisiInstruksi: [] } })).lists.teruskan).toEqual([{ tujuan: `${UNCHECKED} A`, instruksi: "" }]);
  });

  test("every placeholder a letter may use is known: each text, its conditional, each list's fields even when empty", () => {
    const known = knownPlaceholders(letterValues(ctx()));
    for (const k of ["kop", "surat.nomor", "?surat.nomor", "?ttd.an", "?tembusan", "tembusan.no", "tembusan.isi", "kiriman.naskah", "barang.satuan", "data.label", "data.nilai", "teruskan.instruksi"]) expect(known.has(k)).toBe(true);
    expect(known.has("surat.hantu")).toBe(false);
    expect(known.has("?kop")).toBe(false);
    const extra = knownPlaceholders({ text: {}, lists: { lain: [{ a: "1" }, { b: "2" }] } });
    expect([...extra].sort()).toEqual(["?lain", "kop", "lain.a", "lain.b"]);
  });

  test("an official is found by NIP whatever its spacing; a blank NIP finds no one", () => {
    expect(officialByNip(OFFICIALS, "197001011990011001")?.name).toBe("Drs. Kadis");
    expect(officialByNip(OFFICIALS, " 19750202 ")?.name).toBe("Sekar");
    expect(officialByNip([off("jfu", "Tanpa NIP", "x@dinas.example")], "  ")).toBeUndefined();
  });
});
