// The fakes hold a 20,000-row register and a 100,000-row log, read and written whole, with the cells counted (the
// benchmark's sizes; how long it takes is the benchmark's to report, not a test's to assert).
import { createWorld } from "../../emulator/fakes";

test("fill, read and write a 20,000 × 40 register and a 100,000-row log: every value kept, every cell counted", () => {
  const world = createWorld({ seed: 1 });
  const register = Array.from({ length: 20000 }, (_, r) => Array.from({ length: 40 }, (_, c) => (c === 0 ? `K-${r}` : c === 1 ? new Date(Date.UTC(2024, 0, 1 + (r % 365))) : r * 40 + c)));
  world.fill("Register", register);
  world.fill("Riwayat", Array.from({ length: 100000 }, (_, r) => [r, `K-${r % 20000}`, "langkah", "a@example.com", "catatan"]));
  const ss = world.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName("Register")!;
  expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([20000, 40]);
  expect(ss.getSheetByName("Riwayat")!.getLastRow()).toBe(100000);

  const values = sheet.getDataRange().getValues();
  expect(values[19999][0]).toBe("K-19999");
  expect(values[5][1]).toBeInstanceOf(Date);
  sheet.getRange(1, 1, 20000, 40).setValues(values);
  ss.getSheetByName("Riwayat")!.appendRow([100000, "K-1", "langkah", "b@example.com", ""]);
  expect(ss.getSheetByName("Riwayat")!.getLastRow()).toBe(100001);
  expect(world.counter.snapshot()).toMatchObject({ cellsRead: 800000, cellsWritten: 800005 });
});
