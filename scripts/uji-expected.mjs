// dist/UjiExpected.html: what the fakes answer to each Uji mandiri step, so "expected" is never written by hand.
// Runs the freshly built dist/ on the emulator (build/emulator.cjs) as the dialog would, after the rest of the build.
import { createRequire } from "node:module";
import { join } from "node:path";
import { put } from "./put.mjs";

export async function ujiExpected(root) {
  const require = createRequire(import.meta.url);
  const emu = require(join(root, "build/emulator.cjs"));
  const alur = emu.setupAlur({ admins: [emu.ADMIN] });
  const rows = emu.runUjiMandiri(alur, { colleague: emu.P("jfu") });
  const table = {};
  for (const r of rows) {
    // A step the fakes themselves cannot run is a defect of Alur or of the fakes, never an expectation.
    if (r.observed === undefined) throw new Error(`Uji mandiri on the fakes: step ${r.id} failed: ${r.error}`);
    table[r.id] = r.observed;
  }
  put(join(root, "dist/UjiExpected.html"), `${JSON.stringify(table)}\n`);
  return table;
}
