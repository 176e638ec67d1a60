// The actions the current user may take on a case: finish, approve, return with a reason, and the admin's reassign/cancel/reopen.
import type { ActInput, CaseView } from "../src/api";
import { isEmail } from "../src/domain/fields";
import { announce, clearAlert, showError } from "./alert";
import { call } from "./api-client";
import { withBusy } from "./busy";
import { reloadCase } from "./case-load";
import { h } from "./dom";
import { refocus } from "./focus";
import { formRow } from "./form";
import { type Key, t } from "./i18n";
import { type CaseDraft, draftFor, nav, type Panel } from "./state";
import { isTooLong, tooLong } from "./text-limit";

type Extra = Omit<ActInput, "caseId" | "expectedVersion">;

async function act(btn: HTMLButtonElement, view: CaseView, extra: Extra, draft: CaseDraft): Promise<void> {
  clearAlert();
  try {
    const next = await withBusy(btn, () => call("act", { caseId: view.id, expectedVersion: view.version, ...extra }));
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
  } catch (err) {
    showError(err, { label: t("reload"), run: () => void reloadCase(view.id) });
    // The button was disabled while busy, which drops focus: give it back so the keyboard can try again.
    refocus(btn.id);
  }
}

function openPanel(draft: CaseDraft, panel: Panel): void {
  draft.panel = draft.panel === panel ? "" : panel;
  draft.errors = {};
  nav.render();
  document.getElementById(`panel-${panel}-first`)?.focus();
}

function textarea(id: string, value: string, onInput: (v: string) => void): HTMLTextAreaElement {
  return h("textarea", { id, rows: 2, value, oninput: (e: Event) => onInput((e.target as HTMLTextAreaElement).value) });
}

/** A panel asking for a reason (and for reassign, an email) before the action is sent. */
function reasonPanel(view: CaseView, draft: CaseDraft, panel: Exclude<Panel, "">): HTMLElement {
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
    email ? formRow(t("reassignEmail"), email, { required: true, error: draft.errors.email }) : null,
    formRow(t(reasonLabel), reason, { required: true, error: draft.errors.reason, limit: true }),
    target,
    h(
      "div",
      { class: "buttons" },
      h("button", { type: "button", id: `panel-${panel}-submit`, class: panel === "cancel" ? "danger" : "primary", onclick: submit }, t(submitLabel)),
      h("button", { type: "button", id: `panel-${panel}-back`, class: "secondary", onclick: () => openPanel(draft, panel) }, t("back")),
    ),
  );
}

export function renderActions(view: CaseView): HTMLElement {
  const draft = draftFor(view.id);
  const can = (a: ActInput["action"]) => view.actions.includes(a);
  // One busy group: while any action is in flight, none of them can be pressed.
  const section = h("section", { class: "actions", "aria-labelledby": "actions-h", "data-busy-group": "" }, h("h3", { id: "actions-h" }, t("actions")));
  if (!view.actions.length) {
    if (view.current) section.append(h("p", { class: "muted" }, t("noActions", { role: view.current.roleName })));
    else section.remove();
    return section;
  }
  const forward = can("complete") || can("approve");
  if (forward) {
    const note = textarea("act-note", draft.note, (v) => {
      draft.note = v;
    });
    section.append(formRow(t("note"), note, { error: draft.errors.note, limit: true }));
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
  section.append(
    h(
      "div",
      { class: "buttons" },
      can("complete") ? h("button", { type: "button", id: "act-complete", class: "primary", onclick: withNote("complete") }, t("complete")) : null,
      can("approve") ? h("button", { type: "button", id: "act-approve", class: "primary", onclick: withNote("approve") }, t("approve")) : null,
      can("return") ? toggle("return", "return") : null,
      can("reopen") ? toggle("reopen", "reopen") : null,
    ),
  );
  if (can("reassign") || can("cancel")) {
    section.append(h("div", { class: "buttons admin" }, can("reassign") ? toggle("reassign", "reassign", "small") : null, can("cancel") ? toggle("cancel", "cancel", "small") : null));
  }
  const yes = view.current?.yesTo;
  if (can("approve") && view.current?.kind === "decision") {
    section.append(h("p", { class: "hint" }, yes && yes.no !== "selesai" ? t("approveTo", { no: yes.no }) : t("approveEnd")));
  }
  if (draft.panel && can(draft.panel)) section.append(reasonPanel(view, draft, draft.panel));
  return section;
}
