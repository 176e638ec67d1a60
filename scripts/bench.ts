// npm run bench: service calls and cells read per case action and per panel read (bootstrap, Antrean saya, selection poll) on registers of 100 and 20,000 rows, and one Laporan rebuild.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ACTIONS, type ActionName, type Cost, measureActions, measureDailyReport, measureReport } from "../emulator/cost";
import { PANEL_CALLS, type PanelCall, measurePanel, measureRegisters } from "../emulator/panel-cost";
import { DIST, ROOT } from "../emulator/paths";
import { measureEmail } from "../emulator/email-cost";
import { measureSetup } from "../emulator/setup-cost";
import { verdict } from "./bench-budgets";
import { corpusFigures } from "../test/corpus/figures";
import { interleavingFigures } from "../emulator/interleave-figures";

const SIZES = [100, 20000];
const LOG_ROWS = 100000;
/** Waiting cases of the JFU for the panel's reads: the main figures use the larger, `panelWith5Waiting` the smaller. */
const WAITING = [40, 5];
const json = process.argv.includes("--json");

const results: Record<number, Record<ActionName, Cost>> = {};
for (const size of SIZES) results[size] = measureActions(size, LOG_ROWS);

const report = measureReport(LOG_ROWS);
/** The daily Laporan run after 1,000 new journal entries on top of 100,000 and 300,000 already counted. */
const DAILY_EXISTING = [100000, 300000];
const daily = Object.fromEntries(DAILY_EXISTING.map((n) => [n, measureDailyReport(n)]));

/** Acting from an email: the confirm page and the action its button takes. */
const email: Record<number, ReturnType<typeof measureEmail>> = {};
for (const size of SIZES) email[size] = measureEmail(size, LOG_ROWS);
const EMAIL = ["emailPage", "emailAction"] as const;
const pickEmail = (k: keyof Cost) => Object.fromEntries(EMAIL.map((c) => [c, bySize((s) => email[s][c][k])]));

const setup = measureSetup();

/** The fault sweep's figures (npm run test:faults writes build/faults.json); null with the reason when it has not run. */
function robustness(): { faultPoints: number | null; faultCovered: number | null; faultFailures: number | null; missing?: string } {
  const path = join(ROOT, "build/faults.json");
  if (!existsSync(path)) return { faultPoints: null, faultCovered: null, faultFailures: null, missing: "build/faults.json not found: run npm run test:faults first" };
  const r = JSON.parse(readFileSync(path, "utf8")) as { faultPoints: number; faultCovered?: number; faultFailures: number };
  // faultCovered: points not run because an equivalent one was (an end just after a call that leaves no trace).
  return { faultPoints: r.faultPoints, faultCovered: r.faultCovered ?? 0, faultFailures: r.faultFailures };
}
const faults = robustness();
/** The bad-input corpus: pairs of input and entry point tried, and those that failed (build/corpus/, else run here). */
const corpus = corpusFigures();
// Randomized interleavings of concurrent executions: from the runs of npm test (test/app/interleavings-*.test.ts).
const interleaved = interleavingFigures();

const panel: Record<number, Record<number, Record<PanelCall, Cost>>> = {};
for (const w of WAITING) {
  panel[w] = {};
  for (const size of SIZES) panel[w][size] = measurePanel(size, w).cost;
}

/** The panel's reads at 28 registers (the built-in catalog) and 100, 100 rows each. */
const REGISTERS = [28, 100];
const byRegisters = Object.fromEntries(REGISTERS.map((n) => [String(n), measureRegisters(n)]));

const bySize = (get: (s: number) => number) => Object.fromEntries(SIZES.map((s) => [String(s), get(s)]));
const pickPanel = (w: number, k: keyof Cost) => Object.fromEntries(PANEL_CALLS.map((c) => [c, bySize((s) => panel[w][s][c][k])]));
const pick = (k: keyof Cost) => ({ ...Object.fromEntries(ACTIONS.map((a) => [a, bySize((s) => results[s][a][k])])), ...pickPanel(WAITING[0], k), ...pickEmail(k) });
const bundleBytes = Object.fromEntries(
  readdirSync(DIST)
    .filter((f) => f.endsWith(".js") || f.endsWith(".html"))
    .map((f) => [f, statSync(join(DIST, f)).size]),
);
const out = {
  serviceCalls: pick("spreadsheetCalls"),
  cellsRead: pick("cellsRead"),
  allServiceCalls: pick("allCalls"),
  wallMs: pick("ms"),
  panelWaitingCases: WAITING[0],
  panelWith5Waiting: { serviceCalls: pickPanel(WAITING[1], "spreadsheetCalls"), cellsRead: pickPanel(WAITING[1], "cellsRead") },
  registers: Object.fromEntries(Object.entries(byRegisters).map(([n, c]) => [n, { bootstrap: c.bootstrap.spreadsheetCalls, myQueue: c.myQueue.spreadsheetCalls, summary: c.summary.spreadsheetCalls }])),
  reportRebuild: { riwayatRows: LOG_ROWS, serviceCalls: report.spreadsheetCalls, allServiceCalls: report.allCalls, cellsRead: report.cellsRead, wallMs: report.ms },
  report: Object.fromEntries(DAILY_EXISTING.map((n) => [String(n), { serviceCalls: daily[n].spreadsheetCalls, cellsRead: daily[n].cellsRead, allServiceCalls: daily[n].allCalls, wallMs: daily[n].ms }])),
  bundleBytes,
  setup,
  robustness: { ...faults, badInputs: corpus.badInputs, badInputFailures: corpus.badInputFailures, interleavings: interleaved.interleavings, lostOrDoubled: interleaved.lostOrDoubled, ...(interleaved.missing ? { interleavingsMissing: interleaved.missing } : {}) },
};

if (json) {
  process.stdout.write(`${JSON.stringify(out)}\n`);
} else {
  console.log(`Riwayat: ${LOG_ROWS} baris. Spreadsheet service calls / all service calls / cells read / wall ms per action:`);
  for (const a of ACTIONS) {
    console.log(`  ${a.padEnd(9)} ${SIZES.map((s) => `${s} rows: ${results[s][a].spreadsheetCalls} / ${results[s][a].allCalls} / ${results[s][a].cellsRead} / ${results[s][a].ms.toFixed(1)} ms`).join("   ")}`);
  }
  for (const w of WAITING) {
    console.log(`Panel of a JFU with ${w} waiting cases (Surat Masuk register; Spreadsheet calls / all service calls / cells read / wall ms):`);
    for (const c of PANEL_CALLS) {
      console.log(`  ${c.padEnd(12)} ${SIZES.map((s) => `${s} rows: ${panel[w][s][c].spreadsheetCalls} / ${panel[w][s][c].allCalls} / ${panel[w][s][c].cellsRead} / ${panel[w][s][c].ms.toFixed(1)} ms`).join("   ")}`);
    }
  }
  console.log(`Panel reads by number of registers (100 rows each; Spreadsheet calls): ${REGISTERS.map((n) => `${n}: bootstrap ${byRegisters[n].bootstrap.spreadsheetCalls}, myQueue ${byRegisters[n].myQueue.spreadsheetCalls}, summary ${byRegisters[n].summary.spreadsheetCalls}`).join(" · ")}`);
  console.log("From an email (web app, a visitor it cannot identify; Spreadsheet calls / all service calls / cells read / wall ms):");
  for (const c of EMAIL) {
    console.log(`  ${c.padEnd(12)} ${SIZES.map((s) => `${s} rows: ${email[s][c].spreadsheetCalls} / ${email[s][c].allCalls} / ${email[s][c].cellsRead} / ${email[s][c].ms.toFixed(1)} ms`).join("   ")}`);
  }
  console.log(`Bangun ulang Laporan from ${LOG_ROWS} Riwayat rows: ${report.spreadsheetCalls} / ${report.allCalls} / ${report.cellsRead} / ${report.ms.toFixed(0)} ms`);
  for (const n of DAILY_EXISTING) console.log(`Daily Laporan run, 1,000 new entries on ${n}: ${daily[n].spreadsheetCalls} / ${daily[n].allCalls} / ${daily[n].cellsRead} / ${daily[n].ms.toFixed(0)} ms`);
  console.log(`Siapkan Alur (28 SOPs): first run ${setup.first} Spreadsheet calls, run on the complete workbook ${setup.again}`);
  console.log(faults.missing ? `Fault sweep: ${faults.missing}` : `Fault sweep: ${faults.faultPoints} fault points run (${faults.faultCovered} more stood for by an equivalent one), ${faults.faultFailures} failures`);
  console.log(`Bad-input corpus: ${corpus.badInputs} pairs of input and entry point, ${corpus.badInputFailures} failures${corpus.ran.length ? ` (run here: ${corpus.ran.join(", ")})` : " (from the tests' runs)"}`);
  console.log(interleaved.missing ? `Interleavings: ${interleaved.missing}` : `Interleavings: ${interleaved.interleavings} randomized schedules, ${interleaved.lostOrDoubled} with something lost or doubled`);
  console.log("Bundle:", Object.entries(bundleBytes).map(([f, b]) => `${f} ${(b / 1024).toFixed(1)} KB`).join(", "));
}

// The budgets the issues set: a figure past one, or a cost that grows with the sheet, fails the bench (and CI).
const { broken, stale } = verdict(out);
for (const s of stale) console.error(`bench: differs from README (update emulator/figures.ts and README): ${s}`);
for (const b of broken) console.error(`bench: OVER BUDGET: ${b}`);
if (broken.length) process.exitCode = 1;
