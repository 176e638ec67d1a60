// A1 notation: parsing "Sheet!A1:B2", open-ended "A:C" / "2:5" / "A2:C", and printing a range back.

export interface A1Ref {
  sheet?: string;
  /** 1-based; undefined where the notation is open-ended (filled from the sheet's size by the caller). */
  row1?: number;
  col1?: number;
  row2?: number;
  col2?: number;
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parseCell(s: string): { row?: number; col?: number } | null {
  const m = CELL.exec(s);
  if (!m || (!m[1] && !m[2])) return null;
  const row = m[2] ? Number(m[2]) : undefined;
  if (row === 0) return null;
  return { col: m[1] ? columnNumber(m[1]) : undefined, row };
}

/** Splits "'My sheet'!A1" into sheet and cells; returns null when the notation is not A1. */
export function parseA1(notation: string): A1Ref | null {
  let rest = notation.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    sheet = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    if (!sheet) return null;
  }
  const parts = rest.split(":");
  if (parts.length > 2 || !parts[0]) return null;
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  if (!a || !b) return null;
  if (parts.length === 1 && (a.row === undefined || a.col === undefined)) return null;
  // "A:B2" style mixes are accepted by Sheets only as column ranges with a row bound on the end.
  if (a.col === undefined && b.col !== undefined) return null;
  if (a.row === undefined && a.col === undefined) return null;
  const ref: A1Ref = { sheet, row1: a.row, col1: a.col, row2: b.row, col2: b.col };
  if (ref.row1 === undefined && ref.row2 !== undefined && a.col !== undefined) ref.row1 = 1;
  return ref;
}

export function toA1(row: number, col: number, numRows: number, numCols: number): string {
  const start = `${columnLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
}

/** Quotes a sheet name for use before "!" when it needs quoting. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
