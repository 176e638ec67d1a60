// SOP Layanan Informasi Media Online Melalui Website (seed lines 461–471): a press release is registered, initialled by the Kasi and Kabid, posted on the website and filed.
import { BLANK_IDENTITY, CATATAN_FIELD, COMMON_FIELDS, type Sop } from "../../domain/sop";

const PETUGAS = "Petugas Penerima";
const OPERATOR = "Operator Website";
const KASI = "Kasi Pusat Informasi Publik";
const KABID = "Kabid Aptel";

const PERIKSA_PILAH = "Press Release diperiksa dan dipilah sebagai bahan input data website";

export const sop: Sop = {
  id: "website",
  code: "WEB",
  title: "SOP Layanan Informasi Media Online Melalui Website",
  shortTitle: "Berita Website",
  unit: "bidang",
  unitName: "Bidang Aplikasi Telematika",
  identity: { ...BLANK_IDENTITY },
  lanes: [
    { header: PETUGAS, role: "petugas-penerima" },
    { header: OPERATOR, role: "operator-website" },
    { header: KASI, role: "kasi-pip" },
    { header: KABID, role: "kabid-aptel" },
  ],
  fields: [
    ...COMMON_FIELDS,
    { key: "judulPressRelease", label: "Judul Press Release", type: "text", required: true },
    { key: "asalBerita", label: "Asal / Pengirim Berita", type: "text", required: true },
    { key: "tanggalDiterima", label: "Tanggal Diterima", type: "date", required: true },
    { key: "nomorUrut", label: "Nomor Urut", type: "text", required: false },
    { key: "jenisBerita", label: "Jenis Berita", type: "text", required: false, help: "Mis. kegiatan, pengumuman, siaran pers" },
    { key: "klasifikasi", label: "Kode Klasifikasi Arsip", type: "text", required: false },
    { key: "tautanWebsite", label: "Tautan di Website", type: "text", required: false },
    { key: "nomorArsip", label: "Nomor Arsip", type: "text", required: false },
    CATATAN_FIELD,
  ],
  steps: [
    {
      no: "1",
      text: "Menerima berita beserta bukti otentik berbentuk multimedia (foto, video, dll)",
      role: PETUGAS,
      roleInferred: true,
      kind: "process",
      kelengkapan: ["Press Release diberi disposisi/form berisi kualifikasi nomor urut, tanggal dan jenis berita"],
      waktu: "5 menit",
      output: "Press Release sesuai dengan tata naskah dinas",
      keterangan: "",
      letters: ["lembar-disposisi"],
      notes: ["Form disposisi berisi nomor urut, tanggal dan jenis berita dibuat dari templat lembar disposisi."],
    },
    {
      no: "2",
      text: PERIKSA_PILAH,
      role: KASI,
      roleInferred: true,
      kind: "process",
      kelengkapan: ["Press Realease diberi paraf Kasi pada Bagian berita yang disetujui"],
      waktu: "5 menit",
      output: "Press Release diberi klasifikasi dan paraf",
      keterangan: "",
    },
    {
      no: "3",
      text: PERIKSA_PILAH,
      role: KABID,
      roleInferred: true,
      kind: "process",
      kelengkapan: ["Press Release diberi paraf Kabid pada bagian berita yang disetujui"],
      waktu: "5 menit",
      output: "Press Release diberi klasifikasi dan paraf",
      keterangan: "",
      notes: ["Uraian sama dengan langkah 2, tetapi Kelengkapan menyebut paraf Kabid: ini pemeriksaan Kabid, bukan baris ganda."],
    },
    {
      no: "4",
      text: "Pemilahan Press Release dikelompokan berdasarkan yang disetujui dan yang tidak disetujui",
      role: KASI,
      roleInferred: true,
      kind: "process",
      kelengkapan: ["Press Release yang disetujui dan telah diberi paraf Kabid selanjutnya di beri paraf persetujuan untuk di input"],
      waktu: "5 menit",
      output: "Press Release di beri paraf Kabid dan Kasi",
      keterangan: "",
      notes: [
        "Pelaksana Kasi: menerima kembali dari Kabid, memberi paraf persetujuan untuk diinput dan meneruskan ke Operator Website.",
        "Dicatat sebagai proses: yang tidak disetujui hanya dipisahkan, tidak dikembalikan ke langkah sebelumnya.",
      ],
    },
    {
      no: "5",
      text: "Press Release yang telah dipilah dan diberi paraf di input dalam website",
      role: OPERATOR,
      roleInferred: true,
      kind: "process",
      kelengkapan: ["Berita yang di input telah diberi paraf persetujuan"],
      waktu: "5 menit",
      output: "Terdata pada website",
      keterangan: "",
    },
    {
      no: "6",
      text: "Menyimpan arsip Press Realease pada filling kabinet.",
      role: PETUGAS,
      roleInferred: true,
      kind: "process",
      kelengkapan: ["Press Realease yang sudah di paraf dan di tandatangani, diberi nomor klasifikasi, nomor arsip"],
      waktu: "5 menit",
      output: "Press Release yang ada paraf disimpan dan tertata pada filling kabinet",
      keterangan: "",
      notes: ["Kelengkapan menyebut 'di tandatangani', padahal tidak ada langkah penandatanganan; dibiarkan sesuai seed."],
    },
  ],
  notes: [
    "Nomor langkah seed bertitik ('1.'); titiknya dibuang.",
    "Tanda bagan alir hilang dan tidak ada label ya/tidak yang tersisa: pelaksana disimpulkan dari Kelengkapan (paraf Kasi, paraf Kabid), semua langkah dicatat sebagai proses.",
    "Baris terakhir seed (langkah 6) tidak diakhiri baris baru; isinya lengkap.",
  ],
};
