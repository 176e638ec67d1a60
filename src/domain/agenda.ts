// Agenda Surat, the numbering book: one row per number reserved, issued or cancelled; the pattern that writes a number.

export const AGENDA_HEADERS = ["Kunci", "Buku", "Tahun", "Urut", "Nomor", "Klasifikasi", "Status", "ID Kasus", "Surat", "Perihal", "Dipesan oleh", "Dipesan", "Terbit", "Keterangan"] as const;

/** Keluar: outgoing letters (pattern "Format nomor surat"); Masuk: the agenda of incoming letters and requests. */
export type Book = "Keluar" | "Masuk";

export const DEFAULT_PATTERN = "{klasifikasi}/{urut}/{unit}/{tahun}";
export const DEFAULT_AGENDA_PATTERN = "{urut}/{unit}/{tahun}";

const TOKENS = ["klasifikasi", "urut", "unit", "tahun", "bulan", "bulan_romawi"];
const ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** Problems of a pattern, in Bahasa Indonesia (empty when usable). */
export function patternProblems(pattern: string): string[] {
  const out: string[] = [];
  if (!/\{urut(:\d)?\}/.test(pattern)) out.push(`Format nomor "${pattern}" harus memuat {urut}.`);
  for (const m of pattern.matchAll(/\{([^}]*)\}/g)) {
    const name = m[1].replace(/:\d$/, "");
    if (!TOKENS.includes(name)) out.push(`Format nomor "${pattern}": {${m[1]}} tidak dikenal (pakai ${TOKENS.map((t) => `{${t}}`).join(", ")}).`);
  }
  return out;
}

export interface NumberParts {
  klasifikasi: string;
  urut: number;
  /** Written instead of the sequence (a draft's blank: "......"). */
  urutText?: string;
  unit: string;
  /** yyyy-MM-dd of the reservation (year and month of the number). */
  ymd: string;
}

/**
 * The number as the pattern writes it, in full: never cut, however long. {urut:3} pads the sequence to 3 digits.
 * A blank classification drops the separator that would stand alone ("/15/Kominfo/2026", not "…").
 */
export function formatNumber(pattern: string, p: NumberParts): string {
  const month = Number(p.ymd.slice(5, 7));
  const text = pattern.replace(/\{([a-z_]+)(?::(\d))?\}/g, (all, name: string, pad?: string) => {
    switch (name) {
      case "klasifikasi":
        return p.klasifikasi.trim();
      case "urut":
        return p.urutText ?? (pad ? String(p.urut).padStart(Number(pad), "0") : String(p.urut));
      case "unit":
        return p.unit.trim();
      case "tahun":
        return p.ymd.slice(0, 4);
      case "bulan":
        return String(month).padStart(2, "0");
      case "bulan_romawi":
        return ROMAWI[month - 1] ?? "";
      default:
        return all;
    }
  });
  return text.replace(/^[/.\-\s]+|[/.\-\s]+$/g, "").replace(/\/{2,}/g, "/");
}

/** The Kunci of a number: the book, year, (classification when numbered per classification) and sequence. */
export function agendaKey(book: Book, year: string, klasifikasi: string | null, urut: number): string {
  return [book === "Keluar" ? "K" : "M", year, ...(klasifikasi === null ? [] : [klasifikasi || "-"]), urut].join("/");
}

/** The counter a sequence is kept under: per book and year, and per classification when the office numbers that way. */
export function counterKey(book: Book, year: string, klasifikasi: string | null): string {
  return `alur.agenda.${book === "Keluar" ? "K" : "M"}.${year}${klasifikasi === null ? "" : `.${klasifikasi || "-"}`}`;
}

/** The sequence in a Kunci (its last part). */
export function keySequence(key: string): number {
  return Number(key.split("/").pop()) || 0;
}
