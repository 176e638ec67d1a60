// Sparse cell storage of one sheet: rows of values plus optional per-cell attributes; fast for 100,000-row logs.
import type { Stored } from "./values";

/** Everything a cell carries besides its value. */
export interface CellAttrs {
  formula?: string;
  numberFormat?: string;
  note?: string;
  validation?: unknown;
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  fontStyle?: string;
  fontSize?: number;
  fontFamily?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
}

export interface Row {
  v: Stored[];
  a?: (CellAttrs | undefined)[];
}

export class Grid {
  rows: (Row | undefined)[] = [];
  /** Bumped on every change; caches the content bounds. */
  private version = 0;
  private boundsAt = -1;
  private bounds = { lastRow: 0, lastCol: 0 };

  constructor(
    public maxRows: number,
    public maxCols: number,
  ) {}

  touch(): void {
    this.version++;
  }

  /** 0-based accessors. */
  value(r: number, c: number): Stored {
    return this.rows[r]?.v[c];
  }

  attrs(r: number, c: number): CellAttrs | undefined {
    return this.rows[r]?.a?.[c];
  }

  row(r: number): Row {
    let row = this.rows[r];
    if (!row) {
      row = { v: [] };
      this.rows[r] = row;
    }
    return row;
  }

  setValue(r: number, c: number, v: Stored): void {
    const row = this.rows[r];
    if (v === undefined && !row) return;
    (row ?? this.row(r)).v[c] = v;
    this.version++;
  }

  /** Attributes of a cell, created on demand for writing. */
  attrsFor(r: number, c: number): CellAttrs {
    const row = this.row(r);
    row.a ??= [];
    let a = row.a[c];
    if (!a) {
      a = {};
      row.a[c] = a;
    }
    this.version++;
    return a;
  }

  /** Sets one attribute of a cell; undefined removes it (and a cell left with none keeps no attribute record). */
  setAttr<K extends keyof CellAttrs>(r: number, c: number, key: K, value: CellAttrs[K] | undefined): void {
    if (value !== undefined) {
      this.attrsFor(r, c)[key] = value as CellAttrs[K];
      return;
    }
    const list = this.rows[r]?.a;
    const a = list?.[c];
    if (!list || !a || !(key in a)) return;
    delete a[key];
    if (!Object.keys(a).length) list[c] = undefined;
    this.version++;
  }

  private hasContent(row: Row, c: number): boolean {
    const v = row.v[c];
    return (v !== undefined && v !== "") || row.a?.[c]?.formula !== undefined;
  }

  private computeBounds(): void {
    if (this.boundsAt === this.version) return;
    let lastRow = 0;
    let lastCol = 0;
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r];
      if (!row) continue;
      const width = Math.max(row.v.length, row.a?.length ?? 0);
      for (let c = width - 1; c >= 0; c--) {
        if (this.hasContent(row, c)) {
          if (lastRow === 0) lastRow = r + 1;
          if (c + 1 > lastCol) lastCol = c + 1;
          break;
        }
      }
    }
    this.bounds = { lastRow, lastCol };
    this.boundsAt = this.version;
  }

  lastRow(): number {
    this.computeBounds();
    return this.bounds.lastRow;
  }

  lastCol(): number {
    this.computeBounds();
    return this.bounds.lastCol;
  }

  insertRows(at: number, n: number): void {
    if (at < this.rows.length) this.rows = [...this.rows.slice(0, at), ...new Array<Row | undefined>(n), ...this.rows.slice(at)];
    this.maxRows += n;
    this.version++;
  }

  deleteRows(at: number, n: number): void {
    this.rows.splice(at, n);
    this.maxRows -= n;
    this.version++;
  }

  insertCols(at: number, n: number): void {
    for (const row of this.rows) {
      if (!row) continue;
      if (at < row.v.length) row.v.splice(at, 0, ...new Array<Stored>(n));
      if (row.a && at < row.a.length) row.a.splice(at, 0, ...new Array<CellAttrs | undefined>(n));
    }
    this.maxCols += n;
    this.version++;
  }

  deleteCols(at: number, n: number): void {
    for (const row of this.rows) {
      if (!row) continue;
      row.v.splice(at, n);
      row.a?.splice(at, n);
    }
    this.maxCols -= n;
    this.version++;
  }

  clear(): void {
    this.rows = [];
    this.version++;
  }
}
