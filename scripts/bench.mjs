// Runs scripts/bench.ts: bundled for Node by esbuild into build/ (gitignored), then executed.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "build/bench.cjs");
await build({ entryPoints: [join(root, "scripts/bench.ts")], bundle: true, platform: "node", format: "cjs", target: "node20", packages: "external", outfile, logLevel: "warning" });
const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(r.status ?? 1);
