// Letters (naskah dinas): the templates SOP steps name, what a case keeps of its letters, and Indonesian number words.

/** Template ids (templates/*.txt) with the names people see. */
export const LETTER_LABELS: Record<string, string> = {
  "lembar-disposisi": "Lembar Disposisi",
  "surat-dinas": "Surat Dinas",
  "nota-dinas": "Nota Dinas",
  undangan: "Surat Undangan",
  "surat-tugas": "Surat Tugas",
  "surat-perintah": "Surat Perintah",
  "surat-pengantar": "Surat Pengantar",
  "surat-keterangan": "Surat Keterangan",
  "berita-acara": "Berita Acara Serah Terima Barang",
  notulen: "Notulen Rapat",
  laporan: "Laporan",
  "formulir-cuti": "Formulir Permintaan dan Pemberian Cuti",
  "surat-izin-cuti": "Surat Izin Cuti",
  spp: "Surat Permintaan Pembayaran (SPP)",
  spm: "Surat Perintah Membayar (SPM)",
  "penolakan-spm": "Surat Penolakan Penerbitan SPM",
  "akun-subdomain": "Data Akun Subdomain",
};

/**
 * Step markers in the SOP's Surat column that are not templates: "nomor" is the step that gives the case's letters
 * their number from Agenda Surat (Surat Keluar's "dinomori", Surat Cuti's "Penomoran"); "agenda" records an incoming
 * letter or request in the agenda book (Surat Masuk, the leave request); "keputusan" is a leave decision step.
 */
export const NUMBER_STEP = "nomor";
export const AGENDA_STEP = "agenda";
/** The step where the official decides a leave request with the four BKN choices (src/domain/cuti.ts). */
export const DECISION_STEP = "keputusan";
/** The step where a subdomain account's password is issued: shown once for printing, never stored. */
export const PASSWORD_STEP = "sandi";
export const STEP_MARKERS: Record<string, string> = {
  [NUMBER_STEP]: "Nomor surat (Agenda Surat)",
  [AGENDA_STEP]: "Nomor agenda surat masuk",
  [DECISION_STEP]: "Keputusan cuti",
  [PASSWORD_STEP]: "Kata sandi akun (tampil sekali)",
};

/** Letters that carry an outgoing number of Agenda Surat once the SOP numbers them. */
export const NUMBERED = new Set([
  "surat-dinas",
  "nota-dinas",
  "undangan",
  "surat-tugas",
  "surat-perintah",
  "surat-pengantar",
  "surat-keterangan",
  "berita-acara",
  "surat-izin-cuti",
  "spp",
  "spm",
  "penolakan-spm",
]);

/** Own keys only: a name typed by people ("constructor", "__proto__") is not a letter. */
const has = (rec: object, id: string) => Object.prototype.hasOwnProperty.call(rec, id);

export function letterLabel(id: string): string {
  return (has(LETTER_LABELS, id) ? LETTER_LABELS[id] : undefined) ?? (has(STEP_MARKERS, id) ? STEP_MARKERS[id] : undefined) ?? id;
}

export function isTemplate(id: string): boolean {
  return has(LETTER_LABELS, id);
}

/**
 * A step's Surat entries as groups of templates: "surat-dinas|nota-dinas|undangan" is one letter in one of these forms
 * (the first is the usual one), separate entries are letters each made; "?penolakan-spm" is made only when asked
 * for (with `auto`, the letters a finished step makes by itself, those are left out). Markers are left out.
 */
export function letterGroups(letters: readonly string[] | undefined, auto = false): string[][] {
  return (letters ?? [])
    .filter((entry) => !(auto && entry.trim().startsWith("?")))
    .map((entry) => entry.replace(/^\s*\?/, "").split("|").map((t) => t.trim()).filter(isTemplate))
    .filter((g) => g.length > 0);
}

/** Every template a step may make. */
export function templatesOf(letters: readonly string[] | undefined): string[] {
  return letterGroups(letters).flat();
}

/** Entries that are neither a known template (or group of them) nor a marker: reported where the SOP is checked. */
export function unknownLetters(letters: readonly string[] | undefined): string[] {
  return (letters ?? []).flatMap((entry) => entry.replace(/^\s*\?/, "").split("|").map((t) => t.trim())).filter((t) => t && !isTemplate(t) && !has(STEP_MARKERS, t));
}

/** SOPs of personnel affairs: their letters go to the BKD and are classified 800 unless the case says otherwise. */
export const KEPEGAWAIAN = new Set(["cuti", "izin-belajar", "kenaikan-gaji-berkala", "pensiun-meninggal"]);

/** The classification code a case's letters are numbered under: its field, else the SOP's kind of affairs. */
export function klasifikasiOf(sop: { id: string }, c: { fields: Record<string, string | number> }): string {
  return String(c.fields.klasifikasi ?? "").trim() || (KEPEGAWAIAN.has(sop.id) ? "800" : sop.id.startsWith("spp") ? "900" : "000");
}

/** A number taken from Agenda Surat for one of the case's letters (or its agenda entry). */
export interface LetterNumber {
  nomor: string;
  /** The Kunci cell of the Agenda Surat row (book/year/[classification/]sequence): unique, never reused. */
  key: string;
  status: "Dipesan" | "Terbit" | "Batal";
  at: number;
}

/** A document waiting for the document worker (it runs as the owner of the office's Alur folder). */
export interface PendingDocument {
  id: string;
  template: string;
  by: string;
  at: number;
}

/** What a case keeps of its letters, in its hidden state. */
export interface CaseLetters {
  /** The case's folder in the office's Alur folder (Drive id). */
  folder?: string;
  /** Outgoing numbers per template. */
  numbers?: Record<string, LetterNumber>;
  /** The agenda number of the incoming letter or request. */
  agenda?: LetterNumber;
  /** Versions made per template (a re-made letter is a new version; older ones stay). */
  versions?: Record<string, number>;
  /** The document jobs already recorded on the case (the last 20): a job a cut-off worker left queued is not made twice. */
  jobs?: string[];
  pending?: PendingDocument[];
  /** A subdomain account: its user name and that a password was issued (never the password). */
  account?: { username: string; by: string; at: number };
}

const SATUAN = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"];

/** 12 → "dua belas", 1500 → "seribu lima ratus": the words written beside a number in letters. */
export function terbilang(n: number): string {
  const x = Math.floor(Math.abs(n));
  if (x < 12) return x === 0 ? "nol" : SATUAN[x];
  if (x < 20) return `${SATUAN[x - 10]} belas`;
  if (x < 100) return `${SATUAN[Math.floor(x / 10)]} puluh${x % 10 ? ` ${SATUAN[x % 10]}` : ""}`;
  if (x < 200) return `seratus${x > 100 ? ` ${terbilang(x - 100)}` : ""}`;
  if (x < 1000) return `${SATUAN[Math.floor(x / 100)]} ratus${x % 100 ? ` ${terbilang(x % 100)}` : ""}`;
  if (x < 2000) return `seribu${x > 1000 ? ` ${terbilang(x - 1000)}` : ""}`;
  if (x < 1_000_000) return `${terbilang(Math.floor(x / 1000))} ribu${x % 1000 ? ` ${terbilang(x % 1000)}` : ""}`;
  if (x < 1_000_000_000) return `${terbilang(Math.floor(x / 1_000_000))} juta${x % 1_000_000 ? ` ${terbilang(x % 1_000_000)}` : ""}`;
  return String(x);
}

/** "2 (dua) hari kerja". */
export function withWords(n: number, unit: string): string {
  return `${n} (${terbilang(n)}) ${unit}`;
}

/** 1 234 567,5 → "Rp1.234.567,50": amounts on payment letters. */
export function rupiah(n: number): string {
  const [whole, frac] = Math.abs(n).toFixed(2).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${n < 0 ? "-" : ""}Rp${grouped}${frac === "00" ? "" : `,${frac}`}`;
}
