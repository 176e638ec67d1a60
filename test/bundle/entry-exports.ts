// The names src/index.ts exports, read from esbuild's metafile the same way scripts/build.mjs reads them.
import { join } from "node:path";
import { buildSync } from "esbuild";

export function entryExports(root: string): string[] {
  const result = buildSync({
    entryPoints: [join(root, "src/index.ts")],
    bundle: true,
    format: "esm",
    write: false,
    metafile: true,
    outdir: "out",
    logLevel: "silent",
  });
  return Object.values(result.metafile!.outputs)
    .flatMap((o) => o.exports)
    .sort();
}
