// The actions the current user may take on a case: finish, approve, return with a reason, Ubah isian, and the admin's reassign/cancel/reopen.
import type { ActInput, CaseView } from "../src/api";
import { isEmail } from "../src/domain/fields";
import { announce, clearAlert, showError } from "./alert";
import { call } from "./api-client";
import { withBusy } from "./busy";
import { reloadCase } from "./case-load";
import { sendConfirmable } from "./confirm";
import { correctionPanel } from "./correction";
import { h } from "./dom";
import { refocus } from "./focus";
import { formRow } from "./form";
import { type Key, t } from "./i18n";
import { type CaseDraft, draftFor, nav, type Panel } from "./state";
import { EMAIL_MAX, isTooLong, MAX_TEXT, tooLong } from "./text-limit";

type Extra = Omit<ActInput, "caseId" | "expectedVersion">;

function act(btn: HTMLButtonElement, view: CaseView, extra: Extra, draft: CaseDraft): Promise<void> {
  return sendConfirmable({
    btn,
    // A reassignment to someone outside Pejabat comes back with a warning first; "Tetap lanjutkan" sends it confirmed.
    send: (confirm) => call("act", { caseId: view.id, expectedVersion: view.version, ...extra, ...(confirm ? { confirm } : {}) }),
    done: (next) => {
      // Only a successful action clears what was typed for it.
      draft.panel = "";
      draft.note = "";
      draft.reason = {};
      draft.email = "";
      draft.errors = {};
      nav.showCase(next);
      announce(t("done"));
      // The pressed button may be gone at the next step: the case heading is where the new state starts.
      refocus(btn.id, "case-h");
    },
    failed: (err) => {
      showError(err, { label: t("reload"), run: () => void reloadCase(view.id) });
      // The button was disabled while busy, which drops focus: give it back so the keyboard can try again.
      refocus(btn.id);
    },
  });
}

function openPanel(draft: CaseDraft, panel: Panel): void {
  draft.panel = draft.panel === panel ? "" : panel;
  draft.errors = {};
  nav.render();
  const first = document.getElementById(`panel-${panel}-first`) ?? document.querySelector<HTMLElement>(`.panel-${panel} :is(input, textarea, select)`);
  first?.focus();
}

function textarea(id: string, value: string, onInput: (v: string) => void): HTMLTextAreaElement {
  return h("textarea", { id, rows: 2, value, oninput: (e: Event) => onInput((e.target as HTMLTextAreaElement).value) });
}

/** A panel asking for a reason (and for reassign, an email) before the action is sent. */
function reasonPanel(view: CaseView, draft: CaseDraft, panel: Exclude<Panel, "" | "correct">): HTMLElement {
  const labels: Record<typeof panel, [Key, Key]> = {
    return: ["returnReason", "returnSubmit"],
    reassign: ["reassignReason", "reassignSubmit"],
    cancel: ["cancelReason", "cancelSubmit"],
    reopen: ["reopenReason", "reopenSubmit"],
  };
  const [reasonLabel, submitLabel] = labels[panel];
  const reason = textarea(panel === "reassign" ? `panel-${panel}-reason` : `panel-${panel}-first`, draft.reason[panel] ?? "", (v) => {
    draft.reason[panel] = v;
  });
  const email =
    panel === "reassign"
      ? h("input", {
          id: `panel-${panel}-first`,
          type: "email",
          autocomplete: "off",
          value: draft.email,
          oninput: (e: Event) => {
            draft.email = (e.target as HTMLInputElement).value;
          },
        })
      : null;
  const submit = async (e: Event) => {
    const btn = e.currentTarget as HTMLButtonElement;
    const errors: Record<string, string> = {};
    const raw = draft.reason[panel] ?? "";
    const text = raw.trim();
    if (!text) errors.reason = t("reasonRequired");
    else if (isTooLong(raw)) errors.reason = tooLong(t(reasonLabel));
    if (panel === "reassign" && !isEmail(draft.email)) errors.email = t("emailInvalid");
    draft.errors = errors;
    if (Object.keys(errors).length) {
      nav.render();
      document.getElementById(errors.email ? `panel-${panel}-first` : reason.id)?.focus();
      return;
    }
    // Checks passed: drop the marks of an earlier attempt before sending.
    for (const el of Array.from(btn.closest(".panel")?.querySelectorAll(".field-error") ?? [])) el.remove();
    for (const el of Array.from(btn.closest(".panel")?.querySelectorAll("[aria-invalid]") ?? [])) el.removeAttribute("aria-invalid");
    const extra: Extra = { action: panel, reason: text };
    if (panel === "reassign") extra.email = draft.email.trim();
    if (panel === "return" && view.current?.noTo) extra.toStep = view.current.noTo.no;
    await act(btn, view, extra, draft);
  };
  const target = panel === "return" && view.current?.noTo ? h("p", { class: "hint", id: "return-target" }, t("returnTo", view.current.noTo)) : null;
  return h(
    "div",
    { class: `panel panel-${panel}`, role: "group", "aria-label": t(submitLabel) },
    email ? formRow(t("reassignEmail"), email, { required: true, error: draft.errors.email, limit: EMAIL_MAX }) : null,
    formRow(t(reasonLabel), reason, { required: true, error: draft.errors.reason, limit: MAX_TEXT }),
    target,
    h(
      "div",
      { class: "buttons" },
      h("button", { type: "button", id: `panel-${panel}-submit`, class: panel === "cancel" ? "danger" : "primary", onclick: submit }, t(submitLabel)),
      h("button", { type: "button", id: `panel-${panel}-back`, class: "secondary", onclick: () => openPanel(draft, panel) }, t("back")),
    ),
  );
}

export function renderActions(view: CaseView): HTMLElement | null {
  const draft = draftFor(view.id);
  const can = (a: ActInput["action"]) => view.actions.includes(a);
  const fix = view.correction;
  // One busy group: while any action is in flight, none of them can be pressed. The heading is for screen readers: the
  // buttons sit right under the step they act on, and every line spent above them pushes them out of view.
  const section = h("section", { class: "actions", "aria-labelledby": "actions-h", "data-busy-group": "" }, h("h3", { id: "actions-h", class: "sr-only" }, t("actions")));
  if (!view.actions.length && !fix) {
    // A closed case with nothing to do shows no actions at all.
    if (!view.current) return null;
    section.append(h("p", { class: "muted" }, t("noActions", { role: view.current.roleName })));
    return section;
  }
  const forward = can("complete") || can("approve");
  if (forward) {
    const note = textarea("act-note", draft.note, (v) => {
      draft.note = v;
    });
    section.append(formRow(t("note"), note, { error: draft.errors.note, limit: MAX_TEXT }));
  }
  const withNote = (action: "complete" | "approve") => (e: Event) => {
    if (isTooLong(draft.note)) {
      draft.errors = { note: tooLong(t("noteName")) };
      nav.render();
      document.getElementById("act-note")?.focus();
      return;
    }
    void act(e.currentTarget as HTMLButtonElement, view, draft.note.trim() ? { action, note: draft.note.trim() } : { action }, draft);
  };
  // Stable ids: a redraw (a poll, a language switch) puts keyboard focus back on the same button.
  const toggle = (panel: Exclude<Panel, "">, key: Key, size = "") =>
    h(
      "button",
      { type: "button", id: `act-${panel}`, class: `secondary ${size}`.trim(), "aria-expanded": String(draft.panel === panel), onclick: () => openPanel(draft, panel) },
      t(key),
    );
  // Ubah isian sits with the holder's own buttons when the case came back for correction; otherwise (and for an admin,
  // who gives a reason) with the smaller ones, so a decision keeps Setujui and Kembalikan on one line.
  const fixHere = !!fix && !fix.reasonRequired && view.status === "Dikembalikan";
  const main = h(
    "div",
    { class: "buttons main" },
    can("complete") ? h("button", { type: "button", id: "act-complete", class: "primary", onclick: withNote("complete") }, t("complete")) : null,
    can("approve") ? h("button", { type: "button", id: "act-approve", class: "primary", onclick: withNote("approve") }, t("approve")) : null,
    can("return") ? toggle("return", "return") : null,
    can("reopen") ? toggle("reopen", "reopen") : null,
    fixHere ? toggle("correct", "correct") : null,
  );
  if (main.childElementCount) section.append(main);
  const yes = view.current?.yesTo;
  if (can("approve") && view.current?.kind === "decision") {
    section.append(h("p", { class: "hint" }, yes && yes.no !== "selesai" ? t("approveTo", { no: yes.no }) : t("approveEnd")));
  }
  if (can("reassign") || can("cancel") || (fix && !fixHere)) {
    section.append(
      h(
        "div",
        { class: "buttons admin" },
        fix && !fixHere ? toggle("correct", "correct", "small") : null,
        can("reassign") ? toggle("reassign", "reassign", "small") : null,
        can("cancel") ? toggle("cancel", "cancel", "small") : null,
      ),
    );
  }
  if (draft.panel === "correct" && fix) section.append(correctionPanel(view, fix, draft));
  else if (draft.panel && draft.panel !== "correct" && can(draft.panel)) section.append(reasonPanel(view, draft, draft.panel));
  return section;
}
