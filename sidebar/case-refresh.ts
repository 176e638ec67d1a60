// What a poll does with the selected row's case: redraw at once, or, while someone is typing in the case, hold the newer
// version behind a small banner until they ask for it, so the cursor and typed text stay where they are.
import type { CaseView } from "../src/api";
import { announce } from "./alert";
import { correctionTyped } from "./correction";
import { fill, h } from "./dom";
import { getLang, type Key, t } from "./i18n";
import { type CaseDraft, nav, state } from "./state";

/** Text typed into the case (note, a reason, the reassign email, a Drive link, Ubah isian) that has not been sent yet. */
export function hasTyped(view: CaseView, draft: CaseDraft | undefined): boolean {
  if (!draft) return false;
  if (draft.note.trim() || draft.email.trim()) return true;
  if (Object.values(draft.reason).some((r) => r.trim())) return true;
  if (correctionTyped(view, draft)) return true;
  const shown = new Map((view.current?.kelengkapan ?? []).map((k) => [k.item, k.link]));
  return Object.entries(draft.links).some(([item, link]) => link.trim() !== (shown.get(item) ?? "").trim());
}

export type PollOutcome = "same" | "show" | "hold";

/**
 * same: nothing to do; show: draw the selected case now (another row, or no one is busy in it); hold: a newer version of
 * the case being worked on, kept back. Another row is always shown: drafts are kept per case, so nothing typed is lost.
 */
export function pollOutcome(shown: CaseView | null, selected: CaseView | null, busy: boolean): PollOutcome {
  if (!selected && !shown) return "same";
  if (!selected || !shown || selected.id !== shown.id) return "show";
  if (selected.version <= shown.version) return "same";
  return busy ? "hold" : "show";
}

/** Whether the text typed for `before` may no longer fit `after`: another step, another round, or another status. */
export function stepMoved(before: CaseView, after: CaseView): boolean {
  return before.current?.no !== after.current?.no || before.rounds !== after.rounds || before.status !== after.status;
}

/** The banner under the header: shown on the Kasus tab while a held version waits. */
export function drawBanner(): void {
  const el = document.getElementById("banner");
  if (!el) return;
  const held = state.pendingCase;
  const shown = state.current;
  if (state.tab !== "case" || !held || !shown || held.id !== shown.id || held.version <= shown.version) {
    if (el.firstChild) el.textContent = "";
    return;
  }
  // Drawn once per language: redrawing on every poll would take focus off its button.
  if (el.childNodes.length && el.dataset.lang === getLang()) return;
  el.dataset.lang = getLang();
  fill(el, h("span", {}, t("caseChanged"), " "), h("button", { type: "button", class: "link", id: "banner-reload", onclick: showHeld }, t("reload")));
}

/** The person asked for the newer version: draw it, keep what they typed, and warn if it was meant for another step. */
export function showHeld(): void {
  const held = state.pendingCase;
  const before = state.current;
  if (!held) return;
  const typed = before ? hasTyped(before, state.drafts[before.id]) : false;
  state.movedFrom = before && typed && stepMoved(before, held) ? { caseId: held.id, version: held.version, stepNo: before.current?.no ?? "" } : null;
  nav.showCase(held);
  if (state.movedFrom) announce(movedText(held));
  document.getElementById("case-h")?.focus();
}

/** The warning shown after reloading into a case that moved on while the person was typing. */
export function movedText(view: CaseView): string {
  const from = state.movedFrom?.stepNo ?? "";
  if (!view.current) return t("caseClosed", { status: t(`status${view.status}` as Key).toLowerCase() });
  return t("caseMoved", { from, to: view.current.no });
}
