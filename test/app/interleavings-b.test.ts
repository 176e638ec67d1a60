// Randomized interleavings of two or three concurrent executions on the real bundle (test/app/interleave.ts), in two
// files so Jest's two workers share them: 500 here, seeds from 100001. Invariants after each: every register row agrees
// with its journal, the chain head is settled, no case, action, ID, letter number or email lost or doubled, every
// reply a success or a clear refusal in Bahasa Indonesia, the SOP marks those of the sheet.
import { DEFAULT_CODE_PATH } from "../../emulator/ensure-built";

import { DIST } from "../../emulator/paths";
import { interleavings, writeFigures } from "./interleave";

const COUNT = Number(process.env.ALUR_INTERLEAVINGS ?? 1000) / 2;

test(`${COUNT} randomized interleavings on the real bundle: nothing lost or doubled, every reply clear`, async () => {
  const fig = await interleavings({ codePath: DEFAULT_CODE_PATH, htmlDir: DIST }, COUNT, { seed0: 100001 });
  writeFigures("b", fig);
  expect(fig.runs.map((r) => ({ seed: r.seed, ops: r.ops, violations: r.violations }))).toEqual([]);
  expect(fig.interleavings).toBe(COUNT);
}, 900000);
