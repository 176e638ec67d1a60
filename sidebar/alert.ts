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
  el.classList.remove("warn");
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

/**
 * Warnings the person may accept: the list, "Tetap lanjutkan" (runs `go`) and "Batal". Changing anything in the view
 * takes the offer back (what would be confirmed is no longer what was warned about); sending again warns again.
 */
export function showWarnings(message: string, warnings: string[], go: (btn: HTMLButtonElement) => Promise<void>): void {
  const el = box();
  const confirm: HTMLButtonElement = h("button", { type: "button", id: "warn-confirm", class: "primary small", onclick: () => void go(confirm) }, t("warnConfirm"));
  fill(
    el,
    h("p", { class: "alert-text" }, message || t("warnTitle")),
    h("ul", { class: "warnings" }, warnings.map((w) => h("li", {}, w))),
    h("div", { class: "alert-actions", "data-busy-group": "" }, confirm, h("button", { type: "button", class: "link", id: "warn-cancel", onclick: clearAlert }, t("back"))),
  );
  el.classList.add("warn");
  el.tabIndex = -1;
  el.focus();
  const view = document.getElementById("view");
  const withdraw = () => {
    if (el.contains(confirm)) clearAlert();
    view?.removeEventListener("input", withdraw, true);
  };
  view?.addEventListener("input", withdraw, true);
}

export function clearAlert(): void {
  // The box stays in the page (empty boxes are not drawn) so screen readers announce what is put into it.
  box().textContent = "";
  box().classList.remove("warn");
}

/** Tells screen readers (and the sighted, briefly) what just happened. */
export function announce(text: string): void {
  status().textContent = text;
}
