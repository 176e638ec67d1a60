import { createWorld } from "../../emulator/fakes";
import { loadBundle } from "../../emulator/load-bundle";
test("smoke", () => {
  const w = createWorld({ now: () => Date.UTC(2024, 2, 1, 3) });
  const ctx = loadBundle(w);
  ctx.onOpen({});
  console.log(JSON.stringify(w.ui.menus), w.counter.snapshot());
  ctx.showSidebar();
  console.log(w.ui.shown.map(s => [s.type, s.title, s.content.length]));
  const out = ctx.doGet({});
  console.log(String(out), out.getTitle());
  const r = ctx.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Sheet1").getRange("A1:C2");
  r.setValues([["=1+1", "'0123", "2024-03-01"], ["01234", "TRUE", "25%"]]);
  const v = r.getValues();
  console.log(v, v[0][2] instanceof Date, r.getFormulas(), r.getDisplayValues());
  const vm = require("node:vm");
  console.log(vm.runInContext("SpreadsheetApp.getActive().getRange('Sheet1!A1:C2').getValues()[0][2] instanceof Date", ctx));
  console.log(w.counter.snapshot());
});
