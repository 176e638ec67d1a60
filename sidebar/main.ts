// Sidebar entry: one bootstrap call, then render the chosen view and follow the sheet's selection.
import type { CaseView } from "../src/api";
import { showError } from "./alert";
import { call } from "./api-client";
import { drawBanner, hasTyped, pollOutcome } from "./case-refresh";
import { renderCase } from "./case-view";
import { fill, h } from "./dom";
import { getLang, type Lang, setLang, t } from "./i18n";
import { renderNewCase } from "./new-case-view";
import { createPoller } from "./poller";
import { loadQueue, renderQueue } from "./queue-view";
import { renderSop } from "./sop-view";
import { loadSummary, renderSummary } from "./summary-view";
import { nav, state, type Tab } from "./state";
import { renderLang, renderTabs, visibleTabs } from "./tabs";

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const LANG_KEY = "alur.lang";
const VIEWS: Record<Tab, (root: HTMLElement) => void> = { case: renderCase, queue: renderQueue, new: renderNewCase, sop: renderSop, summary: renderSummary };

/** Redraws keep keyboard focus on the control with the same id (tabs, fields, buttons). */
function keepingFocus(draw: () => void): void {
  const active = document.activeElement;
  const id = active instanceof HTMLElement && active !== document.body ? active.id : "";
  draw();
  const again = id ? document.getElementById(id) : null;
  if (again && again !== document.activeElement) again.focus();
}

function drawView(): void {
  const root = $("view");
  fill(root);
  root.setAttribute("aria-labelledby", `tab-${state.tab}`);
  const boot = state.boot;
  if (boot) {
    if (boot.setupNeeded) root.append(h("p", { class: "notice" }, t("setupNeeded")));
    if (boot.problems.length) root.append(h("details", { class: "notice" }, h("summary", {}, t("problems")), h("ul", {}, boot.problems.map((p) => h("li", {}, p)))));
    VIEWS[state.tab](root);
  } else root.append(h("p", { class: "muted" }, t("loading")));
  drawBanner();
}

function renderView(): void {
  keepingFocus(drawView);
}

function render(): void {
  keepingFocus(() => {
    renderTabs($("tabs"), go);
    renderLang($("lang"), switchLang);
    drawView();
    const me = state.boot?.me;
    const who = $("me");
    fill(who, me ? me.name || me.email : "");
    who.title = me ? t("signedInAs", { who: me.email }) : "";
  });
}

/** `byPerson` false: the panel itself chose (the first view after loading), which never overrides a person's click. */
function go(tab: Tab, byPerson = true): void {
  if (byPerson && !state.boot) state.tabChosen = true;
  if (!visibleTabs().includes(tab)) tab = "case";
  const again = state.tab === tab;
  state.tab = tab;
  render();
  // Lists are fetched fresh each time they are opened; the old one stays visible meanwhile.
  if (!again && tab === "queue" && state.queue) void loadQueue();
  if (!again && tab === "summary" && state.summary) void loadSummary();
}

function showCase(view: CaseView): void {
  if (state.current?.id !== view.id) state.stepTextOpen = false;
  state.current = view;
  const held = state.pendingCase;
  if (held && (held.id !== view.id || held.version <= view.version)) state.pendingCase = null;
  if (state.tab === "case") renderView();
}

/** Someone is working in the case: focus on one of its controls (not just resting on its heading), or unsent typed text. */
function busyInCase(shown: CaseView): boolean {
  if (hasTyped(shown, state.drafts[shown.id])) return true;
  const active = document.activeElement;
  return state.tab === "case" && document.hasFocus() && active instanceof HTMLElement && $("view").contains(active) && active !== $("view") && active.id !== "case-h";
}

function switchLang(lang: Lang): void {
  setLang(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Storage may be blocked inside the Apps Script frame; the switch still works for this session.
  }
  render();
}

/**
 * One poll of the selected row: redraws when another case, or a newer version, is selected; a newer version of the case
 * someone is typing in only raises the banner, so the cursor and their text stay put.
 */
async function followSelection(): Promise<boolean> {
  const selected = await call("selectedCase", null);
  const shown = state.current;
  const outcome = pollOutcome(shown, selected, shown ? busyInCase(shown) : false);
  if (outcome === "same") return false;
  if (outcome === "hold" && selected) {
    const seen = state.pendingCase?.id === selected.id && state.pendingCase.version >= selected.version;
    if (seen) return false;
    state.pendingCase = selected;
    drawBanner();
    return true;
  }
  if (selected?.id !== shown?.id) state.stepTextOpen = false;
  state.current = selected;
  state.pendingCase = null;
  if (state.tab === "case") renderView();
  return true;
}

async function boot(): Promise<void> {
  render();
  try {
    const data = await call("bootstrap", null);
    state.boot = data;
    state.current = data.selected;
    // The menu item that opened the panel picks the first view ("Laporan" opens Ringkas).
    const first: Record<typeof data.initialView, Tab> = { case: "case", new: "new", queue: "queue", report: "summary" };
    // A tab the person clicked while the panel was loading stays open: the first reply only fills it.
    if (state.tabChosen) render();
    else go(first[data.initialView] ?? "case", false);
  } catch (err) {
    showError(err, { label: t("retry"), run: () => void boot() });
    return;
  }
  const poller = createPoller({
    tick: followSelection,
    isVisible: () => document.visibilityState === "visible",
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (id) => window.clearTimeout(id),
    now: () => Date.now(),
  });
  document.addEventListener("visibilitychange", () => (document.visibilityState === "visible" ? poller.wake() : poller.stop()));
  window.addEventListener("focus", () => poller.wake());
  // Coming back to the panel after clicking a row in the sheet: look again soon.
  // mouseenter does not bubble to document: listen on the root element, which the pointer enters with the panel.
  document.documentElement.addEventListener("mouseenter", () => poller.wake());
  // Any use of the panel keeps polling at full speed; after 10 idle minutes it slows to once a minute until the next use.
  for (const type of ["pointerdown", "pointermove", "keydown", "focusin", "wheel"]) document.addEventListener(type, () => poller.activity(), { capture: true, passive: true });
  poller.wake();
}

try {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === "en" || saved === "id") setLang(saved);
} catch {
  // No storage: Bahasa Indonesia.
}
document.documentElement.lang = getLang();
nav.render = render;
nav.drawTabs = () => keepingFocus(() => renderTabs($("tabs"), go));
nav.go = go;
nav.showCase = showCase;
void boot();
