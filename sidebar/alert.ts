// The one visible error box (role="alert") and the polite status line for screen readers.
import { CallError } from "./api-client";
import { fill, h } from "./dom";
import { t } from "./i18n";

const box = () => document.getElementById("alert") as HTMLElement;
const status = () => document.getElementById("status") as HTMLElement;

export interface AlertAction {
  label: string;
  run: () => void;
}

export function messageOf(err: unknown): string {
  if (err instanceof CallError || err instanceof Error) return err.message || t("errUnknown");
  return typeof err === "string" ? err : t("errUnknown");
}

export function showError(err: unknown, action?: AlertAction): void {
  const el = box();
  fill(
    el,
    h("p", { class: "alert-text" }, messageOf(err)),
    h(
      "div",
      { class: "alert-actions" },
      action
        ? h(
            "button",
            {
              type: "button",
              class: "link",
              onclick: () => {
                clearAlert();
                action.run();
              },
            },
            action.label,
          )
        : null,
      h("button", { type: "button", class: "link", onclick: clearAlert }, t("close")),
    ),
  );
}

export function clearAlert(): void {
  // The box stays in the page (empty boxes are not drawn) so screen readers announce what is put into it.
  box().textContent = "";
}

/** Tells screen readers (and the sighted, briefly) what just happened. */
export function announce(text: string): void {
  status().textContent = text;
}
