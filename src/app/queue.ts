// Antrean saya, the case at the selection, and the Ringkas counts: read-only views over the registers.
import type { CaseView, QueueItem, SummaryRow } from "../api";
import { roleById } from "../catalog/roles";
import { jakartaDateString } from "../domain/calendar";
import { rolesOf } from "../domain/pejabat";
import { H, LANE_PREFIX, type ReadCell, lateMinutes, readRow } from "../domain/register";
import { toReadCell } from "../gas/cells";
import { colNumber, headerIndex, readHeader } from "../gas/sheets";
import { type Env, Refusal, getCase } from "./cases";
import { calendar } from "./config";

function colLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * Cases waiting for the roles I hold: a TextFinder for "▶" in each lane column of mine, then one read per waiting case,
 * so the cost follows the queue's length, not the registers' size.
 */
export function myQueue(e: Env): QueueItem[] {
  const mine = new Set(rolesOf(e.cfg.officials, e.actor.email, jakartaDateString(e.now)));
  const out: QueueItem[] = [];
  for (const sop of e.cfg.sops) {
    const regId = e.ids.registers[sop.id];
    const lanes = sop.lanes.filter((l) => mine.has(l.role));
    if (regId === undefined || (!lanes.length && !e.actor.admin)) continue;
    const sheet = e.ss.getSheetById(regId);
    if (!sheet) continue;
    const header = readHeader(sheet);
    const idx = headerIndex(header);
    const rows = new Set<number>();
    for (const l of lanes) {
      const col = idx.get(LANE_PREFIX + l.header);
      if (col === undefined) continue;
      const letters = colLetters(col + 1);
      for (const hit of sheet.getRange(`${letters}2:${letters}`).createTextFinder("▶").findAll()) rows.add(hit.getRow());
    }
    for (const row of rows) {
      const values = sheet.getRange(`${row}:${row}`).getValues()[0];
      const byHeader: Record<string, ReadCell> = {};
      header.forEach((h, i) => {
        if (h && !(h in byHeader)) byHeader[h] = toReadCell(values[i]);
      });
      const r = readRow(sop, byHeader, `${sheet.getName()} baris ${row}`);
      if (!r.ok) continue;
      const c = r.case;
      const step = sop.steps.find((s) => s.no === c.stepNo);
      if (!step || (c.assignee && c.assignee !== e.actor.email)) continue;
      out.push({
        caseId: c.id,
        sopCode: sop.code,
        sopTitle: sop.shortTitle,
        perihal: String(c.fields.perihal ?? ""),
        stepNo: c.stepNo,
        stepText: step.text,
        roleName: roleById(sop.lanes.find((l) => l.header === step.role)?.role ?? "")?.short ?? step.role,
        dueAt: c.dueAt === null ? null : new Date(c.dueAt).toISOString(),
        lateMinutes: lateMinutes(c, e.now, calendar(e.cfg)),
        status: c.status,
      });
    }
  }
  return out.sort((a, b) => b.lateMinutes - a.lateMinutes || (a.dueAt ?? "9").localeCompare(b.dueAt ?? "9"));
}

/** The case in the active row of the active sheet, if that sheet is a register. */
export function selectedCase(e: Env): CaseView | null {
  const sheet = e.ss.getActiveSheet();
  const sopId = Object.keys(e.ids.registers).find((id) => e.ids.registers[id] === sheet.getSheetId());
  if (!sopId) return null;
  const cell = e.ss.getCurrentCell();
  const row = cell ? cell.getRow() : 0;
  if (row < 2) return null;
  const header = readHeader(sheet);
  const col = headerIndex(header).get(H.id);
  if (col === undefined) return null;
  const id = String(sheet.getRange(row, col + 1).getValue()).trim();
  return id ? getCase(id) : null;
}

export function selectCase(e: Env, caseId: string): { sheetName: string; row: number } {
  const view = getCase(caseId);
  const sheet = e.ss.getSheetById(e.ids.registers[view.sopId]);
  if (!sheet) throw new Refusal("Register kasus ini tidak ditemukan.");
  const header = readHeader(sheet);
  const col = headerIndex(header).get(H.id) ?? 0;
  const hit = sheet.createTextFinder(caseId).matchEntireCell(true).findAll().find((r) => colNumber(r.getA1Notation().replace(/\d+/g, "")) === col + 1);
  if (!hit) throw new Refusal(`Kasus ${caseId} tidak ditemukan.`);
  sheet.activate();
  hit.activate();
  return { sheetName: sheet.getName(), row: hit.getRow() };
}

/** Running, late and finished-this-month per SOP, from the status columns of each register (one read per register). */
export function summary(e: Env): SummaryRow[] {
  const month = jakartaDateString(e.now).slice(0, 7);
  const out: SummaryRow[] = [];
  for (const sop of e.cfg.sops) {
    const regId = e.ids.registers[sop.id];
    const sheet = regId === undefined ? null : e.ss.getSheetById(regId);
    if (!sheet) continue;
    const values = sheet.getDataRange().getValues();
    const idx = headerIndex(values[0].map((v) => String(v).trim()));
    const st = idx.get(H.status);
    const late = idx.get(H.late);
    const data = idx.get(H.data);
    let running = 0;
    let lateN = 0;
    let finished = 0;
    for (const r of values.slice(1)) {
      const s = st === undefined ? "" : String(r[st]);
      if (s === "Berjalan" || s === "Dikembalikan") {
        running++;
        if (late !== undefined && Number(r[late]) > 0) lateN++;
      } else if (s === "Selesai" && data !== undefined) {
        const m = /"lastAt":(\d+)/.exec(String(r[data]));
        if (m && jakartaDateString(Number(m[1])).slice(0, 7) === month) finished++;
      }
    }
    // SOPs with nothing running and nothing finished this month would only lengthen the table.
    if (running || finished) out.push({ sopId: sop.id, code: sop.code, title: sop.shortTitle, running, late: lateN, finishedThisMonth: finished });
  }
  return out;
}
