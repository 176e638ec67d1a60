// Busy state for buttons: disabled with a spinner while a server call is in flight, so nothing is sent twice.
import { t } from "./i18n";

/** Runs fn with btn (and its sibling buttons in the same group) disabled; restores them whatever happens. */
export async function withBusy<T>(btn: HTMLButtonElement, fn: () => Promise<T>): Promise<T> {
  const group = btn.closest("[data-busy-group]");
  const buttons = group ? Array.from(group.querySelectorAll("button")) : [btn];
  const wasDisabled = buttons.map((b) => b.disabled);
  const label = Array.from(btn.childNodes);
  buttons.forEach((b) => {
    b.disabled = true;
  });
  btn.setAttribute("aria-busy", "true");
  btn.textContent = "";
  const spinner = document.createElement("span");
  spinner.className = "spinner";
  spinner.setAttribute("aria-hidden", "true");
  btn.append(spinner, t("busy"));
  try {
    return await fn();
  } finally {
    btn.textContent = "";
    btn.append(...label);
    btn.removeAttribute("aria-busy");
    buttons.forEach((b, i) => {
      b.disabled = wasDisabled[i];
    });
  }
}
