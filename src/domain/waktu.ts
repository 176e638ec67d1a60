// Parses an SOP's Mutu Baku · Waktu cell ("120 Menit", "2 Hari", "10 - 20 Menit", "15") into a standard time.

export type WaktuUnit = "menit" | "jam" | "hari";

/** A step's standard time in the unit the SOP wrote it in; min = max unless the SOP gave a range. */
export interface Standard {
  text: string;
  unit: WaktuUnit;
  min: number;
  max: number;
}

export type WaktuResult = { ok: true; standard: Standard | null } | { ok: false; message: string };

export const WAKTU_EXAMPLES = `tulis misalnya "30 Menit", "2 Jam" atau "1 Hari"`;

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
// "s.d." and "sampai" appear in Indonesian ranges as often as a dash does.
const RANGE_SEP = String.raw`(?:-|–|—|s\.?\s*d\.?|sampai(?:\s+dengan)?)`;
// "Hari kerja" is how staff often write it; a working day is what Hari means here anyway.
const UNIT = String.raw`(menit|mnt|jam|hari(?:\s+kerja)?)`;
const WAKTU = new RegExp(String.raw`^${NUMBER}(?:\s*${RANGE_SEP}\s*${NUMBER})?(?:\s*${UNIT})?\.?$`, "i");

const toNumber = (s: string): number => Number(s.replace(",", "."));

function unitOf(word: string | undefined): WaktuUnit {
  const w = (word ?? "").toLowerCase();
  if (w === "jam") return "jam";
  if (w.startsWith("hari")) return "hari";
  return "menit";
}

function parseAt(text: string, where: string): WaktuResult {
  const t = String(text ?? "")
    .replace(/\s+/g, " ")
    .trim();
  if (t === "") return { ok: true, standard: null };
  const label = `Waktu "${t}"${where}`;
  const m = WAKTU.exec(t);
  if (!m) return { ok: false, message: `${label} tidak dikenali; ${WAKTU_EXAMPLES}` };
  const min = toNumber(m[1]);
  const max = m[2] === undefined ? min : toNumber(m[2]);
  if (min <= 0) return { ok: false, message: `${label} harus lebih dari nol; ${WAKTU_EXAMPLES}` };
  if (max < min) return { ok: false, message: `${label}: batas bawah lebih besar dari batas atas; tulis misalnya "10 - 20 Menit"` };
  return { ok: true, standard: { text: t, unit: unitOf(m[3]), min, max } };
}

/** Reads a Waktu cell; blank means the SOP sets no standard for the step (standard null). */
export function parseWaktu(text: string): WaktuResult {
  return parseAt(text, "");
}

/** Like parseWaktu, but a refusal names the SOP and step so the admin can find the cell. */
export function parseStepWaktu(sopId: string, stepNo: string, text: string): WaktuResult {
  return parseAt(text, ` pada SOP ${sopId} langkah ${stepNo}`);
}

const DEFAULT_DAY_MINUTES = 450;

/** The standard in working minutes: Hari counts as one working day of dayMinutes, Jam as 60. */
export function standardMinutes(s: Standard, dayMinutes: number = DEFAULT_DAY_MINUTES): { min: number; max: number } {
  const factor = s.unit === "hari" ? dayMinutes : s.unit === "jam" ? 60 : 1;
  // Decimals ("1,5 Jam") can leave fractions; the calendar counts whole minutes.
  return { min: Math.round(s.min * factor), max: Math.round(s.max * factor) };
}
