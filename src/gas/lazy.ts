// Loads a module kept in a project file of its own (dist/<Name>.html, gzipped JavaScript): only executions that use it pay for it.

type Exports = Record<string, (...args: unknown[]) => unknown>;

/** Per execution (Apps Script loads the project afresh for each one): a module is read and evaluated once. */
const loaded: Record<string, Exports> = {};

/**
 * The exports of a lazily loaded module. Code.js is loaded on every call, sidebar polls included, so what only setup,
 * Laporan or the SOP page need lives in files Apps Script reads when asked (HtmlService), built by scripts/build.mjs.
 */
export function loadLazy(name: string): Exports {
  if (!Object.prototype.hasOwnProperty.call(loaded, name)) {
    const packed = HtmlService.createHtmlOutputFromFile(name).getContent().trim();
    const code = Utilities.ungzip(Utilities.newBlob(Utilities.base64Decode(packed), "application/x-gzip")).getDataAsString();
    // The module's own code, built from src/ by scripts/build.mjs (never text from people).
    loaded[name] = new Function(`${code}\nreturn __alurLazy;`)() as Exports;
  }
  return loaded[name];
}
