// The length limits the server puts on typed text (per field kind, 5.000 for long texts): maxlength, a counter before it runs out, and the message.
import type { FieldView } from "../src/api";
import { MAX_TEXT } from "../src/domain/fields";
import { h } from "./dom";
import { t } from "./i18n";

/** Long texts (a reason, a note, a longtext field): the server's own limit for any typed text. */
export { MAX_TEXT };

/** An email address (the reassign form; email and person fields get theirs from the server). */
export const EMAIL_MAX = 254;

/** A field's limit as the server sent it; a server that sends none limits every text to MAX_TEXT. */
export function limitOf(f: Pick<FieldView, "maxLength">): number {
  return f.maxLength && f.maxLength > 0 ? Math.min(f.maxLength, MAX_TEXT) : MAX_TEXT;
}

/**
 * Where the counter appears: the last fifth of the limit, at most the last 500 characters (4.500 of 5.000, 240 of 300):
 * far enough ahead to notice, late enough not to clutter short texts.
 */
export function counterFrom(max: number): number {
  return max - Math.min(500, Math.ceil(max / 5));
}

/** 5000 as "5.000" (id) or "5,000" (en). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, t("thousandSep"));
}

/** The message for a text over the limit, e.g. "Alasan terlalu panjang (maksimal 5.000 karakter)." */
export function tooLong(what: string, max = MAX_TEXT): string {
  return t("tooLong", { what, max: groupDigits(max) });
}

export function isTooLong(text: string, max = MAX_TEXT): boolean {
  return text.length > max;
}

/**
 * Sets maxlength on the control and returns the counter line to put under it (and to name in aria-describedby). The
 * counter is not a live region: announcing every keystroke would drown the reader; it is read with the field instead.
 */
export function limitCounter(control: HTMLInputElement | HTMLTextAreaElement, id: string, max = MAX_TEXT): HTMLElement {
  control.maxLength = max;
  const from = counterFrom(max);
  const counter = h("p", { class: "counter", id });
  const update = () => {
    const n = control.value.length;
    const near = n >= from;
    counter.hidden = !near;
    counter.textContent = near ? t("charCount", { n: groupDigits(n), max: groupDigits(max) }) : "";
    counter.classList.toggle("full", n >= max);
  };
  control.addEventListener("input", update);
  update();
  return counter;
}
