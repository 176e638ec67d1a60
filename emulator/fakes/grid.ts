// Sparse cell storage of one sheet: rows of values plus optional per-cell attributes; fast for 100,000-row logs.
// Attribute records are immutable and shared: a format set on 999 rows is one record, not 999 (setup formats 28
// registers of 999 rows; per-cell records made the fakes spend most of their time collecting garbage).
import type { Stored } from "./values";

/** Everything a cell carries besides its value. */
export interface CellAttrs {
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly note?: string;
  readonly validation?: unknown;
  readonly background?: string;
  readonly fontWeight?: string;
  readonly fontColor?: string;
  readonly fontStyle?: string;
  readonly fontSize?: number;
  readonly fontFamily?: string;
  readonly horizontalAlignment?: string;
  readonly verticalAlignment?: string;
  readonly wrap?: boolean;
}

export interface Row {
  v: Stored[];
  /** Shared, frozen records: change a cell's attributes only through Grid.setAttr / Grid.setAttrs. */
  a?: (CellAttrs | undefined)[];
}

/** Distinct values of one attribute a grid remembers transitions for; past this (unique notes on every row) records are made afresh. */
const INTERN_LIMIT = 2000;
const NONE: CellAttrs = Object.freeze({});

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

  /** record → attribute → value → the record with that attribute set (undefined: removed). */
  private transitions = new Map<CellAttrs, Map<string, Map<unknown, CellAttrs | undefined>>>();

  /** The last transition made: a block of cells changed alike repeats it (a format set on 999 rows). */
  private last: { from: CellAttrs | undefined; key: string; value: unknown; out: CellAttrs | undefined } = { from: NONE, key: "", value: undefined, out: NONE };

  /** The shared record `from` with `key` set to `value` (removed when undefined; no record when none is left). */
  private with(from: CellAttrs | undefined, key: keyof CellAttrs, value: unknown): CellAttrs | undefined {
    const last = this.last;
    if (last.from === from && last.key === key && last.value === value) return last.out;
    const out = this.transition(from, key, value);
    this.last = { from, key, value, out };
    return out;
  }

  private transition(from: CellAttrs | undefined, key: keyof CellAttrs, value: unknown): CellAttrs | undefined {
    const base = from ?? NONE;
    if (base[key] === value && (value !== undefined || !(key in base))) return from;
    let byKey = this.transitions.get(base);
    if (!byKey) {
      byKey = new Map();
      this.transitions.set(base, byKey);
    }
    let byValue = byKey.get(key);
    if (!byValue) {
      byValue = new Map();
      byKey.set(key, byValue);
    }
    if (byValue.has(value)) return byValue.get(value);
    const next: Record<string, unknown> = { ...base };
    if (value === undefined) delete next[key];
    else next[key] = value;
    const out = Object.keys(next).length ? (Object.freeze(next) as CellAttrs) : undefined;
    if (byValue.size < INTERN_LIMIT) byValue.set(value, out);
    return out;
  }

  /** Sets one attribute of a cell; undefined removes it (and a cell left with none keeps no attribute record). */
  setAttr<K extends keyof CellAttrs>(r: number, c: number, key: K, value: CellAttrs[K] | undefined): void {
    const old = this.rows[r]?.a?.[c];
    const next = this.with(old, key, value);
    if (next === old) return;
    const row = this.row(r);
    row.a ??= [];
    row.a[c] = next;
    this.version++;
  }

  /** Sets several attributes of a cell at once (a row's formats copied to a new row). */
  setAttrs(r: number, c: number, attrs: Partial<CellAttrs>): void {
    for (const [k, v] of Object.entries(attrs)) this.setAttr(r, c, k as keyof CellAttrs, v as never);
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
