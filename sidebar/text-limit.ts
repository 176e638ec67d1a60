// The 5.000-character limit the server puts on every typed text: maxlength, a counter once the text nears it, and the message.
import { MAX_TEXT } from "../src/domain/fields";
import { h } from "./dom";
import { t } from "./i18n";

export { MAX_TEXT };
/** The counter appears from here on: far enough ahead to notice, late enough not to clutter short notes. */
export const COUNTER_FROM = MAX_TEXT - 500;

/** 5000 as "5.000" (id) or "5,000" (en). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, t("thousandSep"));
}

/** The message for a text over the limit, e.g. "Alasan terlalu panjang (maksimal 5.000 karakter)." */
export function tooLong(what: string): string {
  return t("tooLong", { what, max: groupDigits(MAX_TEXT) });
}

export function isTooLong(text: string): boolean {
  return text.length > MAX_TEXT;
}

/**
 * Sets maxlength on the control and returns the counter line to put under it (and to name in aria-describedby). The
 * counter is not a live region: announcing every keystroke would drown the reader; it is read with the field instead.
 */
export function limitCounter(control: HTMLInputElement | HTMLTextAreaElement, id: string): HTMLElement {
  control.maxLength = MAX_TEXT;
  const counter = h("p", { class: "counter", id });
  const update = () => {
    const n = control.value.length;
    const near = n >= COUNTER_FROM;
    counter.hidden = !near;
    counter.textContent = near ? t("charCount", { n: groupDigits(n), max: groupDigits(MAX_TEXT) }) : "";
    counter.classList.toggle("full", n >= MAX_TEXT);
  };
  control.addEventListener("input", update);
  update();
  return counter;
}
