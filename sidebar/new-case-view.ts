// Kasus baru: choose an SOP, fill its fields (checked here with the server's own rules, then again on the server), start the case.
import type { FieldView, SopSummary } from "../src/api";
import { checkFields } from "../src/domain/fields";
import { announce, clearAlert, showError } from "./alert";
import { CallError, call } from "./api-client";
import { withBusy } from "./busy";
import { h } from "./dom";
import { refocus } from "./focus";
import { formRow } from "./form";
import { t } from "./i18n";
import { requestIdFor } from "./request-id";
import { nav, state } from "./state";
import { isTooLong, tooLong } from "./text-limit";

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function control(f: FieldView, value: string, onInput: (v: string) => void): Control {
  const id = `nf-${f.key}`;
  const listen = { oninput: (e: Event) => onInput((e.target as Control).value), onchange: (e: Event) => onInput((e.target as Control).value) };
  switch (f.type) {
    case "longtext":
      return h("textarea", { id, name: f.key, rows: 3, value, ...listen });
    case "choice":
      return h(
        "select",
        { id, name: f.key, ...listen },
        h("option", { value: "" }, "—"),
        (f.options ?? []).map((o) => h("option", { value: o, selected: o === value }, o)),
      );
    case "date":
      return h("input", { id, name: f.key, type: "date", value, ...listen });
    case "number":
      // Text, not type=number: the office writes "1.500.000" and "2,5", which the server understands.
      return h("input", { id, name: f.key, type: "text", inputmode: "decimal", value, ...listen });
    case "email":
      return h("input", { id, name: f.key, type: "email", autocomplete: "off", value, ...listen });
    default:
      return h("input", { id, name: f.key, type: "text", autocomplete: "off", value, ...listen });
  }
}

function focusFirstError(sop: SopSummary): void {
  const first = sop.fields.find((f) => state.formErrors[f.key]);
  if (first) document.getElementById(`nf-${first.key}`)?.focus();
}

/** The server's rules, with the length limit said the panel's way (the server refuses the raw text over 5.000). */
function check(sop: SopSummary, values: Record<string, string>): Record<string, string> {
  const checked = checkFields(sop.fields, values);
  const errors: Record<string, string> = checked.ok ? {} : { ...checked.errors };
  for (const f of sop.fields) if (isTooLong(values[f.key] ?? "")) errors[f.key] = tooLong(f.label);
  return errors;
}

async function submit(btn: HTMLButtonElement, sop: SopSummary): Promise<void> {
  clearAlert();
  const values = state.forms[sop.id] ?? {};
  const errors = check(sop, values);
  if (Object.keys(errors).length) {
    state.formErrors = errors;
    nav.render();
    focusFirstError(sop);
    announce(t("fixErrors"));
    return;
  }
  state.formErrors = {};
  try {
    // The raw typed text goes to the server, which normalises and stores it as text. The same request id goes with every
    // press until one succeeds: if a reply was lost after the case was made, the server answers with that case again.
    const requestId = requestIdFor(state.requestIds, sop.id);
    const view = await withBusy(btn, () => call("startCase", { sopId: sop.id, fields: { ...values }, requestId }));
    delete state.forms[sop.id];
    delete state.requestIds[sop.id];
    await call("selectCase", { caseId: view.id }).catch(() => null);
    nav.showCase(view);
    nav.go("case");
    announce(t("started", { id: view.id }));
    refocus("", "case-h");
  } catch (err) {
    state.formErrors = err instanceof CallError ? err.fieldErrors : {};
    nav.render();
    showError(err);
    focusFirstError(sop);
  }
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
    sop.fields.map((f) =>
      formRow(
        f.label,
        control(f, values[f.key] ?? "", (v) => {
          values[f.key] = v;
        }),
        { required: f.required, help: f.help, error: state.formErrors[f.key], limit: f.type !== "choice" && f.type !== "date" },
      ),
    ),
    h("div", { class: "buttons", "data-busy-group": "" }, btn),
  );
  root.append(form);
}
