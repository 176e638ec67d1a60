// A case's fields as form rows (Kasus baru and Ubah isian draw them the same way) and the checks run before sending them.
import type { FieldView } from "../src/api";
import { checkFields } from "../src/domain/fields";
import { h } from "./dom";
import { formRow } from "./form";
import { isTooLong, limitOf, tooLong } from "./text-limit";

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function control(f: FieldView, id: string, value: string, onInput: (v: string) => void): Control {
  const listen = { oninput: (e: Event) => onInput((e.target as Control).value), onchange: (e: Event) => onInput((e.target as Control).value) };
  switch (f.type) {
    case "longtext":
      return h("textarea", { id, name: f.key, rows: 3, value, ...listen });
    case "choice":
      return h(
        "select",
        { id, name: f.key, ...listen },
        h("option", { value: "" }, "—"),
        // A value no longer among the options (the SOP changed since) stays shown, so a correction does not wipe it.
        (f.options ?? []).concat(value && !(f.options ?? []).includes(value) ? [value] : []).map((o) => h("option", { value: o, selected: o === value }, o)),
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

/** One row per field, ids `${prefix}-${key}`; typing writes into `values` (kept by the caller across redraws). */
export function fieldRows(fields: FieldView[], values: Record<string, string>, errors: Record<string, string>, prefix: string): HTMLElement[] {
  return fields.map((f) =>
    formRow(
      f.label,
      control(f, `${prefix}-${f.key}`, values[f.key] ?? "", (v) => {
        values[f.key] = v;
      }),
      { required: f.required, help: f.help, error: errors[f.key], limit: f.type === "choice" || f.type === "date" ? undefined : limitOf(f) },
    ),
  );
}

/** The server's rules (checked again there), with each field's length limit said the panel's way. */
export function checkTyped(fields: FieldView[], values: Record<string, string>): Record<string, string> {
  const checked = checkFields(fields, values);
  const errors: Record<string, string> = checked.ok ? {} : { ...checked.errors };
  for (const f of fields) if (isTooLong(values[f.key] ?? "", limitOf(f))) errors[f.key] = tooLong(f.label, limitOf(f));
  return errors;
}

/** Puts keyboard focus on the first field (in the fields' order) that has an error. */
export function focusFirstError(fields: FieldView[], errors: Record<string, string>, prefix: string): void {
  const first = fields.find((f) => errors[f.key]);
  if (first) document.getElementById(`${prefix}-${first.key}`)?.focus();
}
