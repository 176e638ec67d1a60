// Where each catalog error sits in the SOP sheets, so it can be marked on its cell for the admin who edits them.
import { IDENTITY_HEADERS, SOP_HEADERS, type SheetError } from "./sop-sheet";
import type { ValidationError } from "./validate";

export interface CellMark {
  sheet: "SOP" | "SOP Identitas";
  /** 1-based sheet row and column. */
  row: number;
  col: number;
  message: string;
}

type Row = (string | number | boolean | null)[];

function stepColumn(message: string): string {
  if (/Pelaksana/.test(message)) return "Pelaksana";
  if (/Waktu/i.test(message)) return "Waktu";
  if (/"Ya"/.test(message)) return "Ya ke";
  if (/"Tidak"/.test(message)) return "Tidak ke";
  if (/uraian/i.test(message)) return "Uraian Kegiatan";
  if (/Jenis|proses/i.test(message)) return "Jenis";
  return "No";
}

function identityColumn(e: ValidationError): string {
  if (e.field) return "Isian";
  if (/Kode/.test(e.message)) return "Kode";
  if (/Pelaksana/.test(e.message)) return "Pelaksana";
  if (/Judul/.test(e.message)) return "Judul";
  return "SOP";
}

/** Marks for the errors of both sheets (rows as read, first data row `firstRow`). */
export function locateErrors(identity: Row[], steps: Row[], sheetErrors: SheetError[], invalid: ValidationError[], firstRow = 2): CellMark[] {
  const marks: CellMark[] = [];
  const col = (headers: readonly string[], h: string) => headers.indexOf(h) + 1 || 1;
  for (const e of sheetErrors) {
    const headers = e.sheet === "SOP" ? SOP_HEADERS : IDENTITY_HEADERS;
    marks.push({ sheet: e.sheet === "SOP" ? "SOP" : "SOP Identitas", row: e.row, col: col(headers, e.column), message: e.message });
  }
  for (const e of invalid) {
    if (e.step !== undefined) {
      const i = steps.findIndex((r) => String(r[0]).trim() === e.sop && String(r[1]).trim() === e.step);
      if (i >= 0) {
        marks.push({ sheet: "SOP", row: firstRow + i, col: col(SOP_HEADERS, stepColumn(e.message)), message: e.message });
        continue;
      }
    }
    const i = identity.findIndex((r) => String(r[0]).trim() === e.sop);
    if (i >= 0) marks.push({ sheet: "SOP Identitas", row: firstRow + i, col: col(IDENTITY_HEADERS, identityColumn(e)), message: e.message });
  }
  return marks;
}
