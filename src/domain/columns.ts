// Columns found by their header text, never by position: staff insert, move and hide columns in every sheet.

export interface Aligned<T> {
  /** Data rows (the header row left out), each in the order of the expected headers; a missing column reads null. */
  rows: (T | null)[][];
  /** For each expected header, its 0-based column in the sheet, or -1. */
  index: number[];
  /** Expected headers not found. */
  missing: string[];
}

const norm = (s: unknown) =>
  String(s ?? "")
    .trim()
    .toLowerCase();

/** Reorders a sheet's values (header row first) into the expected headers' order. */
export function alignByHeader<T>(values: T[][], headers: readonly string[]): Aligned<T> {
  const head = (values[0] ?? []).map(norm);
  const index = headers.map((h) => head.indexOf(norm(h)));
  const rows = values.slice(1).map((r) => index.map((c) => (c < 0 ? null : (r[c] ?? null))));
  return { rows, index, missing: headers.filter((_, i) => index[i] < 0) };
}
