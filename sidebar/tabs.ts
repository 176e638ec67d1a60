// The panel's header: tabs for the views (arrow keys move between them) and the ID | EN switch.
import { type Children, fill, h } from "./dom";
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

/** One tab button's changing parts: selection, tab order, the name screen readers hear, the label and the badge. */
function tabState(tab: Tab, short: Key, full: Key, count: number): { selected: string; tabindex: string; label: string | null; children: Children[] } {
  return {
    selected: String(state.tab === tab),
    tabindex: state.tab === tab ? "0" : "-1",
    // The full name only where it differs from what is shown (label-in-name holds: the short label is part of it).
    label: tab === "queue" && count > 0 ? `${t(full)} (${count})` : short === full ? null : t(full),
    children: [t(short), tab === "queue" && count > 0 ? h("span", { class: "badge" }, String(count)) : null],
  };
}

/**
 * Draws the tabs. When the same tabs are already there, their buttons are updated in place rather than replaced: a
 * press whose button went away between mouse down and mouse up (a redraw when a reply lands) would be lost.
 */
export function renderTabs(el: HTMLElement, go: (tab: Tab) => void): void {
  const tabs = visibleTabs();
  const count = state.boot?.queueCount ?? 0;
  const shown = TABS.filter(([tab]) => tabs.includes(tab));
  const list = el.querySelector<HTMLElement>(":scope > .tabs");
  const buttons = list ? Array.from(list.children) : [];
  if (list && buttons.length === shown.length && shown.every(([tab], i) => buttons[i].id === `tab-${tab}`)) {
    list.setAttribute("aria-label", t("tabsLabel"));
    shown.forEach(([tab, short, full], i) => {
      const b = buttons[i];
      const s = tabState(tab, short, full, count);
      b.setAttribute("aria-selected", s.selected);
      b.setAttribute("tabindex", s.tabindex);
      if (s.label === null) b.removeAttribute("aria-label");
      else b.setAttribute("aria-label", s.label);
      fill(b, s.children);
    });
    return;
  }
  // Reads the tabs when a key is pressed: the same buttons serve later draws.
  const onKey = (e: KeyboardEvent) => {
    const tabs = visibleTabs();
    const i = tabs.indexOf(state.tab);
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    const to = e.key === "Home" ? tabs[0] : e.key === "End" ? tabs[tabs.length - 1] : step ? tabs[(i + step + tabs.length) % tabs.length] : null;
    if (!to) return;
    e.preventDefault();
    go(to);
    document.getElementById(`tab-${to}`)?.focus();
  };
  fill(
    el,
    h(
      "div",
      { class: "tabs", role: "tablist", "aria-label": t("tabsLabel"), onkeydown: onKey as EventListener },
      shown.map(([tab, short, full]) => {
        const s = tabState(tab, short, full, count);
        return h(
          "button",
          { type: "button", role: "tab", id: `tab-${tab}`, "aria-selected": s.selected, "aria-controls": "view", tabindex: s.tabindex, "aria-label": s.label, onclick: () => go(tab) },
          s.children,
        );
      }),
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
