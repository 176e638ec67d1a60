// Checks and normalises the case fields a person typed, per the SOP's field types.
import type { FieldValue } from "./case";
import type { CaseField } from "./sop";

export type FieldErrors = Record<string, string>;

const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]{2,}$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MAX_TEXT = 5000;

/**
 * The most characters a field takes, by kind: a Perihal is a line, not a letter (long texts belong in Catatan and the
 * long fields). The panel counts down before the limit; the server refuses past it.
 */
export function maxLengthOf(f: CaseField): number {
  if (f.key === "perihal") return 300;
  switch (f.type) {
    case "longtext":
      return MAX_TEXT;
    case "email":
    case "person":
      return 254;
    case "number":
      return 30;
    case "date":
      return 10;
    case "choice":
      return 200;
    default:
      return 500;
  }
}

/**
 * Field pairs that usually follow each other but where offices legitimately differ: a warning the person confirms,
 * not a refusal. [earlier, later, message].
 */
const DATE_ORDER: [string, string, string][] = [["tanggalSurat", "diterimaTanggal", "Tanggal diterima lebih awal dari tanggal surat. Periksa kembali; bila memang begitu (misalnya surat diantar sebelum diberi tanggal), lanjutkan."]];

/** Warnings about what was typed (never errors): shown before anything is saved. */
export function fieldWarnings(values: Record<string, FieldValue>): string[] {
  const out: string[] = [];
  for (const [a, b, message] of DATE_ORDER) {
    const x = values[a];
    const y = values[b];
    if (typeof x === "string" && typeof y === "string" && isYmd(x) && isYmd(y) && y < x) out.push(message);
  }
  return out;
}

export function isEmail(s: string): boolean {
  return EMAIL.test(s.trim());
}

/** A real calendar date written as yyyy-MM-dd. */
export function isYmd(s: string): boolean {
  const m = YMD.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function one(f: CaseField, raw: unknown): { value?: FieldValue; error?: string } {
  const text = raw === null || raw === undefined ? "" : typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : null;
  if (text === null) return { error: `${f.label}: isian tidak dikenali.` };
  if (text === "") return f.required ? { error: `${f.label} wajib diisi.` } : { value: "" };
  const max = maxLengthOf(f);
  if (text.length > max) return { error: `${f.label} terlalu panjang (${text.length} karakter; paling banyak ${max}).${f.type !== "longtext" && max < MAX_TEXT ? " Tulis uraian panjang di Catatan." : ""}` };
  switch (f.type) {
    case "date":
      return isYmd(text) ? { value: text } : { error: `${f.label} harus berupa tanggal yang benar.` };
    case "number": {
      // Indonesian style: "." groups thousands (exactly three digits each), "," is the decimal mark. "2.5" is ambiguous
      // (two and a half, or a typo?) and is refused rather than read as 25.
      const grouped = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text);
      const plain = /^-?\d+(,\d+)?$/.test(text);
      const n = Number(text.replace(/\./g, "").replace(",", "."));
      if ((grouped || plain) && Number.isFinite(n)) return { value: n };
      return { error: /^-?\d+\.\d+$/.test(text) ? `${f.label}: pakai koma untuk desimal (mis. 2,5); titik hanya pemisah ribuan (mis. 1.250.000).` : `${f.label} harus berupa angka.` };
    }
    case "choice":
      return f.options?.includes(text) ? { value: text } : { error: `${f.label}: pilih salah satu dari daftar (${(f.options ?? []).join(", ")}).` };
    case "email":
      return isEmail(text) ? { value: text.toLowerCase() } : { error: `${f.label} harus berupa alamat email yang benar.` };
    default:
      return { value: text };
  }
}

/** Validates every field at once: the normalised values, or one message per wrong field. */
export function checkFields(fields: CaseField[], input: Record<string, unknown>): { ok: true; values: Record<string, FieldValue> } | { ok: false; errors: FieldErrors } {
  const values: Record<string, FieldValue> = {};
  const errors: FieldErrors = {};
  for (const f of fields) {
    const r = one(f, input[f.key]);
    if (r.error) errors[f.key] = r.error;
    else values[f.key] = r.value as FieldValue;
  }
  const mulai = values.mulai;
  const selesai = values.selesai;
  if (typeof mulai === "string" && typeof selesai === "string" && mulai && selesai && selesai < mulai && !errors.selesai) {
    const label = fields.find((f) => f.key === "selesai")?.label ?? "Selesai";
    errors.selesai = `${label} tidak boleh sebelum tanggal mulai.`;
  }
  if (/^\d{18}$/.test(String(input.nip ?? "").trim()) === false && fields.some((f) => f.key === "nip") && String(input.nip ?? "").trim() !== "" && !errors.nip) {
    errors.nip = "NIP harus 18 angka.";
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values };
}
