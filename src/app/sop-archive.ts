// Keeps every SOP revision a case started with, so editing an SOP never breaks a case in flight.
import type { Sop } from "../domain/sop";
import { sheetById } from "../gas/sheets";
import { appendRowTo } from "../gas/write";
import type { Env } from "./cases";

const KEY = (rev: string) => `alur.rev.${rev}`;

/** Records the revision once (a property marks it archived, so later starts cost one property read). */
export function archiveSop(e: Env, sop: Sop, rev: string): void {
  const props = PropertiesService.getScriptProperties();
  if (props.getProperty(KEY(rev))) return;
  const sheet = sheetById(e.ss, e.ids.arsipSop, "Arsip SOP");
  appendRowTo(sheet, [rev, sop.id, { dateTime: e.now }, JSON.stringify(sop)]);
  props.setProperty(KEY(rev), sop.id);
}

/** The revision a case started with; `of` names the SOP in the message (its title, or the SOP itself). */
export function loadArchivedSop(e: Env, rev: string, of: Sop | string): Sop {
  const title = typeof of === "string" ? of : of.shortTitle;
  const cache = CacheService.getScriptCache();
  const cached = cache.get(`alur.sop.${rev}`);
  if (cached) return JSON.parse(cached) as Sop;
  const sheet = sheetById(e.ss, e.ids.arsipSop, "Arsip SOP");
  const hit = sheet.getRange("A:A").createTextFinder(rev).matchEntireCell(true).findNext();
  if (!hit) throw new Error(`Revisi SOP ${rev} untuk ${title} tidak ditemukan di sheet Arsip SOP. Jangan hapus baris Arsip SOP selama masih ada kasus yang memakainya.`);
  const json = String(sheet.getRange(hit.getRow(), 4).getValue());
  cache.put(`alur.sop.${rev}`, json, 21600);
  return JSON.parse(json) as Sop;
}
