// Sorting rows of a grid by columns, as Range.sort and Sheet.sort do (empty cells last, numbers before text).
import { gasError, isDate } from "./errors";
import type { Grid, Row } from "./grid";
import type { Stored } from "./values";

export type SortSpec = number | { column: number; ascending?: boolean } | Array<number | { column: number; ascending?: boolean }>;

function rank(v: Stored): number {
  if (typeof v === "number" || isDate(v)) return 0;
  if (typeof v === "boolean") return 2;
  return 1;
}

const empty = (v: Stored) => v === undefined || v === "";

function compare(a: Stored, b: Stored): number {
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const x = isDate(a) ? a.getTime() : a;
  const y = isDate(b) ? b.getTime() : b;
  if (typeof x === "string" && typeof y === "string") return x.localeCompare(y, "en", { sensitivity: "base" });
  return x! < y! ? -1 : x! > y! ? 1 : 0;
}

/**
 * Sorts rows [start, start+count) (0-based) by 1-based sheet columns; stable like Sheets.
 * Whole rows move (Range.sort on a narrower range would move only its columns): Alur sorts register-wide ranges only.
 */
export function sortRows(grid: Grid, start: number, count: number, firstCol: number, spec: SortSpec): void {
  const list = (Array.isArray(spec) ? spec : [spec]).map((s) => (typeof s === "number" ? { column: s, ascending: true } : { column: s.column, ascending: s.ascending !== false }));
  for (const s of list) if (!(s.column >= firstCol)) throw gasError("Sort column is out of range.");
  const rows: (Row | undefined)[] = grid.rows.slice(start, start + count);
  while (rows.length < count) rows.push(undefined);
  rows.sort((ra, rb) => {
    for (const s of list) {
      const a = ra?.v[s.column - 1];
      const b = rb?.v[s.column - 1];
      // Empty cells go last whichever the direction.
      if (empty(a) || empty(b)) {
        if (empty(a) !== empty(b)) return empty(a) ? 1 : -1;
        continue;
      }
      const d = compare(a, b);
      if (d !== 0) return s.ascending ? d : -d;
    }
    return 0;
  });
  for (let i = 0; i < count; i++) grid.rows[start + i] = rows[i];
  grid.touch();
}
