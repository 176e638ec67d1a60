// Type-checks each target with its own tsconfig: domain, server, sidebar, node side.
import { spawnSync } from "node:child_process";

const projects = ["src/domain/tsconfig.json", "src/tsconfig.json", "sidebar/tsconfig.json", "tsconfig.json"];
let failed = false;
for (const p of projects) {
  const r = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", p], { stdio: "inherit" });
  if (r.status !== 0) {
    failed = true;
    console.error(`typecheck failed: ${p}`);
  }
}
process.exit(failed ? 1 : 0);
