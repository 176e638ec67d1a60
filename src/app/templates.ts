// Letter templates in Drive: setup turns templates/*.txt (dist/Templates.html) into Google Docs staff can edit, once.
import { AGENDA_HEADERS } from "../domain/agenda";
import type { LetterSettings } from "../domain/settings";
import { type BlockSpec, type ParaSpec, type TemplateBundle, type TemplateSpec, placeholdersIn, specText } from "../domain/template-spec";
import { appendRowTo } from "../gas/write";
import { ROLES } from "../catalog/roles";
import type { CaseState } from "../domain/case";
import { knownPlaceholders, letterValues } from "../domain/letter-values";
import { type Config, readConfig, readSettingsOnly } from "./config";
import { type DriveRegistry, alive, createFolder, drive, loadDrive, saveDrive } from "./drive-store";
import type { SheetIds } from "./ids";
import { stoppedEarly } from "./setup-stop";

type Doc = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;

let bundle: TemplateBundle | null = null;

/** The templates the build packed into dist/Templates.html (read only by setup and the document worker). */
export function builtInTemplates(): TemplateBundle {
  if (!bundle) {
    const packed = HtmlService.createHtmlOutputFromFile("Templates").getContent().trim();
    bundle = JSON.parse(Utilities.ungzip(Utilities.newBlob(Utilities.base64Decode(packed), "application/x-gzip")).getDataAsString()) as TemplateBundle;
  }
  return bundle;
}

export function templateSpec(id: string): TemplateSpec | undefined {
  const b = builtInTemplates();
  return id === "kop" ? b.kop : b.templates.find((t) => t.id === id);
}

const ALIGN = { L: "LEFT", C: "CENTER", R: "RIGHT", J: "JUSTIFY" } as const;

/** Lays out one paragraph: alignment, indents, spacing, then the letter's font and the bold/underline/italic runs. */
function styleParagraph(p: Paragraph, spec: ParaSpec, ls: LetterSettings): void {
  const A = DocumentApp.Attribute;
  p.setText(spec.runs.map((r) => r.t).join(""));
  // The paragraph's layout and the letter's font in one call (Docs' Attribute map takes both).
  p.setAttributes({
    [A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment[ALIGN[spec.align ?? "L"]],
    [A.INDENT_START]: spec.indent ?? 0,
    [A.INDENT_FIRST_LINE]: spec.first ?? spec.indent ?? 0,
    [A.SPACING_BEFORE]: spec.before ?? 0,
    [A.SPACING_AFTER]: spec.after ?? 0,
    [A.LINE_SPACING]: ls.lineSpacing,
    [A.FONT_FAMILY]: ls.font,
    [A.FONT_SIZE]: spec.size ?? ls.fontSize,
    [A.BOLD]: false,
    [A.UNDERLINE]: false,
    [A.ITALIC]: false,
  });
  const text = p.editAsText();
  let at = 0;
  for (const r of spec.runs) {
    const end = at + r.t.length - 1;
    if (end >= at) {
      if (r.b) text.setBold(at, end, true);
      if (r.u) text.setUnderline(at, end, true);
      if (r.i) text.setItalic(at, end, true);
    }
    at = end + 1;
  }
}

/** Writes the blocks into a Doc's body (the new Doc's one empty paragraph, and the one Docs keeps after a table, are reused). */
export function layOut(doc: Doc, blocks: BlockSpec[], ls: LetterSettings): void {
  const body: Body = doc.getBody();
  body.setPageWidth(ls.page.width).setPageHeight(ls.page.height);
  body.setMarginLeft(ls.margins[0]).setMarginRight(ls.margins[1]).setMarginTop(ls.margins[2]).setMarginBottom(ls.margins[3]);
  let spare: Paragraph | null = body.getNumChildren() === 1 ? body.getChild(0).asParagraph() : null;
  const paragraph = () => {
    const p = spare ?? body.appendParagraph("");
    spare = null;
    return p;
  };
  const width = ls.page.width - ls.margins[0] - ls.margins[1];
  for (const b of blocks) {
    if (b.k === "p") styleParagraph(paragraph(), b, ls);
    else if (b.k === "hr") {
      const p = paragraph();
      styleParagraph(p, { k: "p", runs: [{ t: "" }], size: 4 }, ls);
      p.appendHorizontalRule();
    } else if (b.k === "br") {
      if (spare) (spare as Paragraph).appendPageBreak();
      else body.appendPageBreak();
      spare = null;
    } else {
      // Docs keeps a paragraph between two tables and after the last one: it stays, as a 1-point line.
      if (spare) spacer(spare as Paragraph);
      spare = null;
      const table = body.appendTable(b.rows.map((r) => r.map(() => "")));
      table.setBorderWidth(b.border);
      b.widths.forEach((w, i) => {
        table.setColumnWidth(i, Math.round((width * w) / 100));
      });
      b.rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          const tc = table.getCell(r, c).setPaddingTop(1).setPaddingBottom(1).setPaddingLeft(3).setPaddingRight(3);
          cell.paras.forEach((para, i) => {
            styleParagraph(i === 0 ? tc.getChild(0).asParagraph() : tc.appendParagraph(""), para, ls);
          });
        });
      });
      // Docs keeps a paragraph after a table that ends the body: the next block takes it.
      spare = body.getChild(body.getNumChildren() - 1).asParagraph();
    }
  }
  if (spare) spacer(spare as Paragraph);
}

function spacer(p: Paragraph): void {
  const A = DocumentApp.Attribute;
  p.setText("");
  p.setAttributes({ [A.SPACING_BEFORE]: 0, [A.SPACING_AFTER]: 0, [A.LINE_SPACING]: 1, [A.FONT_SIZE]: 1 });
}

/** Placeholders of an edited template that Alur does not know, and those of the bundled template it no longer has. */
export function templateProblems(docText: string, spec: TemplateSpec, known: Set<string>): { unknown: string[]; missing: string[] } {
  const have = placeholdersIn(docText);
  const unknown = have.filter((p) => !known.has(p));
  const missing = placeholdersIn(specText(spec.blocks)).filter((p) => !have.includes(p) && !p.startsWith("?"));
  return { unknown, missing };
}

export function docText(doc: Doc): string {
  return [doc.getHeader()?.getText() ?? "", doc.getBody().getText(), doc.getFooter()?.getText() ?? ""].join("\n");
}

const SHEETS_KEY = "alur.letters.sheets";

export interface LetterSheets {
  agenda: number;
  saldo: number;
}

export function loadLetterSheets(): LetterSheets | null {
  const raw = PropertiesService.getScriptProperties().getProperty(SHEETS_KEY);
  return raw ? (JSON.parse(raw) as LetterSheets) : null;
}

export const SALDO_HEADERS = ["NIP", "Nama", "Tahun", "Diambil di luar Alur (hari)", "Hak cuti tahunan (hari)", "Keterangan"] as const;

function ensureSheetOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, id: number | undefined, name: string, headers: readonly string[], changes: string[], blank: boolean, textColumns = ""): number {
  let sheet = id === undefined ? null : ss.getSheetById(id);
  // A spreadsheet that held only its blank first sheet when setup began has no sheet of this name to find.
  if (!sheet && !blank) sheet = ss.getSheetByName(name);
  const created = !sheet;
  if (!sheet) {
    sheet = ss.insertSheet(name);
    changes.push(`Sheet "${name}" dibuat.`);
  }
  // As setup's other sheets: the header in one call, in bold, frozen; a sheet an earlier run made and was cut off
  // before finishing is finished now (a complete one is only read).
  if (created || sheet.getLastRow() === 0) {
    appendRowTo(sheet, [...headers]);
    sheet.getRange(1, 1, 1, headers.length).setFontWeight("bold");
  }
  if (created || sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  // What admins type there stays text (18-digit NIPs must never become numbers); Alur's own writes are quoted.
  if (textColumns) {
    const cells = sheet.getRange(textColumns);
    if (created || cells.getNumberFormat() !== "@") cells.setNumberFormat("@");
  }
  return sheet.getSheetId();
}

const TRIGGERS = "alur.triggers";
export const WORKER = "runDocumentQueue";

/** The document worker runs as the admin who owns the Alur folder (installable triggers run as their creator). */
function ensureWorkerTrigger(reg: DriveRegistry, changes: string[]): void {
  const props = PropertiesService.getScriptProperties();
  const owners = JSON.parse(props.getProperty(TRIGGERS) ?? "{}") as Record<string, string>;
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  if (ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === WORKER)) return;
  if (owners[WORKER] && owners[WORKER] !== me) {
    changes.push(`Pemicu pembuat dokumen dipasang oleh ${owners[WORKER]}; dokumen dibuat atas nama akun itu.`);
    return;
  }
  if (me !== reg.owner) {
    changes.push(`Folder Alur di Drive milik ${reg.owner}: minta ${reg.owner} menjalankan Siapkan Alur agar pemicu pembuat dokumen berjalan atas namanya (izin drive.file hanya berlaku bagi pembuat folder).`);
    return;
  }
  ScriptApp.newTrigger(WORKER).timeBased().everyMinutes(1).create();
  owners[WORKER] = me;
  props.setProperty(TRIGGERS, JSON.stringify(owners));
  changes.push("Pemicu pembuat dokumen dipasang (surat dibuat di folder Alur paling lama satu menit setelah diminta).");
}

/**
 * Siapkan Alur, part letters: the Agenda Surat and Saldo Cuti sheets, the office's Alur folder (Templat, Dokumen
 * Kasus, SOP), one Google Doc per template, the document worker's trigger. Idempotent: a second run creates and
 * writes nothing; it only reports templates edited with placeholders Alur does not know.
 */
export function ensureLetters(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ids: SheetIds, changes: string[], blank = false, deadline = Number.POSITIVE_INFINITY): void {
  const props = PropertiesService.getScriptProperties();
  const oldSheets = loadLetterSheets();
  const sheets: LetterSheets = {
    agenda: ensureSheetOf(ss, oldSheets?.agenda, "Agenda Surat", AGENDA_HEADERS, changes, blank),
    saldo: ensureSheetOf(ss, oldSheets?.saldo, "Saldo Cuti", SALDO_HEADERS, changes, blank, "A2:B"),
  };
  if (JSON.stringify(sheets) !== JSON.stringify(oldSheets)) props.setProperty(SHEETS_KEY, JSON.stringify(sheets));

  // Read, not loaded from the cache: setup has just dropped it, and what an admin types next must not meet a stale copy.
  // Pengaturan alone; the SOPs are read only when there are templates from an earlier run to check.
  const settings = readSettingsOnly(ss, ids);
  const ls = settings.letters;
  const old = loadDrive();
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  let reg: DriveRegistry;
  if (old && old.owner !== me) {
    // drive.file: this admin's executions cannot reach another's folder, and must not make a second one.
    changes.push(
      `Folder Alur dan templat surat milik ${old.owner}; hanya akun itu yang dapat membuat dokumen dan mengubah templat. Bila ${old.owner} tidak lagi bertugas: hapus properti "alur.drive" di Setelan project › Properti skrip, lalu jalankan Siapkan Alur agar folder baru dibuat atas nama Anda.`,
    );
    ensureWorkerTrigger(old, changes);
    return;
  }
  if (old && alive(old.root)) reg = { ...old, docs: { ...old.docs } };
  else {
    if (old) changes.push(`Folder Alur lama (milik ${old.owner}) tidak dapat dijangkau; folder baru dibuat.`);
    const root = createFolder(`Alur · ${settings.office.dinas}`);
    reg = { owner: me, root, templates: createFolder("Templat", root), cases: createFolder("Dokumen Kasus", root), sop: createFolder("SOP", root), docs: {} };
    saveDrive(reg);
    changes.push(`Folder "Alur · ${settings.office.dinas}" dibuat di Google Drive ${me} (Templat, Dokumen Kasus, SOP).`);
  }
  const b = builtInTemplates();
  const made: string[] = [];
  let stopped = false;
  for (const spec of [b.kop, ...b.templates]) {
    if (alive(reg.docs[spec.id])) continue;
    // Setup watches its own clock: the templates left are made by the next run.
    if (Date.now() > deadline) {
      stopped = true;
      break;
    }
    const id = drive().Files.create({ name: spec.name, mimeType: "application/vnd.google-apps.document", parents: [reg.templates] }).id as string;
    const doc = DocumentApp.openById(id);
    layOut(doc, spec.blocks, ls);
    doc.saveAndClose();
    reg.docs[spec.id] = id;
    made.push(spec.name);
    // Recorded as each one is made: a run cut off halfway leaves no template the next run would make again.
    saveDrive(reg);
  }
  if (made.length) changes.push(`Templat surat dibuat di folder Alur › Templat: ${made.join(", ")}.`);
  if (stopped) changes.push(stoppedEarly("sebagian templat surat belum dibuat"));
  ensureWorkerTrigger(reg, changes);
  if ([b.kop, ...b.templates].some((spec) => !made.includes(spec.name) && reg.docs[spec.id])) checkTemplates(readConfig(ss, ids), reg, made, changes);
}

/** Reports templates edited in Docs with placeholders Alur does not know, or without some it would fill (names each). */
function checkTemplates(cfg: Config, reg: DriveRegistry, made: string[], changes: string[]): void {
  const known = new Set<string>();
  const now = Date.now();
  for (const sop of cfg.sops) {
    const c = { id: "X", sopId: sop.id, sopRev: "", fields: {}, status: "Berjalan", stepNo: sop.steps[0]?.no ?? "", stepSince: now, dueAt: null, done: {}, rounds: 0, version: 1, createdAt: now, createdBy: "", assignee: "", documents: [], lastBy: "", lastAt: now, srikandi: "", ticks: {}, history: [] } as CaseState;
    const v = letterValues({ sop, c, template: "", stepNo: c.stepNo, office: cfg.settings.office, settings: cfg.settings.letters, numberFormat: cfg.settings.numberFormat, unitCode: cfg.settings.unitCode, officials: [], roles: ROLES, now, signer: "", onBehalfOf: "", maker: "" });
    for (const k of knownPlaceholders(v)) known.add(k);
  }
  const b = builtInTemplates();
  for (const spec of [b.kop, ...b.templates]) {
    if (made.includes(spec.name) || !reg.docs[spec.id]) continue;
    const { unknown, missing } = templateProblems(docText(DocumentApp.openById(reg.docs[spec.id])), spec, known);
    if (unknown.length) changes.push(`Templat "${spec.name}" memuat isian yang tidak dikenal: ${unknown.map((p) => `{{${p}}}`).join(", ")}. Surat dari templat ini tidak dapat dibuat sampai isian itu diperbaiki atau dihapus.`);
    if (missing.length) changes.push(`Templat "${spec.name}" tidak lagi memuat ${missing.map((p) => `{{${p}}}`).join(", ")}; bila tidak disengaja, tambahkan kembali.`);
  }
}
