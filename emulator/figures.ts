// What README states each measured operation costs, and the budgets the issues set: the cost tests assert the first
// (exactly, at both sizes), README's table is rendered from it, and `npm run bench` fails when a figure passes the second.

/** Spreadsheet service calls and cells read of one operation, the same at every size measured. */
export interface Figure {
  calls: number;
  cells: number;
}

/** Case actions on a Surat Keluar register of 100 and 20,000 rows, Riwayat of 10,000 and 100,000 (emulator/cost.ts). */
export const ACTION_FIGURES = {
  start: { calls: 12, cells: 26 },
  complete: { calls: 17, cells: 51 },
  approve: { calls: 17, cells: 51 },
  return: { calls: 17, cells: 51 },
} as const satisfies Record<string, Figure>;

/** Acting from an email (emulator/email-cost.ts). */
export const EMAIL_FIGURES = {
  emailPage: { calls: 11, cells: 50 },
  emailAction: { calls: 18, cells: 51 },
} as const satisfies Record<string, Figure>;

/** The panel's reads for a JFU with 5 and with 40 cases waiting (emulator/panel-cost.ts). */
export const PANEL_FIGURES = {
  bootstrap: { calls: 9, cells: 52 },
  myQueue: { calls: 1, cells: 0 },
  selectedCase: { calls: 9, cells: 52 },
  summary: { calls: 1, cells: 0 },
} as const satisfies Record<string, Figure>;

/** The daily Laporan run after 1,000 new journal entries, on 100,000 and on 300,000 earlier ones. */
export const DAILY_REPORT_FIGURE: Figure = { calls: 104, cells: 19_022 };

/** Siapkan Alur on an empty spreadsheet (first) and on the workbook it made (again): Spreadsheet calls. */
export const SETUP_FIGURES = { first: 592, again: 243 } as const;

/** The budgets the issues set (at most). */
export const BUDGETS = {
  /** Journal issue: each case action. */
  action: 18,
  /** Email issue. */
  emailPage: 15,
  emailAction: 18,
  /** Panel issue. */
  bootstrap: 20,
  myQueue: 10,
  summary: 10,
  selectedCase: 9,
  /** Journal issue: the first setup of the 28 SOPs. */
  setupFirst: 600,
} as const;

/** README's table of figures, between the markers `<!-- figures -->` and `<!-- /figures -->`. */
export function figuresTable(): string {
  const row = (what: string, f: Figure, budget: number | string) => `| ${what} | ${f.calls} | ${f.cells.toLocaleString("en")} | ${budget} |`;
  return [
    "| Operation (the same at both sizes) | Spreadsheet calls | Cells read | Budget (calls) |",
    "|---|---|---|---|",
    ...Object.entries(ACTION_FIGURES).map(([a, f]) => row(`${a} (100 and 20,000 register rows)`, f, BUDGETS.action)),
    row("email confirm page", EMAIL_FIGURES.emailPage, BUDGETS.emailPage),
    row("action from the email", EMAIL_FIGURES.emailAction, BUDGETS.emailAction),
    row("panel: bootstrap", PANEL_FIGURES.bootstrap, BUDGETS.bootstrap),
    row("panel: Antrean saya", PANEL_FIGURES.myQueue, BUDGETS.myQueue),
    row("panel: selection poll", PANEL_FIGURES.selectedCase, BUDGETS.selectedCase),
    row("panel: Ringkas", PANEL_FIGURES.summary, BUDGETS.summary),
    row("daily Laporan (1,000 new entries on 100,000 and 300,000)", DAILY_REPORT_FIGURE, "flat"),
    `| Siapkan Alur, first run / again | ${SETUP_FIGURES.first} / ${SETUP_FIGURES.again} | – | ${BUDGETS.setupFirst} |`,
  ].join("\n");
}
