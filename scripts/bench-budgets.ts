// The bench's verdict: each figure against the budget an issue set and README's stated figure; `npm run bench` exits 1
// when a budget is passed or a cost grows with the sheet (CI runs the bench), and warns when a figure left README's.
import { ACTION_FIGURES, BUDGETS, DAILY_REPORT_FIGURE, EMAIL_FIGURES, type Figure, PANEL_FIGURES, SETUP_FIGURES } from "../emulator/figures";

type BySize = Record<string, number>;
export interface BenchFigures {
  serviceCalls: Record<string, BySize>;
  cellsRead: Record<string, BySize>;
  report: Record<string, { serviceCalls: number; cellsRead: number }>;
  setup: { first: number; again: number };
  robustness: Record<string, unknown>;
}

const BUDGET_OF: Record<string, number> = {
  start: BUDGETS.action,
  complete: BUDGETS.action,
  approve: BUDGETS.action,
  return: BUDGETS.action,
  emailPage: BUDGETS.emailPage,
  emailAction: BUDGETS.emailAction,
  bootstrap: BUDGETS.bootstrap,
  myQueue: BUDGETS.myQueue,
  summary: BUDGETS.summary,
  selectedCase: BUDGETS.selectedCase,
};

const STATED: Record<string, Figure> = { ...ACTION_FIGURES, ...EMAIL_FIGURES, ...PANEL_FIGURES };

/** Broken budgets (CI fails) and figures that differ from README's (warnings: update emulator/figures.ts and README). */
export function verdict(out: BenchFigures): { broken: string[]; stale: string[] } {
  const broken: string[] = [];
  const stale: string[] = [];
  for (const [op, max] of Object.entries(BUDGET_OF)) {
    const calls = Object.entries(out.serviceCalls[op] ?? {});
    if (!calls.length) broken.push(`${op}: not measured`);
    for (const [size, n] of calls) if (n > max) broken.push(`${op} at ${size} rows: ${n} Spreadsheet calls, budget ${max}`);
    const distinct = new Set(calls.map(([, n]) => n));
    const cells = new Set(Object.values(out.cellsRead[op] ?? {}));
    if (distinct.size > 1 || cells.size > 1) broken.push(`${op}: grows with the sheet (${JSON.stringify(out.serviceCalls[op])} calls, ${JSON.stringify(out.cellsRead[op])} cells)`);
    const f = STATED[op];
    for (const [size, n] of calls) if (f && (n !== f.calls || out.cellsRead[op]?.[size] !== f.cells)) stale.push(`${op} at ${size} rows: ${n} calls / ${out.cellsRead[op]?.[size]} cells, README says ${f.calls} / ${f.cells}`);
  }
  const daily = Object.entries(out.report);
  if (new Set(daily.map(([, r]) => `${r.serviceCalls}/${r.cellsRead}`)).size > 1) broken.push(`daily Laporan grows with the journal: ${JSON.stringify(out.report)}`);
  for (const [n, r] of daily) if (r.serviceCalls !== DAILY_REPORT_FIGURE.calls || r.cellsRead !== DAILY_REPORT_FIGURE.cells) stale.push(`daily Laporan on ${n}: ${r.serviceCalls} / ${r.cellsRead}, README says ${DAILY_REPORT_FIGURE.calls} / ${DAILY_REPORT_FIGURE.cells}`);
  if (out.setup.first > BUDGETS.setupFirst) broken.push(`setup: ${out.setup.first} Spreadsheet calls, budget ${BUDGETS.setupFirst}`);
  if (out.setup.first !== SETUP_FIGURES.first || out.setup.again !== SETUP_FIGURES.again) stale.push(`setup ${out.setup.first} / ${out.setup.again}, README says ${SETUP_FIGURES.first} / ${SETUP_FIGURES.again}`);
  // Robustness counts of failures must be 0 where they were measured (null: that suite has not run here).
  for (const [k, v] of Object.entries(out.robustness)) if (/Failures$|^lostOrDoubled$/.test(k) && typeof v === "number" && v > 0) broken.push(`robustness.${k} is ${v}`);
  return { broken, stale };
}
