// Builds the Node side of the emulator into build/ (gitignored): the emulator library and its concurrency worker,
// and the local workspace (server.cjs and its page in ui/). Called by scripts/build.mjs after dist/.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const node = { bundle: true, platform: "node", format: "cjs", target: "node20", packages: "external", logLevel: "warning" };

export async function buildEmulator(root) {
  const out = join(root, "build");
  mkdirSync(join(out, "ui"), { recursive: true });
  await build({ ...node, entryPoints: [join(root, "emulator/index.ts")], outfile: join(out, "emulator.cjs") });
  await build({ ...node, entryPoints: [join(root, "emulator/concurrency/worker.ts")], outfile: join(out, "emulator-worker.cjs") });
  // The local workspace (npm start): dependencies load from node_modules at run time.
  await build({ ...node, entryPoints: [join(root, "emulator/server/main.ts")], outfile: join(out, "server.cjs") });
  await build({ entryPoints: [join(root, "emulator/ui/app.ts")], bundle: true, platform: "browser", format: "iife", target: "es2020", outfile: join(out, "ui/app.js"), minify: true, logLevel: "warning" });
  for (const f of ["index.html", "style.css"]) copyFileSync(join(root, "emulator/ui", f), join(out, "ui", f));
}
