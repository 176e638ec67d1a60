// The one write path: in the server bundle, every call that puts values or formulas into cells sits inside src/gas/write.ts.
import { build } from "esbuild";
import { parse } from "acorn";
import { join } from "node:path";
import { ROOT } from "../../emulator/paths";

/** Sheets methods that store what they are given in cells (a string starting with "=" becomes a formula). */
const WRITES = new Set(["setValue", "setValues", "appendRow", "setFormula", "setFormulas", "setFormulaR1C1", "setFormulasR1C1", "setRichTextValue", "setRichTextValues"]);
/** The writer's functions (esbuild may suffix a name with a number to keep it unique). */
const WRITER = /^(putRows|appendRowTo|putFormulas)\d*$/;

// biome-ignore lint/suspicious/noExplicitAny: ESTree nodes are walked generically.
type Node = any;

/** Every write call of the bundle with the name of the function it sits in. */
async function writeSites(entry: string): Promise<{ method: string; inside: string }[]> {
  // Unminified, so functions keep their names; the lazily loaded modules are bundled in whole (no stubs).
  const out = await build({ entryPoints: [entry.startsWith("/") ? entry : join(ROOT, entry)], bundle: true, format: "iife", platform: "neutral", target: "es2020", write: false, minify: false, logLevel: "silent", define: { ALUR_UNSAFE_NO_LOCK: "false" } });
  const ast = parse(out.outputFiles[0].text, { ecmaVersion: 2022 });
  const sites: { method: string; inside: string }[] = [];
  const stack: string[] = [];
  const visit = (node: Node): void => {
    if (!node || typeof node.type !== "string") return;
    const named = node.type === "FunctionDeclaration" && node.id ? node.id.name : node.type === "VariableDeclarator" && node.id?.type === "Identifier" && /Function/.test(node.init?.type ?? "") ? node.id.name : null;
    if (named) stack.push(named);
    if (node.type === "CallExpression" && node.callee.type === "MemberExpression" && !node.callee.computed && WRITES.has(node.callee.property.name)) {
      sites.push({ method: node.callee.property.name, inside: stack[stack.length - 1] ?? "(top level)" });
    }
    for (const key of Object.keys(node)) {
      const v = node[key];
      if (Array.isArray(v)) for (const c of v) visit(c);
      else if (v && typeof v === "object" && typeof v.type === "string") visit(v);
    }
    if (named) stack.pop();
  };
  visit(ast);
  return sites;
}

test("every value and formula the server writes to a cell goes through src/gas/write.ts", async () => {
  const sites = await writeSites("src/index.ts");
  expect(sites.map((s) => s.method).sort()).toEqual(expect.arrayContaining(["appendRow", "setValues"]));
  expect(sites.filter((s) => !WRITER.test(s.inside))).toEqual([]);
});

test("the scan sees a write outside the writer (so the check above can fail)", async () => {
  const { writeFileSync, mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "alur-write-"));
  writeFileSync(join(dir, "bad.ts"), `export function sneaky(r: { setValue(v: unknown): void }) { r.setValue("=1+1"); }\nexport function putRows(r: { setValues(v: unknown): void }) { r.setValues([["x"]]); }\n`);
  const sites = await writeSites(join(dir, "bad.ts"));
  expect(sites).toEqual([
    { method: "setValue", inside: "sneaky" },
    { method: "setValues", inside: "putRows" },
  ]);
});
