// The editable catalog: SOPs laid out as rows of the SOP and SOP Identitas sheets, and read back with errors where they are.
import { checksum } from "./register";
import type { CaseField, CompletedPart, Lane, Sop, SopIdentity, SopStep } from "./sop";

/**
 * The SOP sheet's columns. "Aktif" (Ya/Tidak, blank = Ya) switches a step off — a seed row copied from another SOP, for
 * instance — and "Dilengkapi Alur" names the values Alur completed where the seed is silent (marked on the SOP page).
 */
export const SOP_HEADERS = [
  "SOP",
  "No",
  "Uraian Kegiatan",
  "Pelaksana",
  "Jenis",
  "Ya ke",
  "Tidak ke",
  "Kelengkapan",
  "Waktu",
  "Output",
  "Keterangan",
  "Surat",
  "Pelaksana disimpulkan",
  "Catatan",
  "Label keputusan",
  "Aktif",
  "Dilengkapi Alur",
] as const;

const COMPLETED_LABEL: Record<CompletedPart, string> = { langkah: "Langkah", uraian: "Uraian", kelengkapan: "Kelengkapan", waktu: "Waktu", output: "Output" };

const IDENTITY_KEYS: [keyof SopIdentity, string][] = [
  ["nomor", "Nomor SOP"],
  ["tanggalPembuatan", "Tanggal Pembuatan"],
  ["tanggalRevisi", "Tanggal Revisi"],
  ["tanggalEfektif", "Tanggal Efektif"],
  ["disahkanOleh", "Disahkan oleh"],
  ["dasarHukum", "Dasar Hukum"],
  ["kualifikasiPelaksana", "Kualifikasi Pelaksana"],
  ["keterkaitan", "Keterkaitan"],
  ["peralatan", "Peralatan/Perlengkapan"],
  ["peringatan", "Peringatan"],
  ["pencatatan", "Pencatatan dan Pendataan"],
];

/** The signer's name, rank and NIP under Disahkan oleh (its jabatan): after Catatan, so sheets made before keep their order. */
const SIGNER_KEYS: [keyof SopIdentity, string][] = [
  ["pengesahNama", "Nama pengesah"],
  ["pengesahPangkat", "Pangkat/Gol. pengesah"],
  ["pengesahNip", "NIP pengesah"],
];

export const IDENTITY_HEADERS = ["SOP", "Kode", "Judul", "Judul singkat", "Unit", "Nama unit", "Aktif", "Pelaksana", "Isian", ...IDENTITY_KEYS.map(([, h]) => h), "Catatan", ...SIGNER_KEYS.map(([, h]) => h)];

const KIND_LABEL = { process: "Proses", decision: "Keputusan" } as const;

/** JSON with keys sorted and undefined dropped, so the same SOP always gives the same text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

export function sopRevision(sop: Sop): string {
  return checksum(canonicalJson(sop));
}

export function stepRows(sop: Sop): string[][] {
  return sop.steps.map((s) => [
    sop.id,
    s.no,
    s.text,
    s.role,
    KIND_LABEL[s.kind],
    s.yesTo ?? "",
    s.noTo ?? "",
    s.kelengkapan.join("; "),
    s.waktu,
    s.output,
    s.keterangan,
    (s.letters ?? []).join(", "),
    s.roleInferred ? "Ya" : "Tidak",
    (s.notes ?? []).join(" | "),
    s.yesLabel || s.noLabel ? `${s.yesLabel ?? "Ya"} / ${s.noLabel ?? "Tidak"}` : "",
    "Ya",
    (s.completed ?? []).map((c) => COMPLETED_LABEL[c]).join(", "),
  ]);
}

export function identityRow(sop: Sop, active = true): (string | boolean)[] {
  return [
    sop.id,
    sop.code,
    sop.title,
    sop.shortTitle,
    sop.unit,
    sop.unitName,
    active,
    sop.lanes.map((l) => `${l.header} = ${l.role}`).join("; "),
    JSON.stringify(sop.fields),
    ...IDENTITY_KEYS.map(([k]) => sop.identity[k] ?? ""),
    sop.notes.join(" | "),
    ...SIGNER_KEYS.map(([k]) => sop.identity[k] ?? ""),
  ];
}

export interface SheetError {
  sheet: string;
  row: number;
  column: string;
  sop: string;
  message: string;
}

type Row = (string | number | boolean | null)[];
const str = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
const list = (v: unknown, sep: RegExp) => str(v).split(sep).map((x) => x.trim()).filter(Boolean);

/** Reads both sheets back into SOPs; `active` lists the SOPs whose register is enabled. */
export function readSopSheets(identity: Row[], steps: Row[], firstRow = 2): { sops: Sop[]; active: string[]; errors: SheetError[] } {
  const errors: SheetError[] = [];
  const sops = new Map<string, Sop>();
  const active: string[] = [];
  identity.forEach((r, i) => {
    const id = str(r[0]);
    if (!id) return;
    const row = firstRow + i;
    const lanes: Lane[] = [];
    for (const part of list(r[7], /;/)) {
      const m = /^(.*?)\s*=\s*([a-z0-9-]+)$/.exec(part);
      if (m) lanes.push({ header: m[1].trim(), role: m[2] });
      else errors.push({ sheet: "SOP Identitas", row, column: "Pelaksana", sop: id, message: `Pelaksana "${part}" harus ditulis "JUDUL KOLOM = id-peran".` });
    }
    let fields: CaseField[] = [];
    try {
      fields = JSON.parse(str(r[8]) || "[]") as CaseField[];
      if (!Array.isArray(fields)) throw new Error();
    } catch {
      errors.push({ sheet: "SOP Identitas", row, column: "Isian", sop: id, message: "Kolom Isian harus JSON daftar isian yang sah." });
      fields = [];
    }
    const ident = Object.fromEntries(IDENTITY_KEYS.map(([k], j) => [k, str(r[9 + j])])) as unknown as SopIdentity;
    // The signer's fields are kept only when filled, so an SOP without them keeps its revision stamp.
    SIGNER_KEYS.forEach(([k], j) => {
      const v = str(r[10 + IDENTITY_KEYS.length + j]);
      if (v) ident[k] = v;
    });
    const unit = str(r[4]) === "bidang" ? "bidang" : "sekretariat";
    sops.set(id, {
      id,
      code: str(r[1]),
      title: str(r[2]),
      shortTitle: str(r[3]) || str(r[2]),
      unit,
      unitName: str(r[5]),
      identity: ident,
      lanes,
      fields,
      steps: [],
      notes: list(r[9 + IDENTITY_KEYS.length], /\s\|\s/),
    });
    if (r[6] === true || /^(ya|true|1)$/i.test(str(r[6]))) active.push(id);
  });
  steps.forEach((r, i) => {
    const id = str(r[0]);
    if (!id) return;
    const row = firstRow + i;
    const sop = sops.get(id);
    if (!sop) {
      errors.push({ sheet: "SOP", row, column: "SOP", sop: id, message: `SOP "${id}" tidak ada di sheet SOP Identitas.` });
      return;
    }
    // A step switched off (Aktif = Tidak) is not part of the SOP: not run, not printed.
    if (/^(tidak|false|0|no)$/i.test(str(r[15]))) return;
    const kindText = str(r[4]).toLowerCase();
    const kind = kindText.startsWith("kep") ? "decision" : "process";
    if (kindText && !kindText.startsWith("kep") && !kindText.startsWith("pro")) {
      errors.push({ sheet: "SOP", row, column: "Jenis", sop: id, message: `Jenis "${str(r[4])}" tidak dikenal; tulis Proses atau Keputusan.` });
    }
    const step: SopStep = {
      no: str(r[1]),
      text: str(r[2]),
      role: str(r[3]),
      roleInferred: !/^tidak$/i.test(str(r[12])),
      kind,
      kelengkapan: list(r[7], /;/),
      waktu: str(r[8]),
      output: str(r[9]),
      keterangan: str(r[10]),
    };
    if (kind === "decision") {
      step.yesTo = str(r[5]);
      step.noTo = str(r[6]);
      const labels = str(r[14]).split("/").map((x) => x.trim());
      if (labels.length === 2 && labels[0] && labels[1] && !(labels[0] === "Ya" && labels[1] === "Tidak")) {
        step.yesLabel = labels[0];
        step.noLabel = labels[1];
      }
    }
    const letters = list(r[11], /,/);
    if (letters.length) step.letters = letters;
    const notes = list(r[13], /\s\|\s/);
    if (notes.length) step.notes = notes;
    const completed = list(r[16], /[,;]/)
      .map((x) => (Object.keys(COMPLETED_LABEL) as CompletedPart[]).find((k) => k === x.toLowerCase()))
      .filter((x): x is CompletedPart => !!x);
    if (completed.length) step.completed = completed;
    sop.steps.push(step);
  });
  return { sops: [...sops.values()], active, errors };
}
