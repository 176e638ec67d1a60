// Counts service calls and cells read/written, so tests can prove an action's cost does not grow with the register.

/** Kinds whose calls are Spreadsheet service calls (the slow ones the budget is about). */
const SPREADSHEET_KINDS = new Set([
  "SpreadsheetApp",
  "Spreadsheet",
  "Sheet",
  "Range",
  "RangeList",
  "TextFinder",
  "DataValidation",
  "DataValidationBuilder",
  "ConditionalFormatRule",
  "ConditionalFormatRuleBuilder",
  "Protection",
  "NamedRange",
  "Filter",
]);

export interface CounterSnapshot {
  calls: Record<string, number>;
  spreadsheetCalls: number;
  cellsRead: number;
  cellsWritten: number;
}

export class Counter {
  private calls = new Map<string, number>();
  private spreadsheetCalls = 0;
  private cellsRead = 0;
  private cellsWritten = 0;

  /** Records one call "Kind.method". */
  call(kind: string, method: string): void {
    const key = `${kind}.${method}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    if (SPREADSHEET_KINDS.has(kind)) this.spreadsheetCalls++;
  }

  read(cells: number): void {
    this.cellsRead += cells;
  }

  written(cells: number): void {
    this.cellsWritten += cells;
  }

  /** Calls of one "Kind.method" so far. */
  get(key: string): number {
    return this.calls.get(key) ?? 0;
  }

  reset(): void {
    this.calls.clear();
    this.spreadsheetCalls = 0;
    this.cellsRead = 0;
    this.cellsWritten = 0;
  }

  snapshot(): CounterSnapshot {
    return {
      calls: Object.fromEntries(this.calls),
      spreadsheetCalls: this.spreadsheetCalls,
      cellsRead: this.cellsRead,
      cellsWritten: this.cellsWritten,
    };
  }
}
