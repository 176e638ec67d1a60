// Compiles worker.ts to build/emulator-worker.cjs (workers cannot load TypeScript), once per process.
import { existsSync, mkdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../ensure-built";

export const WORKER_PATH = join(ROOT, "build/emulator-worker.cjs");
let built = false;

export function ensureWorker(): string {
  if (built && existsSync(WORKER_PATH)) return WORKER_PATH;
  // esbuild is a dev tool: loaded only here, so a Node-side bundle of the emulator need not carry it.
  const esbuild = require("esbuild") as typeof import("esbuild");
  mkdirSync(join(ROOT, "build"), { recursive: true });
  // Parallel jest processes may build at once: write aside, then rename (atomic).
  const tmp = `${WORKER_PATH}.${process.pid}.tmp`;
  esbuild.buildSync({
    entryPoints: [join(ROOT, "emulator/concurrency/worker.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    outfile: tmp,
    logLevel: "silent",
  });
  renameSync(tmp, WORKER_PATH);
  built = true;
  return WORKER_PATH;
}
