// The one typed table of server calls shared by the server and the sidebar: names, arguments and JSON-safe results.
// Dates travel as ISO strings; nothing here may hold a Date, a function or undefined inside arrays.

/**
 * A refusal may carry `warnings`: things a person should see before going on that offices legitimately differ on (a
 * letter received before the date it was written, a case given to someone outside Pejabat). The call changed nothing;
 * sent again with `confirm: true`, it goes through.
 */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string>; warnings?: string[] };

export interface FieldView {
  key: string;
  label: string;
  type: "text" | "longtext" | "date" | "number" | "choice" | "email" | "person";
  required: boolean;
  options?: string[];
  help?: string;
  /** The most characters the server accepts for this field (the panel counts down before it is reached). */
  maxLength?: number;
}

export interface SopSummary {
  id: string;
  code: string;
  title: string;
  shortTitle: string;
  unitName: string;
  steps: number;
  lanes: string[];
  fields: FieldView[];
}

export interface LaneView {
  header: string;
  roleName: string;
  /** "returned": this lane's last act was sending the case back for correction (not a ✓). */
  state: "done" | "returned" | "current" | "todo";
  at: string | null;
}

export interface KelengkapanView {
  item: string;
  done: boolean;
  link: string;
}

export interface CurrentStepView {
  no: string;
  text: string;
  kind: "process" | "decision";
  lane: string;
  roleName: string;
  holders: string[];
  kelengkapan: KelengkapanView[];
  output: string;
  standardText: string;
  standardMinutes: number | null;
  spentMinutes: number;
  dueAt: string | null;
  sla: "green" | "amber" | "red" | "none";
  yesTo: { no: string; text: string } | null;
  noTo: { no: string; text: string } | null;
  letters: string[];
}

export interface HistoryView {
  at: string;
  by: string;
  /** The person's name from Pejabat ("" when not listed). */
  byName: string;
  actingFor: string;
  action: string;
  actionLabel: string;
  stepNo: string;
  note: string;
  minutes: number;
  standard: number | null;
}

/** The letters part of a case (src/app/letters.ts): what may be made now, what waits, numbers, leave decisions. */
export interface LettersView {
  /** Templates "Buat dokumen" offers the caller now (the current step's, when the caller holds it). */
  templates: { id: string; label: string }[];
  /** Documents waiting for the document worker. */
  pending: { template: string; label: string; at: string }[];
  numbers: { template: string; label: string; nomor: string; status: "Dipesan" | "Terbit" | "Batal" }[];
  agenda: string | null;
  /** At a numbering step with numbers still missing, for its holder. */
  canNumber: boolean;
  /** The case's folder in the office's Alur folder. */
  folder: string | null;
  /** Whose account makes the documents (the owner of the Alur folder), or null before setup made it. */
  worker: string | null;
  account: { username: string; at: string } | null;
  canIssuePassword: boolean;
  /** A leave case: the panel asks leavePanel for its length, balance and decisions. */
  leave: boolean;
}

/** A leave case's length, annual balance (N-2, N-1, N) and BKN decisions, and the level the caller may decide now. */
export interface LeavePanel {
  lama: string;
  sisa: { tahun: number; sisa: number; ket: string }[];
  warnings: string[];
  decisions: { level: "atasan" | "pejabat"; choice: string; by: string; reason: string; at: string }[];
  canDecide: "atasan" | "pejabat" | null;
  mulai: string;
  selesai: string;
}

export interface CaseView {
  id: string;
  sopId: string;
  sopCode: string;
  sopTitle: string;
  status: "Berjalan" | "Dikembalikan" | "Selesai" | "Dibatalkan";
  version: number;
  perihal: string;
  fields: { label: string; value: string }[];
  lanes: LaneView[];
  current: CurrentStepView | null;
  actions: ("complete" | "approve" | "return" | "reassign" | "reopen" | "cancel")[];
  history: HistoryView[];
  /** Older history items not kept on the row (they are all in the Riwayat sheet). */
  historyOmitted: number;
  documents: string[];
  rounds: number;
  sheetName: string;
  row: number;
  /**
   * Ubah isian: the fields the caller may correct now (the holder of the current step, above all after a return; an
   * admin at any step, with a reason), with their current values as the form shows them; null when they may not.
   */
  correction: { fields: FieldView[]; values: Record<string, string>; reasonRequired: boolean } | null;
  /** The caller's Antrean saya count after this call (the tab's badge); -1 when the reply did not count (the selection poll). */
  queueCount: number;
  /** Letters, numbers and leave decisions (absent in replies that do not build it). */
  letters?: LettersView;
}

export interface QueueItem {
  caseId: string;
  sopCode: string;
  sopTitle: string;
  perihal: string;
  stepNo: string;
  stepText: string;
  roleName: string;
  dueAt: string | null;
  lateMinutes: number;
  status: string;
}

export interface SummaryRow {
  sopId: string;
  code: string;
  title: string;
  running: number;
  late: number;
  finishedThisMonth: number;
}

export interface Me {
  email: string;
  name: string;
  roles: string[];
  admin: boolean;
  /** Holds a managing role (Kepala Dinas, Sekretaris, a Kepala Bidang or Kasubbag/Kasi) by canonical role, or is an admin: sees Ringkas. */
  manager: boolean;
}

export interface Bootstrap {
  me: Me;
  sops: SopSummary[];
  selected: CaseView | null;
  queueCount: number;
  setupNeeded: boolean;
  problems: string[];
  /** The view to open on: the menu item that opened the panel decides. */
  initialView: "case" | "new" | "queue" | "report";
}

export type ActInput = {
  caseId: string;
  expectedVersion: number;
  action: "complete" | "approve" | "return" | "reassign" | "reopen" | "cancel";
  note?: string;
  reason?: string;
  email?: string;
  toStep?: string;
  /** Sent again after the person saw the warnings of a first attempt (reassigning to someone outside Pejabat). */
  confirm?: boolean;
};

/** Every server call: argument and result types. The sidebar calls them through google.script.run.alurApi(name, arg). */
export interface ServerCalls {
  bootstrap: { arg: null; result: Bootstrap };
  listSops: { arg: null; result: SopSummary[] };
  startCase: { arg: { sopId: string; fields: Record<string, string>; requestId?: string; confirm?: boolean }; result: CaseView };
  getCase: { arg: { caseId: string }; result: CaseView };
  selectedCase: { arg: null; result: CaseView | null };
  act: { arg: ActInput; result: CaseView };
  tickKelengkapan: { arg: { caseId: string; stepNo: string; item: string; done: boolean; link: string }; result: CaseView };
  makeDocument: { arg: { caseId: string; template: string }; result: CaseView };
  /** Ubah isian: corrects the case's fields (only those given); recorded in Riwayat with old and new values. */
  correctCase: { arg: { caseId: string; expectedVersion: number; fields: Record<string, string>; reason?: string; confirm?: boolean }; result: CaseView };
  myQueue: { arg: null; result: QueueItem[] };
  selectCase: { arg: { caseId: string }; result: { sheetName: string; row: number } };
  summary: { arg: null; result: SummaryRow[] };
  /** Rebuilds the Laporan sheet from Riwayat and shows it. */
  rebuildReport: { arg: null; result: { sheetName: string; entries: number; at: string } };
  sopPage: { arg: { sopId: string; repairNotes?: boolean }; result: { html: string } };
  /** Ambil nomor: the numbers a numbering step gives the case's letters. */
  takeNumber: { arg: { caseId: string }; result: CaseView };
  /** A number of Agenda Surat for a letter made outside a case. */
  reserveNumber: { arg: { klasifikasi: string; perihal: string }; result: { nomor: string; key: string } };
  /** Admin: a reserved number marked Batal (kept, never given again). */
  cancelNumber: { arg: { key: string; reason: string }; result: { key: string } };
  /** A leave decision (BKN VII atasan, VIII pejabat). */
  decideLeave: {
    arg: { caseId: string; expectedVersion: number; level: "atasan" | "pejabat"; choice: "Disetujui" | "Perubahan" | "Ditangguhkan" | "Tidak disetujui"; reason: string; mulai?: string; selesai?: string; until?: string };
    result: CaseView;
  };
  /** A subdomain account's password, generated and shown once for printing; only the user name is recorded. */
  issuePassword: { arg: { caseId: string; username: string }; result: { view: CaseView; page: string } };
  leavePanel: { arg: { caseId: string }; result: LeavePanel | null };
  /** The SOP AP page for signing: a PDF to download (base64, not saved) or a Google Doc in the Alur folder. */
  exportSopPage: { arg: { sopId: string; as: "pdf" | "doc" }; result: { name: string; pdfBase64?: string; url?: string; pending?: boolean } };
  /** The caller's morning digest (Pejabat › Ringkasan harian): on, and whether they are in Pejabat at all. */
  emailPrefs: { arg: null; result: EmailPrefs };
  /** Turns the caller's own digest on or off (their row in Pejabat). */
  setEmailPrefs: { arg: { digest: boolean }; result: EmailPrefs };
}

export interface EmailPrefs {
  digest: boolean;
  listed: boolean;
}

export type CallName = keyof ServerCalls;
export const CALL_NAMES: CallName[] = [
  "bootstrap",
  "listSops",
  "startCase",
  "getCase",
  "selectedCase",
  "act",
  "tickKelengkapan",
  "makeDocument",
  "correctCase",
  "myQueue",
  "selectCase",
  "summary",
  "rebuildReport",
  "sopPage",
  "takeNumber",
  "reserveNumber",
  "cancelNumber",
  "decideLeave",
  "issuePassword",
  "exportSopPage",
  "leavePanel",
  "emailPrefs",
  "setEmailPrefs",
];
