// Ubah isian: the holder of a step (above all after a return for correction), or an admin with a reason at any step,
// corrects the case's fields in a form prefilled from CaseView.correction; only the changed fields are sent.
import type { CaseView } from "../src/api";
import { announce, showError } from "./alert";
import { CallError, call } from "./api-client";
import { reloadCase } from "./case-load";
import { sendConfirmable } from "./confirm";
import { h } from "./dom";
import { checkTyped, fieldRows, focusFirstError } from "./field-rows";
import { refocus } from "./focus";
import { formRow } from "./form";
import { t } from "./i18n";
import { type CaseDraft, nav } from "./state";
import { isTooLong, MAX_TEXT, tooLong } from "./text-limit";

export type Correction = NonNullable<CaseView["correction"]>;
const PREFIX = "cf";
/** Error keys of the form itself (field keys are the case's own). */
const REASON = "_reason";
const FORM = "_form";

/** The fields whose typed value differs from the case's (spaces at either end do not count: the server trims them). */
export function changedFields(fix: Correction, typed: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fix.fields) {
    const v = typed[f.key] ?? fix.values[f.key] ?? "";
    if (v.trim() !== (fix.values[f.key] ?? "").trim()) out[f.key] = v;
  }
  return out;
}

/**
 * The errors a correction brings: on a changed field, or one that appears only with the new values (a date now before
 * another). A value already on the case that today's checks dislike is not the person's doing and does not block them.
 */
export function correctionErrors(fix: Correction, typed: Record<string, string>): Record<string, string> {
  const before = checkTyped(fix.fields, fix.values);
  const after = checkTyped(fix.fields, { ...fix.values, ...typed });
  const changed = changedFields(fix, typed);
  const errors: Record<string, string> = {};
  for (const [key, msg] of Object.entries(after)) if (key in changed || before[key] !== msg) errors[key] = msg;
  return errors;
}

/** Whether the form holds anything not yet sent (a changed field or a reason). */
export function correctionTyped(view: CaseView, draft: CaseDraft): boolean {
  if (draft.fixReason.trim()) return true;
  return !!(draft.fix && view.correction && Object.keys(changedFields(view.correction, draft.fix)).length);
}

function focusError(fix: Correction, errors: Record<string, string>): void {
  if (fix.fields.some((f) => errors[f.key])) focusFirstError(fix.fields, errors, PREFIX);
  else document.getElementById(errors[REASON] ? "cf-reason" : "cf-submit")?.focus();
}

async function submit(btn: HTMLButtonElement, view: CaseView, fix: Correction, draft: CaseDraft): Promise<void> {
  const typed = draft.fix ?? {};
  const changed = changedFields(fix, typed);
  const errors = correctionErrors(fix, typed);
  const reason = draft.fixReason.trim();
  if (fix.reasonRequired && !reason) errors[REASON] = t("reasonRequired");
  else if (isTooLong(draft.fixReason)) errors[REASON] = tooLong(t(fix.reasonRequired ? "correctReason" : "correctNoteName"));
  if (!Object.keys(changed).length && !Object.keys(errors).length) errors[FORM] = t("correctNothing");
  draft.errors = errors;
  if (Object.keys(errors).length) {
    nav.render();
    focusError(fix, errors);
    announce(errors[FORM] ?? t("fixErrors"));
    return;
  }
  await sendConfirmable({
    btn,
    // Only the changed fields go, as typed: the server normalises them and records old and new values in Riwayat.
    send: (confirm) => call("correctCase", { caseId: view.id, expectedVersion: view.version, fields: { ...changed }, ...(reason ? { reason } : {}), ...(confirm ? { confirm } : {}) }),
    done: (next) => {
      draft.fix = null;
      draft.fixReason = "";
      draft.errors = {};
      draft.panel = "";
      nav.showCase(next);
      announce(t("corrected"));
      refocus(btn.id, "case-h");
    },
    failed: (err) => {
      // What was typed stays; the server's field errors are marked where they belong (a refused reason on the reason).
      const marks = err instanceof CallError ? { ...err.fieldErrors } : {};
      if (marks.reason && !fix.fields.some((f) => f.key === "reason")) {
        marks[REASON] = marks.reason;
        delete marks.reason;
      }
      draft.errors = marks;
      nav.render();
      showError(err, { label: t("reload"), run: () => void reloadCase(view.id) });
      if (Object.keys(marks).length) focusError(fix, marks);
      else refocus(btn.id);
    },
  });
}

export function correctionPanel(view: CaseView, fix: Correction, draft: CaseDraft): HTMLElement {
  if (!draft.fix) draft.fix = { ...fix.values };
  const reason = h("textarea", {
    id: "cf-reason",
    rows: 2,
    value: draft.fixReason,
    oninput: (e: Event) => {
      draft.fixReason = (e.target as HTMLTextAreaElement).value;
    },
  });
  const btn: HTMLButtonElement = h("button", { type: "submit", id: "cf-submit", class: "primary" }, t("correctSubmit"));
  // Batal gives the changes up (the Ubah isian button itself only folds the form away, keeping them).
  const close = () => {
    draft.panel = "";
    draft.errors = {};
    draft.fix = null;
    draft.fixReason = "";
    nav.render();
    document.getElementById("act-correct")?.focus();
  };
  return h(
    "form",
    {
      class: "panel panel-correct",
      novalidate: true,
      "aria-label": t("correct"),
      onsubmit: (e: Event) => {
        e.preventDefault();
        void submit(btn, view, fix, draft);
      },
    },
    h("p", { class: "help" }, t(fix.reasonRequired ? "correctAboutAdmin" : "correctAbout")),
    fieldRows(fix.fields, draft.fix, draft.errors, PREFIX),
    formRow(t(fix.reasonRequired ? "correctReason" : "correctNote"), reason, { required: fix.reasonRequired, error: draft.errors[REASON], limit: MAX_TEXT }),
    draft.errors[FORM] ? h("p", { class: "field-error", id: "cf-form-err" }, draft.errors[FORM]) : null,
    h("div", { class: "buttons" }, btn, h("button", { type: "button", id: "cf-back", class: "secondary", onclick: close }, t("back"))),
  );
}
