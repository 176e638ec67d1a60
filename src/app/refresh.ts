// The hourly trigger: refreshes Terlambat on every running case (one read and one write per register).
import { lateMinutes, H, readRow, type ReadCell } from "../domain/register";
import { toReadCell } from "../gas/cells";
import { headerIndex, workbook } from "../gas/sheets";
import { calendar, loadConfig } from "./config";
import { loadIds } from "./ids";
import { withLock } from "./lock";

export function refreshLate(): number {
  const ids = loadIds();
  if (!ids) return 0;
  return withLock(() => {
    const ss = workbook();
    const cfg = loadConfig(() => ss, ids);
    const cal = calendar(cfg);
    const now = Date.now();
    let changed = 0;
    for (const sop of cfg.sops) {
      const sheet = ids.registers[sop.id] === undefined ? null : ss.getSheetById(ids.registers[sop.id]);
      if (!sheet || sheet.getLastRow() < 2) continue;
      const values = sheet.getDataRange().getValues();
      const header = values[0].map((v) => String(v).trim());
      const lateCol = headerIndex(header).get(H.late);
      if (lateCol === undefined) continue;
      const column = values.slice(1).map((row) => {
        const byHeader: Record<string, ReadCell> = {};
        header.forEach((h, i) => {
          if (h && !(h in byHeader)) byHeader[h] = toReadCell(row[i]);
        });
        const r = readRow(sop, byHeader, "");
        const late = r.ok ? lateMinutes(r.case, now, cal) : row[lateCol];
        if (late !== row[lateCol]) changed++;
        return [late];
      });
      sheet.getRange(2, lateCol + 1, column.length, 1).setValues(column as (string | number)[][]);
    }
    return changed;
  });
}
