// Evaluates one Apps Script file in a fresh vm context whose globals are only the given services (plus ECMAScript
// built-ins). The file is compiled once per version (vm.Script) and run afresh for every execution, as Apps Script
// loads the whole project for each call: nothing a previous execution left in globals survives.
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import vm from "node:vm";

const compiled = new Map<string, { stamp: string; script: vm.Script }>();

/** The compiled script of a file, recompiled when the file changes. */
export function compileCode(codePath: string): vm.Script {
  const file = resolve(codePath);
  const st = statSync(file);
  const stamp = `${st.mtimeMs}:${st.size}`;
  const known = compiled.get(file);
  if (known && known.stamp === stamp) return known.script;
  const script = new vm.Script(readFileSync(file, "utf8"), { filename: file });
  compiled.set(file, { stamp, script });
  return script;
}

/**
 * Mutation runs only (npm run test:mutation): Stryker's namespace of the test's realm — the active mutant, the test
 * being run, the coverage — which a bundle built from instrumented sources reads as its own global `__stryker__`.
 */
function shareMutationNamespace(globals: object): void {
  const ns = (globalThis as { __stryker__?: { activeMutant?: string } }).__stryker__;
  if (!ns) return;
  // As Stryker's own header in an instrumented module does: the runner names the mutant in the environment.
  const active = process.env.__STRYKER_ACTIVE_MUTANT__;
  if (ns.activeMutant === undefined && active) ns.activeMutant = active;
  (globals as { __stryker__?: unknown }).__stryker__ = ns;
}

/** A new context on `globals` (which becomes its global object, so it must be fresh for each load) with the file run in it. */
export function loadCode(codePath: string, globals: object): vm.Context & Record<string, unknown> {
  const script = compileCode(codePath);
  shareMutationNamespace(globals);
  const ctx = vm.createContext(globals);
  script.runInContext(ctx);
  return ctx as vm.Context & Record<string, unknown>;
}

/** The context's own constructors, so values handed to the script belong to its realm. */
export function realmOf(ctx: vm.Context): { Date: DateConstructor; Error: ErrorConstructor; evaluate: (code: string) => unknown } {
  return {
    Date: vm.runInContext("Date", ctx) as DateConstructor,
    Error: vm.runInContext("Error", ctx) as ErrorConstructor,
    evaluate: (code: string) => vm.runInContext(code, ctx),
  };
}
