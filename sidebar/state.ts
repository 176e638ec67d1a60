// What the panel holds between renders: server data, the open tab and every draft a person is typing.
import type { Bootstrap, CaseView, QueueItem, SummaryRow } from "../src/api";

export type Tab = "case" | "queue" | "new" | "sop" | "summary";
export type Panel = "" | "return" | "reassign" | "cancel" | "reopen" | "correct";

/** Typed text for one case, kept across re-renders and failed calls. */
export interface CaseDraft {
  panel: Panel;
  note: string;
  reason: Record<string, string>;
  email: string;
  links: Record<string, string>;
  errors: Record<string, string>;
  /** Ubah isian: the values in the form (null until it is opened) and the reason an admin gives. */
  fix: Record<string, string> | null;
  fixReason: string;
}

export const state = {
  boot: null as Bootstrap | null,
  tab: "case" as Tab,
  /** A person picked a tab before the first reply arrived: the panel's initial view must not take it away. */
  tabChosen: false,
  current: null as CaseView | null,
  queue: null as QueueItem[] | null,
  summary: null as SummaryRow[] | null,
  sopPageId: "",
  sopPageHtml: null as { id: string; html: string } | null,
  /** The SOP page is shrunk to the panel unless the person asked for actual size. */
  sopPageFit: true as boolean,
  /** Print the notes on repairs to the seed as an appendix (off: the page holds the SOP alone, ready to sign). */
  sopRepairNotes: false as boolean,
  newSopId: "",
  /** Form values per SOP id, so switching SOP or tab loses nothing. */
  forms: {} as Record<string, Record<string, string>>,
  formErrors: {} as Record<string, string>,
  /** The "Mulai kasus" request id per SOP form: kept through failed attempts so the server can spot a repeat. */
  requestIds: {} as Record<string, string>,
  /** A newer version of the shown case that a poll found while the person was typing; shown when they ask. */
  pendingCase: null as CaseView | null,
  /** Set when the person reloaded into a case that had moved to another step while they were typing. */
  movedFrom: null as { caseId: string; version: number; stepNo: string } | null,
  drafts: {} as Record<string, CaseDraft>,
  /** The current step's long text shown whole (it is cut to a few lines so the buttons stay in view). */
  stepTextOpen: false,
};

export function draftFor(caseId: string): CaseDraft {
  let d = state.drafts[caseId];
  if (!d) {
    d = { panel: "", note: "", reason: {}, email: "", links: {}, errors: {}, fix: null, fixReason: "" };
    state.drafts[caseId] = d;
  }
  return d;
}

/** Set by main.ts; views call these instead of importing main (no import cycle). */
export const nav = {
  render: (): void => undefined,
  /** Redraws only the tabs (the badge), leaving the view and whatever is typed in it alone. */
  drawTabs: (): void => undefined,
  go: (_tab: Tab): void => undefined,
  showCase: (_view: CaseView): void => undefined,
};
