// Uji mandiri (Alur › Uji mandiri, admins): on a real installation, Alur's own setup and a case's whole life on a
// scratch spreadsheet, then probes of the platform behaviours the fakes assume, each compared with what the fakes
// answer (dist/UjiExpected.html, generated from the fakes at build time by scripts/uji-expected.mjs). Loaded lazily.
import { actionToken } from "../../domain/action-token";
import { putRows } from "../../gas/write";
import { headerIndex, readHeader, sheetById } from "../../gas/sheets";
import { inScratch, type Scratch } from "../../gas/scope";
import { env, getCase, startCase } from "../cases";
import { invalidateConfig } from "../config";
import { drive as driveService, loadDrive } from "../drive-store";
import { emailAction } from "../email-actions";
import { loadIds, requireIds } from "../ids";
import { checkJournal } from "../integrity";
import { requestDocument } from "../letter-calls";
import { linkSigner } from "../links";
import { withLock } from "../lock";
import { updateReport } from "../report";
import { setup } from "../setup";
import type { UjiRow, UjiStep } from "./types";
import { cacheLimits, dateCells, findNextWrap, formulaReadBack, lockHold, probeSheet, quotedWriteBack, rangeArguments, sessionSeen, textFinderHidden } from "./probes";

const STATE = "alur.uji";
const DRIVE2 = "alur.uji.drive";
const FOLDER = "application/vnd.google-apps.folder";
const SHEET = "application/vnd.google-apps.spreadsheet";
/** The SOP the scratch case follows: a process step, another, a decision that can return, a last step; letters at 3. */
const SOP = "kenaikan-gaji-berkala";

interface State {
  prefix: string;
  spreadsheetId: string;
  folderId: string;
  by: string;
  quota: number;
  triggers: number;
  caseId: string;
}

export type { Status, UjiRow, UjiStep } from "./types";

/** In the order the dialog runs them; the end-to-end part first, the probes after, cleaning up last. */
export const STEPS: UjiStep[] = [
  { id: "siapkan", label: "Spreadsheet dan folder Drive sementara dibuat", en: "Scratch spreadsheet and Drive folder made" },
  { id: "setup", label: "Siapkan Alur pada spreadsheet sementara", en: "Alur's setup on the scratch spreadsheet" },
  { id: "kasus", label: "Kasus baru → selesai → selesai (lewat jalur tautan email)", en: "New case → complete → complete (through the email link path)" },
  { id: "dokumen", label: "Dokumen dan PDF-nya dibuat", en: "A document and its PDF made" },
  { id: "kasus-lanjut", label: "Kembalikan → selesai → setujui → selesai (lewat jalur tautan email)", en: "Return → complete → approve → complete (through the email link path)" },
  { id: "email", label: "Email yang terkirim (kuota penerima terpakai)", en: "Emails sent (recipient quota used)" },
  { id: "laporan", label: "Laporan kecil dibangun", en: "A small Laporan built" },
  { id: "rantai", label: "Periksa integritas Riwayat", en: "Riwayat integrity check" },
  { id: "tanggal", label: "Presisi sel tanggal (milidetik)", en: "Date cell precision (milliseconds)" },
  { id: "textfinder", label: "TextFinder pada kolom tersembunyi", en: "TextFinder on a hidden column" },
  { id: "findnext", label: "findNext setelah temuan terakhir", en: "findNext after the last match" },
  { id: "rumus", label: "Sel rumus dibaca kembali", en: "Formula cell read back" },
  { id: "kutip", label: "Teks '=…' ditulis kembali", en: "Text '=…' written back" },
  { id: "rentang", label: "getRange dengan angka bukan bilangan bulat", en: "getRange with numbers that are not whole" },
  { id: "kunci", label: "Kunci skrip: dua panggilan sekaligus", en: "Script lock: two calls at once", kind: "lock" },
  { id: "cache", label: "Batas CacheService", en: "CacheService limits" },
  { id: "sesi", label: "Session.getActiveUser() di dialog ini", en: "Session.getActiveUser() in this dialog" },
  { id: "drive2", label: "Akses Drive orang kedua", en: "Drive access as a second person", kind: "drive2" },
  { id: "bersihkan", label: "Semua yang dibuat dihapus", en: "Everything made is deleted" },
];

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

function loadState(): State | null {
  const raw = props().getProperty(STATE);
  return raw ? (JSON.parse(raw) as State) : null;
}

function needState(): State {
  const s = loadState();
  if (!s) throw new Error("Spreadsheet sementara belum dibuat: jalankan Uji mandiri dari awal.");
  return s;
}

function saveState(s: State): void {
  props().setProperty(STATE, JSON.stringify(s));
}

const scratchOf = (s: State): Scratch => ({ prefix: s.prefix, spreadsheetId: s.spreadsheetId });

/** Admins only (Pengaturan › Email admin, and the spreadsheet's owner), as every admin menu item. */
export function requireAdmin(): string {
  const e = env();
  if (!e.actor.admin) throw new Error("Uji mandiri hanya untuk admin Alur (Pengaturan › Email admin). Tidak ada yang dibuat atau diubah.");
  return e.actor.email;
}

function drive(): GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection {
  return driveService().Files as GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;
}

function trash(id: string): boolean {
  if (!id) return true;
  return drive().update({ trashed: true }, id).trashed === true;
}

// ---- the end-to-end part ----------------------------------------------------------------------------------------

function makeScratch(admin: string): unknown {
  const old = loadState();
  if (old) cleanUp(old);
  const stamp = Utilities.formatDate(new Date(), "Asia/Jakarta", "yyyy-MM-dd HH.mm");
  const folderId = String(drive().create({ name: `Alur · Uji mandiri ${stamp} (boleh dihapus)`, mimeType: FOLDER }).id);
  const spreadsheetId = String(drive().create({ name: "Alur · Uji mandiri (sementara)", mimeType: SHEET, parents: [folderId] }).id);
  const s: State = {
    prefix: `alur.uji.${Utilities.getUuid().slice(0, 8)}.`,
    spreadsheetId,
    folderId,
    by: admin,
    quota: MailApp.getRemainingDailyQuota(),
    triggers: ScriptApp.getProjectTriggers().length,
    caseId: "",
  };
  saveState(s);
  // The office's triggers already run for the office: setup on the scratch copy must install none of its own.
  const owners = { hourlyRefresh: "uji-mandiri", dailyReport: "uji-mandiri", onSheetChange: "uji-mandiri", runDocumentQueue: "uji-mandiri" };
  inScratch(scratchOf(s), () => props().setProperty("alur.triggers", JSON.stringify(owners)));
  const ss = SpreadsheetApp.openById(spreadsheetId);
  return { folder: drive().get(folderId).mimeType === FOLDER, spreadsheet: ss.getSheets().length >= 1 };
}

/** Everyone in the scratch Pejabat is the admin, so no email goes to the example officials' addresses. */
function peopleAreAdmin(admin: string, spreadsheetId: string): void {
  const ss = SpreadsheetApp.openById(spreadsheetId);
  const ids = requireIds();
  const pejabat = sheetById(ss, ids.pejabat, "Pejabat");
  const col = headerIndex(readHeader(pejabat)).get("Email");
  const n = pejabat.getLastRow() - 1;
  if (col !== undefined && n > 0) putRows(pejabat.getRange(2, col + 1, n, 1), Array.from({ length: n }, () => [admin]));
  const pengaturan = sheetById(ss, ids.pengaturan, "Pengaturan");
  const rows = pengaturan.getRange(1, 1, pengaturan.getLastRow(), 1).getValues();
  const at = rows.findIndex((r) => r[0] === "Email admin");
  if (at >= 0) putRows(pengaturan.getRange(at + 1, 2), [[admin]]);
  invalidateConfig();
}

function runSetup(s: State, started: number): { done: boolean; triggersAdded: number; again: boolean } {
  const changes = inScratch(scratchOf(s), () => setup(started));
  const again = changes.some((c) => c.startsWith("Siapkan Alur berhenti"));
  if (!again) inScratch(scratchOf(s), () => peopleAreAdmin(s.by, s.spreadsheetId));
  return { done: !again, triggersAdded: ScriptApp.getProjectTriggers().length - s.triggers, again };
}

/** One action through the web app's path: a link signed for the admin, pressed on the confirm page (emailAction). */
function viaEmail(s: State, action: "complete" | "approve" | "return", reason = ""): string {
  const c = getCase(s.caseId);
  const key = withLock(() => linkSigner());
  const token = actionToken(key.sign, { caseId: c.id, stepNo: c.current?.no ?? "", version: c.version, to: s.by, keyId: key.id, expiresAt: Math.floor((Date.now() + 3_600_000) / 1000) * 1000 });
  const r = emailAction({ k: token, aksi: action, ...(reason ? { reason } : {}) });
  if (!r.ok) throw new Error(`${action} lewat tautan email ditolak: ${r.title}. ${r.message}`);
  const after = getCase(s.caseId);
  return `${action}:${after.status}:${after.current?.no ?? "-"}`;
}

function startScratchCase(s: State): unknown {
  const seen = inScratch(scratchOf(s), () => {
    const fields = { perihal: "Uji mandiri Alur (spreadsheet sementara)", namaPegawai: "Uji Mandiri", nip: "199001012020011001", pangkatGolongan: "Penata Muda / III.a", tmtKgbTerakhir: "2024-04-01", tmtKgbBaru: "2026-04-01", gajiPokokLama: "3000000" };
    const view = startCase(SOP, fields, "sidebar", `uji-${s.prefix}`);
    s.caseId = view.id;
    return { steps: [`start:${view.status}:${view.current?.no ?? "-"}`, viaEmail(s, "complete"), viaEmail(s, "complete")] };
  });
  // The office's own properties (outside the scratch scope) remember the case for the next steps.
  saveState(s);
  return seen;
}

function makeDocument(s: State): unknown {
  return inScratch(scratchOf(s), () => {
    const view = requestDocument(s.caseId, "nota-dinas");
    const links = view.documents;
    return { documents: links.length, doc: links.some((l) => /docs\.google\.com\/document/.test(l)), pdf: links.some((l) => /\.pdf|drive\.google\.com\/file/.test(l)) };
  });
}

function finishScratchCase(s: State): unknown {
  return inScratch(scratchOf(s), () => ({ steps: [viaEmail(s, "return", "Uji mandiri: dikembalikan untuk diperbaiki"), viaEmail(s, "complete"), viaEmail(s, "approve"), viaEmail(s, "complete")] }));
}

/**
 * The one email of the run, to the admin, through MailApp as Alur's notices go; the quota used since the start shows
 * that the case's own steps (all held by the admin in the scratch Pejabat) sent nothing beside it.
 */
function mailAdmin(s: State): unknown {
  MailApp.sendEmail({ to: s.by, subject: "[Alur] Uji mandiri", htmlBody: "<p>Email uji dari Alur › Uji mandiri. Tidak perlu dibalas.</p>", name: "Alur" });
  return { recipients: s.quota - MailApp.getRemainingDailyQuota() };
}

function smallReport(s: State): unknown {
  return inScratch(scratchOf(s), () => {
    const r = updateReport();
    const ss = SpreadsheetApp.openById(s.spreadsheetId);
    return { entries: r.entries, done: r.done, sheet: !!ss.getSheetByName(r.sheetName) };
  });
}

function chainCheck(s: State): unknown {
  return inScratch(scratchOf(s), () => {
    const ids = loadIds();
    if (!ids) throw new Error("Spreadsheet sementara belum disiapkan.");
    const r = checkJournal(sheetById(SpreadsheetApp.openById(s.spreadsheetId), ids.riwayat, "Riwayat"));
    return { entries: r.entries, problems: r.problems.map((p) => p.message) };
  });
}

/** Trashes what Uji mandiri made (the scratch folder, its spreadsheet, the scratch copy's Alur folder) and its properties. */
function cleanUp(s: State): { trashed: boolean[]; propertiesLeft: number; triggersAdded: number } {
  const alurFolder = inScratch(scratchOf(s), () => loadDrive()?.root ?? "");
  const trashed = [trash(s.spreadsheetId), trash(s.folderId), ...(alurFolder ? [trash(alurFolder)] : [])];
  const store = props();
  for (const k of store.getKeys()) if (k.startsWith(s.prefix) || k === STATE) store.deleteProperty(k);
  return { trashed, propertiesLeft: store.getKeys().filter((k) => k.startsWith(s.prefix)).length, triggersAdded: ScriptApp.getProjectTriggers().length - s.triggers };
}

// ---- the second person's Drive probe -----------------------------------------------------------------------------

interface Drive2 {
  folderId: string;
  to: string;
  observed: unknown;
  by: string;
}

/** A folder made by the admin through Alur (drive.file) and shared with a colleague, as Alur shares case folders. */
function prepareDrive2(to: string): unknown {
  const email = to.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error("Tulis alamat email rekan yang akan menjalankan Alur › Uji akses Drive.");
  const s = needState();
  const folderId = String(drive().create({ name: "Alur · Uji mandiri · akses Drive", mimeType: FOLDER, parents: [s.folderId] }).id);
  (driveService().Permissions as GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection).create({ type: "user", role: "writer", emailAddress: email }, folderId, { sendNotificationEmail: false });
  const d: Drive2 = { folderId, to: email, observed: null, by: "" };
  props().setProperty(DRIVE2, JSON.stringify(d));
  return { waitingFor: email };
}

/** Alur › Uji akses Drive, run by the colleague: can their execution reach the admin's folder? Shown to them, kept for the admin. */
export function driveProbeAsMe(): string {
  const raw = props().getProperty(DRIVE2);
  if (!raw) return "Tidak ada uji akses Drive yang menunggu. Minta admin membuka Alur › Uji mandiri dan menyiapkan uji akses Drive untuk Anda.";
  const d = JSON.parse(raw) as Drive2;
  const me = Session.getActiveUser().getEmail().trim().toLowerCase();
  let observed: { reached: boolean; error?: string };
  try {
    const f = drive().get(d.folderId);
    observed = { reached: f.trashed !== true };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    observed = { reached: false, error: message.split(d.folderId).join("<id>") };
  }
  d.observed = { reached: observed.reached };
  d.by = me;
  props().setProperty(DRIVE2, JSON.stringify(d));
  const said = observed.reached ? "DAPAT membuka folder uji admin lewat Alur." : `TIDAK dapat membuka folder uji admin lewat Alur${observed.error ? ` (${observed.error})` : ""}.`;
  return `Uji akses Drive (${me}): eksekusi Alur Anda ${said} Hasil ini sudah tercatat untuk admin; kirimkan juga teks ini kepada admin bila diminta.`;
}

function checkDrive2(): { observed: unknown; pending: boolean; who: string } {
  const raw = props().getProperty(DRIVE2);
  if (!raw) throw new Error("Uji akses Drive belum disiapkan.");
  const d = JSON.parse(raw) as Drive2;
  if (d.observed === null) return { observed: null, pending: true, who: d.to };
  trash(d.folderId);
  props().deleteProperty(DRIVE2);
  return { observed: d.observed, pending: false, who: d.by };
}

// ---- comparison --------------------------------------------------------------------------------------------------

let expectedCache: Record<string, unknown> | null = null;

/** What the fakes answered for each step, generated at build time (dist/UjiExpected.html). */
export function expectations(): Record<string, unknown> {
  if (!expectedCache) expectedCache = JSON.parse(HtmlService.createHtmlOutputFromFile("UjiExpected").getContent()) as Record<string, unknown>;
  return expectedCache;
}

/** JSON with keys in order, so two answers compare by content. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v === undefined ? null : v);
}

const plain = (v: unknown): unknown => JSON.parse(canonical(v));

function compare(step: UjiStep, observe: () => unknown): UjiRow {
  const row: UjiRow = { id: step.id, label: step.label, status: "failed" };
  try {
    const seen = observe() as Record<string, unknown>;
    const again = !!(seen && typeof seen === "object" && seen.again === true);
    const observed = plain(again || !seen || typeof seen !== "object" ? seen : { ...seen, again: undefined });
    row.observed = observed;
    if (again) return { ...row, status: "passed", again: true };
    const table = expectations();
    if (!Object.prototype.hasOwnProperty.call(table, step.id)) return { ...row, error: "Tabel harapan tidak memuat langkah ini (bangun ulang Alur)." };
    row.expected = table[step.id];
    row.status = canonical(observed) === canonical(row.expected) ? "passed" : "differs";
  } catch (e) {
    row.error = e instanceof Error ? e.message : String(e);
  }
  return row;
}

function probeOn(name: string, probe: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => unknown): () => unknown {
  return () => probe(probeSheet(SpreadsheetApp.openById(needState().spreadsheetId), `Uji ${name}`));
}

function observer(step: string, arg: Record<string, unknown>, admin: string, started: number): () => unknown {
  switch (step) {
    case "siapkan":
      return () => makeScratch(admin);
    case "setup":
      return () => runSetup(needState(), started);
    case "kasus":
      return () => startScratchCase(needState());
    case "dokumen":
      return () => makeDocument(needState());
    case "kasus-lanjut":
      return () => finishScratchCase(needState());
    case "email":
      return () => mailAdmin(needState());
    case "laporan":
      return () => smallReport(needState());
    case "rantai":
      return () => chainCheck(needState());
    case "tanggal":
      return probeOn("tanggal", dateCells);
    case "textfinder":
      return probeOn("textfinder", textFinderHidden);
    case "findnext":
      return probeOn("findnext", findNextWrap);
    case "rumus":
      return probeOn("rumus", formulaReadBack);
    case "kutip":
      return probeOn("kutip", quotedWriteBack);
    case "rentang":
      return probeOn("rentang", rangeArguments);
    case "kunci":
      return () => {
        // The two answers of the calls the dialog made at once (lockHold), in either order.
        const results = Array.isArray(arg.results) ? (arg.results as { got?: unknown; alone?: unknown }[]) : [];
        return { calls: results.length, allGotLock: results.every((r) => r?.got === true), eachAlone: results.every((r) => r?.alone === true) };
      };
    case "cache":
      return cacheLimits;
    case "sesi":
      return sessionSeen;
    case "drive2":
      return () => {
        const r = checkDrive2();
        if (r.pending) throw new Error(`Menunggu ${r.who} menjalankan Alur › Uji akses Drive dari spreadsheet ini.`);
        return r.observed;
      };
    case "bersihkan":
      return () => cleanUp(needState());
    default:
      throw new Error(`Langkah uji tidak dikenal: ${step}`);
  }
}

/**
 * The dialog's one server call (google.script.run.ujiMandiri(op, arg)): "steps" lists the steps, "run" runs one and
 * compares it, "lock" is one of the two calls made at once, "drive2" prepares the second person's Drive probe.
 */
export function ujiCall(op: unknown, arg: unknown): unknown {
  const started = Date.now();
  const a = arg && typeof arg === "object" && !Array.isArray(arg) ? (arg as Record<string, unknown>) : {};
  try {
    const admin = requireAdmin();
    switch (op) {
      case "steps":
        return { ok: true, data: { steps: STEPS, me: admin } };
      case "lock":
        return { ok: true, data: lockHold(String(a.who ?? "")) };
      case "drive2":
        return { ok: true, data: prepareDrive2(String(a.email ?? "")) };
      case "run": {
        const step = STEPS.find((s) => s.id === a.step);
        if (!step) return { ok: false, error: "Langkah uji tidak dikenal." };
        return { ok: true, data: compare(step, observer(step.id, a, admin, started)) };
      }
      default:
        return { ok: false, error: "Permintaan tidak dikenal." };
    }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Alur › Uji mandiri: the dialog, for admins; anyone else is told why not. */
export function ujiMenu(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    requireAdmin();
  } catch (e) {
    ui.alert("Uji mandiri", e instanceof Error ? e.message : String(e), ui.ButtonSet.OK);
    return;
  }
  ui.showModalDialog(HtmlService.createHtmlOutputFromFile("UjiDialog").setWidth(820).setHeight(600), "Uji mandiri");
}

/** Alur › Uji akses Drive: any staff member, for the admin's Uji mandiri. */
export function ujiDriveMenu(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert("Uji akses Drive", driveProbeAsMe(), ui.ButtonSet.OK);
}
