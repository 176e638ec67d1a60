// Antrean saya: the cases waiting for any role the user holds or acts for; one click selects the row and opens the case.
import type { QueueItem } from "../src/api";
import { clearAlert, showError } from "./alert";
import { call } from "./api-client";
import { withBusy } from "./busy";
import { h } from "./dom";
import { refocus } from "./focus";
import { formatMinutes, formatWib } from "./format";
import { digestPref } from "./digest-pref";
import { t } from "./i18n";
import { sortQueue } from "./queue-sort";
import { nav, state } from "./state";

let loading = false;

export async function loadQueue(btn?: HTMLButtonElement): Promise<void> {
  if (loading) return;
  loading = true;
  try {
    const fetch = () => call("myQueue", null);
    state.queue = sortQueue(await (btn ? withBusy(btn, fetch) : fetch()));
    if (state.boot) state.boot.queueCount = state.queue.length;
  } catch (err) {
    showError(err, { label: t("retry"), run: () => void loadQueue() });
  } finally {
    loading = false;
  }
  nav.render();
}

async function open(btn: HTMLButtonElement, item: QueueItem): Promise<void> {
  clearAlert();
  try {
    const view = await withBusy(btn, async () => {
      await call("selectCase", { caseId: item.caseId });
      return call("getCase", { caseId: item.caseId });
    });
    nav.showCase(view);
    nav.go("case");
    // The list item that was pressed is gone with the list: start reading at the case.
    refocus("", "case-h");
  } catch (err) {
    showError(err);
  }
}

function entry(item: QueueItem): HTMLElement {
  const late = item.lateMinutes > 0;
  const when = late ? t("late", { t: formatMinutes(item.lateMinutes) }) : item.dueAt ? t("dueShort", { at: formatWib(item.dueAt) }) : t("noDue");
  const btn: HTMLButtonElement = h(
    "button",
    { type: "button", class: `queue-item${late ? " late" : ""}`, onclick: () => void open(btn, item) },
    h("span", { class: "q-top" }, h("span", { class: "case-id" }, item.caseId), h("span", { class: late ? "chip late" : "chip" }, when)),
    h("span", { class: "q-perihal" }, item.perihal),
    h("span", { class: "q-step muted" }, `${t("step", { no: item.stepNo })}: ${item.stepText}`),
    h("span", { class: "q-role muted" }, `${item.sopCode} · ${item.roleName}`),
  );
  return h("li", {}, btn);
}

export function renderQueue(root: HTMLElement): void {
  if (!state.queue) {
    root.append(h("p", { class: "muted" }, t("loading")));
    void loadQueue();
    return;
  }
  const items = state.queue;
  const refresh: HTMLButtonElement = h("button", { type: "button", class: "secondary small", onclick: () => void loadQueue(refresh) }, t("reload"));
  root.append(
    h("div", { class: "view-head" }, h("h2", {}, items.length ? t("queueCount", { n: items.length }) : t("tabQueue")), refresh),
    items.length ? h("ol", { class: "queue" }, items.map(entry)) : h("p", { class: "muted" }, t("queueEmpty")),
    digestPref(),
  );
}
