// Prints the built-in SOP catalog as one JSON object (validated first); with --html DIR also writes one page per SOP.
import { build } from "esbuild";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SOP_PAGE = join(root, "src/domain/sop-page.ts");

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const opts = { html: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--html") {
      opts.html = argv[++i];
      if (!opts.html) fail("--html butuh nama folder: npm run catalog -- --html DIR", 2);
    } else if (a.startsWith("--html=")) opts.html = a.slice("--html=".length);
    else fail(`Argumen tidak dikenal: ${a}. Pakai: npm run catalog [-- --html DIR]`, 2);
  }
  return opts;
}

/** Bundles the catalog and the domain pieces it needs in memory and loads them as a CommonJS module. */
async function loadCatalog(withPages) {
  const contents = [
    'export { CATALOG } from "./src/catalog/index";',
    'export { ROLES } from "./src/catalog/roles";',
    'export { DEFAULT_CALENDAR } from "./src/catalog/settings";',
    'export { validateCatalog, formatValidationError } from "./src/domain/validate";',
    'export { parseWaktu, standardMinutes } from "./src/domain/waktu";',
    withPages ? 'export { renderSopPage } from "./src/domain/sop-page";' : "",
  ].join("\n");
  let result;
  try {
    result = await build({
      stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "catalog-entry.ts" },
      bundle: true,
      format: "cjs",
      platform: "node",
      target: "node20",
      write: false,
      logLevel: "silent",
    });
  } catch (e) {
    const details = (e.errors ?? []).map((x) => `  ${x.location ? `${x.location.file}:${x.location.line}: ` : ""}${x.text}`).join("\n");
    fail(`Katalog tidak dapat dibundel:\n${details || e.message}`);
  }
  const mod = { exports: {} };
  new Function("module", "exports", "require", result.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  return mod.exports;
}

function standardOf(lib, waktu, dayMinutes) {
  const p = lib.parseWaktu(waktu);
  if (!p.ok || !p.standard) return null;
  const m = lib.standardMinutes(p.standard, dayMinutes);
  return { text: p.standard.text, minMinutes: m.min, maxMinutes: m.max };
}

function describe(lib) {
  const dayMinutes = lib.DEFAULT_CALENDAR.dayMinutes;
  return {
    workingDayMinutes: dayMinutes,
    sops: lib.CATALOG.map((sop) => ({
      id: sop.id,
      code: sop.code,
      title: sop.title,
      roles: sop.lanes.map((l) => l.header),
      fields: sop.fields,
      steps: sop.steps.map((s) => ({
        no: s.no,
        text: s.text,
        role: s.role,
        kind: s.kind,
        yesTo: s.kind === "decision" ? (s.yesTo ?? null) : null,
        noTo: s.kind === "decision" ? (s.noTo ?? null) : null,
        standard: standardOf(lib, s.waktu, dayMinutes),
        kelengkapan: s.kelengkapan,
        output: s.output,
      })),
    })),
  };
}

const opts = parseArgs(process.argv.slice(2));
if (opts.html && !existsSync(SOP_PAGE)) {
  fail("--html butuh src/domain/sop-page.ts (renderSopPage), yang belum ada di repo ini.", 2);
}
const lib = await loadCatalog(Boolean(opts.html));
const errors = lib.validateCatalog(lib.CATALOG, lib.ROLES);
if (errors.length > 0) {
  fail(`Katalog SOP tidak valid (${errors.length} masalah):\n${errors.map((e) => `  ${lib.formatValidationError(e)}`).join("\n")}`);
}
if (opts.html) {
  if (typeof lib.renderSopPage !== "function") fail("src/domain/sop-page.ts tidak mengekspor renderSopPage(sop, roles).", 2);
  // npm runs scripts from the package root; a relative DIR means relative to where the user typed the command.
  const dir = resolve(process.env.INIT_CWD ?? process.cwd(), opts.html);
  mkdirSync(dir, { recursive: true });
  for (const sop of lib.CATALOG) {
    const html = lib.renderSopPage(sop, lib.ROLES, { dayMinutes: lib.DEFAULT_CALENDAR.dayMinutes });
    if (typeof html !== "string") fail(`renderSopPage tidak mengembalikan teks HTML untuk SOP ${sop.id}.`);
    writeFileSync(join(dir, `${sop.id}.html`), html);
  }
  process.stderr.write(`${lib.CATALOG.length} halaman SOP ditulis ke ${dir}\n`);
}
process.stdout.write(`${JSON.stringify(describe(lib), null, 2)}\n`);
