// TEMPORARY (branch wt-reports): the open cases read from the registers' running rows.
// The lead replaces this file at merge with the open-case index kept in script properties (same export, same type).
import { type OpenCase, openCaseOf } from "../domain/open-index";
import { H, readRow } from "../domain/register";
import type { Sop } from "../domain/sop";
import { laneRole, stepOf, stepStandard } from "../domain/transition";
import { rowByHeader } from "../gas/cells";
import { readHeader, workbook } from "../gas/sheets";
import type { Env } from "./cases";
import { allSops, loadConfig } from "./config";
import { loadIds } from "./ids";
import { readAroundHits } from "./queue-scan";
import { loadArchivedSop } from "./sop-archive";

const RUNNING = /^(Berjalan|Dikembalikan)$/;

/**
 * Every running case (TEMPORARY): per register one TextFinder for the Status values Berjalan and Dikembalikan, then the
 * rows around the hits in blocks (queue-scan.ts); each case is judged by the SOP revision it started with.
 */
export function loadOpenCases(): OpenCase[] {
  const ids = loadIds();
  if (!ids) return [];
  const ss = workbook();
  const cfg = loadConfig(() => ss, ids);
  const e: Env = { ss, ids, cfg, now: Date.now(), actor: { email: "", name: "", admin: false } };
  const out: OpenCase[] = [];
  const revisions = new Map<string, Sop | null>();
  for (const sop of allSops(cfg)) {
    const regId = ids.registers[sop.id];
    const sheet = regId === undefined ? null : ss.getSheetById(regId);
    if (!sheet || sheet.getLastRow() < 2) continue;
    const hits = sheet.createTextFinder("^(Berjalan|Dikembalikan)$").useRegularExpression(true).matchEntireCell(true).findAll();
    if (!hits.length) continue;
    const header = readHeader(sheet);
    const statusCol = header.indexOf(H.status);
    if (statusCol < 0) continue;
    for (const { values } of readAroundHits(sheet, hits, header.length, (cell) => typeof cell === "string" && RUNNING.test(cell))) {
      if (!RUNNING.test(String(values[statusCol] ?? ""))) continue;
      const byHeader = rowByHeader(header, values);
      const first = readRow(sop, byHeader, "");
      if (!first.ok) continue;
      let own: Sop | null = sop;
      if (first.case.sopRev !== cfg.revs[sop.id]) {
        if (!revisions.has(first.case.sopRev)) {
          try {
            revisions.set(first.case.sopRev, loadArchivedSop(e, first.case.sopRev, sop));
          } catch (_err) {
            revisions.set(first.case.sopRev, null);
          }
        }
        own = revisions.get(first.case.sopRev) ?? null;
      }
      if (!own) continue;
      const r = own === sop ? first : readRow(own, byHeader, "");
      if (!r.ok) continue;
      const step = stepOf(own, r.case.stepNo);
      const rec = openCaseOf(own, r.case, (lane) => laneRole(own, lane), step ? stepStandard(step, cfg.settings.dayMinutes) : null);
      if (rec) out.push(rec);
    }
  }
  return out;
}
