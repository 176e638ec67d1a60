// onEdit writes the SOP sheets' marks under the script lock (src/app/edit.ts). Two admins' edits whose checks overlap:
// the first edit puts a mistake into the SOP sheet, the second — typed while the first check runs, whose calls are slow
// (a large sheet) — puts it right. The marks left must be those of the sheet as it now reads (a third check changes
// nothing). Without the lock some schedule leaves the mistake's red mark on a cell that is right again (the test can
// fail).
import { ADMIN, type Alur, setupAlur } from "../../emulator/alur-world";
import { ensureNoLockBuild } from "../../emulator/concurrency/nolock";
import { runConcurrently, WorkerPool } from "../../emulator/concurrency/run-concurrently";
import { DEFAULT_CODE_PATH } from "../../emulator/ensure-built";
import { DIST } from "../../emulator/paths";

type Build = { codePath: string; htmlDir: string };
const pool = new WorkerPool();
afterAll(() => pool.close());

/** Notes and colours of the SOP sheet: the marks a person sees. */
function marks(alur: Alur): string {
  const range = alur.world.spreadsheet.getSheetByName("SOP")!.getDataRange();
  return JSON.stringify([range.getNotes(), range.getBackgrounds()]);
}

async function overlappingEdits(build: Build, seeds: number[]): Promise<{ seed: number; stale: boolean; busy: string[] }[]> {
  const alur = setupAlur({ admins: [ADMIN], ...build });
  const sheet = alur.world.spreadsheet.getSheetByName("SOP")!;
  const rows = alur.world.read("SOP");
  const r = rows.findIndex((x) => x[0] === "surat-masuk" && x[1] === "2") + 1;
  const c = (rows[0] as string[]).indexOf("Pelaksana") + 1;
  const original = String(rows[r - 1][c - 1]);
  const out: { seed: number; stale: boolean; busy: string[] }[] = [];
  for (const seed of seeds) {
    const cell = sheet.getRange(r, c);
    const edit = { range: cell };
    const results = await runConcurrently(
      alur.world,
      [
        { fn: "onEdit", args: [edit], kind: "simple-trigger", weight: 0.05, before: () => cell.setValue("BUPATI") },
        // The second admin types while the first check runs: after 14–21 of its service calls (it reads the sheet at
        // about the 17th).
        { fn: "onEdit", args: [edit], kind: "simple-trigger", startAfter: 14 + (seed % 8), before: () => cell.setValue(original) },
      ],
      { seed, ...build, pool },
    );
    const left = marks(alur);
    // A third check, alone, on the sheet as it reads now.
    alur.world.within("simple-trigger", () => alur.ctx.onEdit(edit));
    out.push({ seed, stale: marks(alur) !== left, busy: results.filter((x) => !x.ok).map((x) => String(x.error)) });
  }
  return out;
}

const SEEDS = Array.from({ length: 8 }, (_, i) => i + 1);

describe("onEdit takes the lock", () => {
  test("two overlapping SOP edits leave the marks of the sheet as it reads (8 schedules)", async () => {
    const runs = await overlappingEdits({ codePath: DEFAULT_CODE_PATH, htmlDir: DIST }, SEEDS);
    expect(runs.filter((x) => x.stale || x.busy.length)).toEqual([]);
  }, 60000);

  test("without the lock some schedule leaves a stale mark (the test above can fail)", async () => {
    const runs = await overlappingEdits(ensureNoLockBuild(), SEEDS);
    expect(runs.some((x) => x.stale)).toBe(true);
  }, 60000);
});
