// Letter (naskah dinas) templates the SOP steps name, and the draft text Alur writes until the letters capability lands.
import type { CaseState } from "./case";
import type { Sop } from "./sop";

export const LETTER_LABELS: Record<string, string> = {
  "lembar-disposisi": "Lembar Disposisi",
  "surat-dinas": "Surat Dinas",
  "nota-dinas": "Nota Dinas",
  "surat-tugas": "Surat Tugas",
  "surat-pengantar": "Surat Pengantar",
  "surat-keterangan": "Surat Keterangan",
  "berita-acara": "Berita Acara",
  "formulir-cuti": "Formulir Permintaan dan Pemberian Cuti",
  "surat-izin-cuti": "Surat Izin Cuti",
  spp: "Surat Permintaan Pembayaran",
  undangan: "Surat Undangan",
  laporan: "Laporan",
};

export function letterLabel(id: string): string {
  return LETTER_LABELS[id] ?? id;
}

/** The draft (konsep) of a letter: title, the case's fields as the letter will need them, and where it comes from. */
export function draftLines(sop: Sop, c: CaseState, template: string, office: { pemerintah: string; dinas: string }): string[] {
  const fields = sop.fields.filter((f) => String(c.fields[f.key] ?? "") !== "").map((f) => `${f.label}: ${String(c.fields[f.key])}`);
  return [office.pemerintah, office.dinas, "", `KONSEP ${letterLabel(template).toUpperCase()}`, `Kasus ${c.id} · ${sop.title}`, "", ...fields];
}
