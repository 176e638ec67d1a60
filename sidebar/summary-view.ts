// Ringkas: for managers (Me.manager, decided on the server by canonical role), cases running, late and finished this month per SOP.
import { announce, clearAlert, showError } from "./alert";
import { call } from "./api-client";
import { withBusy } from "./busy";
import { h } from "./dom";
import { formatWib } from "./format";
import { t } from "./i18n";
import { nav, state } from "./state";

let loading = false;
/** What the last rebuild said, kept across re-renders of the view. */
let reportNote = "";

async function rebuild(btn: HTMLButtonElement): Promise<void> {
  clearAlert();
  try {
    const r = await withBusy(btn, () => call("rebuildReport", null));
    reportNote = t("reportDone", { n: r.entries, at: formatWib(r.at), sheet: r.sheetName });
    announce(reportNote);
    nav.render();
  } catch (err) {
    showError(err, { label: t("retry"), run: () => void rebuild(btn) });
  }
}

function reportSection(): HTMLElement {
  const btn: HTMLButtonElement = h("button", { type: "button", class: "primary", onclick: () => void rebuild(btn) }, t("reportRebuild"));
  return h(
    "section",
    { class: "report", "aria-labelledby": "report-h" },
    h("h3", { id: "report-h" }, t("reportTitle")),
    h("p", { class: "muted" }, t("reportAbout")),
    h("div", { class: "report-actions" }, btn),
    reportNote ? h("p", { class: "report-note" }, reportNote) : null,
  );
}

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
    root.append(h("p", { class: "muted" }, t("summaryEmpty")), reportSection());
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
    reportSection(),
  );
}
