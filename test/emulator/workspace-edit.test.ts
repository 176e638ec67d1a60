// A person's edits in the workspace grid, on a small script that records the event objects it gets: values parsed as
// Range.setValue parses them, data validation and protections applied as Sheets applies them to people (not scripts),
// onEdit (simple and installable) and onChange fired with the fields Google documents, each tab its own person.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeDataValidationBuilder, type FakeDataValidation } from "../../emulator/fakes/data-validation";
import { applyEdit, changeRows, localeTyped } from "../../emulator/server/edit";
import { sheetView } from "../../emulator/server/sheet-view";
import { Workspace } from "../../emulator/server/workspace";

const SCRIPT = `
function record(kind, e) {
  var p = PropertiesService.getScriptProperties();
  var n = Number(p.getProperty("n") || 0) + 1;
  p.setProperty("n", String(n));
  var r = e.range;
  p.setProperty("e" + n, JSON.stringify({
    kind: kind,
    a1: r ? r.getSheet().getName() + "!" + r.getA1Notation() : null,
    hasValue: "value" in e, value: e.value, hasOld: "oldValue" in e, oldValue: e.oldValue,
    authMode: String(e.authMode), user: e.user ? e.user.getEmail() : null, active: Session.getActiveUser().getEmail(),
    effective: Session.getEffectiveUser().getEmail(), source: e.source ? e.source.getId() : null,
    uid: e.triggerUid || null, changeType: e.changeType || null
  }));
}
function onEdit(e) { record("simple", e); }
function onEditInstalled(e) { record("installed", e); }
function onChangeInstalled(e) { record("change", e); }
function install() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.newTrigger("onEditInstalled").forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger("onChangeInstalled").forSpreadsheet(ss).onChange().create();
}
function whoAmI() { return Session.getActiveUser().getEmail() + " " + SpreadsheetApp.getActiveRange().getA1Notation(); }
`;

const OWNER = "admin@dinas.example";
const JFU = "jfu@dinas.example";
let root: string;
let ws: Workspace;

interface Recorded {
  kind: string;
  a1: string | null;
  hasValue: boolean;
  value?: string;
  hasOld: boolean;
  oldValue?: string;
  authMode: string;
  user: string | null;
  active: string;
  effective: string;
  source: string | null;
  uid: string | null;
  changeType: string | null;
}

function events(): Recorded[] {
  const p = ws.world.stores.script;
  const n = Number(p.map.get("n") ?? 0);
  return Array.from({ length: n }, (_, i) => JSON.parse(p.map.get(`e${i + 1}`) ?? "{}") as Recorded);
}
const clearEvents = () => {
  for (const k of [...ws.world.stores.script.map.keys()]) if (k === "n" || /^e\d+$/.test(k)) ws.world.stores.script.map.delete(k);
};

const sheet = () => ws.world.spreadsheet.sheetNamed_("Data")!;
const value = (row: number, col: number) => sheet().grid.value(row - 1, col - 1);
const rule = (f: (b: FakeDataValidationBuilder) => unknown) => f(new FakeDataValidationBuilder(ws.world)) as FakeDataValidation;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "alur-edit-"));
  mkdirSync(join(root, "dist"));
  writeFileSync(join(root, "dist/Code.js"), SCRIPT);
  ws = new Workspace({ root, dataDir: join(root, "data"), serviceUrl: "http://localhost:3999/exec", reset: true, start: Date.UTC(2026, 10, 30, 2) });
  const s = ws.world.spreadsheet.addSheet_("Data", 1, 50, 8);
  ws.world.fill("Data", [["Nama", "Jenis", "Tanggal", "Aktif", "Catatan"]]);
  s.frozenRows = 1;
  s.range_(2, 2, 49, 1).setDataValidation(rule((b) => b.requireValueInList(["Biasa", "Segera"], true).setAllowInvalid(false).build()) as never);
  s.range_(2, 3, 49, 1).setDataValidation(rule((b) => b.requireDate().setAllowInvalid(false).setHelpText("Isi dengan tanggal").build()) as never);
  s.range_(2, 4, 49, 1).setDataValidation(rule((b) => b.requireCheckbox().build()) as never);
  s.range_(2, 1, 49, 1).setDataValidation(rule((b) => b.requireTextContains("a").build()) as never);
  const out = ws.run("install", [], "editor", OWNER);
  expect(out.ok).toBe(true);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

test("typed text becomes what setValue makes of it, and onEdit, the installable edit trigger and onChange see the edit", () => {
  const tab = ws.tab("tab-a");
  tab.person = JFU;
  const typed = (row: number, col: number, text: string) => applyEdit(ws, tab, JFU, { sheet: "Data", row, col, values: [[text]] });
  expect(typed(2, 5, "12")).toMatchObject({ ok: true });
  expect(value(2, 5)).toBe(12);
  expect(typed(3, 5, "'12")).toMatchObject({ ok: true });
  expect(value(3, 5)).toBe("12");
  expect(typed(4, 5, "=E2*2")).toMatchObject({ ok: true });
  expect(sheet().grid.attrs(3, 4)?.formula).toBe("=E2*2");
  expect(typed(5, 5, "true")).toMatchObject({ ok: true });
  expect(value(5, 5)).toBe(true);
  // In the in_ID locale a day-first date is a date, as Sheets reads what a person types.
  expect(typed(2, 3, "20/11/2026")).toMatchObject({ ok: true });
  expect(value(2, 3)).toEqual(new Date(Date.UTC(2026, 10, 19, 17)));
  expect(localeTyped("20 Nov 2026", "in_ID")).toBe("2026-11-20");
  expect(localeTyped("20/11/2026 09.30", "in_ID")).toBe("2026-11-20 09:30");
  expect(localeTyped("Bappeda 20/11", "in_ID")).toBe("Bappeda 20/11");

  clearEvents();
  expect(typed(2, 5, "13")).toMatchObject({ ok: true });
  const [simple, installed, change] = events();
  expect(simple).toMatchObject({ kind: "simple", a1: "Data!E2", value: "13", oldValue: "12", authMode: "LIMITED", user: JFU, active: JFU, source: ws.world.spreadsheet.id, uid: null });
  // Installable triggers run as the one who installed them, with the editor as the active user (same domain).
  expect(installed).toMatchObject({ kind: "installed", a1: "Data!E2", value: "13", oldValue: "12", authMode: "FULL", user: JFU, effective: OWNER });
  expect(installed.uid).toMatch(/^\d+$/);
  expect(change).toMatchObject({ kind: "change", changeType: "EDIT", authMode: "FULL", user: JFU, a1: null });
  expect(events()).toHaveLength(3);

  // A cell that was empty has no oldValue; a date arrives as its serial day number.
  clearEvents();
  typed(6, 5, "hello");
  expect(events()[0]).toMatchObject({ value: "hello", hasOld: false });
  typed(3, 3, "2026-11-20");
  expect(events()[3]).toMatchObject({ value: "46346" });
});

test("a value refused by data validation changes nothing and fires nothing; the rule's help text or Sheets' words say why", () => {
  const tab = ws.tab("tab-a");
  clearEvents();
  expect(applyEdit(ws, tab, OWNER, { sheet: "Data", row: 2, col: 3, values: [["kemarin"]] })).toEqual({ ok: false, title: "Ada masalah", error: "Isi dengan tanggal" });
  expect(applyEdit(ws, tab, OWNER, { sheet: "Data", row: 2, col: 2, values: [["Kilat"]] })).toEqual({
    ok: false,
    title: "Ada masalah",
    error: "Data yang Anda masukkan di sel B2 melanggar aturan validasi data yang ditetapkan pada sel ini. Masukkan salah satu nilai berikut: Biasa, Segera.",
  });
  expect(value(2, 2)).toBeUndefined();
  expect(value(2, 3)).toBeUndefined();
  // A paste with one bad cell is refused whole.
  expect(applyEdit(ws, tab, OWNER, { sheet: "Data", row: 3, col: 2, values: [["Biasa"], ["Kilat"]] })).toMatchObject({ ok: false });
  expect(value(3, 2)).toBeUndefined();
  expect(events()).toEqual([]);
  expect(applyEdit(ws, tab, OWNER, { sheet: "Data", row: 2, col: 2, values: [["Segera"]] })).toMatchObject({ ok: true });
  expect(value(2, 2)).toBe("Segera");
});

test("under a warning-only rule a bad value is kept and the grid marks it, with Sheets' 'Tidak valid' words", () => {
  const tab = ws.tab("tab-a");
  expect(applyEdit(ws, tab, OWNER, { sheet: "Data", row: 2, col: 1, values: [["Budi"]] })).toMatchObject({ ok: true });
  expect(value(2, 1)).toBe("Budi");
  const view = sheetView(sheet(), 0);
  const cell = view.rows.find((r) => r.r === 2)!.cells[0];
  expect(cell.bad).toBe('Tidak valid: Masukkan teks yang memuat "a".');
  applyEdit(ws, tab, OWNER, { sheet: "Data", row: 3, col: 1, values: [["Rina"]] });
  expect(sheetView(sheet(), 0).rows.find((r) => r.r === 3)!.cells[0].bad).toBeUndefined();
  // Dropdowns show on list cells (and the row after the data, where a new one is typed), checkboxes their state.
  expect(view.rows.find((r) => r.r === 3)!.cells[1].dd).toBe(1);
  expect(view.rows.find((r) => r.r === 2)!.cells[3].chk).toBe(false);
});

test("a checkbox click ticks and unticks; Delete empties a block; a paste fills a block and grows the sheet", () => {
  const tab = ws.tab("tab-a");
  expect(applyEdit(ws, tab, OWNER, { sheet: "Data", row: 2, col: 4, toggle: true })).toMatchObject({ ok: true });
  expect(value(2, 4)).toBe(true);
  applyEdit(ws, tab, OWNER, { sheet: "Data", row: 2, col: 4, toggle: true });
  expect(value(2, 4)).toBe(false);
  expect(applyEdit(ws, tab, OWNER, { sheet: "Data", row: 2, col: 5, toggle: true })).toMatchObject({ ok: false, error: "Sel ini bukan kotak centang." });

  clearEvents();
  expect(applyEdit(ws, tab, OWNER, { sheet: "Data", row: 49, col: 5, values: [["a", "b", "c", "d"], ["e"], ["f", "g"]] })).toMatchObject({ ok: true, cells: 12 });
  expect(sheet().grid.maxRows).toBe(51);
  expect(sheet().grid.maxCols).toBe(8);
  expect([value(49, 8), value(50, 5), value(50, 6), value(51, 6)]).toEqual(["d", "e", undefined, "g"]);
  // A block edit has no value or oldValue.
  expect(events()[0]).toMatchObject({ a1: "Data!E49:H51", hasValue: false, hasOld: false });

  clearEvents();
  applyEdit(ws, tab, OWNER, { sheet: "Data", row: 49, col: 5, clear: { numRows: 1, numCols: 1 } });
  expect(value(49, 5)).toBeUndefined();
  expect(events()[0]).toMatchObject({ a1: "Data!E49", hasValue: false, oldValue: "a" });
  applyEdit(ws, tab, OWNER, { sheet: "Data", row: 49, col: 5, clear: { numRows: 3, numCols: 4 } });
  expect([value(49, 8), value(51, 6)]).toEqual([undefined, undefined]);
});

test("a warning-only protected range asks first; an editors-only one refuses anyone but its editors", () => {
  const tab = ws.tab("tab-a");
  sheet().range_(1, 5, 50, 1).protect().setDescription("Alur: Catatan").setWarningOnly(true);
  expect(applyEdit(ws, tab, JFU, { sheet: "Data", row: 2, col: 5, values: [["x"]] })).toEqual({
    ok: false,
    confirm: "Anda mengedit rentang yang dilindungi (Alur: Catatan). Bagian sheet ini sebaiknya tidak diubah tanpa sengaja. Tetap edit?",
  });
  expect(value(2, 5)).toBeUndefined();
  expect(applyEdit(ws, tab, JFU, { sheet: "Data", row: 2, col: 5, values: [["x"]], confirmed: true })).toMatchObject({ ok: true });
  expect(value(2, 5)).toBe("x");

  ws.world.within({ effectiveUser: OWNER }, () => sheet().range_(1, 6, 50, 1).protect());
  const refused = applyEdit(ws, tab, JFU, { sheet: "Data", row: 2, col: 6, values: [["y"]], confirmed: true });
  expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^Anda mencoba mengedit sel atau objek yang dilindungi/) });
  expect(value(2, 6)).toBeUndefined();
  expect(applyEdit(ws, tab, OWNER, { sheet: "Data", row: 2, col: 6, values: [["y"]] })).toMatchObject({ ok: true });
});

test("a row inserted takes the validation of the row above and fires onChange INSERT_ROW; a row deleted fires REMOVE_ROW", () => {
  const tab = ws.tab("tab-a");
  applyEdit(ws, tab, OWNER, { sheet: "Data", row: 2, col: 5, values: [["first"]] });
  applyEdit(ws, tab, OWNER, { sheet: "Data", row: 3, col: 5, values: [["second"]] });
  clearEvents();
  expect(changeRows(ws, tab, OWNER, { sheet: "Data", row: 2, op: "below" })).toMatchObject({ ok: true });
  expect([value(2, 5), value(3, 5), value(4, 5)]).toEqual(["first", undefined, "second"]);
  expect(applyEdit(ws, tab, OWNER, { sheet: "Data", row: 3, col: 2, values: [["Kilat"]] })).toMatchObject({ ok: false });
  expect(events()).toEqual([expect.objectContaining({ kind: "change", changeType: "INSERT_ROW" })]);
  clearEvents();
  expect(changeRows(ws, tab, OWNER, { sheet: "Data", row: 3, op: "delete" })).toMatchObject({ ok: true });
  expect([value(2, 5), value(3, 5)]).toEqual(["first", "second"]);
  expect(events()).toEqual([expect.objectContaining({ kind: "change", changeType: "REMOVE_ROW" })]);
});

test("each tab acts as its own person with its own selection", () => {
  const a = ws.tab("tab-a");
  const b = ws.tab("tab-b");
  a.person = "kepala-dinas@dinas.example";
  b.person = JFU;
  ws.select(a, "Data", 2, 1);
  ws.select(b, "Data", 5, 3, 2, 2);
  expect(ws.run("whoAmI", [], "editor", a.person, { tab: a }).value).toBe("kepala-dinas@dinas.example A2");
  expect(ws.run("whoAmI", [], "editor", b.person, { tab: b }).value).toBe(`${JFU} C5:D6`);
  expect(ws.run("whoAmI", [], "editor", a.person, { tab: a }).value).toBe("kepala-dinas@dinas.example A2");
  // An edit by one tab's person is theirs.
  clearEvents();
  applyEdit(ws, b, b.person, { sheet: "Data", row: 7, col: 5, values: [["oleh JFU"]] });
  expect(events()[0]).toMatchObject({ user: JFU });
});
