// The hourly trigger: refreshes Terlambat on every running case from three columns per register (Status, Tenggat, Terlambat).
import { workingMinutesBetween } from "../domain/calendar";
import { H } from "../domain/register";
import { isDate } from "../gas/cells";
import { headerIndex, readHeader, workbook } from "../gas/sheets";
import { putRows } from "../gas/write";
import { allSops, calendar, loadConfig } from "./config";
import { loadIds } from "./ids";
import { withLock } from "./lock";

/**
 * Lateness depends only on the due instant the row shows and the clock, so the hidden case data is not read. The lock
 * is held so that an action writing a row's Tenggat and Terlambat is never overwritten by a value computed before it.
 */
export function refreshLate(deadline = Date.now() + 3 * 60_000): number {
  const ids = loadIds();
  if (!ids) return 0;
  return withLock(() => {
    const ss = workbook();
    const cfg = loadConfig(() => ss, ids);
    const cal = calendar(cfg);
    const now = Date.now();
    let changed = 0;
    for (const sop of allSops(cfg)) {
      if (Date.now() > deadline) break;
      const regId = Object.prototype.hasOwnProperty.call(ids.registers, sop.id) ? ids.registers[sop.id] : undefined;
      const sheet = regId === undefined ? null : ss.getSheetById(regId);
      if (!sheet) continue;
      const last = sheet.getLastRow();
      if (last < 2) continue;
      const idx = headerIndex(readHeader(sheet));
      const [st, due, late] = [idx.get(H.status), idx.get(H.due), idx.get(H.late)];
      if (st === undefined || due === undefined || late === undefined) continue;
      const column = (c: number) => sheet.getRange(2, c + 1, last - 1, 1).getValues();
      const status = column(st);
      const dues = column(due);
      const lateRange = sheet.getRange(2, late + 1, last - 1, 1);
      const old = lateRange.getValues();
      let here = 0;
      const next = old.map(([was], i) => {
        const s = String(status[i][0]);
        const d = dues[i][0];
        if (s !== "Berjalan" && s !== "Dikembalikan") return [was];
        const v = isDate(d) && now > d.getTime() ? workingMinutesBetween(cal, d.getTime(), now) : 0;
        if (v !== was) here++;
        return [v];
      });
      // Values read and written back go through the text-safe writer: a quoted "=1+1" stays text.
      if (here) putRows(lateRange, next as never);
      changed += here;
    }
    return changed;
  });
}
