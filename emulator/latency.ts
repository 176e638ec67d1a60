// A model of how long service calls take on Google's servers, for tests of Apps Script's time limits on the fake clock
// (assumed: Google publishes no figures; see the fidelity table). Set it as `world.latency`.

/** Kinds whose calls are Spreadsheet service calls (as the counter counts them). */
const SPREADSHEET = new Set(["SpreadsheetApp", "Spreadsheet", "Sheet", "Range", "RangeList", "TextFinder", "DataValidation", "DataValidationBuilder", "ConditionalFormatRule", "ConditionalFormatRuleBuilder", "Protection", "NamedRange", "Filter"]);

export interface LatencyModel {
  /** Milliseconds per Spreadsheet call. */
  spreadsheet: number;
  /** Milliseconds per Protection call and per Range.protect (protections are the slow part of setup). */
  protection: number;
  /** Milliseconds per call of any other service (properties, cache, lock, mail, Drive, …); console and Logger cost nothing. */
  other: number;
}

export const DEFAULT_LATENCY: LatencyModel = { spreadsheet: 100, protection: 250, other: 20 };

export function latency(model: LatencyModel = DEFAULT_LATENCY): (kind: string, method: string) => number {
  return (kind, method) => {
    if (kind === "Protection" || (kind === "Range" && method === "protect")) return model.protection;
    if (SPREADSHEET.has(kind)) return model.spreadsheet;
    if (kind === "console" || kind === "Logger") return 0;
    return model.other;
  };
}
