// Evaluates one Apps Script file in a fresh vm context whose globals are only the given services (plus ECMAScript built-ins).
import { resolve } from "node:path";
import { dirname } from "node:path";
import vm from "node:vm";
import * as gas from "gas-local";

/**
 * gas-local loads every .js file of a folder into one context; the filter keeps it to our one file.
 * The globals object becomes the context's global object, so it must be fresh for each load.
 */
export function loadCode(codePath: string, globals: object): vm.Context & Record<string, unknown> {
  const file = resolve(codePath);
  return gas.require(dirname(file), globals, { filter: (p) => resolve(p) === file }) as vm.Context & Record<string, unknown>;
}

/** The context's own constructors, so values handed to the script belong to its realm. */
export function realmOf(ctx: vm.Context): { Date: DateConstructor; Error: ErrorConstructor; evaluate: (code: string) => unknown } {
  return {
    Date: vm.runInContext("Date", ctx) as DateConstructor,
    Error: vm.runInContext("Error", ctx) as ErrorConstructor,
    evaluate: (code: string) => vm.runInContext(code, ctx),
  };
}
