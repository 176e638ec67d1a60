// Kasus baru: choose an SOP, fill its fields (checked here with the server's own rules, then again on the server), start the case.
import type { SopSummary } from "../src/api";
import { announce, clearAlert, showError } from "./alert";
import { CallError, call } from "./api-client";
import { sendConfirmable } from "./confirm";
import { h } from "./dom";
import { checkTyped, fieldRows, focusFirstError } from "./field-rows";
import { refocus } from "./focus";
import { formRow } from "./form";
import { t } from "./i18n";
import { requestIdFor } from "./request-id";
import { nav, state } from "./state";

const PREFIX = "nf";

async function submit(btn: HTMLButtonElement, sop: SopSummary): Promise<void> {
  clearAlert();
  const values = state.forms[sop.id] ?? {};
  const errors = checkTyped(sop.fields, values);
  if (Object.keys(errors).length) {
    state.formErrors = errors;
    nav.render();
    focusFirstError(sop.fields, errors, PREFIX);
    announce(t("fixErrors"));
    return;
  }
  state.formErrors = {};
  // The raw typed text goes to the server, which normalises and stores it as text. The same request id goes with every
  // press until one succeeds: if a reply was lost after the case was made, the server answers with that case again.
  const requestId = requestIdFor(state.requestIds, sop.id);
  const fields = { ...values };
  await sendConfirmable({
    btn,
    // A warning (a letter received before the date it was written) changed nothing; confirmed, the same request goes again.
    send: (confirm) => call("startCase", { sopId: sop.id, fields, requestId, ...(confirm ? { confirm } : {}) }),
    done: async (view) => {
      delete state.forms[sop.id];
      delete state.requestIds[sop.id];
      await call("selectCase", { caseId: view.id }).catch(() => null);
      nav.showCase(view);
      nav.go("case");
      announce(t("started", { id: view.id }));
      refocus("", "case-h");
    },
    failed: (err) => {
      state.formErrors = err instanceof CallError ? err.fieldErrors : {};
      nav.render();
      showError(err);
      focusFirstError(sop.fields, state.formErrors, PREFIX);
    },
  });
}

function sopSelect(sops: SopSummary[]): HTMLSelectElement {
  const units = Array.from(new Set(sops.map((s) => s.unitName)));
  return h(
    "select",
    {
      id: "nf-sop",
      onchange: (e: Event) => {
        state.newSopId = (e.target as HTMLSelectElement).value;
        state.formErrors = {};
        nav.render();
        document.getElementById("nf-sop")?.focus();
      },
    },
    h("option", { value: "" }, t("chooseSopFirst")),
    units.map((unit) =>
      h(
        "optgroup",
        { label: unit },
        sops.filter((s) => s.unitName === unit).map((s) => h("option", { value: s.id, selected: s.id === state.newSopId }, `${s.shortTitle} (${s.code})`)),
      ),
    ),
  );
}

export function renderNewCase(root: HTMLElement): void {
  const sops = state.boot?.sops ?? [];
  root.append(h("h2", {}, t("tabNew")), formRow(t("chooseSop"), sopSelect(sops), { required: true }));
  const sop = sops.find((s) => s.id === state.newSopId);
  if (!sop) return;
  const values = state.forms[sop.id] ?? {};
  state.forms[sop.id] = values;
  const btn: HTMLButtonElement = h("button", { type: "submit", class: "primary" }, t("startCase"));
  const form = h(
    "form",
    {
      class: "new-case",
      novalidate: true,
      "aria-label": sop.title,
      onsubmit: (e: Event) => {
        e.preventDefault();
        void submit(btn, sop);
      },
    },
    h("p", { class: "muted" }, sop.title),
    fieldRows(sop.fields, values, state.formErrors, PREFIX),
    h("div", { class: "buttons", "data-busy-group": "" }, btn),
  );
  root.append(form);
}
