// Checks the admin-edited SOP sheets and marks each error on its cell (a note and a red background); clears old marks.
import { ROLES } from "../catalog/roles";
import { locateErrors } from "../domain/sop-marks";
import { alignByHeader } from "../domain/columns";
import { IDENTITY_HEADERS, SOP_HEADERS, readSopSheets } from "../domain/sop-sheet";
import { catalogWarnings, validateCatalog } from "../domain/validate";
import type { Sop } from "../domain/sop";
import { rememberedCodes } from "./config";
import type { SheetIds } from "./ids";

const MARK = "#f4c7c3";
/** Warnings (a step that looks copied from another SOP) are amber: the SOP still runs. */
const WARN = "#fce8b2";
const PREFIX = "Alur: ";
const MAX_MARKS = 60;

export function checkSopSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ids: SheetIds): number {
  const sheets = { SOP: ss.getSheetById(ids.sop), "SOP Identitas": ss.getSheetById(ids.identitas) };
  if (!sheets.SOP || !sheets["SOP Identitas"]) return 0;
  // Whole data ranges: columns are found by their header, so an admin may move or insert columns.
  const ranges = { SOP: sheets.SOP.getDataRange(), "SOP Identitas": sheets["SOP Identitas"].getDataRange() };
  const raw = { SOP: ranges.SOP.getValues(), "SOP Identitas": ranges["SOP Identitas"].getValues() };
  const aligned = { SOP: alignByHeader(raw.SOP, SOP_HEADERS), "SOP Identitas": alignByHeader(raw["SOP Identitas"], IDENTITY_HEADERS) };
  const read = readSopSheets(aligned["SOP Identitas"].rows as never, aligned.SOP.rows as never);
  const marks = locateErrors(aligned["SOP Identitas"].rows as never, aligned.SOP.rows as never, read.errors, validateCatalog(read.sops, ROLES, rememberedCodes()));
  const warnings = locateErrors(aligned["SOP Identitas"].rows as never, aligned.SOP.rows as never, [], catalogWarnings(read.sops)).map((m) => ({ ...m, col: SOP_HEADERS.indexOf("Aktif") + 1, warn: true }));
  // Only Alur's own marks are cleared: an admin's notes and colours elsewhere on these sheets stay as they are.
  let shown = 0;
  for (const name of ["SOP", "SOP Identitas"] as const) {
    const range = ranges[name];
    if (raw[name].length < 2) continue;
    const notes = range.getNotes();
    const backgrounds = range.getBackgrounds();
    const before = { notes: JSON.stringify(notes), backgrounds: JSON.stringify(backgrounds) };
    let touched = false;
    notes.forEach((row, i) => {
      row.forEach((note, j) => {
        if (!note.includes(PREFIX)) return;
        notes[i][j] = note
          .split("\n")
          .filter((line) => !line.startsWith(PREFIX))
          .join("\n");
        if ([MARK, WARN].includes(backgrounds[i][j].toLowerCase())) backgrounds[i][j] = "#ffffff";
        touched = true;
      });
    });
    for (const m of [...marks, ...warnings].filter((x) => x.sheet === name)) {
      if (shown >= MAX_MARKS) break;
      // Marks name the canonical column; the sheet's own order decides where that column is. Row 1 is the header.
      const [i, j] = [m.row - 1, aligned[name].index[m.col - 1] ?? -1];
      if (j < 0) continue;
      if (!notes[i] || j >= notes[i].length) continue;
      notes[i][j] = notes[i][j] ? `${notes[i][j]}\n${PREFIX}${m.message}` : `${PREFIX}${m.message}`;
      backgrounds[i][j] = "warn" in m ? WARN : MARK;
      touched = true;
      shown++;
    }
    // The same marks as last time (a re-run on an unchanged sheet) are not written again; what changed is, and a
    // cell without a colour of its own is written back without one (not as an explicit white).
    if (touched && JSON.stringify(notes) !== before.notes) range.setNotes(notes);
    if (touched && JSON.stringify(backgrounds) !== before.backgrounds) range.setBackgrounds(backgrounds.map((row) => row.map((b) => (b.toLowerCase() === "#ffffff" ? null : b))));
  }
  return marks.length;
}

/**
 * The warnings of the SOP rows setup has just written to a new SOP sheet (the built-in catalog's copied-looking steps),
 * marked amber on Aktif in one write: the admin sees them at first sight, and a later check finds them already there.
 */
export function markNewSopRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, sops: Sop[], steps: string[][], firstRow: number): void {
  const warnings = locateErrors([], steps, [], catalogWarnings(sops), firstRow);
  if (!warnings.length || !steps.length) return;
  const notes = steps.map(() => [""]);
  const backgrounds = steps.map(() => [null as string | null]);
  for (const m of warnings.slice(0, MAX_MARKS)) {
    const i = m.row - firstRow;
    notes[i][0] = notes[i][0] ? `${notes[i][0]}\n${PREFIX}${m.message}` : `${PREFIX}${m.message}`;
    backgrounds[i][0] = WARN;
  }
  sheet.getRange(firstRow, SOP_HEADERS.indexOf("Aktif") + 1, steps.length, 1).setNotes(notes).setBackgrounds(backgrounds);
}

