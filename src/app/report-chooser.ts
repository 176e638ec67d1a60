// Whether an edit is Laporan's SOP chooser: answered from the recorded ids without loading Laporan's code (onEdit runs on every edit).
import { LAYOUT } from "../domain/report-view";
import type { SheetIds } from "./ids";

export function isChooserEdit(range: GoogleAppsScript.Spreadsheet.Range, ids: SheetIds): boolean {
  return ids.laporan !== undefined && range.getSheet().getSheetId() === ids.laporan && range.getRow() === LAYOUT.chooserRow && range.getColumn() === LAYOUT.chooserCol;
}
