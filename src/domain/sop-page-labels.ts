// Fixed wording of the SOP page in Bahasa Indonesia (the official form) and English.

export interface SopPageLabels {
  no: string;
  uraian: string;
  pelaksana: string;
  mutuBaku: string;
  kelengkapan: string;
  waktu: string;
  output: string;
  keterangan: string;
  nomor: string;
  tanggalPembuatan: string;
  tanggalRevisi: string;
  tanggalEfektif: string;
  disahkanOleh: string;
  namaSop: string;
  dasarHukum: string;
  kualifikasiPelaksana: string;
  keterkaitan: string;
  peralatan: string;
  peringatan: string;
  pencatatan: string;
  catatan: string;
  inferred: string;
  /** Footnote for values Alur completed (marked †). */
  completed: string;
  /** Heading of the optional appendix of repair notes. */
  repairNotes: string;
  yes: string;
  no_: string;
  end: string;
  continued: string;
  page: (p: number, n: number) => string;
  toPage: (page: number, step: string) => string;
  fromPage: (page: number, step: string) => string;
  stepNote: (no: string) => string;
  total: (range: string, dayMinutes: number) => string;
  duration: (days: number, hours: number, minutes: number) => string;
}

export const LABELS: Record<"id" | "en", SopPageLabels> = {
  id: {
    no: "No",
    uraian: "Uraian Kegiatan",
    pelaksana: "Pelaksana",
    mutuBaku: "Mutu Baku",
    kelengkapan: "Kelengkapan",
    waktu: "Waktu",
    output: "Output",
    keterangan: "Keterangan",
    nomor: "Nomor SOP",
    tanggalPembuatan: "Tanggal Pembuatan",
    tanggalRevisi: "Tanggal Revisi",
    tanggalEfektif: "Tanggal Efektif",
    disahkanOleh: "Disahkan oleh",
    namaSop: "Nama SOP",
    dasarHukum: "Dasar Hukum",
    kualifikasiPelaksana: "Kualifikasi Pelaksana",
    keterkaitan: "Keterkaitan",
    peralatan: "Peralatan/Perlengkapan",
    peringatan: "Peringatan",
    pencatatan: "Pencatatan dan Pendataan",
    catatan: "Catatan",
    inferred: "Pelaksana disimpulkan dari uraian kegiatan (tanda bagan alir tidak terbaca pada naskah sumber).",
    completed: "Dilengkapi Alur: naskah sumber kosong atau terpotong di sini; periksa sebelum disahkan.",
    repairNotes: "Lampiran: catatan perbaikan naskah sumber (bukan bagian SOP yang disahkan)",
    yes: "Ya",
    no_: "Tidak",
    end: "Selesai",
    continued: "lanjutan",
    page: (p, n) => `Halaman ${p} dari ${n}`,
    toPage: (page, step) => `Bersambung ke halaman ${page}, langkah ${step}`,
    fromPage: (page, step) => `Sambungan dari halaman ${page}, langkah ${step}`,
    stepNote: (no) => `Langkah ${no}: `,
    total: (range, day) => `Jumlah waktu baku bila setiap langkah dijalankan sekali: ${range} (1 hari = ${day} menit kerja).`,
    duration: (d, h, m) => [d ? `${d} hari` : "", h ? `${h} jam` : "", m || (!d && !h) ? `${m} menit` : ""].filter(Boolean).join(" "),
  },
  en: {
    no: "No",
    uraian: "Activity",
    pelaksana: "Performed by",
    mutuBaku: "Quality Standard",
    kelengkapan: "Requirements",
    waktu: "Time",
    output: "Output",
    keterangan: "Remarks",
    nomor: "SOP Number",
    tanggalPembuatan: "Date Prepared",
    tanggalRevisi: "Revision Date",
    tanggalEfektif: "Effective Date",
    disahkanOleh: "Approved by",
    namaSop: "SOP Title",
    dasarHukum: "Legal Basis",
    kualifikasiPelaksana: "Staff Qualifications",
    keterkaitan: "Related SOPs",
    peralatan: "Equipment/Supplies",
    peringatan: "Warnings",
    pencatatan: "Records and Data Collection",
    catatan: "Notes",
    inferred: "Performer inferred from the activity wording (the flowchart marks were unreadable in the source).",
    completed: "Completed by Alur: the source is blank or cut short here; check before approval.",
    repairNotes: "Appendix: notes on repairs to the source (not part of the approved SOP)",
    yes: "Yes",
    no_: "No",
    end: "End",
    continued: "continued",
    page: (p, n) => `Page ${p} of ${n}`,
    toPage: (page, step) => `Continued on page ${page}, step ${step}`,
    fromPage: (page, step) => `Continued from page ${page}, step ${step}`,
    stepNote: (no) => `Step ${no}: `,
    total: (range, day) => `Total standard time when every step runs once: ${range} (1 day = ${day} working minutes).`,
    duration: (d, h, m) => [d ? `${d} d` : "", h ? `${h} h` : "", m || (!d && !h) ? `${m} min` : ""].filter(Boolean).join(" "),
  },
};
