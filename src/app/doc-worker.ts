// The document worker: runs as the owner of the Alur folder (its trigger, or that admin's own request) and makes the
// queued letters: copy the template into the case's folder, fill it, save a PDF beside it, share it, record it.
import { ROLES } from "../catalog/roles";
import { jakartaDateString } from "../domain/calendar";
import type { CaseState, HistoryItem } from "../domain/case";
import { LIST_FIELDS, type Values, knownPlaceholders, letterValues } from "../domain/letter-values";
import { NUMBERED, letterLabel } from "../domain/letters";
import { holdersOf } from "../domain/pejabat";
import { renderSopPage } from "../domain/sop-page";
import { placeholdersIn } from "../domain/template-spec";
import { laneRole } from "../domain/transition";
import { type Env, type LoadedCase, envFor, loadCase, sopById } from "./cases";
import { cutiFacts } from "./cuti";
import { type Job, LEASE_MS, MAX_TRIES, loadQueue, saveQueue } from "./doc-queue";
import { transient } from "./transient";
import { type DriveRegistry, alive, createFolder, docUrl, drive, fileUrl, loadDrive, shareWith } from "./drive-store";
import { setNumberStatus } from "./agenda";
import { withLock } from "./lock";
import { recordCase, recordEntry } from "./record-shim";
import { docText, templateProblems, templateSpec } from "./templates";
import { logError } from "./log";

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Table = GoogleAppsScript.Document.Table;

/** Leave a minute of the 6-minute limit for the record and the next trigger. */
const BUDGET_MS = 4.5 * 60_000;

const escapeRe2 = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
const pattern = (key: string) => `\\{\\{\\s*${escapeRe2(key)}\\s*\\}\\}`;
const inline = (v: string) => v.replace(/\s*\n+\s*/g, "; ");

/** Every paragraph of the body and of its tables' cells. */
function paragraphs(body: Body): Paragraph[] {
  const out: Paragraph[] = [];
  const T = DocumentApp.ElementType;
  for (let i = 0; i < body.getNumChildren(); i++) {
    const el = body.getChild(i);
    if (el.getType() === T.PARAGRAPH) out.push(el.asParagraph());
    else if (el.getType() === T.TABLE) {
      const t = el.asTable();
      for (let r = 0; r < t.getNumRows(); r++) {
        const row = t.getRow(r);
        for (let c = 0; c < row.getNumCells(); c++) {
          const cell = row.getCell(c);
          for (let k = 0; k < cell.getNumChildren(); k++) out.push(cell.getChild(k).asParagraph());
        }
      }
    }
  }
  return out;
}

/** A table row naming a list's fields ({{tembusan.isi}}) repeats once per item; with no item it goes (and an empty table with it). */
function repeatRows(table: Table, lists: Values["lists"]): void {
  for (let r = table.getNumRows() - 1; r >= 0; r--) {
    const row = table.getRow(r);
    const name = placeholdersIn(row.getText())
      .map((p) => p.split("."))
      .find(([n, f]) => LIST_FIELDS[n]?.includes(f))?.[0];
    if (!name) continue;
    const items = lists[name] ?? [];
    for (let k = items.length - 1; k >= 0; k--) {
      const copy = table.insertTableRow(r + 1, row.copy());
      for (const field of LIST_FIELDS[name]) copy.replaceText(pattern(`${name}.${field}`), inline(items[k][field] ?? ""));
    }
    table.removeRow(r);
  }
  if (table.getNumRows() === 0) table.removeFromParent();
}

/** Fills a copied template: the kop, repeated rows, conditional paragraphs, multi-paragraph values, then every placeholder. */
export function fill(doc: GoogleAppsScript.Document.Document, v: Values, kop: Body | null): void {
  const body = doc.getBody();
  const T = DocumentApp.ElementType;
  for (let i = 0; kop && i < body.getNumChildren(); i++) {
    const el = body.getChild(i);
    if (el.getType() !== T.PARAGRAPH || el.asParagraph().getText().trim() !== "{{kop}}") continue;
    body.removeChild(el);
    for (let k = 0; k < kop.getNumChildren(); k++) {
      const part = kop.getChild(k).copy();
      if (part.getType() === T.TABLE) body.insertTable(i + k, part.asTable());
      else body.insertParagraph(i + k, part.asParagraph());
    }
    break;
  }
  for (const table of body.getTables()) repeatRows(table, v.lists);
  const empty = (key: string) => (key in v.lists ? v.lists[key].length === 0 : !(v.text[key] ?? "").trim());
  for (const p of paragraphs(body)) {
    const text = p.getText();
    const marks = placeholdersIn(text).filter((x) => x.startsWith("?"));
    if (marks.some((m) => empty(m.slice(1)))) {
      try {
        p.removeFromParent();
      } catch (_e) {
        p.setText("");
      }
      continue;
    }
    for (const m of marks) p.replaceText(pattern(m), "");
    const only = /^\s*\{\{\s*([^{}]+?)\s*\}\}\s*$/.exec(text)?.[1];
    const lines = only ? (v.text[only] ?? "").split(/\r?\n/).filter((l) => l.trim()) : [];
    if (only && lines.length > 1 && p.getParent().getType() === T.BODY_SECTION) {
      const at = body.getChildIndex(p);
      for (let k = lines.length - 1; k >= 1; k--) body.insertParagraph(at + 1, p.copy()).replaceText(pattern(only), lines[k]);
      p.replaceText(pattern(only), lines[0]);
    }
  }
  const sections = [body, doc.getHeader(), doc.getFooter()].filter((x) => !!x);
  for (const key of placeholdersIn(docText(doc))) {
    if (key in v.text) for (const s of sections) s.replaceText(pattern(key), inline(v.text[key]));
  }
}

/** Everyone who holds the current or a later step of the case (and who asked), who may open its documents. */
function readers(e: Env, loaded: LoadedCase, by: string): string[] {
  const { sop, c } = loaded;
  const from = Math.max(0, sop.steps.findIndex((s) => s.no === c.stepNo));
  const ymd = jakartaDateString(e.now);
  const out = new Set<string>([by, c.assignee].filter(Boolean));
  for (const step of c.stepNo ? sop.steps.slice(from) : []) {
    const roleId = laneRole(sop, step.role);
    const role = ROLES.find((r) => r.id === roleId);
    if (role?.external) {
      const pemohon = String(c.fields.pemohon ?? "").trim().toLowerCase();
      if (pemohon.includes("@")) out.add(pemohon);
      continue;
    }
    for (const h of holdersOf(e.cfg.officials, roleId, ymd, role?.name ?? step.role)) out.add(h.email);
  }
  return [...out];
}

function historyOf(c: CaseState, at: number, by: string, note: string): CaseState {
  const item: HistoryItem = { at, by, actingFor: "", action: "document", stepNo: c.stepNo, note, minutes: 0, standard: null };
  return { ...c, history: [...c.history, item] };
}

interface Made {
  folder: string;
  doc: string;
  pdf: string;
  version: number;
  name: string;
  /** Placeholders of the bundled template the edited one no longer has (named in the record, not ignored). */
  missing: string[];
}

/** A job the case already records (a worker cut off after recording it, before taking it off the queue). */
class AlreadyMade extends Error {}

function makeLetter(e: Env, reg: DriveRegistry, job: Job): Made {
  const loaded = loadCase(e, job.caseId as string);
  const { sop, c } = loaded;
  if (c.letters?.jobs?.includes(job.id)) throw new AlreadyMade(job.id);
  const template = job.template as string;
  const spec = templateSpec(template);
  const source = reg.docs[template];
  if (!spec || !source) throw new Error(`Templat ${letterLabel(template)} belum ada di folder Alur; jalankan Siapkan Alur.`);
  const values = letterValues({
    sop,
    c,
    template,
    stepNo: job.step || c.stepNo || sop.steps[sop.steps.length - 1].no,
    office: e.cfg.settings.office,
    settings: e.cfg.settings.letters,
    numberFormat: e.cfg.settings.numberFormat,
    unitCode: e.cfg.settings.unitCode,
    officials: e.cfg.officials,
    roles: ROLES,
    now: e.now,
    signer: spec.signer,
    onBehalfOf: spec.onBehalfOf,
    maker: job.by,
    cuti: sop.id === "cuti" ? cutiFacts(e, loaded) : undefined,
  });
  const known = knownPlaceholders(values);
  const kop = reg.docs.kop && alive(reg.docs.kop) ? DocumentApp.openById(reg.docs.kop) : null;
  const problems = templateProblems(`${docText(DocumentApp.openById(source))}\n${kop ? docText(kop) : ""}`, spec, known);
  if (problems.unknown.length) {
    throw new Error(`Templat "${spec.name}" memuat isian yang tidak dikenal: ${problems.unknown.map((p) => `{{${p}}}`).join(", ")}. Perbaiki dokumen templat di folder Alur › Templat, lalu buat dokumen lagi.`);
  }
  const folder = c.letters?.folder && alive(c.letters.folder) ? c.letters.folder : createFolder(`${c.id} · ${String(c.fields.perihal ?? "")}`.slice(0, 120), reg.cases);
  const version = (c.letters?.versions?.[template] ?? 0) + 1;
  const name = `${c.id} · ${spec.name}${version > 1 ? ` (versi ${version})` : ""}`;
  const id = drive().Files.copy({ name, parents: [folder] }, source).id as string;
  const doc = DocumentApp.openById(id);
  fill(doc, values, kop ? kop.getBody() : null);
  const left = placeholdersIn(docText(doc));
  doc.saveAndClose();
  if (left.length) throw new Error(`Templat "${spec.name}": isian ${left.map((p) => `{{${p}}}`).join(", ")} tidak dapat diisi di tempatnya (isian daftar hanya di baris tabel).`);
  const pdf = drive().Files.create({ name: `${name}.pdf`, parents: [folder], mimeType: "application/pdf" }, DocumentApp.openById(id).getAs("application/pdf")).id as string;
  shareWith(folder, readers(e, loaded, job.by), "writer");
  return { folder, doc: id, pdf, version, name, missing: problems.missing };
}

/** Records a made letter (or a failure) on its case, under the lock, and takes the job off the queue. */
function finish(e: Env, job: Job, made: Made | null, failure: string): void {
  withLock(() => {
    const loaded = loadCase(e, job.caseId as string);
    const c = loaded.c;
    if (c.letters?.jobs?.includes(job.id)) {
      saveQueue(loadQueue().filter((j) => j.id !== job.id));
      return;
    }
    const jobs = [...(c.letters?.jobs ?? []), job.id].slice(-20);
    const template = job.template as string;
    let next: CaseState;
    let note: string;
    if (made) {
      const number = c.letters?.numbers?.[template];
      const numbers = { ...c.letters?.numbers };
      if (number && number.status === "Dipesan" && NUMBERED.has(template)) {
        setNumberStatus(e, number.key, "Terbit");
        numbers[template] = { ...number, status: "Terbit" };
      }
      note = `${made.name}${number ? ` (Nomor ${number.nomor})` : ""}: ${docUrl(made.doc)}${made.missing.length ? ` — templat tidak lagi memuat ${made.missing.map((p) => `{{${p}}}`).join(", ")}` : ""}`;
      next = {
        ...c,
        documents: [...c.documents, docUrl(made.doc), fileUrl(made.pdf)],
        letters: { ...c.letters, folder: made.folder, numbers, versions: { ...c.letters?.versions, [template]: made.version }, jobs },
      };
    } else {
      note = `Gagal membuat ${letterLabel(template)}: ${failure}`;
      next = { ...c, letters: { ...c.letters, jobs } };
    }
    next = historyOf(next, e.now, job.by, note);
    const step = loaded.sop.steps.find((s) => s.no === c.stepNo);
    recordCase(e, loaded, next, { kind: "document", caseId: c.id, sopId: loaded.sop.id, stepNo: c.stepNo, role: step?.role ?? "", actor: job.by, actingFor: "", note, minutes: 0, standard: null, channel: "trigger", data: made ? { template, version: made.version, doc: docUrl(made.doc), pdf: fileUrl(made.pdf) } : { template, error: failure } }, []);
    // Off the queue once recorded: a cut in between leaves a job the case already records, which the next run drops.
    saveQueue(loadQueue().filter((j) => j.id !== job.id));
  });
}

function makeSop(e: Env, reg: DriveRegistry, job: Job): void {
  const sop = sopById(e.cfg, job.sopId as string);
  const html = renderSopPage(sop, ROLES, { dayMinutes: e.cfg.settings.dayMinutes });
  const name = `${sop.title} (untuk ditandatangani)`;
  const id = drive().Files.create({ name, mimeType: "application/vnd.google-apps.document", parents: [reg.sop] }, Utilities.newBlob(html, "text/html", `${name}.html`)).id as string;
  shareWith(id, [job.by], "writer");
  withLock(() => {
    saveQueue(loadQueue().filter((j) => j.id !== job.id));
    const exports = JSON.parse(PropertiesService.getScriptProperties().getProperty("alur.sop.exports") ?? "{}") as Record<string, string>;
    exports[sop.id] = docUrl(id);
    PropertiesService.getScriptProperties().setProperty("alur.sop.exports", JSON.stringify(exports));
    recordEntry(e, { kind: "document", caseId: "", sopId: sop.id, stepNo: "", role: "", actor: job.by, actingFor: "", note: `Halaman SOP untuk ditandatangani: ${docUrl(id)}`, minutes: 0, standard: null, channel: "trigger", data: { doc: docUrl(id) } });
  });
}

/** Takes the jobs nobody is working on (a lease, under the lock), so two workers never make the same letter twice. */
function lease(now: number): Job[] {
  return withLock(() => {
    const q = loadQueue();
    const mine = q.filter((j) => !j.lease || now - j.lease > LEASE_MS);
    if (!mine.length) return [];
    saveQueue(q.map((j) => (mine.includes(j) ? { ...j, lease: now } : j)));
    return mine;
  });
}

/** Puts a job back for the next run (its lease released, one try counted); if even that fails, the lease runs out. */
function tryAgain(job: Job): void {
  try {
    withLock(() => saveQueue(loadQueue().map((j) => (j.id === job.id ? { ...j, lease: undefined, tries: (j.tries ?? 0) + 1 } : j))));
  } catch (err) {
    logError(`Dokumen ${job.template} kasus ${job.caseId} dicoba lagi setelah ${LEASE_MS / 60_000} menit: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Makes every waiting document; runs only as the owner of the Alur folder (drive.file reaches nothing else). */
export function runQueue(e: Env): number {
  const reg = loadDrive();
  if (!reg || e.actor.email !== reg.owner) return 0;
  if (!loadQueue().length) return 0;
  const started = Date.now();
  let done = 0;
  for (const job of lease(e.now)) {
    if (Date.now() - started > BUDGET_MS) break;
    if (job.kind === "sop") {
      try {
        makeSop(e, reg, job);
      } catch (err) {
        logError(`Halaman SOP ${job.sopId}: ${err instanceof Error ? err.message : String(err)}`);
        withLock(() => saveQueue(loadQueue().filter((j) => j.id !== job.id)));
      }
      done++;
      continue;
    }
    let made: Made | null = null;
    let failure = "";
    try {
      made = makeLetter(e, reg, job);
    } catch (err) {
      if (err instanceof AlreadyMade) {
        withLock(() => saveQueue(loadQueue().filter((j) => j.id !== job.id)));
        continue;
      }
      failure = err instanceof Error ? err.message : String(err);
    }
    // A passing server error: the job goes back to the queue for the next minute's run (a half-made Doc of this try is
    // left unrecorded in the case's folder), until MAX_TRIES; only then is the failure recorded.
    if (!made && transient(failure) && (job.tries ?? 0) + 1 < MAX_TRIES) {
      tryAgain(job);
      done++;
      continue;
    }
    try {
      finish(e, job, made, failure);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      logError(`Dokumen ${job.template} kasus ${job.caseId}: ${message}`);
      // A passing fault while recording: the letter is made again next minute (this one stays unrecorded in the
      // folder). Otherwise the case is gone or its row edited: the job leaves the queue, the reason stays in the log.
      if (transient(message) && (job.tries ?? 0) + 1 < MAX_TRIES) tryAgain(job);
      else withLock(() => saveQueue(loadQueue().filter((j) => j.id !== job.id)));
    }
    done++;
  }
  return done;
}

/** After a request: an admin who owns the folder gets the document at once; everyone else within the trigger's minute. */
export function runQueueNow(e: Env): number {
  const reg = loadDrive();
  return reg && e.actor.email === reg.owner ? runQueue(e) : 0;
}

/** Time-driven trigger (every minute, installed by setup for the folder's owner). */
export function runDocumentQueue(): void {
  if (!loadDrive() || !loadQueue().length) return;
  runQueue(envFor(() => Session.getEffectiveUser().getEmail()));
}
