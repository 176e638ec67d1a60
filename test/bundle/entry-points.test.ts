// The entry points on the fakes: onOpen in AuthMode.NONE only builds the menu; onInstall, showSidebar and doGet work.
import { MENU_ITEMS } from "../../src/app/menu";
import { createWorld } from "../../emulator/fakes";
import { loadBundle } from "../../emulator/load-bundle";

const MENU_CALLS = new Set(["SpreadsheetApp.getUi", "Ui.createAddonMenu", "Menu.addItem", "Menu.addSeparator", "Menu.addToUi"]);

function expectAlurMenu(world: ReturnType<typeof createWorld>) {
  const addon = world.ui.menus.find((m) => m.name === "addon");
  expect(addon).toBeDefined();
  const expected = MENU_ITEMS.map((item) => (item ? { label: item[0], fn: item[1] } : { separator: true }));
  expect(addon!.items).toEqual(expected);
}

test("onOpen in AuthMode.NONE touches nothing but getUi and the menu builder, and adds the Alur menu", () => {
  const world = createWorld();
  const ctx = loadBundle(world);
  world.exec = world.execution("open-none");
  ctx.onOpen({ authMode: world.services.ScriptApp.AuthMode.NONE });
  const called = Object.keys(world.counter.snapshot().calls);
  expect(called.filter((c) => !MENU_CALLS.has(c))).toEqual([]);
  expectAlurMenu(world);
  expect(world.ui.menus.find((m) => m.name === "addon")!.items.filter((i) => "label" in i).map((i) => (i as { label: string }).label)).toContain("Buka panel");
});

test("AuthMode.NONE really forbids other services (so the check above can fail)", () => {
  const world = createWorld();
  world.exec = world.execution("open-none");
  expect(() => world.globals.PropertiesService.getDocumentProperties()).toThrow(/You do not have permission to call PropertiesService.getDocumentProperties/);
  expect(() => world.globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/permission/);
});

test("onInstall builds the same menu", () => {
  const world = createWorld();
  loadBundle(world).onInstall({ authMode: "FULL" });
  expectAlurMenu(world);
});

test("showSidebar shows the built sidebar titled Alur", () => {
  const world = createWorld();
  loadBundle(world).showSidebar();
  const shown = world.ui.shown.at(-1)!;
  expect(shown).toMatchObject({ type: "sidebar", title: "Alur" });
  expect(shown.content).toMatch(/<script>/);
});

test("doGet returns an HtmlOutput", () => {
  const world = createWorld();
  const out = loadBundle(world).doGet({ parameter: {} });
  expect(String(out)).toBe("HtmlOutput");
  expect(out.getContent()).toMatch(/<html|<!doctype|<p|<div/i);
});
