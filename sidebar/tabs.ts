// The segmented header: tabs for the views (arrow keys move between them) and the ID | EN switch.
import { fill, h } from "./dom";
import { getLang, type Key, type Lang, t } from "./i18n";
import { state, type Tab } from "./state";
import { isManager } from "./summary-view";

const TABS: [Tab, Key][] = [
  ["case", "tabCase"],
  ["queue", "tabQueue"],
  ["new", "tabNew"],
  ["sop", "tabSop"],
  ["summary", "tabSummary"],
];

export function visibleTabs(): Tab[] {
  return TABS.map(([tab]) => tab).filter((tab) => tab !== "summary" || isManager(state.boot?.me));
}

export function renderTabs(el: HTMLElement, go: (tab: Tab) => void, switchLang: (lang: Lang) => void): void {
  const tabs = visibleTabs();
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.indexOf(state.tab);
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    const to = e.key === "Home" ? tabs[0] : e.key === "End" ? tabs[tabs.length - 1] : step ? tabs[(i + step + tabs.length) % tabs.length] : null;
    if (!to) return;
    e.preventDefault();
    go(to);
    document.getElementById(`tab-${to}`)?.focus();
  };
  const count = state.boot?.queueCount ?? 0;
  fill(
    el,
    h(
      "div",
      { class: "tabs", role: "tablist", "aria-label": t("tabsLabel"), onkeydown: onKey as EventListener },
      TABS.filter(([tab]) => tabs.includes(tab)).map(([tab, key]) =>
        h(
          "button",
          {
            type: "button",
            role: "tab",
            id: `tab-${tab}`,
            "aria-selected": String(state.tab === tab),
            "aria-controls": "view",
            tabindex: state.tab === tab ? 0 : -1,
            onclick: () => go(tab),
          },
          t(key),
          tab === "queue" && count > 0 ? h("span", { class: "badge" }, String(count)) : null,
        ),
      ),
    ),
    h(
      "div",
      { class: "lang", role: "group", "aria-label": t("langLabel") },
      (["id", "en"] as Lang[]).map((lang) =>
        h("button", { type: "button", lang, "aria-pressed": String(getLang() === lang), onclick: () => switchLang(lang) }, lang.toUpperCase()),
      ),
    ),
  );
}
