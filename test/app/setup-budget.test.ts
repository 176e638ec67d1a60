// Siapkan Alur within Apps Script's limits, on the fake clock of the latency model (emulator/latency.ts, an assumed
// row of the fidelity table): its Spreadsheet calls, its clean stop before 4.5 minutes, and later runs that finish
// what it left.
import { BUDGETS, SETUP_FIGURES } from "../../emulator/figures";
import { latency } from "../../emulator/latency";
import { emptyWorkbook, registerGaps, runSetup } from "../../emulator/setup-cost";

const LIMIT = 4.5 * 60_000;
const AGAIN = /Jalankan Ekstensi › Alur › Siapkan Alur sekali lagi untuk melanjutkan/;

/** Runs setup and ends its execution at the nth call of `call` ("Kind.method"), as Apps Script ends one cut off. */
function endSetupAt(o: ReturnType<typeof emptyWorkbook>, call: string, nth: number, mode: "end-before" | "end-after"): void {
  let seen = 0;
  o.world.latency = (kind, method) => {
    if (`${kind}.${method}` === call && ++seen === nth) o.world.fault = { at: o.world.faultCalls + 1, mode };
    return 0;
  };
  o.world.fault = { at: -1, mode: "throw" };
  o.world.faultCalls = 0;
  try {
    runSetup(o);
  } catch {
    // The execution ended: nothing of it answers.
  }
  Object.assign(o.world, { ended: false, fault: null, latency: null });
}

describe("setup on Apps Script's clock", () => {
  test("a first setup of the 28 SOPs costs at most 600 Spreadsheet calls, and a run on the complete workbook writes nothing", () => {
    const o = emptyWorkbook();
    const first = runSetup(o);
    expect(first.spreadsheetCalls).toBe(SETUP_FIGURES.first);
    expect(SETUP_FIGURES.first).toBeLessThanOrEqual(BUDGETS.setupFirst);
    expect(registerGaps(o.world)).toEqual([]);
    const again = runSetup(o);
    expect(again.said).toBe("Semua sudah lengkap; tidak ada yang diubah.");
    expect(again.writes).toEqual({});
    expect(again.cellsWritten).toBe(0);
    expect(again.spreadsheetCalls).toBe(SETUP_FIGURES.again);
  }, 60_000);

  test("at 100 ms a call (250 ms for protections) the first setup finishes well within 4.5 minutes", () => {
    const o = emptyWorkbook();
    o.world.latency = latency();
    const first = runSetup(o);
    expect(first.said).not.toMatch(AGAIN);
    expect(first.ms).toBeLessThan(LIMIT);
    expect(registerGaps(o.world)).toEqual([]);
  }, 60_000);

  test("on a slower clock setup stops cleanly before 4.5 minutes, says to run it again, and the next runs finish every register", () => {
    const o = emptyWorkbook();
    // Six times slower than the model: the first run cannot make all 28 registers in time.
    o.world.latency = latency({ spreadsheet: 600, protection: 1500, other: 120, docElement: 6, docSave: 3000 });
    const first = runSetup(o);
    expect(first.said).toMatch(AGAIN);
    expect(first.ms).toBeLessThan(LIMIT);
    const left = registerGaps(o.world);
    expect(left.length).toBeGreaterThan(0);
    const runs = [first];
    while (AGAIN.test(runs[runs.length - 1].said) && runs.length < 6) runs.push(runSetup(o));
    // Every run but the last stopped cleanly and said so; the last finished; none came near the limit.
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.slice(0, -1).every((r) => AGAIN.test(r.said))).toBe(true);
    expect(runs[runs.length - 1].said).toMatch(/dibuat/);
    expect(Math.max(...runs.map((r) => r.ms))).toBeLessThan(LIMIT);
    expect(registerGaps(o.world)).toEqual([]);
    // Finished: one more run changes nothing.
    const again = runSetup(o);
    expect(again.said).toBe("Semua sudah lengkap; tidak ada yang diubah.");
    expect(again.writes).toEqual({});
  }, 120_000);

  test("a Riwayat a cut-off run made but did not finish is left with no empty columns beside it", () => {
    const o = emptyWorkbook();
    // End the execution just before Riwayat's date format (Hari Libur's comes first): the sheet exists, unfinished.
    endSetupAt(o, "Range.setNumberFormat", 2, "end-before");
    expect(o.world.spreadsheet.sheetNamed_("Riwayat")?.getMaxColumns()).toBe(26);
    runSetup(o);
    expect(o.world.spreadsheet.sheetNamed_("Riwayat")?.getMaxColumns()).toBe(19);
    expect(registerGaps(o.world)).toEqual([]);
  }, 60_000);

  test("a register a stopped run left half-made (cut off after its protection) is finished, not protected twice", () => {
    const o = emptyWorkbook();
    // End the execution right after the 3rd Range.protect (the third register's protection, before setWarningOnly).
    endSetupAt(o, "Range.protect", 3, "end-after");
    expect(registerGaps(o.world).length).toBeGreaterThan(0);
    runSetup(o);
    expect(registerGaps(o.world)).toEqual([]);
  }, 60_000);

  test("a run cut off between SOP Identitas's checkboxes and its rows leaves no blank rows: the next run fills them", () => {
    const o = emptyWorkbook();
    endSetupAt(o, "Range.insertCheckboxes", 1, "end-after");
    runSetup(o);
    const rows = o.world.read("SOP Identitas").slice(1);
    expect(rows.filter((r) => r.every((v) => v === "" || v === false))).toEqual([]);
    expect(rows.map((r) => r[0])).toContain("surat-masuk");
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  }, 60_000);

  test("a run cut off after Hari Libur's dates and before their format gets the dates formatted by the next run", () => {
    const o = emptyWorkbook();
    // Hari Libur's date format is the first Range.setNumberFormat.
    endSetupAt(o, "Range.setNumberFormat", 1, "end-before");
    runSetup(o);
    const libur = o.world.spreadsheet.sheetNamed_("Hari Libur")!;
    expect(libur.getRange(2, 1).getNumberFormat()).toBe("d mmm yyyy");
    expect(libur.getRange(2, 1).getDisplayValue()).toMatch(/^\d{1,2} \w{3} 2026$/);
  }, 60_000);
});
