// The one typed table of server calls shared by the server and the sidebar: names, arguments and JSON-safe results.
// Dates travel as ISO strings; nothing here may hold a Date, a function or undefined inside arrays.

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export interface FieldView {
  key: string;
  label: string;
  type: "text" | "longtext" | "date" | "number" | "choice" | "email" | "person";
  required: boolean;
  options?: string[];
  help?: string;
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
  state: "done" | "current" | "todo";
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
};

/** Every server call: argument and result types. The sidebar calls them through google.script.run.alurApi(name, arg). */
export interface ServerCalls {
  bootstrap: { arg: null; result: Bootstrap };
  listSops: { arg: null; result: SopSummary[] };
  startCase: { arg: { sopId: string; fields: Record<string, string>; requestId?: string }; result: CaseView };
  getCase: { arg: { caseId: string }; result: CaseView };
  selectedCase: { arg: null; result: CaseView | null };
  act: { arg: ActInput; result: CaseView };
  tickKelengkapan: { arg: { caseId: string; stepNo: string; item: string; done: boolean; link: string }; result: CaseView };
  makeDocument: { arg: { caseId: string; template: string }; result: CaseView };
  myQueue: { arg: null; result: QueueItem[] };
  selectCase: { arg: { caseId: string }; result: { sheetName: string; row: number } };
  summary: { arg: null; result: SummaryRow[] };
  /** Rebuilds the Laporan sheet from Riwayat and shows it. */
  rebuildReport: { arg: null; result: { sheetName: string; entries: number; at: string } };
  sopPage: { arg: { sopId: string }; result: { html: string } };
}

export type CallName = keyof ServerCalls;
export const CALL_NAMES: CallName[] = ["bootstrap", "listSops", "startCase", "getCase", "selectedCase", "act", "tickKelengkapan", "makeDocument", "myQueue", "selectCase", "summary", "rebuildReport", "sopPage"];
