// Ringkas: for managers, cases running, late and finished this month per SOP.
import type { Me } from "../src/api";
import { showError } from "./alert";
import { call } from "./api-client";
import { withBusy } from "./busy";
import { h } from "./dom";
import { t } from "./i18n";
import { nav, state } from "./state";

/** Pimpinan and admins see Ringkas; the server decides what they may read. */
export function isManager(me: Me | undefined): boolean {
  return !!me && (me.admin || me.roles.some((r) => /kepala|sekretaris|kabid|kasubbag|kasi/i.test(r)));
}

let loading = false;

export async function loadSummary(btn?: HTMLButtonElement): Promise<void> {
  if (loading) return;
  loading = true;
  try {
    const fetch = () => call("summary", null);
    state.summary = await (btn ? withBusy(btn, fetch) : fetch());
  } catch (err) {
    showError(err, { label: t("retry"), run: () => void loadSummary() });
  } finally {
    loading = false;
  }
  nav.render();
}

export function renderSummary(root: HTMLElement): void {
  const rows = state.summary;
  if (!rows) {
    root.append(h("p", { class: "muted" }, t("loading")));
    void loadSummary();
    return;
  }
  const refresh: HTMLButtonElement = h("button", { type: "button", class: "secondary small", onclick: () => void loadSummary(refresh) }, t("reload"));
  root.append(h("div", { class: "view-head" }, h("h2", {}, t("summaryTitle")), refresh));
  if (!rows.length) {
    root.append(h("p", { class: "muted" }, t("summaryEmpty")));
    return;
  }
  const total = (k: "running" | "late" | "finishedThisMonth") => rows.reduce((n, r) => n + r[k], 0);
  const num = (n: number, cls = "") => h("td", { class: `num ${cls}` }, String(n));
  root.append(
    h(
      "table",
      { class: "summary" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, t("sumSop")),
          h("th", { scope: "col", class: "num" }, t("sumRunning")),
          h("th", { scope: "col", class: "num" }, t("sumLate")),
          h("th", { scope: "col", class: "num" }, t("sumFinished")),
        ),
      ),
      h(
        "tbody",
        {},
        rows.map((r) => h("tr", {}, h("th", { scope: "row" }, r.code, h("span", { class: "sum-title" }, r.title.replace(/^SOP\s+/i, ""))), num(r.running), num(r.late, r.late ? "late" : ""), num(r.finishedThisMonth))),
      ),
      h(
        "tfoot",
        {},
        h("tr", {}, h("th", { scope: "row" }, t("sumTotal")), num(total("running")), num(total("late"), total("late") ? "late" : ""), num(total("finishedThisMonth"))),
      ),
    ),
  );
}
