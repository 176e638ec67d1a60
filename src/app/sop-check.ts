// Checks the admin-edited SOP sheets and marks each error on its cell (a note and a red background); clears old marks.
import { ROLES } from "../catalog/roles";
import { locateErrors } from "../domain/sop-marks";
import { IDENTITY_HEADERS, SOP_HEADERS, readSopSheets } from "../domain/sop-sheet";
import { validateCatalog } from "../domain/validate";
import type { SheetIds } from "./ids";

const MARK = "#f4c7c3";
const MAX_MARKS = 60;

export function checkSopSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ids: SheetIds): number {
  const sheets = { SOP: ss.getSheetById(ids.sop), "SOP Identitas": ss.getSheetById(ids.identitas) };
  if (!sheets.SOP || !sheets["SOP Identitas"]) return 0;
  const data = (sheet: GoogleAppsScript.Spreadsheet.Sheet, width: number) => {
    const last = sheet.getLastRow();
    return last < 2 ? null : sheet.getRange(2, 1, last - 1, Math.max(width, 1));
  };
  const ranges = { SOP: data(sheets.SOP, SOP_HEADERS.length), "SOP Identitas": data(sheets["SOP Identitas"], IDENTITY_HEADERS.length) };
  const values = { SOP: ranges.SOP?.getValues() ?? [], "SOP Identitas": ranges["SOP Identitas"]?.getValues() ?? [] };
  const read = readSopSheets(values["SOP Identitas"] as never, values.SOP as never);
  const marks = locateErrors(values["SOP Identitas"] as never, values.SOP as never, read.errors, validateCatalog(read.sops, ROLES));
  for (const name of ["SOP", "SOP Identitas"] as const) {
    const range = ranges[name];
    if (!range) continue;
    const blank = values[name].map((r) => r.map(() => ""));
    range.setNotes(blank);
    range.setBackgrounds(values[name].map((r) => r.map(() => null as unknown as string)));
  }
  for (const m of marks.slice(0, MAX_MARKS)) {
    const cell = sheets[m.sheet]!.getRange(m.row, m.col);
    cell.setNote(`Alur: ${m.message}`);
    cell.setBackground(MARK);
  }
  return marks.length;
}
