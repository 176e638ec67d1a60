// Use cases on cases: start, act, read — under the one lock, with a constant number of service calls each.
import type { ActInput, CaseView } from "../api";
import { ROLES } from "../catalog/roles";
import { jakartaDateString } from "../domain/calendar";
import type { Action, Actor, CaseState, Channel, Effect, Notification } from "../domain/case";
import { J, wholeSeconds } from "../domain/journal";
import { checkFields, fieldWarnings } from "../domain/fields";
import { findOfficial } from "../domain/pejabat";
import { H, type ReadCell, readRow, registerHeaders } from "../domain/register";
import type { Sop } from "../domain/sop";
import { sopRevision } from "../domain/sop-sheet";
import { authorize, transition } from "../domain/transition";
import { rowByHeader } from "../gas/cells";
import { type RowRead, findRowsById, headerIndex, readHeader, readRowValues, sheetById, workbook } from "../gas/sheets";
import { CODES, type Config, calendar, loadConfig, rememberedCodes } from "./config";
import { type SheetIds, loadIds, requireIds } from "./ids";
import { type CaseTarget, pendingFor, recordCase } from "./journal";
import { withLock } from "./lock";
import { loadArchivedSop, archiveSop } from "./sop-archive";
import { caseView } from "./views";
import { withLetterEffects } from "./letters";

export class Refusal extends Error {
  fieldErrors?: Record<string, string>;
  /** Things to confirm (the call changed nothing; sent again with confirm: true, it goes through). */
  warnings?: string[];
  constructor(message: string, fieldErrors?: Record<string, string>, warnings?: string[]) {
    super(message);
    // By name too: the letters module (a separate bundle) has its own copy of this class.
    this.name = "Refusal";
    this.fieldErrors = fieldErrors;
    this.warnings = warnings;
  }
}

/** Stops a call that has warnings the person has not yet seen and confirmed. */
export function confirmFirst(warnings: string[], confirmed: boolean): void {
  if (warnings.length && !confirmed) throw new Refusal("Periksa peringatan berikut; belum ada yang diubah.", undefined, warnings);
}

export interface Env {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  ids: SheetIds;
  cfg: Config;
  now: number;
  actor: Actor;
}

/** Who is calling, as Pejabat and Pengaturan know them. */
export function actorOf(cfg: Config, email: string): Actor {
  const e = email.trim().toLowerCase();
  const o = findOfficial(cfg.officials, e);
  return { email: e, name: o?.name ?? e, admin: cfg.settings.admins.includes(e) };
}

/** The environment of a call made by `email` — the active user's, or (web app) the recipient a signed link names. */
export function envFor(email: () => string): Env {
  const ids = requireIds();
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  const book = () => {
    if (!ss) ss = workbook();
    return ss;
  };
  const cfg = loadConfig(book, ids);
  const who = email();
  if (!who) throw new Refusal("Alur tidak dapat mengenali akun Anda. Masuk dengan akun Google kantor, lalu buka lagi.");
  // Whole seconds: what Riwayat's date cells keep, so the row and the journal tell the same times.
  return { ss: book(), ids, cfg, now: wholeSeconds(Date.now()), actor: actorOf(cfg, who) };
}

/** Alur itself acting (triggers, finishing what a cut-off execution left): null before setup. */
export function systemEnv(): Env | null {
  const ids = loadIds();
  if (!ids) return null;
  const ss = workbook();
  const cfg = loadConfig(() => ss, ids);
  return { ss, ids, cfg, now: wholeSeconds(Date.now()), actor: { email: "", name: "Alur", admin: true } };
}

/** A value of a record keyed by text from people or sheets: own properties only ("constructor" is not an SOP). */
export function own<T>(rec: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined;
}

/** An SOP's register, found by the id recorded at setup. */
export function registerOf(e: Env, sopId: string, title: string): GoogleAppsScript.Spreadsheet.Sheet {
  return sheetById(e.ss, own(e.ids.registers, sopId) ?? null, `register ${title}`);
}

export function env(): Env {
  return envFor(() => Session.getActiveUser().getEmail());
}

export function sopById(cfg: Config, id: string): Sop {
  const sop = cfg.sops.find((s) => s.id === id);
  if (!sop) throw new Refusal(`SOP "${id}" tidak ada atau sedang tidak sah (lihat sheet SOP).`);
  return sop;
}

/**
 * The SOP a case ID belongs to: by its code now, else by the code it was started under (an admin may change a Kode).
 * `current` is null while that SOP is held back by errors in the SOP sheet: its cases go on with their own revision.
 */
export function caseSopOf(cfg: Config, caseId: string): { id: string; current: Sop | null } {
  const code = caseId.split("-")[0];
  const byCode = cfg.sops.find((s) => s.code === code);
  if (byCode) return { id: byCode.id, current: byCode };
  const id = own(cfg.codes, code) ?? own(rememberedCodes(), code);
  if (!id) throw new Refusal(`Kasus ${caseId} tidak ditemukan: kodenya tidak cocok dengan SOP mana pun.`);
  return { id, current: cfg.sops.find((s) => s.id === id) ?? null };
}

function ctx(e: Env, channel: Channel, extra: Partial<Parameters<typeof transition>[3]> = {}) {
  return { actor: e.actor, now: e.now, calendar: calendar(e.cfg), officials: e.cfg.officials, roles: ROLES, channel, ...extra };
}

export interface LoadedCase {
  sop: Sop;
  c: CaseState;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  header: string[];
  row: number;
  read: RowRead;
}

/** Finds a case's row by ID and reads it (header, row): a fixed number of calls whatever the register's size. */
export function loadCase(e: Env, caseId: string): LoadedCase {
  const { id: sopId, current } = caseSopOf(e.cfg, caseId);
  const title = current?.shortTitle ?? sopId;
  const sheet = registerOf(e, sopId, title);
  const header = readHeader(sheet);
  const idx = headerIndex(header);
  const idCol = idx.get(H.id);
  if (idCol === undefined) throw new Refusal(`Kolom "${H.id}" tidak ditemukan di sheet ${sheet.getName()}. Kembalikan judul kolom ID di baris pertama.`);
  const rows = findRowsById(sheet, caseId, idCol);
  if (!rows.length) throw new Refusal(`Kasus ${caseId} tidak ditemukan di register ${title}. Mungkin barisnya dihapus; lihat Riwayat.`);
  if (rows.length > 1) {
    throw new Refusal(
      `ID ${caseId} tertulis di ${rows.length} baris (baris ${rows.join(", ")}). Bila salah satunya salinan hasil salin-tempel (isinya sama), hapus salinan itu; bila isinya berbeda, jangan menghapus apa pun dan hubungi admin.`,
    );
  }
  const read = readRowValues(sheet, rows[0], header);
  const { sop, c } = parseCaseRow(e, caseId, sheet, rowByHeader(header, read.values), rows[0]);
  return { sop, c, sheet, header, row: rows[0], read };
}

/**
 * Reads a case from its row (header → cell) with the SOP revision it started with: the current SOP when unchanged,
 * else the archived one — also while the SOP is held back by errors in the SOP sheet. Hand edits are refused with
 * the row's location (the sheet's name is asked for only then: one call fewer per action).
 */
export function parseCaseRow(e: Env, caseId: string, sheet: GoogleAppsScript.Spreadsheet.Sheet, byHeader: Record<string, ReadCell>, row: number): { sop: Sop; c: CaseState } {
  for (const required of [H.status, H.step, H.version, H.data]) {
    if (!(required in byHeader)) throw new Refusal(`Kolom "${required}" tidak ditemukan di sheet ${sheet.getName()}. Kembalikan judul kolomnya; kolom boleh dipindah tetapi judulnya jangan diubah.`);
  }
  const { id: sopId, current } = caseSopOf(e.cfg, caseId);
  const HERE = "\u0000";
  const refuse = (reason: string) => new Refusal(reason.replace(HERE, `Sheet ${sheet.getName()} baris ${row}`));
  const rev = current ? null : /"sopRev":"([^"]+)"/.exec(String(byHeader[H.data] ?? ""))?.[1];
  const first = current ? readRow(current, byHeader, HERE) : null;
  if (first && !first.ok) throw refuse(first.reason);
  const caseRev = first?.ok ? first.case.sopRev : rev;
  if (!caseRev) throw refuse(`${HERE}: kolom "${H.data}" kasus ${caseId} diubah secara manual, sehingga keadaan kasus tidak dapat dipercaya.`);
  const sop = current && caseRev === e.cfg.revs[current.id] ? current : loadArchivedSop(e, caseRev, current?.shortTitle ?? sopId);
  const parsed = sop === current && first ? first : readRow(sop, byHeader, HERE);
  if (!parsed.ok) throw refuse(parsed.reason);
  return { sop, c: parsed.case };
}

/** The notifications among a transition's effects. */
function notesOf(effects: Effect[]): Notification[] {
  return effects.flatMap((fx) => (fx.type === "notify" ? [fx.notification] : []));
}

/** The journal entries a transition (and the letters hook) made, as the journal records them: the action's first. */
function logSpecs(effects: Effect[]) {
  const logs = effects.flatMap((fx) => (fx.type === "log" ? [fx.entry] : []));
  if (!logs.length) throw new Error("Transisi tanpa catatan Riwayat.");
  return logs.map(({ at: _at, action, ...rest }) => ({ ...rest, kind: action }));
}

function logSpec(effects: Effect[]) {
  return logSpecs(effects)[0];
}

/** The highest sequence number of this SOP and year on the register: one read of the ID column (recovery only). */
function highestOnRegister(sheet: GoogleAppsScript.Spreadsheet.Sheet, idCol: number, prefix: string): number {
  const last = sheet.getLastRow();
  if (last < 2) return 0;
  let max = 0;
  for (const [v] of sheet.getRange(2, idCol + 1, last - 1, 1).getValues()) {
    const s = String(v);
    if (s.startsWith(prefix)) max = Math.max(max, Number(s.slice(prefix.length)) || 0);
  }
  return max;
}

/**
 * The next case ID of this SOP and year. The counter lives in script properties, bumped under the lock; the
 * candidate is still checked against the register, so a lost counter or a row typed by hand with a later number
 * never makes an ID twice — the counter then resumes after the highest ID on the register.
 */
function nextCaseId(sop: Sop, now: number, sheet: GoogleAppsScript.Spreadsheet.Sheet, idCol: number): string {
  const year = jakartaDateString(now).slice(0, 4);
  const prefix = `${sop.code}-${year}-`;
  const props = PropertiesService.getScriptProperties();
  const key = `alur.seq.${sop.code}.${year}`;
  // A year without a counter starts at 1 (the first start of a year reads no column); a number found taken — a lost
  // counter, a row typed by hand — sends the counter past the highest ID on the register.
  let n = Number(props.getProperty(key)) || 0;
  let id = "";
  for (let tries = 0; ; tries++) {
    n++;
    id = `${prefix}${String(n).padStart(4, "0")}`;
    if (!findRowsById(sheet, id, idCol).length) break;
    if (tries === 2) n = Math.max(n, highestOnRegister(sheet, idCol, prefix));
    if (tries > 5) throw new Refusal(`Nomor kasus ${prefix}… tidak dapat ditentukan karena ID di register ${sop.shortTitle} tidak urut. Minta admin memeriksa kolom ID.`);
  }
  props.setProperty(key, String(n));
  return id;
}

const REQUEST = "alur.req.";

/** The case a start request already made: the cache remembers for six hours, the journal for good. */
function startedBy(e: Env, requestId: string): string {
  const cached = (() => {
    try {
      return CacheService.getScriptCache().get(REQUEST + requestId);
    } catch {
      return null;
    }
  })();
  if (cached) return cached;
  const sheet = sheetById(e.ss, e.ids.riwayat, "Riwayat");
  const last = sheet.getLastRow();
  if (last < 2) return "";
  const hit = sheet
    .getRange(2, J.data + 1, last - 1, 1)
    .createTextFinder(`"requestId":${JSON.stringify(requestId)}`)
    .findNext();
  return hit ? String(sheet.getRange(hit.getRow(), J.caseId + 1).getValue()) : "";
}

/** Records the code cases of this SOP are started under (one property read per start), so a later change of Kode still finds them. */
function rememberCode(sop: Sop): void {
  const codes = rememberedCodes();
  if (own(codes, sop.code) === sop.id) return;
  codes[sop.code] = sop.id;
  PropertiesService.getScriptProperties().setProperty(CODES, JSON.stringify(codes));
}

/**
 * Starts a case. A repeated `requestId` (the panel resends it when a reply was lost) returns the case that request
 * already started instead of a second one: the journal's start entry names the request, so this holds for good.
 */
export function startCase(sopId: string, fields: Record<string, string>, channel: Channel = "sidebar", requestId = "", confirm = false): CaseView {
  const result = withLock((): { again: string } | { e: Env; sop: Sop; c: CaseState } => {
    const e = env();
    const again = requestId ? startedBy(e, requestId) : "";
    if (again) return { again };
    const sop = sopById(e.cfg, sopId);
    if (!e.cfg.active.includes(sop.id)) throw new Refusal(`Register ${sop.shortTitle} tidak aktif. Aktifkan di sheet SOP Identitas (kolom Aktif), lalu jalankan Siapkan Alur.`);
    const sheet = registerOf(e, sop.id, sop.shortTitle);
    const header = readHeader(sheet);
    const rev = own(e.cfg.revs, sop.id) ?? sopRevision(sop);
    const checked = checkFields(sop.fields, fields);
    if (!checked.ok) throw new Refusal(Object.values(checked.errors).join(" "), checked.errors);
    confirmFirst(fieldWarnings(checked.values), confirm);
    // A column renamed or not yet added would silently drop what was typed: refuse and say how to add it.
    const missing = registerHeaders(sop).filter((h) => !header.includes(h));
    if (missing.length) {
      throw new Refusal(
        `Register ${sheet.getName()} tidak punya kolom ${missing.map((m) => `"${m}"`).join(", ")}. Jalankan Ekstensi › Alur › Siapkan Alur untuk menambahkan kolom yang kurang (tidak ada isian yang dihapus), lalu mulai lagi. Isian Anda tetap di formulir.`,
      );
    }
    rememberCode(sop);
    const id = nextCaseId(sop, e.now, sheet, header.indexOf(H.id));
    const final = transition(null, sop, { type: "start", fields }, ctx(e, channel, { newId: id, sopRev: rev }));
    if (!final.ok) throw new Refusal(final.reason);
    archiveSop(e, sop, rev);
    const spec = logSpec(final.effects);
    recordCase(e, { sop, sheet, header }, final.case, null, { ...spec, ...(requestId ? { data: { requestId } } : {}) }, notesOf(final.effects));
    if (requestId) {
      try {
        CacheService.getScriptCache().put(REQUEST + requestId, id, 21600);
      } catch (_e) {
        // The journal remembers the request anyway.
      }
    }
    return { e, sop, c: final.case };
  });
  if ("again" in result) return getCase(result.again);
  return caseView(result.e, result.sop, result.c, null);
}

function toAction(input: ActInput): Action {
  switch (input.action) {
    case "complete":
    case "approve":
      return { type: input.action, note: input.note ?? "" };
    case "return":
      return { type: "return", reason: input.reason ?? "" };
    case "cancel":
      return { type: "cancel", reason: input.reason ?? "" };
    case "reopen":
      return { type: "reopen", reason: input.reason ?? "", toStep: input.toStep };
    case "reassign":
      return { type: "reassign", email: input.email ?? "", note: input.note };
  }
}

/**
 * The same action pressed again after its reply was lost (or after an error that came once the action was recorded):
 * the case moved one version on, by this person, with this action. The current case is the answer, not a refusal.
 */
function alreadyDone(c: CaseState, input: ActInput, me: string): boolean {
  // The action's own item: what a step recorded along with it (a letter number) comes after it.
  const last = [...c.history].reverse().find((h) => ["complete", "approve", "return", "reassign", "reopen", "cancel", "decide"].includes(h.action));
  return c.version === input.expectedVersion + 1 && c.lastBy === me && !!last && last.action === input.action && last.by === me;
}

/** `who`: the person acting when it is not the active user (an action link names its recipient: see email-actions.ts). */
export function act(input: ActInput, channel: Channel = "sidebar", who?: () => string): CaseView {
  const result = withLock(() => {
    const e = who ? envFor(who) : env();
    const loaded = loadCase(e, input.caseId);
    if (alreadyDone(loaded.c, input, e.actor.email)) return { e, loaded, c: loaded.c };
    if (input.action === "reassign") {
      const to = (input.email ?? "").trim().toLowerCase();
      const known = e.cfg.officials.some((o) => o.email === to || o.acting?.email === to);
      confirmFirst(known || !to ? [] : [`${to} tidak ada di sheet Pejabat. Kasus akan menunggu orang itu; pastikan alamatnya benar.`], input.confirm === true);
    }
    // Letters: numbers a numbering step takes (Agenda Surat, under the lock), letters queued for the worker.
    const r = withLetterEffects(e, loaded.c, loaded.sop, transition(loaded.c, loaded.sop, toAction(input), ctx(e, channel, { expectedVersion: input.expectedVersion })));
    if (!r.ok) throw new Refusal(r.reason);
    const target: CaseTarget = { sop: loaded.sop, sheet: loaded.sheet, header: loaded.header, loaded };
    // The letter numbers the step took (and letters left to make by hand) ride on the action's own entry: one append.
    const [main, ...more] = logSpecs(r.effects);
    const also = more.map((m) => ({ kind: m.kind, note: m.note, stepNo: m.stepNo, role: m.role }));
    recordCase(e, target, r.case, loaded.c, also.length ? { ...main, data: { also } } : main, notesOf(r.effects));
    return { e, loaded, c: r.case };
  });
  return caseView(result.e, result.loaded.sop, result.c, result.loaded);
}

export function getCase(caseId: string): CaseView {
  // A case whose last action was cut off is brought forward first (taking the lock finishes it).
  if (pendingFor(caseId)) withLock(() => undefined);
  const e = env();
  const loaded = loadCase(e, caseId);
  return caseView(e, loaded.sop, loaded.c, loaded);
}

/** Ticks (or unticks) a kelengkapan item of the current step: recorded in Riwayat, kept on the row. */
export function tickKelengkapan(caseId: string, stepNo: string, item: string, done: boolean, link: string): CaseView {
  const result = withLock(() => {
    const e = env();
    const loaded = loadCase(e, caseId);
    const { c, sop } = loaded;
    const step = sop.steps.find((s) => s.no === stepNo);
    if (!step || c.stepNo !== stepNo) throw new Refusal(`Kasus ${caseId} tidak lagi di langkah ${stepNo}; muat ulang.`);
    if (!step.kelengkapan.includes(item)) throw new Refusal(`"${item}" bukan kelengkapan langkah ${stepNo}.`);
    const auth = authorize(sop, c, step, ctx(e, "sidebar"));
    if (!auth.ok) throw new Refusal(auth.reason);
    const next: CaseState = { ...c, ticks: { ...c.ticks, [`${stepNo}|${item}`]: { done, link, by: e.actor.email, at: e.now } } };
    const spec = { kind: "tick" as const, caseId, sopId: c.sopId, stepNo, role: step.role, actor: e.actor.email, actingFor: auth.actingFor, note: `${done ? "✓" : "✗"} ${item}${link ? ` · ${link}` : ""}`, minutes: 0, standard: null, data: { item, done, link } };
    recordCase(e, { sop, sheet: loaded.sheet, header: loaded.header, loaded }, next, c, spec, []);
    return { e, loaded, c: next };
  });
  return caseView(result.e, result.loaded.sop, result.c, result.loaded);
}
