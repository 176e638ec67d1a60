// Antrean saya, the case at the selection, and the Ringkas counts: read-only views over the registers.
import type { CaseView, QueueItem, SummaryRow } from "../api";
import { roleById } from "../catalog/roles";
import { BULAN, jakartaDateString } from "../domain/calendar";
import type { CaseState } from "../domain/case";
import { rolesOf } from "../domain/pejabat";
import { H, lateMinutes, readRow } from "../domain/register";
import type { Sop } from "../domain/sop";
import { laneRole } from "../domain/transition";
import { rowByHeader } from "../gas/cells";
import { headerIndex, readHeader } from "../gas/sheets";
import { type Env, caseSopOf, getCase, loadCase, parseCaseRow } from "./cases";
import { allSops, calendar } from "./config";
import { type OpenIndex, loadOpenIndex } from "./open-index";
import type { OpenCase } from "../domain/open-index";
import { loadArchivedSop } from "./sop-archive";
import { escapeRegExp, readAroundHits } from "./queue-scan";
import { caseView } from "./views";
import { logWarn } from "./log";

const RUNNING = new Set(["Berjalan", "Dikembalikan"]);


/**
 * An archived revision, fetched once per call (each costs one cache read, or a TextFinder on Arsip SOP). Null when it
 * cannot be found: the case is then left out rather than judged by the wrong revision (opening it says why).
 */
function ownRevision(e: Env, rev: string, current: Sop, memo: Map<string, Sop | null>): Sop | null {
  if (!memo.has(rev)) {
    try {
      memo.set(rev, loadArchivedSop(e, rev, current));
    } catch (err) {
      logWarn(`Antrean: revisi ${rev} tidak ditemukan: ${String(err)}`);
      memo.set(rev, null);
    }
  }
  return memo.get(rev) ?? null;
}

/** Whether the case's current step waits for me: reassigned to me, in a lane of mine, or external and mine as its creator or Pemohon. */
function waitsForMe(sop: Sop, c: CaseState, me: string, mine: Set<string>): boolean {
  const step = sop.steps.find((s) => s.no === c.stepNo);
  if (!step || !RUNNING.has(c.status)) return false;
  // A reassigned step belongs to its assignee alone, as authorize() has it.
  if (c.assignee) return c.assignee.toLowerCase() === me;
  const role = laneRole(sop, step.role);
  if (mine.has(role)) return true;
  // Nobody in the office holds Pemohon, Rekanan, ...: without this the case would stall silently.
  return !!roleById(role)?.external && (c.createdBy.toLowerCase() === me || String(c.fields.pemohon ?? "").trim().toLowerCase() === me);
}

/**
 * Lane cells "▶ <step> · …" of the given steps, and the hidden state naming me as assignee when asked: the text a
 * TextFinder looks for, and the same test in memory. Only lane cells begin with "▶", so one step needs no regular
 * expression (one call fewer).
 */
function search(steps: string[], assigned: string): { text: string; regex: boolean; matches: (cell: unknown) => boolean } {
  const plain = steps.length === 1 && !assigned ? `▶ ${steps[0]} · ` : !steps.length ? assigned : "";
  const parts = [...(steps.length ? [`^▶ (?:${steps.map(escapeRegExp).join("|")}) · `] : []), ...(assigned ? [escapeRegExp(assigned)] : [])];
  const text = plain || parts.join("|");
  const re = new RegExp(plain ? escapeRegExp(plain) : text, "i");
  return { text, regex: !plain, matches: (cell) => typeof cell === "string" && re.test(cell) };
}

/**
 * Cases waiting for me found by searching the registers: used only while the open-case index is incomplete (a workbook
 * from an earlier release before its first hourly run, or an index too large for its properties).
 *
 * The cost follows neither the number of cases nor the registers' size. Per register that has a step that could be
 * mine (a step of my roles, or an external step), one TextFinder finds the lane cells "▶ <step> · …" of those steps;
 * the rows around the hits are then read in one block (see queue-scan.ts) and each row is checked in memory. One
 * search of the whole workbook for the hidden state's `"assignee":"<me>"` says whether reassigned cases must be looked
 * for too: usually not (reassigning is an admin's exception), and then registers without such a step cost no call.
 * The price is reading the finished or other people's rows that lie between the hits, bounded per hit.
 */
function scanQueue(e: Env): QueueItem[] {
  const me = e.actor.email;
  const mine = new Set(rolesOf(e.cfg.officials, me, jakartaDateString(e.now)));
  const assigned = `"assignee":"${me}"`;
  const plans = allSops(e.cfg).flatMap((sop) => {
    const regId = e.ids.registers[sop.id];
    if (regId === undefined) return [];
    const could = (role: string) => mine.has(role) || !!roleById(role)?.external;
    const steps = new Set(sop.steps.filter((s) => could(laneRole(sop, s.role))).map((s) => s.no));
    // Cases in flight follow the revision they started with: its steps count too (each case is then judged by it).
    for (const [no, roles] of Object.entries(e.cfg.pastSteps?.[sop.id] ?? {})) if (roles.some(could)) steps.add(no);
    return [{ sop, regId, steps: [...steps] }];
  });
  const anyAssigned = e.ss.createTextFinder(assigned).findAll().length > 0;
  const out: QueueItem[] = [];
  const seen = new Set<string>();
  const revisions = new Map<string, Sop | null>();
  for (const { sop, regId, steps } of plans) {
    if (!steps.length && !anyAssigned) continue;
    const sheet = e.ss.getSheetById(regId);
    if (!sheet) continue;
    const find = search(steps, anyAssigned ? assigned : "");
    const finder = sheet.createTextFinder(find.text);
    const hits = (find.regex ? finder.useRegularExpression(true) : finder).findAll();
    if (!hits.length) continue;
    const header = readHeader(sheet);
    const current = e.cfg.revs[sop.id];
    for (const { values } of readAroundHits(sheet, hits, header.length, find.matches)) {
      const byHeader = rowByHeader(header, values);
      const first = readRow(sop, byHeader, "");
      if (!first.ok || seen.has(first.case.id)) continue;
      // A case started under an earlier revision is judged by that revision's steps, as acting on it would be.
      const own = first.case.sopRev === current ? sop : ownRevision(e, first.case.sopRev, sop, revisions);
      if (!own) continue;
      const r = own === sop ? first : readRow(own, byHeader, "");
      if (!r.ok || !waitsForMe(own, r.case, me, mine)) continue;
      const c = r.case;
      seen.add(c.id);
      const step = own.steps.find((s) => s.no === c.stepNo);
      out.push({
        caseId: c.id,
        sopCode: sop.code,
        sopTitle: sop.shortTitle,
        perihal: String(c.fields.perihal ?? ""),
        stepNo: c.stepNo,
        stepText: step?.text ?? "",
        roleName: roleById(laneRole(own, step?.role ?? ""))?.short ?? step?.role ?? "",
        dueAt: c.dueAt === null ? null : new Date(c.dueAt).toISOString(),
        lateMinutes: lateMinutes(c, e.now, calendar(e.cfg)),
        status: c.status,
      });
    }
  }
  return out.sort(byUrgency);
}

/**
 * The case in the active row of the active sheet, if that sheet is a register: the panel polls it, so it reads the
 * header and that one row and nothing else. Unlike opening a case by ID it does not look for copies of the row;
 * acting on a copied case still refuses and says where the copies are.
 */
/** Whether a running case (its index record) waits for me: assigned to me, in a lane of mine, or an outside party's step I record. */
function indexedForMe(o: OpenCase, me: string, mine: Set<string>): boolean {
  if (o.assignee) return o.assignee.toLowerCase() === me;
  if (mine.has(o.role)) return true;
  return !!roleById(o.role)?.external && (o.createdBy.toLowerCase() === me || o.pemohon === me);
}

function mineOf(e: Env): Set<string> {
  return new Set(rolesOf(e.cfg.officials, e.actor.email, jakartaDateString(e.now)));
}

/** The step's text as the case's own SOP revision has it (the current SOP, else the archived one; "" if missing). */
function stepTextOf(e: Env, o: OpenCase, revisions: Map<string, Sop | null>): string {
  const sop = allSops(e.cfg).find((s) => s.id === o.sopId);
  if (!sop) return "";
  const own = o.sopRev === e.cfg.revs[sop.id] ? sop : ownRevision(e, o.sopRev, sop, revisions);
  return own?.steps.find((s) => s.no === o.stepNo)?.text ?? "";
}

/**
 * Cases waiting for me, late first, then by due time: from the open-case index (one read of the script properties),
 * whatever the number of registers or rows; the registers are searched only while the index is incomplete.
 */
export function myQueue(e: Env, index: OpenIndex = loadOpenIndex()): QueueItem[] {
  if (!index.complete) return scanQueue(e);
  const me = e.actor.email;
  const mine = mineOf(e);
  const cal = calendar(e.cfg);
  const revisions = new Map<string, Sop | null>();
  const sops = new Map(allSops(e.cfg).map((s) => [s.id, s]));
  const out: QueueItem[] = [];
  for (const o of index.cases) {
    if (!indexedForMe(o, me, mine)) continue;
    const sop = sops.get(o.sopId);
    if (!sop) continue;
    const late = lateMinutes({ dueAt: o.dueAt, stepNo: o.stepNo } as CaseState, e.now, cal);
    out.push({
      caseId: o.id,
      sopCode: sop.code,
      sopTitle: sop.shortTitle,
      perihal: o.perihal,
      stepNo: o.stepNo,
      stepText: stepTextOf(e, o, revisions),
      roleName: roleById(o.role)?.short ?? o.lane,
      dueAt: o.dueAt === null ? null : new Date(o.dueAt).toISOString(),
      lateMinutes: late,
      status: o.status,
    });
  }
  return out.sort(byUrgency);
}

/** How many cases wait for me (the Antrean badge): from the index, or -1 when it is incomplete (the badge keeps its count). */
export function queueCountOf(e: Env): number {
  const index = loadOpenIndex();
  if (!index.complete) return -1;
  const mine = mineOf(e);
  return index.cases.filter((o) => indexedForMe(o, e.actor.email, mine)).length;
}

export function selectedCase(e: Env): CaseView | null {
  const cell = e.ss.getCurrentCell();
  if (!cell) return null;
  const sheet = cell.getSheet();
  const sheetId = sheet.getSheetId();
  const registerOf = Object.keys(e.ids.registers).find((id) => e.ids.registers[id] === sheetId);
  if (!registerOf) return null;
  const row = cell.getRow();
  if (row < 2) return null;
  const header = readHeader(sheet);
  const values = sheet.getRange(row, 1, 1, header.length).getValues()[0];
  const byHeader = rowByHeader(header, values);
  const id = String(byHeader[H.id] ?? "").trim();
  if (!id) return null;
  // An ID of another SOP pasted here: its own register is the truth.
  if (caseSopOf(e.cfg, id).id !== registerOf) return getCase(id);
  const { sop, c } = parseCaseRow(e, id, sheet, byHeader, row);
  return { ...caseView(e, sop, c, null, false), row };
}

export function selectCase(e: Env, caseId: string): { sheetName: string; row: number } {
  // Opening the case finds its row once (and refuses a copied or hand-edited row); the ID cell is then selected.
  const loaded = loadCase(e, caseId);
  loaded.sheet.activate();
  loaded.sheet.getRange(loaded.row, loaded.header.indexOf(H.id) + 1).activate();
  return { sheetName: loaded.sheet.getName(), row: loaded.row };
}

/** "Selesai · 29 November 2026 10.30" (the Langkah of a finished case) → "2026-11". */
function finishedMonth(label: string): string {
  const m = /^Selesai · \d{1,2} (\S+) (\d{4})/.exec(label);
  const month = m ? BULAN.indexOf(m[1]) + 1 : 0;
  return month ? `${m?.[2]}-${String(month).padStart(2, "0")}` : "";
}

/**
 * Running, late and finished-this-month per SOP, from three columns of each register (Status, Langkah, Terlambat):
 * the hidden case data and the fields are not read.
 */
export function summary(e: Env, index: OpenIndex = loadOpenIndex()): SummaryRow[] {
  if (!index.complete) return scanSummary(e);
  const month = jakartaDateString(e.now).slice(0, 7);
  const done = Object.prototype.hasOwnProperty.call(index.done, month) ? index.done[month] : {};
  const cal = calendar(e.cfg);
  const out: SummaryRow[] = [];
  for (const sop of allSops(e.cfg)) {
    const open = index.cases.filter((o) => o.sopId === sop.id);
    const late = open.filter((o) => lateMinutes({ dueAt: o.dueAt, stepNo: o.stepNo } as CaseState, e.now, cal) > 0).length;
    const finished = Object.prototype.hasOwnProperty.call(done, sop.id) ? done[sop.id] : 0;
    // SOPs with nothing running and nothing finished this month would only lengthen the table.
    if (open.length || finished) out.push({ sopId: sop.id, code: sop.code, title: sop.shortTitle, running: open.length, late, finishedThisMonth: finished });
  }
  return out;
}

/** Ringkas from the registers' Status, Langkah and Terlambat columns: while the open-case index is incomplete. */
function scanSummary(e: Env): SummaryRow[] {
  const month = jakartaDateString(e.now).slice(0, 7);
  const out: SummaryRow[] = [];
  for (const sop of allSops(e.cfg)) {
    const regId = e.ids.registers[sop.id];
    const sheet = regId === undefined ? null : e.ss.getSheetById(regId);
    if (!sheet) continue;
    const last = sheet.getLastRow();
    if (last < 2) continue;
    const idx = headerIndex(readHeader(sheet));
    const [st, step, late] = [idx.get(H.status), idx.get(H.step), idx.get(H.late)];
    if (st === undefined) continue;
    const column = (c: number | undefined) => (c === undefined ? [] : sheet.getRange(2, c + 1, last - 1, 1).getValues());
    const [status, steps, lates] = [column(st), column(step), column(late)];
    let running = 0;
    let lateN = 0;
    let finished = 0;
    status.forEach(([v], i) => {
      const s = String(v);
      if (s === "Berjalan" || s === "Dikembalikan") {
        running++;
        if (Number(lates[i]?.[0]) > 0) lateN++;
      } else if (s === "Selesai" && finishedMonth(String(steps[i]?.[0] ?? "")) === month) finished++;
    });
    // SOPs with nothing running and nothing finished this month would only lengthen the table.
    if (running || finished) out.push({ sopId: sop.id, code: sop.code, title: sop.shortTitle, running, late: lateN, finishedThisMonth: finished });
  }
  return out;
}

/** Antrean saya's order: latest first, then the earliest due (none last), then by ID — the same from the index and the search. */
function byUrgency(a: QueueItem, b: QueueItem): number {
  return b.lateMinutes - a.lateMinutes || (a.dueAt ?? "9").localeCompare(b.dueAt ?? "9") || a.caseId.localeCompare(b.caseId);
}
