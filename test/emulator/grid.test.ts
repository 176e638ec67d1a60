// The fakes' cell storage: attribute records are shared between cells, so changing one cell never changes another.
import { createWorld } from "../../emulator/fakes";
import { fakeBehind } from "../../emulator/fakes/membrane";
import type { FakeSheet } from "../../emulator/fakes/sheet";

function sheet() {
  const w = createWorld({ now: () => Date.UTC(2026, 10, 2, 1), seed: 1 });
  const s = w.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Sheet1")!;
  return { s, grid: (fakeBehind(s) as FakeSheet).grid };
}

test("a format set on many rows is one shared record, and each cell still changes on its own", () => {
  const { s, grid } = sheet();
  s.getRange(1, 1, 999, 2).setNumberFormats(Array.from({ length: 999 }, () => ["yyyy-MM-dd", "@"]));
  s.getRange(1, 1, 999, 1).setBackground("#ffeeee");
  expect(grid.attrs(0, 0)).toBe(grid.attrs(998, 0));
  expect(Object.isFrozen(grid.attrs(0, 0))).toBe(true);

  s.getRange(5, 1).setNumberFormat("0.00").setNote("catatan");
  s.getRange(6, 1).setValue("=1+1");
  s.getRange(7, 1).setBackground(null);
  expect(s.getRange(4, 1, 4, 1).getNumberFormats()).toEqual([["yyyy-MM-dd"], ["0.00"], ["yyyy-MM-dd"], ["yyyy-MM-dd"]]);
  expect(s.getRange(4, 1, 4, 1).getNotes()).toEqual([[""], ["catatan"], [""], [""]]);
  expect(s.getRange(4, 1, 4, 1).getFormulas()).toEqual([[""], [""], ["=1+1"], [""]]);
  expect(s.getRange(4, 1, 4, 1).getBackgrounds()).toEqual([["#ffeeee"], ["#ffeeee"], ["#ffeeee"], ["#ffffff"]]);
  expect(s.getRange(4, 2, 4, 1).getNumberFormats()).toEqual([["@"], ["@"], ["@"], ["@"]]);

  s.getRange(6, 1).clearContent();
  expect(s.getRange(6, 1).getFormula()).toBe("");
  expect(s.getRange(5, 1).getNote()).toBe("catatan");
});

test("a cell whose last attribute is cleared keeps no record", () => {
  const { s, grid } = sheet();
  s.getRange(2, 2).setNote("x");
  s.getRange(2, 2).setNote(null);
  expect(grid.attrs(1, 1)).toBeUndefined();
});
