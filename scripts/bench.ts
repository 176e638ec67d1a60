// npm run bench: service calls and cells read per case action on registers of 100 and 20,000 rows and a Riwayat of 100,000 rows.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ACTIONS, type ActionName, type Cost, measureActions } from "../emulator/cost";
import { DIST } from "../emulator/paths";

const SIZES = [100, 20000];
const LOG_ROWS = 100000;
const json = process.argv.includes("--json");

const results: Record<number, Record<ActionName, Cost>> = {};
for (const size of SIZES) results[size] = measureActions(size, LOG_ROWS);

const pick = (k: keyof Cost) => Object.fromEntries(ACTIONS.map((a) => [a, Object.fromEntries(SIZES.map((s) => [String(s), results[s][a][k]]))]));
const bundleBytes = Object.fromEntries(
  readdirSync(DIST)
    .filter((f) => f.endsWith(".js") || f.endsWith(".html"))
    .map((f) => [f, statSync(join(DIST, f)).size]),
);
const out = { serviceCalls: pick("spreadsheetCalls"), cellsRead: pick("cellsRead"), allServiceCalls: pick("allCalls"), wallMs: pick("ms"), bundleBytes };

if (json) {
  process.stdout.write(`${JSON.stringify(out)}\n`);
} else {
  console.log(`Riwayat: ${LOG_ROWS} baris. Spreadsheet service calls / all service calls / cells read / wall ms per action:`);
  for (const a of ACTIONS) {
    console.log(`  ${a.padEnd(9)} ${SIZES.map((s) => `${s} rows: ${results[s][a].spreadsheetCalls} / ${results[s][a].allCalls} / ${results[s][a].cellsRead} / ${results[s][a].ms.toFixed(1)} ms`).join("   ")}`);
  }
  console.log("Bundle:", Object.entries(bundleBytes).map(([f, b]) => `${f} ${(b / 1024).toFixed(1)} KB`).join(", "));
}
