// The office-wide list of canonical roles that people are assigned to in Pejabat.
import type { Role } from "../domain/sop";

const r = (id: string, name: string, short: string, external = false): Role => ({ id, name, short, external });
/** A role that leads people: the panel's Ringkas and the Laporan rebuild are theirs. */
const lead = (id: string, name: string, short: string): Role => ({ id, name, short, external: false, manager: true });

export const ROLES: Role[] = [
  // Pimpinan dan sekretariat
  lead("kepala-dinas", "Kepala Dinas", "Kadis"),
  lead("sekretaris", "Sekretaris", "Sekretaris"),
  lead("kasubbag-umum", "Kasubbag Umum dan Kepegawaian", "Kasubbag Umum"),
  lead("kasubbag-program", "Kasubbag Program", "Kasubbag Program"),
  lead("kasubbag-keuangan", "Kasubbag Keuangan", "Kasubbag Keuangan"),
  r("jfu", "Jabatan Fungsional Umum (JFU)", "JFU"),
  r("petugas-adm-surat", "Petugas Administrasi Surat", "Petugas Adm Surat"),
  // Keuangan dan barang
  r("pengguna-anggaran", "Pengguna Anggaran", "PA"),
  r("kuasa-pengguna-anggaran", "Kuasa Pengguna Anggaran", "KPA"),
  r("ppk-skpd", "Pejabat Penatausahaan Keuangan (PPK-SKPD)", "PPK-SKPD"),
  r("bendahara-pengeluaran", "Bendahara Pengeluaran", "Bendahara"),
  r("pptk", "Pejabat Pelaksana Teknis Kegiatan (PPTK)", "PPTK"),
  r("pejabat-pembuat-komitmen", "Pejabat Pembuat Komitmen", "PPK"),
  r("pejabat-pengadaan", "Pejabat Pengadaan", "Pj. Pengadaan"),
  r("tim-pphp", "Tim Penerima dan Pemeriksa Hasil Pekerjaan (PPHP)", "Tim PPHP"),
  r("penyimpan-barang", "Penyimpan Barang", "Penyimpan Barang"),
  // Bidang Aplikasi Telematika
  lead("kabid-aptel", "Kepala Bidang Aplikasi Telematika", "Kabid Aptel"),
  lead("kasi-egov", "Kepala Seksi Layanan E-Government, Standarisasi dan Aplikasi", "Kasi E-Gov"),
  r("staf-egov", "Staf Seksi Layanan E-Government, Standarisasi dan Aplikasi", "Staf E-Gov"),
  r("web-programmer", "Web Mobile Programmer", "Programmer"),
  r("admin-system", "Admin System", "Admin System"),
  lead("kasi-telematika", "Kepala Seksi Pembinaan Telematika", "Kasi Telematika"),
  r("teknisi-ti", "Petugas / Teknisi TI", "Teknisi TI"),
  lead("kasi-pip", "Kepala Seksi Pusat Informasi Publik", "Kasi PIP"),
  r("operator-website", "Operator Website", "Operator Web"),
  // Bidang Pos dan Telekomunikasi
  lead("kabid-postel", "Kepala Bidang Pos dan Telekomunikasi", "Kabid Postel"),
  lead("kasi-media-massa", "Kepala Seksi Bina Pemberdayaan Media Massa", "Kasi Media Massa"),
  lead("kasi-pengkajian", "Kepala Seksi Pengkajian Analisa Data dan Informasi", "Kasi Pengkajian"),
  lead("kasi-postel", "Kepala Seksi Pos dan Telekomunikasi", "Kasi Postel"),
  // Bidang Sarana Komunikasi dan Diseminasi Informasi
  lead("kabid-sarana", "Kepala Bidang Sarana Komunikasi dan Diseminasi Informasi", "Kabid Sarana"),
  lead("kasi-komsos", "Kepala Seksi Komunikasi Sosial", "Kasi Komsos"),
  lead("kasi-penerbitan", "Kepala Seksi Penerbitan, Publikasi dan Pameran", "Kasi Penerbitan"),
  lead("kasi-penyiaran", "Kepala Seksi Penyiaran", "Kasi Penyiaran"),
  r("petugas-penerima", "Petugas Penerima Berita/Informasi", "Petugas Penerima"),
  // Pihak luar (langkahnya dicatat petugas atas nama mereka)
  r("pemohon", "Pemohon", "Pemohon", true),
  r("rekanan", "Rekanan", "Rekanan", true),
  r("penyedia-barang", "Penyedia Barang", "Penyedia Barang", true),
  r("instansi-pemilik-system", "Instansi Pemilik System", "Instansi Pemilik", true),
];

const BY_ID = new Map(ROLES.map((role) => [role.id, role]));

export function roleById(id: string): Role | undefined {
  return BY_ID.get(id);
}
