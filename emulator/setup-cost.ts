// Siapkan Alur on an empty spreadsheet and on the workbook it made: its Spreadsheet calls (the benchmark and the setup
// tests), whether a register is complete, and what a run writes.
import { builtInCatalog } from "../src/catalog/builtin";
import { H, registerHeaders, registerSheetName, systemHeaders } from "../src/domain/register";
import { ADMIN, MONDAY_8 } from "./alur-world";
import { createWorld, type World } from "./fakes";
import { Bundle } from "./load-bundle";

export interface SetupRun {
  /** What setup said (the alert). */
  said: string;
  /** Simulated time the execution took (the latency model's clock). */
  ms: number;
  spreadsheetCalls: number;
  /** Calls that change something, by "Kind.method" (any service). */
  writes: Record<string, number>;
  cellsWritten: number;
}

/** Calls that change something: spreadsheets, properties, cache, triggers, mail. Reads, builders' reads and alerts are not. */
const WRITE = /^(set|insert|delete|append|clear|protect|hide|unhide|show(?!Sidebar)|add|remove|sort|copyTo|moveTo|merge|put|send|create(?!TextFinder|HtmlOutput)|update|apply|activate)/;

export function emptyWorkbook(): { world: World; bundle: Bundle } {
  const world = createWorld({ seed: 11, user: ADMIN, now: () => MONDAY_8 });
  return { world, bundle: new Bundle(world) };
}

export function runSetup(o: { world: World; bundle: Bundle }): SetupRun {
  const { world } = o;
  world.counter.reset();
  const t = world.simulatedMs;
  const shown = world.ui.shown.length;
  world.within({ user: ADMIN }, () => o.bundle.ctx.menuSetup());
  const s = world.counter.snapshot();
  const writes = Object.fromEntries(Object.entries(s.calls).filter(([k]) => WRITE.test(k.split(".")[1])));
  return { said: world.ui.shown.length > shown ? String(world.ui.shown[shown].content) : "", ms: world.simulatedMs - t, spreadsheetCalls: s.spreadsheetCalls, writes, cellsWritten: s.cellsWritten };
}

/**
 * What a register setup made still lacks: its header, frozen header row, hidden Data sistem column, the case fields'
 * validations, the warning-only protection of Alur's columns, the lateness rule. Empty when complete.
 */
export function registerGaps(world: World): string[] {
  const gaps: string[] = [];
  for (const sop of builtInCatalog()) {
    const name = registerSheetName(sop);
    const sheet = world.spreadsheet.sheetNamed_(name);
    if (!sheet) {
      gaps.push(`${name}: missing`);
      continue;
    }
    const header = (world.read(name)[0] ?? []).map(String);
    const missing = registerHeaders(sop).filter((h) => !header.includes(h));
    if (missing.length) gaps.push(`${name}: no column ${missing.join(", ")}`);
    if (sheet.getFrozenRows() !== 1) gaps.push(`${name}: header not frozen`);
    const data = header.indexOf(H.data) + 1;
    if (!data || !sheet.isColumnHiddenByUser(data)) gaps.push(`${name}: Data sistem not hidden`);
    for (const f of sop.fields) {
      const col = header.indexOf(f.label) + 1;
      const wants = f.type === "date" || (f.type === "choice" && !!f.options?.length);
      if (wants && (!col || !sheet.getRange(2, col).getDataValidation() || !sheet.getRange(sheet.getMaxRows(), col).getDataValidation())) gaps.push(`${name}: no validation on ${f.label}`);
    }
    for (const h of systemHeaders(sop)) {
      const col = header.indexOf(h) + 1;
      const over = sheet.protections.filter((p) => p.range.col <= col && p.range.col + p.range.numCols > col);
      if (over.length !== 1 || !over[0].warningOnly) gaps.push(`${name}: column ${h} under ${over.length} protections${over.length === 1 ? " (not warning-only)" : ""}`);
    }
    if (sheet.rules.length !== 1) gaps.push(`${name}: ${sheet.rules.length} conditional format rules`);
  }
  return gaps;
}

/** The benchmark's figures: Spreadsheet calls of a first setup and of a run on the workbook it made. */
export function measureSetup(): { first: number; again: number } {
  const o = emptyWorkbook();
  const first = runSetup(o).spreadsheetCalls;
  const again = runSetup(o).spreadsheetCalls;
  return { first, again };
}
