// Builds the Node side of the emulator into build/ (gitignored): the emulator library and its concurrency worker,
// and the local workspace (server.cjs and its page in ui/). Called by scripts/build.mjs after dist/.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { put } from "./put.mjs";

const node = { bundle: true, platform: "node", format: "cjs", target: "node20", packages: "external", logLevel: "warning" };

/** Builds in memory and writes only what changed (see put in build.mjs). */
async function make(options, outfile) {
  const out = await build({ ...options, write: false, outfile });
  for (const f of out.outputFiles) put(f.path, Buffer.from(f.contents));
}

export async function buildEmulator(root) {
  const out = join(root, "build");
  await make({ ...node, entryPoints: [join(root, "emulator/index.ts")] }, join(out, "emulator.cjs"));
  await make({ ...node, entryPoints: [join(root, "emulator/concurrency/worker.ts")] }, join(out, "emulator-worker.cjs"));
  // The local workspace (npm start): dependencies load from node_modules at run time.
  await make({ ...node, entryPoints: [join(root, "emulator/server/main.ts")] }, join(out, "server.cjs"));
  await make({ entryPoints: [join(root, "emulator/ui/app.ts")], bundle: true, platform: "browser", format: "iife", target: "es2020", minify: true, logLevel: "warning" }, join(out, "ui/app.js"));
  for (const f of ["index.html", "style.css"]) put(join(out, "ui", f), readFileSync(join(root, "emulator/ui", f)));
}
