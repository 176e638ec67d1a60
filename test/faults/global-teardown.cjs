// Merges each operation's figures into build/faults.json (read by npm run bench): an operation that was planned but
// wrote no figures (its test crashed) counts as a failure, so a broken sweep never reads as a clean one.
const { existsSync, readdirSync, readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

module.exports = async () => {
  const dir = join(__dirname, "../../build/faults");
  if (!existsSync(dir)) return;
  const files = readdirSync(dir);
  const operations = {};
  const failures = [];
  let faultPoints = 0;
  let faultCovered = 0;
  let faultFailures = 0;
  for (const f of files.filter((x) => x.endsWith(".planned"))) {
    const name = f.slice(0, -".planned".length);
    const path = join(dir, `${name}.json`);
    if (!existsSync(path)) {
      operations[name] = { calls: 0, points: 0, failures: 1, ms: 0, missing: true };
      faultFailures++;
      failures.push({ operation: name, invariant: "the sweep ran", evidence: "no figures were written (the test did not finish)" });
      continue;
    }
    const r = JSON.parse(readFileSync(path, "utf8"));
    operations[name] = { calls: r.calls, points: r.points, covered: r.covered ?? 0, failures: r.failureCount, ms: r.ms, cpuMs: r.cpuMs };
    faultPoints += r.points;
    faultCovered += r.covered ?? 0;
    faultFailures += r.failureCount;
    failures.push(...r.failures.slice(0, 20));
  }
  writeFileSync(join(dir, "../faults.json"), `${JSON.stringify({ faultPoints, faultCovered, faultFailures, operations, failures: failures.slice(0, 100), at: new Date().toISOString() }, null, 1)}\n`);
  console.log(`\nFault sweep: ${faultPoints} fault points run (${faultCovered} more stood for by an equivalent one), ${faultFailures} failures (build/faults.json)`);
};
