// The SOP model: the schema every catalog file, the SOP sheet and the case engine share.

/** A canonical office role that people are assigned to in Pejabat. */
export interface Role {
  /** Stable id, kebab-case, e.g. "kasubbag-umum". */
  id: string;
  /** Official name shown to people, e.g. "Kasubbag Umum dan Kepegawaian". */
  name: string;
  /** Short name for narrow places (sidebar swimlane), e.g. "Kasubbag Umum". */
  short: string;
  /** Outside the office's staff (Pemohon, Rekanan, ...): steps are recorded on their behalf. */
  external: boolean;
  /** Leads people (Kepala Dinas, Sekretaris, Kepala Bidang, Kasubbag, Kasi): sees Ringkas and may rebuild Laporan. */
  manager?: boolean;
}

export type FieldType = "text" | "longtext" | "date" | "number" | "choice" | "email" | "person";

/** A column of a register that the case carries (besides the system columns). */
export interface CaseField {
  /** Stable key, camelCase, e.g. "asalSurat". */
  key: string;
  /** Header shown in the register and the form, e.g. "Asal Surat". */
  label: string;
  type: FieldType;
  required: boolean;
  /** Options for type "choice". */
  options?: string[];
  /** One line of help under the form field. */
  help?: string;
}

/** One Pelaksana column of an SOP: the seed's header text and the canonical role it maps to. */
export interface Lane {
  /** Header text as in the seed (trimmed), e.g. "KASUBBAG". */
  header: string;
  /** Canonical role id from src/catalog/roles.ts. */
  role: string;
}

export type StepKind = "process" | "decision";

export interface SopStep {
  /** Step number as in the seed, without a trailing dot: "1", "7", "7a". */
  no: string;
  /** The seed's wording (Uraian Kegiatan), whitespace normalised. */
  text: string;
  /** The Pelaksana column header (one of the SOP's lanes' headers) who does this step. */
  role: string;
  /** True when the role was inferred from the wording (the seed lost the flowchart marks). */
  roleInferred: boolean;
  kind: StepKind;
  /** Decision only: the step the "Ya" branch goes to, or "selesai" when Ya ends the SOP. */
  yesTo?: string;
  /** Decision only: the earlier step the "Tidak" branch returns to. */
  noTo?: string;
  /** Labels for the decision exits when the seed uses other words than Ya/Tidak (e.g. "Lengkap"). */
  yesLabel?: string;
  noLabel?: string;
  /** Kelengkapan (inputs), one item per entry. */
  kelengkapan: string[];
  /** Waktu as written in the seed ("" when blank). */
  waktu: string;
  output: string;
  keterangan: string;
  /** Letter template ids this step produces (see templates/). */
  letters?: string[];
  /** Seed defects and repairs concerning this step, in Bahasa Indonesia. */
  notes?: string[];
  /**
   * Values Alur completed where the seed is silent or cut short ("waktu", "output", "kelengkapan", "uraian"; "langkah"
   * for a step the seed lacks): marked on the SOP AP page until the office confirms them (SOP sheet, Dilengkapi Alur).
   */
  completed?: CompletedPart[];
}

export type CompletedPart = "langkah" | "uraian" | "kelengkapan" | "waktu" | "output";

/** Identity block of the Permenpan RB 35/2012 SOP AP; blank strings where the seed has none. */
export interface SopIdentity {
  nomor: string;
  tanggalPembuatan: string;
  tanggalRevisi: string;
  tanggalEfektif: string;
  disahkanOleh: string;
  dasarHukum: string;
  kualifikasiPelaksana: string;
  keterkaitan: string;
  peralatan: string;
  peringatan: string;
  pencatatan: string;
  /** The signer named under Disahkan oleh (its jabatan is disahkanOleh); absent until the office fills them in. */
  pengesahNama?: string;
  pengesahPangkat?: string;
  pengesahNip?: string;
}

export interface Sop {
  /** Stable id, kebab-case, e.g. "surat-masuk". */
  id: string;
  /** Short code used in case IDs, 2–4 capital letters, e.g. "SM". */
  code: string;
  /** Title as in the seed, e.g. "SOP Penanganan Surat Masuk". */
  title: string;
  /** Short title for sheet names and menus, e.g. "Surat Masuk". */
  shortTitle: string;
  /** Owning unit, inferred. */
  unit: "sekretariat" | "bidang";
  /** Name of the unit, e.g. "Sekretariat" or "Bidang Aplikasi Telematika". */
  unitName: string;
  identity: SopIdentity;
  /** Pelaksana columns in the seed's order. */
  lanes: Lane[];
  fields: CaseField[];
  steps: SopStep[];
  /** SOP-level notes on seed defects and repairs, in Bahasa Indonesia. */
  notes: string[];
}

export const BLANK_IDENTITY: SopIdentity = {
  nomor: "",
  tanggalPembuatan: "",
  tanggalRevisi: "",
  tanggalEfektif: "",
  disahkanOleh: "",
  dasarHukum: "",
  kualifikasiPelaksana: "",
  keterkaitan: "",
  peralatan: "",
  peringatan: "",
  pencatatan: "",
};

/** Fields every SOP's register carries, first in the row. */
export const COMMON_FIELDS: CaseField[] = [
  { key: "perihal", label: "Perihal", type: "text", required: true },
  { key: "pemohon", label: "Pemohon", type: "text", required: false, help: "Nama atau email orang/instansi yang mengajukan" },
];

/** Field every SOP's register carries last among the case fields. */
export const CATATAN_FIELD: CaseField = { key: "catatan", label: "Catatan", type: "longtext", required: false };
