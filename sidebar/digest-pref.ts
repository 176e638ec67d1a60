// Antrean saya › Ringkasan harian: a person chooses one email each working morning instead of one per step and reminder
// (their row in Pejabat, column Ringkasan harian; the admin may set it there too).
import type { EmailPrefs } from "../src/api";
import { showError } from "./alert";
import { call } from "./api-client";
import { fill, h } from "./dom";
import { t } from "./i18n";

let prefs: EmailPrefs | null = null;
let loading = false;

/** A closed section: its setting is read from the server only when the person opens it. */
export function digestPref(): HTMLElement {
  const box = h("div", {});
  const details = h("details", { class: "digest-pref", ontoggle: () => details.open && draw(box) }, h("summary", {}, t("digestLabel")), box);
  return details;
}

function draw(box: HTMLElement): void {
  if (!prefs) {
    fill(box, h("p", { class: "muted" }, t("loading")));
    void load(box);
    return;
  }
  const current = prefs;
  const input = h("input", {
    type: "checkbox",
    id: "digest-pref",
    checked: current.digest,
    disabled: !current.listed,
    "aria-describedby": "digest-help",
    onchange: () => void save(box, input),
  });
  fill(box, h("label", { for: "digest-pref", class: "digest-on" }, input, " ", t("digestOn")), h("p", { class: "muted digest-help", id: "digest-help" }, current.listed ? t("digestHelp") : t("digestNotListed")));
}

async function load(box: HTMLElement): Promise<void> {
  if (loading) return;
  loading = true;
  try {
    prefs = await call("emailPrefs", null);
  } catch (err) {
    fill(box);
    showError(err);
    return;
  } finally {
    loading = false;
  }
  draw(box);
}

async function save(box: HTMLElement, input: HTMLInputElement): Promise<void> {
  input.disabled = true;
  try {
    prefs = await call("setEmailPrefs", { digest: input.checked });
  } catch (err) {
    showError(err);
  }
  draw(box);
}
