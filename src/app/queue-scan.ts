// Reads the rows a TextFinder found with a number of Spreadsheet calls that does not follow the number of hits.
type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * How many rows one block read may cover: at least `minRows`, or `rowsPerHit` rows for each hit it holds.
 * A call costs far more than a cell (reading a few thousand cells takes little longer than reading one), so the
 * bound is generous: running cases sit near each other at the bottom of a register, and a block over them and the finished
 * cases between them is read in one call.
 */
export const SPAN_LIMITS = { minRows: 100, rowsPerHit: 10 };

/**
 * Row spans [first, last] that cover every hit, given the hits' count and a way to ask a hit's row.
 *
 * Hits in row order (TextFinder searches row by row) are bounded by the first and the last: when that span is within
 * the limit, two questions and one block read do. Only when it is not (a case left running far above
 * the others) is the list halved, asking the row at each cut, until every piece fits or holds one hit; pieces that
 * touch are joined again. The rows asked for are thus constant for cases lying together, and grow with the log of
 * the hits for each gap; cells read stay within the limit per hit whatever the register's size. Out of order, the
 * spans are still sorted and apart, but may miss hits: readAroundHits notices.
 */
export function planSpans(count: number, rowAt: (i: number) => number, limits = SPAN_LIMITS): [number, number][] {
  if (count === 0) return [];
  const known = new Map<number, number>();
  const row = (i: number) => {
    let r = known.get(i);
    if (r === undefined) {
      r = rowAt(i);
      known.set(i, r);
    }
    return r;
  };
  const pieces: [number, number][] = [];
  const cover = (lo: number, hi: number) => {
    const first = row(lo);
    const last = lo === hi ? first : row(hi);
    if (Math.abs(last - first) + 1 <= Math.max(limits.minRows, limits.rowsPerHit * (hi - lo + 1)) || lo === hi) {
      pieces.push([Math.min(first, last), Math.max(first, last)]);
    } else if (hi - lo === 1) {
      pieces.push([first, first], [last, last]);
    } else {
      const mid = Math.floor((lo + hi) / 2);
      cover(lo, mid);
      cover(mid + 1, hi);
    }
  };
  cover(0, count - 1);
  const joined: [number, number][] = [];
  for (const p of pieces.sort((a, b) => a[0] - b[0])) {
    const prev = joined[joined.length - 1];
    if (prev && p[0] <= prev[1] + 1) prev[1] = Math.max(prev[1], p[1]);
    else joined.push([p[0], p[1]]);
  }
  return joined;
}

/**
 * The rows around the hits, each with its values `width` columns wide (the whole row): one read per span.
 *
 * The spans rest on the hits coming in row order, which Apps Script does not document. So the cells read are
 * checked with `matches`, the same test the TextFinder made: when fewer match than there were hits, some lay outside
 * the spans, and every hit's row is asked for after all (one call per hit, only then), so no case is ever left out.
 */
export function readAroundHits(sheet: Sheet, hits: Range[], width: number, matches: (cell: unknown) => boolean): { row: number; values: unknown[] }[] {
  // Spans never overlap (planSpans joins them), so each row is read and counted once.
  const read = (spans: [number, number][]) => {
    const out: { row: number; values: unknown[] }[] = [];
    for (const [first, last] of spans) {
      const values = sheet.getRange(first, 1, last - first + 1, width).getValues();
      for (let i = 0; i < values.length; i++) out.push({ row: first + i, values: values[i] });
    }
    return out;
  };
  const rows = read(planSpans(hits.length, (i) => hits[i].getRow()));
  let found = 0;
  for (const r of rows) for (const cell of r.values) if (matches(cell)) found++;
  if (found >= hits.length) return rows;
  const sorted = [...new Set(hits.map((h) => h.getRow()))].sort((a, b) => a - b);
  return read(planSpans(sorted.length, (i) => sorted[i]));
}

/** Text as a literal inside a TextFinder regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
