// What an edit (the onEdit simple trigger) writes back, under the script lock: the SOP sheets' marks and Laporan's chart
// for the chosen SOP. Dropping the cached configuration needs no lock (see README, "Which entry points take the lock").
import { chooseReportSop } from "./report";
import { isChooserEdit } from "./report-chooser";
import type { SheetIds } from "./ids";
import { withEditLock } from "./lock";
import { checkSopSheets } from "./sop-check";

/** Script property: an SOP edit whose marks could not be written (the lock stayed busy); the hourly run writes them. */
const SOP_CHECK_OWED = "alur.sopcheck.owed";

/**
 * Two edits' checks, or an edit's check and setup, could otherwise read the SOP sheets before the other wrote and then
 * write marks for a sheet that no longer exists; a chooser edit could redraw the chart from figures a Laporan run is
 * replacing (its writes are under the lock too). Each takes the lock; when it stays busy past the simple trigger's budget the SOP check is owed to the
 * hourly run, and the chooser says to choose again.
 */
export function writeEditMarks(range: GoogleAppsScript.Spreadsheet.Range, ids: SheetIds): void {
  const sheet = range.getSheet();
  const id = sheet.getSheetId();
  if (id === ids.sop || id === ids.identitas) {
    const done = withEditLock(() => {
      checkSopSheets(sheet.getParent(), ids);
    });
    if (!done) PropertiesService.getScriptProperties().setProperty(SOP_CHECK_OWED, "1");
  }
  if (isChooserEdit(range, ids)) {
    // The choice as the cell holds it once the lock is ours (a Laporan run may have written the sheet meanwhile).
    const done = withEditLock(() => chooseReportSop(sheet, String(range.getValue())));
    if (!done) sheet.getParent().toast("Alur sedang memperbarui Laporan. Pilih SOP itu sekali lagi sebentar lagi.", "Laporan", 10);
  }
}

/** Called holding the lock (the hourly run): writes the SOP marks an edit could not. */
export function payOwedSopCheck(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ids: SheetIds): void {
  const props = PropertiesService.getScriptProperties();
  if (!props.getProperty(SOP_CHECK_OWED)) return;
  checkSopSheets(ss, ids);
  props.deleteProperty(SOP_CHECK_OWED);
}
