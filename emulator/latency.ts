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
  /**
   * Milliseconds per call on an open Google Doc's elements (Body, Paragraph, Table, …): Google documents that a
   * Document's updates are pending until saveAndClose() flushes and applies them, so these work on the execution's copy.
   */
  docElement?: number;
  /** Milliseconds for Document.saveAndClose(), which sends the pending updates. */
  docSave?: number;
}

export const DEFAULT_LATENCY: LatencyModel = { spreadsheet: 100, protection: 250, other: 20, docElement: 1, docSave: 500 };

/** An open document's element classes (DocumentApp's own calls, openById and create, are round trips: `other`). */
const DOC_ELEMENTS = new Set(["Body", "Paragraph", "Table", "TableRow", "TableCell", "Text", "ListItem", "HeaderSection", "FooterSection", "InlineImage", "HorizontalRule", "PageBreak", "Position", "RangeElement", "RangeBuilder", "Footnote", "FootnoteSection"]);

export function latency(model: LatencyModel = DEFAULT_LATENCY): (kind: string, method: string) => number {
  return (kind, method) => {
    if (kind === "Protection" || (kind === "Range" && method === "protect")) return model.protection;
    if (SPREADSHEET.has(kind)) return model.spreadsheet;
    if (kind === "console" || kind === "Logger") return 0;
    if (DOC_ELEMENTS.has(kind)) return model.docElement ?? model.other;
    if (kind === "Document") return method === "saveAndClose" ? (model.docSave ?? model.other) : method === "getAs" || method === "getBlob" ? model.other : (model.docElement ?? model.other);
    return model.other;
  };
}
