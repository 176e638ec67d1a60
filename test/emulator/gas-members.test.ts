// The members the membrane lets a script see: Google's documented list per kind (from @types/google-apps-script), kept
// current, covering every kind the fakes hand out; a documented member the fakes lack fails clearly, not silently.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createWorld } from "../../emulator/fakes";
import { DOCUMENTED_MEMBERS } from "../../emulator/fakes/gas-members";
import { KIND_TYPES, OUTPUT, generate } from "./gas-members";

const FAKES = join(__dirname, "../../emulator/fakes");

test("emulator/fakes/gas-members.ts matches the installed @types/google-apps-script (UPDATE_GAS_MEMBERS=1 rewrites it)", () => {
  const fresh = generate();
  if (process.env.UPDATE_GAS_MEMBERS) writeFileSync(OUTPUT, fresh);
  expect(readFileSync(OUTPUT, "utf8")).toBe(fresh);
});

test("every kind of object the fakes hand out has its documented members", () => {
  const kinds = new Set<string>();
  for (const file of readdirSync(FAKES).filter((f) => f.endsWith(".ts"))) {
    const src = readFileSync(join(FAKES, file), "utf8");
    for (const m of src.matchAll(/readonly kind(?::[^=]+)? = "(\w+)"/g)) kinds.add(m[1]);
    for (const m of src.matchAll(/this\.kind = ([^;]+);/g)) for (const k of m[1].matchAll(/"([A-Z]\w*)"/g)) kinds.add(k[1]);
    for (const m of src.matchAll(/kind: "(\w+)" \| "(\w+)"/g)) kinds.add(m[1]).add(m[2]);
  }
  expect(kinds.size).toBeGreaterThan(50);
  expect([...kinds].filter((k) => !(k in KIND_TYPES) || !DOCUMENTED_MEMBERS[k])).toEqual([]);
});

test("a member Google documents but the fakes lack says so when called (and is counted), instead of reading as undefined", () => {
  const world = createWorld();
  const range = world.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("A1") as unknown as Record<string, () => unknown>;
  expect(DOCUMENTED_MEMBERS.Range).toContain("addDeveloperMetadata");
  expect(typeof range.addDeveloperMetadata).toBe("function");
  expect(() => range.addDeveloperMetadata()).toThrow("Not implemented in the Alur fakes: Range.addDeveloperMetadata (Apps Script has it; the fakes do not).");
  expect(world.counter.get("Range.addDeveloperMetadata")).toBe(1);
  // A fake's own helper (not an Apps Script member) stays out of the script's reach.
  const header = world.globals.DocumentApp.create("Surat").addHeader() as unknown as Record<string, unknown>;
  expect(header.appendPageBreak).toBeUndefined();
});
