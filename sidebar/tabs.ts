// The panel's header: tabs for the views (arrow keys move between them) and the ID | EN switch.
import { fill, h } from "./dom";
import { getLang, type Key, type Lang, t } from "./i18n";
import { state, type Tab } from "./state";

/** Each tab's short label (five must fit 300 px) and its full name, which screen readers hear. */
const TABS: [Tab, Key, Key][] = [
  ["case", "tabCaseShort", "tabCase"],
  ["queue", "tabQueueShort", "tabQueue"],
  ["new", "tabNewShort", "tabNew"],
  ["sop", "tabSop", "tabSop"],
  ["summary", "tabSummary", "tabSummary"],
];

export function visibleTabs(): Tab[] {
  // Ringkas only for managers: the server decides who is one by canonical role (and refuses the rest what it hides here).
  return TABS.map(([tab]) => tab).filter((tab) => tab !== "summary" || state.boot?.me.manager === true);
}

export function renderTabs(el: HTMLElement, go: (tab: Tab) => void): void {
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
      TABS.filter(([tab]) => tabs.includes(tab)).map(([tab, short, full]) =>
        h(
          "button",
          {
            type: "button",
            role: "tab",
            id: `tab-${tab}`,
            "aria-selected": String(state.tab === tab),
            "aria-controls": "view",
            tabindex: state.tab === tab ? 0 : -1,
            // The full name only where it differs from what is shown (label-in-name holds: the short label is part of it).
            "aria-label": tab === "queue" && count > 0 ? `${t(full)} (${count})` : short === full ? null : t(full),
            onclick: () => go(tab),
          },
          t(short),
          tab === "queue" && count > 0 ? h("span", { class: "badge" }, String(count)) : null,
        ),
      ),
    ),
  );
}

export function renderLang(el: HTMLElement, switchLang: (lang: Lang) => void): void {
  fill(
    el,
    h(
      "span",
      { class: "lang", role: "group", "aria-label": t("langLabel") },
      (["id", "en"] as Lang[]).map((lang) =>
        h("button", { type: "button", id: `lang-${lang}`, lang, "aria-pressed": String(getLang() === lang), onclick: () => switchLang(lang) }, lang.toUpperCase()),
      ),
    ),
  );
}
