// The SOP view: the SOP AP page of the selected case's SOP (or any other), in a sandboxed frame that cannot run scripts.
import { showError } from "./alert";
import { call } from "./api-client";
import { h } from "./dom";
import { formRow } from "./form";
import { t } from "./i18n";
import { nav, state } from "./state";

let pending = "";

async function load(sopId: string): Promise<void> {
  if (pending === sopId) return;
  pending = sopId;
  try {
    const page = await call("sopPage", { sopId });
    if (pending === sopId) state.sopPageHtml = { id: sopId, html: page.html };
  } catch (err) {
    showError(err, { label: t("retry"), run: () => void load(sopId) });
  } finally {
    if (pending === sopId) pending = "";
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
  const page = state.sopPageHtml;
  if (!page || page.id !== sop.id) {
    root.append(h("p", { class: "muted" }, t("loading")));
    void load(sop.id);
    return;
  }
  // sandbox="" (no allow-scripts, no allow-same-origin): the page is shown, never run.
  root.append(h("iframe", { class: "sop-frame", sandbox: "", srcdoc: page.html, title: t("sopFrame", { title: sop.title }) }));
}
