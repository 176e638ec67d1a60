// One labelled form row: label (with the required mark), control, help line and the error line screen readers hear.
import { type Child, h, newId } from "./dom";
import { t } from "./i18n";
import { limitCounter } from "./text-limit";

export interface RowOptions {
  required?: boolean;
  help?: string;
  error?: string;
  /** Typed text the server limits to this many characters: maxlength and a counter near the limit. */
  limit?: number;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export function formRow(label: string, control: Control, opts: RowOptions = {}): HTMLElement {
  if (!control.id) control.id = newId("f");
  const described: string[] = [];
  let help: Child = null;
  let error: Child = null;
  let counter: Child = null;
  if (opts.limit && !(control instanceof HTMLSelectElement)) {
    counter = limitCounter(control, `${control.id}-count`, opts.limit);
    described.push(`${control.id}-count`);
  }
  if (opts.help) {
    help = h("p", { class: "help", id: `${control.id}-help` }, opts.help);
    described.push(`${control.id}-help`);
  }
  if (opts.error) {
    error = h("p", { class: "field-error", id: `${control.id}-err` }, opts.error);
    described.push(`${control.id}-err`);
    control.setAttribute("aria-invalid", "true");
  }
  if (described.length) control.setAttribute("aria-describedby", described.join(" "));
  if (opts.required) control.setAttribute("aria-required", "true");
  return h(
    "div",
    { class: opts.error ? "row invalid" : "row" },
    h("label", { for: control.id }, label, opts.required ? h("span", { class: "req", title: t("requiredMark") }, " *") : null),
    control,
    counter,
    error,
    help,
  );
}
