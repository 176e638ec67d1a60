// Builds dist/: Code.js (one flat Apps Script file), the inlined sidebar HTML, appsscript.json.
import { build } from "esbuild";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { made, put } from "./put.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
export const NAMESPACE = "Alur";

/** Names exported by src/index.ts: the only names Apps Script sees. */
async function entryExports() {
  const result = await build({
    entryPoints: [join(root, "src/index.ts")],
    bundle: true,
    format: "esm",
    write: false,
    metafile: true,
    outdir: "out",
    logLevel: "silent",
  });
  const outputs = Object.values(result.metafile.outputs);
  return outputs.flatMap((o) => o.exports).sort();
}

/** The built-in catalog as gzipped JSON in base64: the content of dist/Catalog.html. */
export async function catalogData() {
  const { gzipSync } = await import("node:zlib");
  const out = await build({ entryPoints: [join(root, "src/catalog/index.ts")], bundle: true, format: "cjs", platform: "node", write: false, logLevel: "silent" });
  const mod = { exports: {} };
  new Function("module", "exports", out.outputFiles[0].text)(mod, mod.exports);
  return gzipSync(JSON.stringify(mod.exports.CATALOG), { level: 9 }).toString("base64");
}

/**
 * The letter templates (templates/*.txt, parsed by src/domain/template-markup.ts) as gzipped JSON in base64: the
 * content of dist/Templates.html, read only by setup and the document worker, so Code.js does not carry them.
 */
export async function templatesBundle() {
  const out = await build({ entryPoints: [join(root, "src/domain/template-markup.ts")], bundle: true, format: "cjs", platform: "node", write: false, logLevel: "silent" });
  const mod = { exports: {} };
  new Function("module", "exports", out.outputFiles[0].text)(mod, mod.exports);
  const dir = join(root, "templates");
  const { readdirSync } = await import("node:fs");
  const specs = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => mod.exports.parseTemplate(f.replace(/\.txt$/, ""), readFileSync(join(dir, f), "utf8")));
  return { kop: specs.find((t) => t.id === "kop"), templates: specs.filter((t) => t.id !== "kop") };
}

export async function templatesData() {
  const { gzipSync } = await import("node:zlib");
  return gzipSync(JSON.stringify(await templatesBundle()), { level: 9 }).toString("base64");
}

/**
 * The catalog lives in its own project file, dist/Catalog.html, which Apps Script reads only when asked: Code.js is
 * loaded on every execution (every sidebar call), while only setup needs the 28 SOPs.
 */
function catalogModule() {
  return `let cache = null;
export function builtInCatalog() {
  if (!cache) cache = JSON.parse(Utilities.ungzip(Utilities.newBlob(Utilities.base64Decode(HtmlService.createHtmlOutputFromFile("Catalog").getContent().trim()), "application/x-gzip")).getDataAsString());
  return cache;
}`;
}

const packedCatalog = {
  name: "packed-catalog",
  setup(b) {
    b.onResolve({ filter: /\/builtin$/ }, (args) => (args.importer.includes(`${join("src", "app")}`) || args.importer.includes(`${join("src", "letters")}`) ? { path: "builtin", namespace: "packed-catalog" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "packed-catalog" }, () => ({ contents: catalogModule(), loader: "js" }));
  },
};

/**
 * Modules Apps Script loads only when they are used, each from a project file of its own (dist/<name>.html, gzipped):
 * Code.js, which every call loads (each sidebar poll), keeps to what actions and the panel need.
 */
export const LAZY = [
  { name: "Setup", file: "src/app/setup.ts" },
  { name: "SopPage", file: "src/domain/sop-page.ts" },
  { name: "Laporan", file: "src/app/report.ts" },
  { name: "Monitoring", file: "src/app/monitoring.ts" },
  { name: "MailJobs", file: "src/app/mail-jobs.ts" },
  { name: "EmailPage", file: "src/app/email-page.ts" },
  { name: "UjiMandiri", file: "src/app/uji/run.ts" },
];
const lazyPath = (m) => join(root, m.file);
/** Every bundle takes PropertiesService and CacheService from here: Uji mandiri's scratch scope (see the file). */
const SCOPE = join(root, "src/gas/scope.ts");
const LAZY_RUNTIME = join(root, "src/gas/lazy.ts");

/** A lazy module's code (an IIFE whose value is its exports) and, per export, whether it is a function or its value. */
async function buildLazy(m, unsafeNoLock) {
  const out = await build({
    entryPoints: [lazyPath(m)],
    bundle: true,
    format: "iife",
    globalName: "__alurLazy",
    target: "es2020",
    platform: "neutral",
    write: false,
    charset: "utf8",
    legalComments: "none",
    minify: true,
    define: { ALUR_UNSAFE_NO_LOCK: String(unsafeNoLock) },
    inject: [SCOPE],
    plugins: [packedCatalog, lazyStubs(m.name)],
    logLevel: "warning",
  });
  const code = out.outputFiles[0].text;
  // The module's top level touches no service, so it can be evaluated here to learn what it exports.
  const { default: vm } = await import("node:vm");
  const exports = vm.runInNewContext(`${code};__alurLazy`, {});
  const shape = Object.fromEntries(Object.entries(exports).map(([k, v]) => [k, typeof v === "function" ? { fn: true } : { fn: false, value: JSON.parse(JSON.stringify(v)) }]));
  return { code, shape };
}

const lazyShapes = new Map();

/** Imports of a lazy module (from anywhere but the module itself) become stubs that load it on first call. */
function lazyStubs(self) {
  return {
    name: "lazy-stubs",
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (!args.importer) return undefined;
        const target = resolve(dirname(args.importer), args.path);
        const m = LAZY.find((x) => x.name !== self && (lazyPath(x) === target || lazyPath(x) === `${target}.ts`));
        return m ? { path: m.name, namespace: "lazy-stub" } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: "lazy-stub" }, (args) => {
        const shape = lazyShapes.get(args.path);
        if (!shape) throw new Error(`lazy module ${args.path} not built yet`);
        const lines = [`import { loadLazy } from ${JSON.stringify(LAZY_RUNTIME)};`];
        for (const [k, v] of Object.entries(shape)) {
          lines.push(v.fn ? `export function ${k}(...a) { return loadLazy(${JSON.stringify(args.path)}).${k}(...a); }` : `export const ${k} = ${JSON.stringify(v.value)};`);
        }
        return { contents: lines.join("\n"), loader: "js", resolveDir: root };
      });
    },
  };
}

/** Builds every lazy module (the first without stubs for later ones, which none of them import). */
export async function buildLazyModules({ unsafeNoLock = false } = {}) {
  const { gzipSync } = await import("node:zlib");
  const files = {};
  for (const m of LAZY) {
    const { code, shape } = await buildLazy(m, unsafeNoLock);
    lazyShapes.set(m.name, shape);
    files[`${m.name}.html`] = `${gzipSync(code, { level: 9 }).toString("base64")}\n`;
  }
  return files;
}

/**
 * dist/Code.js. `unsafeNoLock` builds a variant without the script lock, only for the concurrency tests, which must
 * show that they fail without it; the define is false in every real build, and minification drops the branch.
 */
export async function buildServer({ outfile = join(dist, "Code.js"), unsafeNoLock = false } = {}) {
  const names = await entryExports();
  const lazyFiles = await buildLazyModules({ unsafeNoLock });
  const result = await build({
    entryPoints: [join(root, "src/index.ts")],
    bundle: true,
    format: "iife",
    globalName: NAMESPACE,
    target: "es2020",
    platform: "neutral",
    write: false,
    charset: "utf8",
    legalComments: "none",
    minify: true,
    define: { ALUR_UNSAFE_NO_LOCK: String(unsafeNoLock) },
    inject: [SCOPE],
    plugins: [packedCatalog, lazyStubs("")],
    logLevel: "warning",
  });
  const body = result.outputFiles[0].text;
  for (const [f, content] of Object.entries(lazyFiles)) put(join(dirname(outfile), f), content);
  const stubs = names
    .map((n) => `function ${n}() { return ${NAMESPACE}.${n}.apply(this, arguments); }`)
    .join("\n");
  const header = "// Alur — built by scripts/build.mjs from src/; do not edit. Entry points are listed at the end.\n";
  mkdirSync(dirname(outfile), { recursive: true });
  put(outfile, `${header}${body}\n${stubs}\n`);
  return names;
}

/**
 * dist/Letters.html: the letters module (src/letters/entry.ts) as gzipped code in base64. Setup, the document worker
 * and the occasional letter calls load it with src/app/letters-module.ts; Code.js, loaded on every call, does not
 * carry the templates' layout, the fill, the leave balance or the account page.
 */
export async function buildLettersModule({ outDir = dist, unsafeNoLock = false } = {}) {
  const { gzipSync } = await import("node:zlib");
  const result = await build({
    entryPoints: [join(root, "src/letters/entry.ts")],
    bundle: true,
    format: "iife",
    globalName: "AlurLetters",
    target: "es2020",
    platform: "neutral",
    write: false,
    charset: "utf8",
    legalComments: "none",
    minify: true,
    define: { ALUR_UNSAFE_NO_LOCK: String(unsafeNoLock) },
    inject: [SCOPE],
    plugins: [packedCatalog],
    logLevel: "warning",
  });
  const code = result.outputFiles[0].text;
  mkdirSync(outDir, { recursive: true });
  put(join(outDir, "Letters.html"), `${gzipSync(code, { level: 9 }).toString("base64")}\n`);
  return code.length;
}

/** One HTML page: the html file with its stylesheet and compiled script inlined. */
async function buildPage({ out, html, entry, css }) {
  const js = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: "iife",
    target: "es2019",
    platform: "browser",
    write: false,
    charset: "utf8",
    legalComments: "none",
    minify: true,
    logLevel: "warning",
  });
  const script = js.outputFiles[0].text.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
  const style = css ? readFileSync(join(root, css), "utf8").replace(/\s*\n\s*/g, "\n") : "";
  let page = readFileSync(join(root, html), "utf8");
  if (!page.includes("<!-- @style -->") || !page.includes("<!-- @script -->")) {
    throw new Error(`${html} needs <!-- @style --> and <!-- @script --> markers`);
  }
  page = page.replace("<!-- @style -->", () => `<style>${style}</style>`);
  page = page.replace("<!-- @script -->", () => `<script>${script}</script>`);
  if (/<\?/.test(page)) throw new Error(`${out}: "<?" would be read as an Apps Script scriptlet`);
  put(join(dist, out), page);
}

export const PAGES = [
  { out: "Sidebar.html", html: "sidebar/index.html", entry: "sidebar/main.ts", css: "sidebar/style.css" },
  { out: "UjiDialog.html", html: "sidebar/uji/index.html", entry: "sidebar/uji/main.ts", css: "sidebar/uji/style.css" },
];

export async function buildAll() {
  mkdirSync(dist, { recursive: true });
  const names = await buildServer();
  put(join(dist, "Catalog.html"), `${await catalogData()}\n`);
  put(join(dist, "Templates.html"), `${await templatesData()}\n`);
  await buildLettersModule();
  for (const page of PAGES) await buildPage(page);
  put(join(dist, "appsscript.json"), readFileSync(join(root, "appsscript.json")));
  // What an earlier build made and this one did not (a module renamed or removed) does not linger in dist/.
  // (A build running beside this one may be writing a temporary file: those are its own.)
  for (const f of readdirSync(dist)) if (!made.has(join(dist, f)) && !f.endsWith(".tmp")) rmSync(join(dist, f), { recursive: true, force: true });
  const emulator = join(root, "scripts/build-emulator.mjs");
  if (existsSync(emulator)) {
    await (await import(pathToFileURL(emulator).href)).buildEmulator(root);
    await (await import(pathToFileURL(join(root, "scripts/uji-expected.mjs")).href)).ujiExpected(root);
  }
  return names;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const names = await buildAll();
  const size = readFileSync(join(dist, "Code.js")).length;
  console.log(`dist/Code.js ${(size / 1024).toFixed(1)} KB, entry points: ${names.join(", ")}`);
}
