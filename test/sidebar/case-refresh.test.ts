// What a poll may do with the case someone is working in: redraw, or hold a newer version back while they type.
import type { CaseView, CurrentStepView } from "../../src/api";
import { hasTyped, pollOutcome, stepMoved } from "../../sidebar/case-refresh";
import type { CaseDraft } from "../../sidebar/state";

function step(no: string, links: Record<string, string> = {}): CurrentStepView {
  return {
    no,
    text: `Langkah ${no}`,
    kind: "process",
    lane: "KASUBBAG",
    roleName: "Kasubbag Umum",
    holders: ["Budi Santoso"],
    kelengkapan: Object.entries(links).map(([item, link]) => ({ item, done: !!link, link })),
    output: "",
    standardText: "",
    standardMinutes: null,
    spentMinutes: 0,
    dueAt: null,
    sla: "none",
    yesTo: null,
    noTo: null,
    letters: [],
  } as CurrentStepView;
}

function caseView(id: string, version: number, current: CurrentStepView | null = step("4"), extra: Partial<CaseView> = {}): CaseView {
  return {
    id,
    sopId: "surat-keluar",
    sopCode: "SK",
    sopTitle: "Penanganan Surat Keluar",
    status: "Berjalan",
    version,
    perihal: "Undangan rapat",
    fields: [],
    lanes: [],
    current,
    actions: ["approve", "return"],
    history: [],
    historyOmitted: 0,
    documents: [],
    rounds: 0,
    sheetName: "Register Surat Keluar",
    row: 3,
    correction: null,
    queueCount: 0,
    ...extra,
  };
}

const draft = (d: Partial<CaseDraft> = {}): CaseDraft => ({ panel: "", note: "", reason: {}, email: "", links: {}, errors: {}, fix: null, fixReason: "", ...d });

describe("hasTyped", () => {
  const view = caseView("SK-2026-0009", 4, step("4", { ATK: "https://drive.google.com/file/d/1/view", "dokumen pendukung": "" }));

  test("an empty draft, an open panel with nothing in it, or only spaces, is not typing", () => {
    expect(hasTyped(view, undefined)).toBe(false);
    expect(hasTyped(view, draft())).toBe(false);
    expect(hasTyped(view, draft({ panel: "return", reason: { return: "  " }, note: "\n" }))).toBe(false);
  });

  test("a note, a reason, a reassign email or a changed Drive link is typing", () => {
    expect(hasTyped(view, draft({ note: "Sudah dicek" }))).toBe(true);
    expect(hasTyped(view, draft({ reason: { return: "Nomor salah" } }))).toBe(true);
    expect(hasTyped(view, draft({ email: "ani@dinas.go.id" }))).toBe(true);
    expect(hasTyped(view, draft({ links: { "dokumen pendukung": "https://drive.google.com/x" } }))).toBe(true);
  });

  test("a link box still holding the saved link is not typing", () => {
    expect(hasTyped(view, draft({ links: { ATK: "https://drive.google.com/file/d/1/view" } }))).toBe(false);
  });
});

describe("pollOutcome", () => {
  const shown = caseView("SK-2026-0009", 4);

  test("nothing selected and nothing shown, or the same version, changes nothing", () => {
    expect(pollOutcome(null, null, false)).toBe("same");
    expect(pollOutcome(shown, caseView("SK-2026-0009", 4), true)).toBe("same");
    expect(pollOutcome(shown, caseView("SK-2026-0009", 3), false)).toBe("same");
  });

  test("a newer version is drawn at once unless someone is working in the case, when it is held", () => {
    expect(pollOutcome(shown, caseView("SK-2026-0009", 5), false)).toBe("show");
    expect(pollOutcome(shown, caseView("SK-2026-0009", 5), true)).toBe("hold");
  });

  test("another row, or a row that is not a case, is always followed (drafts are kept per case)", () => {
    expect(pollOutcome(shown, caseView("CT-2026-0004", 1), true)).toBe("show");
    expect(pollOutcome(shown, null, true)).toBe("show");
    expect(pollOutcome(null, shown, true)).toBe("show");
  });
});

test("typed text still fits after a reload only at the same step, round and status", () => {
  const before = caseView("SK-2026-0009", 4);
  expect(stepMoved(before, caseView("SK-2026-0009", 5))).toBe(false);
  expect(stepMoved(before, caseView("SK-2026-0009", 5, step("5")))).toBe(true);
  expect(stepMoved(before, caseView("SK-2026-0009", 7, step("4"), { rounds: 1 }))).toBe(true);
  expect(stepMoved(before, caseView("SK-2026-0009", 5, null, { status: "Dibatalkan" }))).toBe(true);
});
