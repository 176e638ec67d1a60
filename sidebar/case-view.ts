// The Kasus view: the case on the selected register row — header, the current step with its buttons first, then documents, swimlane, fields and history.
import type { CaseView, HistoryView, LaneView } from "../src/api";
import { renderActions } from "./case-actions";
import { movedText } from "./case-refresh";
import { renderStep } from "./case-step";
import { renderLetters } from "./letters-view";
import { append, h } from "./dom";
import { formatMinutes, formatWib, safeHref } from "./format";
import { type Key, t } from "./i18n";
import { nav, state } from "./state";

const STATUS_CLASS: Record<CaseView["status"], string> = { Berjalan: "running", Dikembalikan: "returned", Selesai: "finished", Dibatalkan: "cancelled" };
const STATUS_KEY: Record<CaseView["status"], Key> = { Berjalan: "statusBerjalan", Dikembalikan: "statusDikembalikan", Selesai: "statusSelesai", Dibatalkan: "statusDibatalkan" };
const LANE_MARK: Record<LaneView["state"], string> = { done: "✓", returned: "↩", current: "▶", todo: "○" };

function header(view: CaseView): HTMLElement {
  return h(
    "header",
    { class: "case-head" },
    h("div", { class: "case-id-line" }, h("span", { class: "case-id" }, view.id), h("span", { class: `chip status-${STATUS_CLASS[view.status] ?? "running"}` }, STATUS_KEY[view.status] ? t(STATUS_KEY[view.status]) : view.status)),
    // Where focus goes after an action or a reload redraws the case (tabindex -1: reachable by script, not by Tab). Cut to
    // three lines on screen (a Perihal may be 300 characters); screen readers and Isian kasus have all of it.
    h("h2", { class: "perihal", id: "case-h", tabindex: -1, title: view.perihal }, view.perihal),
    h("p", { class: "muted sop-title" }, `${view.sopCode} · ${view.sopTitle}`, view.rounds > 0 ? ` · ${t("round", { n: view.rounds })}` : ""),
  );
}

/** After a return: who sent the case back and why, where the holder reads it first (the note is cut; Riwayat has it all). */
function returnedNote(view: CaseView): HTMLElement | null {
  if (view.status !== "Dikembalikan") return null;
  const last = [...view.history].reverse().find((e) => e.action === "return");
  if (!last) return null;
  return h(
    "p",
    { class: "notice returned-note" },
    h("strong", {}, t("returnedBy", { who: last.byName || last.by })),
    last.note ? [" ", h("span", { class: "returned-reason" }, last.note)] : null,
  );
}

function fields(view: CaseView): HTMLElement | null {
  if (!view.fields.length) return null;
  return h(
    "details",
    { class: "fields" },
    h("summary", {}, t("fields")),
    h(
      "dl",
      { class: "facts" },
      view.fields.map((f) => [h("dt", {}, f.label), h("dd", {}, f.value || "—")]),
    ),
  );
}

function lanes(view: CaseView): HTMLElement {
  const stateText = { done: t("laneDone"), returned: t("laneReturned"), current: t("laneCurrent"), todo: t("laneTodo") };
  return h(
    "section",
    { class: "lanes-box", "aria-labelledby": "lanes-h" },
    h("h3", { id: "lanes-h" }, t("lanes")),
    h(
      "ol",
      { class: "lanes" },
      view.lanes.map((lane) =>
        h(
          "li",
          { class: `lane lane-${lane.state}`, "aria-current": lane.state === "current" ? "step" : null },
          h("span", { class: "mark", "aria-hidden": "true" }, LANE_MARK[lane.state]),
          h("span", { class: "lane-name" }, h("strong", {}, lane.header), h("span", { class: "muted" }, ` ${lane.roleName}`)),
          h("span", { class: "sr-only" }, `, ${stateText[lane.state]}`),
          lane.at ? h("span", { class: "lane-at muted" }, formatWib(lane.at)) : null,
        ),
      ),
    ),
  );
}

function documents(view: CaseView): HTMLElement | null {
  if (!view.documents.length) return null;
  return h(
    "section",
    { "aria-labelledby": "docs-h" },
    h("h3", { id: "docs-h" }, t("documents")),
    h(
      "ul",
      { class: "docs" },
      view.documents.map((d) => {
        const href = safeHref(d);
        return h("li", {}, href ? h("a", { href, target: "_blank", rel: "noopener noreferrer" }, d) : d);
      }),
    ),
  );
}

function historyItem(item: HistoryView): HTMLElement {
  const over = item.standard !== null && item.minutes > item.standard;
  const spent = formatMinutes(item.minutes);
  // An entry that closes no step (a correction, a reassignment) has no time to show.
  const timing = item.standard !== null ? t("minutesVsStandard", { spent, std: formatMinutes(item.standard) }) : item.minutes > 0 ? t("minutesOnly", { spent }) : "";
  return h(
    "li",
    { class: `event event-${item.action}` },
    h("p", { class: "event-what" }, h("strong", {}, item.actionLabel), item.stepNo ? ` · ${t("step", { no: item.stepNo })}` : ""),
    h("p", { class: "event-who", title: item.by }, item.byName || item.by, item.actingFor ? ` (${t("actingFor", { who: item.actingFor })})` : ""),
    h("p", { class: "event-when muted" }, formatWib(item.at), timing ? [" · ", h("span", { class: over ? "over" : "" }, timing)] : null),
    item.note ? h("p", { class: "event-note" }, item.note) : null,
  );
}

/** The first item ("Kasus dibuat") always stays; items left off the row are named where they would have been. */
function timeline(view: CaseView): HTMLElement[] {
  const items = view.history.map(historyItem);
  if (view.historyOmitted) items.splice(1, 0, h("li", { class: "event event-omitted muted" }, t("historyOmitted", { n: view.historyOmitted })));
  return items;
}

function history(view: CaseView): HTMLElement {
  return h(
    "section",
    { class: "history", "aria-labelledby": "history-h" },
    h("h3", { id: "history-h" }, t("history")),
    view.history.length ? h("ol", { class: "timeline" }, timeline(view)) : h("p", { class: "muted" }, t("noHistory")),
  );
}

function empty(): HTMLElement {
  const canStart = (state.boot?.sops.length ?? 0) > 0;
  return h(
    "div",
    { class: "empty" },
    h("p", {}, t("noCase")),
    h(
      "div",
      { class: "buttons" },
      h("button", { type: "button", class: "secondary", onclick: () => nav.go("queue") }, t("openQueue")),
      canStart ? h("button", { type: "button", class: "secondary", onclick: () => nav.go("new") }, t("startNew")) : null,
    ),
  );
}

export function renderCase(root: HTMLElement): void {
  const view = state.current;
  if (!view) {
    root.append(empty());
    return;
  }
  const moved = state.movedFrom;
  const warning = moved && moved.caseId === view.id && moved.version === view.version ? h("p", { class: "notice moved" }, movedText(view)) : null;
  const actions = renderActions(view);
  // The step and its buttons first, then the letters it makes; the rest of the case below them.
  append(root, [header(view), warning, returnedNote(view), view.current ? renderStep(view, view.current, actions) : actions, renderLetters(view), documents(view), lanes(view), fields(view), history(view)]);
}
