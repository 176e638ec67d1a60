// Appends to Riwayat without reading it: the previous hash is kept in script properties under the lock.
import type { LogEntry } from "../domain/case";
import { chainHash, riwayatRow, verifyChain, type IntegrityProblem } from "../domain/riwayat";
import { toInstantCell, toSheetValue } from "../gas/cells";
import { sha256Hex } from "../gas/digest";

const LAST = "alur.riwayat.last";

export function appendLog(sheet: GoogleAppsScript.Spreadsheet.Sheet, entries: LogEntry[]): void {
  const props = PropertiesService.getScriptProperties();
  let prev = props.getProperty(LAST) ?? "";
  for (const e of entries) {
    const hash = chainHash(prev, e, sha256Hex);
    sheet.appendRow(riwayatRow(e, hash).map(toSheetValue));
    prev = hash;
  }
  props.setProperty(LAST, prev);
}

/** Reads the whole Riwayat (an audit, run on request) and lists rows that break the chain. */
export function checkLog(sheet: GoogleAppsScript.Spreadsheet.Sheet): { rows: number; problems: IntegrityProblem[] } {
  const values = sheet.getDataRange().getValues().slice(1);
  const rows = values.map((r) => r.map(toInstantCell));
  const problems = verifyChain(rows, sha256Hex);
  const last = PropertiesService.getScriptProperties().getProperty(LAST) ?? "";
  const tail = rows.length ? String(rows[rows.length - 1][12] ?? "") : "";
  if (last && tail !== last) problems.push({ row: values.length + 1, message: "Baris terakhir Riwayat tidak sama dengan catatan terakhir Alur: ada baris di akhir yang dihapus atau ditambahkan manual." });
  return { rows: values.length, problems };
}
