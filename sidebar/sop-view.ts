// The SOP view: the SOP AP page of the selected case's SOP (or any other), in a sandboxed frame that cannot run scripts.
import { showError } from "./alert";
import { call } from "./api-client";
import { h } from "./dom";
import { formRow } from "./form";
import { t } from "./i18n";
import { sopExport } from "./sop-export";
import { nav, state } from "./state";

let pending = "";

/** The page asked for: the SOP, with or without the appendix of repair notes. */
const pageKey = (sopId: string) => `${sopId}|${state.sopRepairNotes ? 1 : 0}`;

async function load(sopId: string): Promise<void> {
  const key = pageKey(sopId);
  if (pending === key) return;
  pending = key;
  try {
    const page = await call("sopPage", { sopId, repairNotes: state.sopRepairNotes });
    if (pending === key) state.sopPageHtml = { id: key, html: page.html };
  } catch (err) {
    showError(err, { label: t("retry"), run: () => void load(sopId) });
  } finally {
    if (pending === key) pending = "";
  }
  nav.render();
}

export function renderSop(root: HTMLElement): void {
  const sops = state.boot?.sops ?? [];
  if (!state.sopPageId) state.sopPageId = state.current?.sopId ?? sops[0]?.id ?? "";
  const select = h(
    "select",
    {
      id: "sop-page-select",
      onchange: (e: Event) => {
        state.sopPageId = (e.target as HTMLSelectElement).value;
        nav.render();
        document.getElementById("sop-page-select")?.focus();
      },
    },
    sops.map((s) => h("option", { value: s.id, selected: s.id === state.sopPageId }, `${s.shortTitle} (${s.code})`)),
  );
  root.append(formRow(t("sopFor"), select));
  const sop = sops.find((s) => s.id === state.sopPageId);
  if (!sop) return;
  const box = h("input", {
    type: "checkbox",
    id: "sop-repair-notes",
    checked: state.sopRepairNotes,
    onchange: (e: Event) => {
      state.sopRepairNotes = (e.target as HTMLInputElement).checked;
      nav.render();
    },
  });
  root.append(h("div", { class: "check" }, box, h("label", { for: "sop-repair-notes" }, t("sopRepairNotes"))));
  const page = state.sopPageHtml;
  if (!page || page.id !== pageKey(sop.id)) {
    root.append(h("p", { class: "muted" }, t("loading")));
    void load(sop.id);
    return;
  }
  // The page is landscape paper (~1250 px): shrunk to the panel's width by default, actual size on request.
  const fit = state.sopPageFit !== false;
  const html = fit ? page.html.replace("<head>", "<head><style>html{zoom:0.22}</style>") : page.html;
  root.append(
    h(
      "button",
      {
        type: "button",
        class: "secondary small",
        id: "sop-zoom",
        onclick: () => {
          state.sopPageFit = !fit;
          nav.render();
        },
      },
      fit ? t("sopActualSize") : t("sopFit"),
    ),
  );
  root.append(sopExport(sop.id));
  // sandbox="" (no allow-scripts, no allow-same-origin): the page is shown, never run.
  root.append(h("iframe", { class: `sop-frame${fit ? " fit" : ""}`, sandbox: "", srcdoc: html, title: t("sopFrame", { title: sop.title }) }));
}
