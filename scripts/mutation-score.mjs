// The mutation score of the last `npm run test:mutation` (reports/mutation/{domain,app}.json, Stryker's JSON report):
// per file and overall, as Stryker counts it — (killed + timed out) / (killed + timed out + survived + no coverage);
// ignored mutants and errors are not counted. `--min 85` fails below 85 %; `--survivors` lists what is left; other
// arguments name the reports to read instead (Stryker JSON reports).
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const named = process.argv.slice(2).filter((a, i, all) => a.endsWith(".json") && all[i - 1] !== "--min");
const reports = (named.length ? named.map((f) => resolve(f)) : ["domain", "app"].map((n) => join(root, "reports/mutation", `${n}.json`))).filter(existsSync);
if (!reports.length) {
  console.error("Belum ada laporan: jalankan npm run test:mutation dulu.");
  process.exit(1);
}

const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);
const rows = [];
for (const file of reports) {
  const { files } = JSON.parse(readFileSync(file, "utf8"));
  for (const [path, f] of Object.entries(files)) {
    const count = (set) => f.mutants.filter((m) => set.has(m.status)).length;
    const survived = f.mutants.filter((m) => UNDETECTED.has(m.status)).map((m) => `${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.status === "NoCoverage" ? " (no coverage)" : ""}`);
    rows.push({ path, detected: count(DETECTED), undetected: count(UNDETECTED), ignored: f.mutants.filter((m) => m.status === "Ignored").length, survived });
  }
}
rows.sort((a, b) => a.path.localeCompare(b.path));
const pct = (d, u) => (d + u ? ((100 * d) / (d + u)).toFixed(2) : "n/a");
const verbose = process.argv.includes("--survivors");
for (const r of rows) {
  console.log(`${pct(r.detected, r.undetected).padStart(7)} %  ${String(r.detected).padStart(5)} killed  ${String(r.undetected).padStart(4)} left  ${String(r.ignored).padStart(4)} ignored  ${r.path}`);
  if (verbose) for (const s of r.survived) console.log(`           ${s}`);
}
const detected = rows.reduce((s, r) => s + r.detected, 0);
const undetected = rows.reduce((s, r) => s + r.undetected, 0);
const score = pct(detected, undetected);
console.log(`${score.padStart(7)} %  ${String(detected).padStart(5)} killed  ${String(undetected).padStart(4)} left  overall`);
const i = process.argv.indexOf("--min");
if (i > 0 && !(Number(score) >= Number(process.argv[i + 1]))) {
  console.error(`Skor mutasi ${score} % di bawah ${process.argv[i + 1]} %.`);
  process.exit(1);
}
