// Menu Monitoring SOP by two admins at once (src/app/monitoring.ts, under the script lock): the semester's sheet is made
// once, both admins are told what happened in Bahasa Indonesia (one "dibuat", one "sudah ada"), and the sheet is the one
// a single run makes. Without the lock some schedule has both executions find no sheet: the second's insertSheet meets
// the name the first just took (Sheets refuses a second sheet of that name, so the office never holds two, but the
// second admin gets Google's English error instead of the form) — the test can fail. Then PDF Monitoring SOP chosen
// while the sheet is being made: refused as not there yet, or a Doc with every SOP row; without the lock some schedule
// makes a Doc of the sheet half laid out. (The PDF itself is not made: the harness's worker threads have no advanced
// Drive service, so the run ends at Drive with its Doc made; the Doc is what is checked.)
import { ADMIN, type Alur, P, setupAlur } from "../../emulator/alur-world";
import { ensureNoLockBuild } from "../../emulator/concurrency/nolock";
import { runConcurrently, WorkerPool } from "../../emulator/concurrency/run-concurrently";
import { DEFAULT_CODE_PATH } from "../../emulator/ensure-built";
import { DIST } from "../../emulator/paths";

type Build = { codePath: string; htmlDir: string };
const REAL: Build = { codePath: DEFAULT_CODE_PATH, htmlDir: DIST };
const ADMIN2 = P("sekretaris");
const SHEET = "Monitoring SOP 2026-II";
const pool = new WorkerPool();
/**
 * The second admin chooses the menu once the first's execution has made this many service calls (the first's takes
 * about 225, Laporan's update first): spread so that some schedule lands on the first's making of the sheet.
 */
const START = (seed: number) => 40 + seed * 10;
afterAll(() => pool.close());

function dropMonitoring(alur: Alur): void {
  const ss = alur.world.spreadsheet;
  for (const s of ss.getSheets()) if (s.getName().startsWith("Monitoring SOP")) ss.deleteSheet(s);
}

function sheetText(alur: Alur): string {
  const s = alur.world.spreadsheet.getSheetByName(SHEET);
  // Row 3 names the day of the figures, which the workers' clock may give differently.
  return s ? JSON.stringify(s.getDataRange().getValues().filter((_, i) => i !== 2)) : "";
}

async function twoAdmins(build: Build, seeds: number[]) {
  const alur = setupAlur({ admins: [ADMIN, ADMIN2], ...build });
  // The sheet one admin alone makes: the yardstick.
  alur.world.within({ user: ADMIN }, () => alur.ctx.menuMonitoring());
  const alone = sheetText(alur);
  const out: { seed: number; sheets: number; alerts: string[]; same: boolean }[] = [];
  for (const seed of seeds) {
    dropMonitoring(alur);
    const before = alur.world.ui.shown.length;
    await runConcurrently(alur.world, [ADMIN, ADMIN2].map((user, i) => ({ fn: "menuMonitoring", user, startAfter: i * START(seed) })), { seed, ...build, pool });
    const sheets = alur.world.spreadsheet.getSheets().filter((s) => s.getName().toLowerCase().startsWith("monitoring sop")).length;
    const alerts = alur.world.ui.shown.slice(before).map((x) => String(x.content));
    out.push({ seed, sheets, alerts, same: sheetText(alur) === alone });
  }
  return { alur, out, alone };
}

// Found by trying seeds 1–12 on the no-lock build: seed 11 (the second admin 150 calls in) is refused there.
const SEEDS = [3, 7, 9, 11];

describe("Monitoring SOP takes the lock", () => {
  let noLock: Build = REAL;
  beforeAll(() => {
    noLock = ensureNoLockBuild();
  }, 120000);

  test("two admins at once: one sheet, made once and refreshed once, the same as one admin alone makes (4 schedules)", async () => {
    const { out } = await twoAdmins(REAL, SEEDS);
    for (const r of out) {
      expect(r.sheets).toBe(1);
      expect(r.same).toBe(true);
      expect(r.alerts.filter((a) => a.startsWith(`Sheet "${SHEET}" dibuat`))).toHaveLength(1);
      expect(r.alerts.filter((a) => a.startsWith(`Sheet "${SHEET}" sudah ada`))).toHaveLength(1);
    }
  }, 120000);

  test("without the lock some schedule has both admins make the sheet: the second is refused by Sheets (the test above can fail)", async () => {
    const { out } = await twoAdmins(noLock, SEEDS);
    const raced = out.filter((r) => r.alerts.some((a) => /already exists/.test(a)));
    expect(raced.length).toBeGreaterThan(0);
    // Sheets never holds two sheets of one name: what goes wrong is the second admin's answer.
    for (const r of out) expect(r.sheets).toBe(1);
  }, 120000);
});

/** PDF Monitoring SOP chosen while another admin's Monitoring SOP makes the sheet: the Doc holds every SOP row or none. */
async function pdfWhileMade(build: Build, seeds: number[]) {
  const alur = setupAlur({ admins: [ADMIN, ADMIN2], ...build });
  alur.world.within({ user: ADMIN }, () => alur.ctx.menuMonitoring());
  const titles = alur.world
    .read(SHEET)
    .filter((r) => /^\d+$/.test(String(r[0])))
    .map((r) => String(r[1]));
  const out: { seed: number; made: boolean; missing: number; refused: boolean }[] = [];
  for (const seed of seeds) {
    dropMonitoring(alur);
    const docsBefore = new Set(alur.world.documents.keys());
    const before = alur.world.ui.shown.length;
    await runConcurrently(alur.world, [{ fn: "menuMonitoring", user: ADMIN }, { fn: "menuMonitoringPdf", user: ADMIN2, startAfter: PDF_START(seed) }], { seed, ...build, pool });
    const doc = [...alur.world.documents.entries()].find(([id, d]) => !docsBefore.has(id) && d.name.startsWith(`${SHEET} (`))?.[1];
    const refused = alur.world.ui.shown.slice(before).some((x) => /belum ada/.test(String(x.content)));
    out.push({ seed, made: !!doc, missing: doc ? titles.filter((t) => !doc.text.includes(t)).length : 0, refused });
  }
  return { out, titles };
}
const PDF_START = (seed: number) => 100 + seed * 10;

describe("PDF Monitoring SOP reads the form under the lock", () => {
  let noLock: Build = REAL;
  beforeAll(() => {
    noLock = ensureNoLockBuild();
  }, 120000);
  // Found by trying seeds 1–10 on the no-lock build: seed 10 (the PDF chosen 200 calls into the other's run) reads the
  // sheet after it is inserted and before its rows are written.
  const SEEDS = [6, 8, 10];
  test("while another admin makes the sheet: refused as not there yet, or a Doc with every SOP row", async () => {
    const { out } = await pdfWhileMade(REAL, SEEDS);
    for (const r of out) expect(r.refused || (r.made && r.missing === 0)).toBe(true);
  }, 120000);
  test("without the lock some schedule makes a Doc of a sheet half laid out (the test above can fail)", async () => {
    const { out } = await pdfWhileMade(noLock, SEEDS);
    expect(out.some((r) => r.made && r.missing > 0)).toBe(true);
  }, 120000);
});
