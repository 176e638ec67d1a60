// The current step card: what to do, who holds it and the time against the standard, then the buttons, the kelengkapan checklist with Drive links and the output.
import type { CaseView, CurrentStepView, KelengkapanView } from "../src/api";
import { announce, clearAlert, showError } from "./alert";
import { call } from "./api-client";
import { withBusy } from "./busy";
import { h } from "./dom";
import { refocus } from "./focus";
import { formatMinutes, formatWib, safeHref, slaPercent } from "./format";
import { type Key, t } from "./i18n";
import { draftFor, nav, state } from "./state";

const HINT_ID = "kl-hint";

async function tick(
  view: CaseView,
  step: CurrentStepView,
  k: KelengkapanView,
  done: boolean,
  link: string,
  from: string,
  run: (fn: () => Promise<CaseView>) => Promise<CaseView>,
): Promise<boolean> {
  clearAlert();
  try {
    const next = await run(() => call("tickKelengkapan", { caseId: view.id, stepNo: step.no, item: k.item, done, link }));
    delete draftFor(view.id).links[k.item];
    nav.showCase(next);
    announce(t("done"));
    // Ticking several items in a row: the redrawn box (same id) keeps the keyboard where it was.
    refocus(from);
    return true;
  } catch (err) {
    showError(err);
    return false;
  }
}

/** Only whoever may act on the step ticks its kelengkapan (the server checks the same). */
function mayTick(view: CaseView): boolean {
  return view.actions.includes("complete") || view.actions.includes("approve");
}

function checklistItem(view: CaseView, step: CurrentStepView, k: KelengkapanView, index: number): HTMLElement {
  const draft = draftFor(view.id);
  const base = `kl-${index}`;
  const mine = mayTick(view);
  const box = h("input", {
    type: "checkbox",
    id: `${base}-box`,
    checked: k.done,
    disabled: !mine,
    "aria-describedby": mine ? null : HINT_ID,
    onchange: async () => {
      box.disabled = true;
      item.setAttribute("aria-busy", "true");
      const ok = await tick(view, step, k, box.checked, draft.links[k.item] ?? k.link, box.id, (fn) => fn());
      if (!ok) {
        box.checked = k.done;
        box.disabled = false;
        item.removeAttribute("aria-busy");
      }
    },
  });
  const linkInput = h("input", {
    type: "url",
    id: `${base}-link`,
    placeholder: t("driveLink"),
    // The server takes links up to 2.000 characters; Drive links are far shorter.
    maxlength: 2000,
    "aria-label": t("driveLinkFor", { item: k.item }),
    value: draft.links[k.item] ?? k.link,
    oninput: () => {
      draft.links[k.item] = linkInput.value;
    },
  });
  const error = h("p", { class: "field-error", id: `${base}-err`, hidden: true });
  const save = h(
    "button",
    {
      type: "button",
      id: `${base}-save`,
      class: "secondary small",
      onclick: async () => {
        const link = linkInput.value.trim();
        if (link && !safeHref(link)) {
          error.textContent = t("linkInvalid");
          error.hidden = false;
          linkInput.setAttribute("aria-invalid", "true");
          linkInput.setAttribute("aria-describedby", error.id);
          linkInput.focus();
          return;
        }
        await tick(view, step, k, k.done, link, save.id, (fn) => withBusy(save, fn));
      },
    },
    t("saveLink"),
  );
  const href = safeHref(k.link);
  const item = h(
    "li",
    { class: k.done ? "done" : "" },
    h("div", { class: "check" }, box, h("label", { for: box.id }, k.item), href ? h("a", { href, target: "_blank", rel: "noopener noreferrer", class: "open-link" }, t("openLink")) : null),
    mine ? h("div", { class: "link-row", "data-busy-group": "" }, linkInput, save) : null,
    error,
  );
  return item;
}

function slaBlock(step: CurrentStepView): HTMLElement {
  const keys: Record<CurrentStepView["sla"], Key | null> = { green: "slaGreen", amber: "slaAmber", red: "slaRed", none: null };
  const label = keys[step.sla];
  const pct = slaPercent(step.spentMinutes, step.standardMinutes);
  // The SOP's own wording ("1 Jam", "2-3 Hari") unless it is a bare number, which says no unit: then "30 mnt".
  const text = /^\s*\d*\s*$/.test(step.standardText) ? "" : step.standardText;
  const standard = step.standardMinutes !== null ? t("standard", { t: text || formatMinutes(step.standardMinutes) }) : t("noStandard");
  return h(
    "div",
    { class: `sla sla-${step.sla}` },
    h("p", {}, h("strong", {}, `${t("time")}: `), `${standard} · ${t("spent", { t: formatMinutes(step.spentMinutes) })}`),
    step.standardMinutes !== null
      ? h(
          "div",
          { class: "bar", role: "meter", "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": pct, "aria-label": label ? t(label) : t("time") },
          h("span", { style: `width:${pct}%` }),
        )
      : null,
    label ? h("p", { class: "sla-label" }, t(label), step.dueAt ? ` · ${t("due", { at: formatWib(step.dueAt) })}` : "") : null,
  );
}

/**
 * Past this many characters (about four lines of 40 at 300 px) the step's text is cut to three lines until asked for:
 * the line "selengkapnya" takes would otherwise be a fourth line of text.
 */
const LONG_STEP_TEXT = 170;

function stepText(step: CurrentStepView): (HTMLElement | null)[] {
  const long = step.text.length > LONG_STEP_TEXT;
  const open = !long || state.stepTextOpen;
  const toggle = () => {
    state.stepTextOpen = !state.stepTextOpen;
    nav.render();
  };
  return [
    h("p", { class: open ? "step-text" : "step-text clamp", id: "step-text" }, step.text),
    long
      ? h("button", { type: "button", class: "link more", id: "step-more", "aria-expanded": String(open), "aria-controls": "step-text", onclick: toggle }, t(open ? "less" : "more"))
      : null,
  ];
}

/**
 * The current step as one card, in the order a person needs it at 300 px: what the step is, who holds it and the time
 * against its standard, then the buttons (`actions`), then the kelengkapan and the output — so that on a 1366×768 screen
 * Setujui and Kembalikan are in view without scrolling.
 */
export function renderStep(view: CaseView, step: CurrentStepView, actions: HTMLElement | null): HTMLElement {
  const holders = step.holders.length ? step.holders.join(", ") : t("noHolder");
  const role = step.roleName.toLowerCase().includes(step.lane.toLowerCase()) ? step.roleName : `${step.roleName} (${step.lane})`;
  return h(
    "section",
    { class: "card step", "aria-labelledby": "step-h" },
    h("h3", { id: "step-h" }, t("step", { no: step.no }), step.kind === "decision" ? h("span", { class: "chip decision" }, t("decision")) : null),
    stepText(step),
    h("p", { class: "step-who" }, h("span", { class: "muted" }, `${t("holder")}: `), h("strong", {}, holders), ` · ${role}`),
    slaBlock(step),
    actions,
    step.kelengkapan.length
      ? h(
          "div",
          { class: "kl" },
          h("h4", {}, t("kelengkapan")),
          h("ul", { class: "checklist" }, step.kelengkapan.map((k, i) => checklistItem(view, step, k, i))),
          // Disabled boxes say why (their aria-describedby points here), instead of just not reacting.
          mayTick(view) ? null : h("p", { class: "help kl-hint", id: HINT_ID }, t("klOnlyHolder")),
        )
      : null,
    step.output ? h("p", { class: "step-output" }, h("span", { class: "muted" }, `${t("output")}: `), step.output) : null,
  );
}
