// The bundle as Apps Script loads it: which globals it defines, which it reads, and that loading touches no service.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CODE_PATH, ROOT, ensureBuilt } from "../../emulator/ensure-built";
import { SERVICE_NAMES } from "../../emulator/fakes";
import { loadCode } from "../../emulator/load-code";
import { entryExports } from "./entry-exports";
import { freeIdentifiers } from "./free-identifiers";

/** ECMAScript (ES2020) built-ins the V8 runtime has. */
const ECMASCRIPT = [
  "Object", "Function", "Array", "Number", "Boolean", "String", "Symbol", "BigInt", "Date", "Promise", "RegExp", "JSON", "Math", "Intl", "Reflect", "Proxy",
  "Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError",
  "Map", "Set", "WeakMap", "WeakSet", "ArrayBuffer", "DataView",
  "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
  "parseInt", "parseFloat", "isNaN", "isFinite", "encodeURI", "encodeURIComponent", "decodeURI", "decodeURIComponent", "escape", "unescape",
  "undefined", "NaN", "Infinity", "eval",
];
/** Apps Script's global services (the ones Alur may use and a few more it could). */
/** Advanced services the manifest enables are globals too, under their userSymbol. */
const ADVANCED: string[] = (JSON.parse(readFileSync(join(ROOT, "appsscript.json"), "utf8")).dependencies?.enabledAdvancedServices ?? []).map((s: { userSymbol: string }) => s.userSymbol);
const APPS_SCRIPT = [...SERVICE_NAMES, ...ADVANCED, "UrlFetchApp", "GmailApp", "CalendarApp", "FormApp", "SlidesApp", "Charts", "XmlService", "Browser"];
/** Node and browser globals Apps Script lacks: named so a failure says which one slipped in. */
const MISSING_IN_APPS_SCRIPT = [
  "require", "process", "setTimeout", "setInterval", "clearTimeout", "setImmediate", "queueMicrotask", "fetch", "URL", "URLSearchParams", "atob", "btoa",
  "TextEncoder", "TextDecoder", "crypto", "Buffer", "window", "document", "global", "globalThis", "self", "module", "exports", "__dirname", "__filename", "structuredClone", "navigator", "localStorage",
];

let code: string;
beforeAll(() => {
  ensureBuilt();
  code = readFileSync(DEFAULT_CODE_PATH, "utf8");
});

test("the bundle defines exactly the namespace Alur and one function per export of src/index.ts", () => {
  const exported = entryExports(ROOT);
  expect(exported).toEqual(expect.arrayContaining(["doGet", "onInstall", "onOpen", "showSidebar"]));
  const ctx = loadCode(DEFAULT_CODE_PATH, {});
  expect(Object.keys(ctx).sort()).toEqual(["Alur", ...exported].sort());
  for (const name of exported) expect(typeof ctx[name]).toBe("function");
});

test("every free identifier of the bundle is an ECMAScript built-in or an Apps Script service", () => {
  const free = [...freeIdentifiers(code)];
  expect(free.filter((n) => MISSING_IN_APPS_SCRIPT.includes(n))).toEqual([]);
  const allowed = new Set([...ECMASCRIPT, ...APPS_SCRIPT]);
  expect(free.filter((n) => !allowed.has(n)).sort()).toEqual([]);
});

test("the modules loaded only when used (Setup, SopPage, Laporan, Monitoring, MailJobs, EmailPage) have the same free identifiers as the bundle, and Code.js stays under 150 KB", () => {
  const { gunzipSync } = require("node:zlib") as typeof import("node:zlib");
  const allowed = new Set([...ECMASCRIPT, ...APPS_SCRIPT]);
  for (const name of ["Setup", "SopPage", "Laporan", "Monitoring", "MailJobs", "EmailPage"]) {
    const packed = readFileSync(join(ROOT, "dist", `${name}.html`), "utf8").trim();
    const lazy = gunzipSync(Buffer.from(packed, "base64")).toString("utf8");
    expect(lazy).toMatch(/^"use strict";var __alurLazy=/);
    const free = [...freeIdentifiers(lazy)].filter((n) => !allowed.has(n));
    expect({ name, free }).toEqual({ name, free: [] });
  }
  expect(Buffer.byteLength(code)).toBeLessThan(150 * 1024);
});

test("the free-identifier analysis sees scopes (so the check above can fail)", () => {
  const sample = "var a = 1; function f(b) { let c = b + a; return fetch(c) + (function g() { return g; })(); } try {} catch (e) { e; } const { x = setTimeout } = {}; class K { m() { return K + d; } }";
  expect([...freeIdentifiers(sample)].sort()).toEqual(["d", "fetch", "setTimeout"]);
});

test("loading the bundle touches no service", () => {
  const touched: string[] = [];
  const trap = (name: string) =>
    new Proxy(
      {},
      {
        get(_t, prop) {
          touched.push(`${name}.${String(prop)}`);
          throw new Error(`top-level code touched ${name}.${String(prop)}`);
        },
      },
    );
  const globals = Object.fromEntries(APPS_SCRIPT.map((n) => [n, trap(n)]));
  expect(() => loadCode(join(DEFAULT_CODE_PATH), globals)).not.toThrow();
  expect(touched).toEqual([]);
});
