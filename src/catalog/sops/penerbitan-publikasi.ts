// SOP Pelaksanaan Penerbitan, Publikasi dan Dokumentasi (seed lines 436–445): clipping printed-press news, approved by the Kabid and Kadis, then archived.
import { BLANK_IDENTITY, CATATAN_FIELD, COMMON_FIELDS, type Sop } from "../../domain/sop";

const PETUGAS = "Petugas penerima berita /informasi";
const KASI = "Kasi Penerbitan, Publikasi dan Pameran";
const KABID = "Kabid Sarana";
const SEKRETARIS = "Sekretaris";
const KADIS = "Kadis";

export const sop: Sop = {
  id: "penerbitan-publikasi",
  code: "PPD",
  title: "SOP Pelaksanaan Penerbitan, Publikasi dan Dokumentasi",
  shortTitle: "Penerbitan dan Publikasi",
  unit: "bidang",
  unitName: "Bidang Sarana Komunikasi dan Diseminasi Informasi",
  identity: { ...BLANK_IDENTITY },
  lanes: [
    { header: PETUGAS, role: "petugas-penerima" },
    { header: KASI, role: "kasi-penerbitan" },
    { header: KABID, role: "kabid-sarana" },
    { header: SEKRETARIS, role: "sekretaris" },
    { header: KADIS, role: "kepala-dinas" },
  ],
  fields: [
    ...COMMON_FIELDS,
    { key: "namaMediaCetak", label: "Nama Media Cetak", type: "text", required: true },
    { key: "jenisMediaCetak", label: "Jenis Media Cetak", type: "choice", required: true, options: ["Koran", "Majalah", "Tabloid"] },
    { key: "tanggalTerbit", label: "Tanggal Terbit", type: "date", required: true },
    { key: "judulBerita", label: "Judul Berita", type: "text", required: false },
    { key: "halaman", label: "Halaman", type: "text", required: false },
    { key: "nomorArsip", label: "Nomor Arsip Kliping", type: "text", required: false },
    CATATAN_FIELD,
  ],
  steps: [
    {
      no: "1",
      text: "Menerima berita media cetak",
      role: PETUGAS,
      roleInferred: true,
      kind: "process",
      kelengkapan: ["Menerima media cetak/Koran, majalah dan tabloit"],
      waktu: "5 Menit",
      output: "Memperoleh berita media cetak",
      keterangan: "",
    },
    {
      no: "2",
      text: "Menyusun serta dituangkan dalam klipping berita media cetak",
      role: KASI,
      roleInferred: true,
      kind: "process",
      kelengkapan: ["Media cetak dikelompokkan/Koran, Majalah dan Tabloit"],
      waktu: "10 Menit",
      output: "Mengelompokkan berita media cetak",
      keterangan: "",
      notes: [
        "Pelaksana Kasi: cabang 'Tidak' dari penelitian Kabid (langkah 3) jatuh di lajur Kasi, jadi Kasi yang menyusun kliping. Label 'Ya' di lajur Kabid adalah panah ke langkah 3.",
      ],
    },
    {
      no: "3",
      text: "Meneliti serta Pemilihan klipping berita",
      role: KABID,
      roleInferred: true,
      kind: "decision",
      yesTo: "4",
      noTo: "2",
      kelengkapan: ["Media cetak disetujui dan tidak disetujui dan diberi paraf kabid", "klipping Koran, majalah dan tabloit"],
      waktu: "15 Menit",
      output: "Klipping berita media cetak",
      keterangan: "",
      notes: ["Keputusan: 'disetujui dan tidak disetujui'; label 'Tidak' di lajur Kasi (kembali ke langkah 2) dan 'Ya' di lajur Kadis (ke langkah 4)."],
    },
    {
      no: "4",
      text: "Menerima dan memeriksa klipping berita",
      role: KADIS,
      roleInferred: true,
      kind: "decision",
      yesTo: "5",
      noTo: "3",
      kelengkapan: ["Media cetak disetujui dan tidak disetujui dan diberi tandatangan"],
      waktu: "5 Menit",
      output: "Berkas klipping berita media cetak",
      keterangan: "",
      notes: ["Keputusan: 'disetujui dan tidak disetujui'; label 'Tidak' di lajur Sekretaris adalah panah kembali dari Kadis ke Kabid (langkah 3)."],
    },
    {
      no: "5",
      text: "Mengarsipkan klipping berita",
      role: PETUGAS,
      roleInferred: true,
      kind: "process",
      kelengkapan: ["Media cetak yang sudah ditandatangani diarsipkan"],
      waktu: "5 Menit",
      output: "Disimpan",
      keterangan: "",
    },
  ],
  notes: [
    "Tanda bagan alir hilang: pelaksana disimpulkan dari kalimat (Petugas → Kasi → Kabid → Kadis → Petugas).",
    "Lajur Sekretaris tidak mendapat langkah: hanya label panah 'Tidak' yang jatuh di kolomnya.",
    "Kelengkapan berbentuk 'uraian / butir' dipisah pada ' / '; garis miring tanpa spasi dibiarkan.",
  ],
};
