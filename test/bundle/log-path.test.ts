// The one log path: in the server bundle, console and Logger are named only inside src/app/log.ts's logLine, which
// takes addresses, tokens, signatures and keys out of every line; and that redaction itself, on the lines Alur writes.
import { build } from "esbuild";
import { parse } from "acorn";
import { join } from "node:path";
import { ROOT } from "../../emulator/paths";
import { redact } from "../../src/app/log";

// biome-ignore lint/suspicious/noExplicitAny: ESTree nodes are walked generically.
type Node = any;

/** The function (esbuild may suffix a name with a number to keep it unique). */
const WRITER = /^logLine\d*$/;

/** Every mention of console or Logger in the bundle, with the name of the function it sits in. */
async function logSites(entry: string): Promise<{ name: string; inside: string }[]> {
  const out = await build({ entryPoints: [entry.startsWith("/") ? entry : join(ROOT, entry)], bundle: true, format: "iife", platform: "neutral", target: "es2020", write: false, minify: false, logLevel: "silent", define: { ALUR_UNSAFE_NO_LOCK: "false" } });
  const ast = parse(out.outputFiles[0].text, { ecmaVersion: 2022 });
  const sites: { name: string; inside: string }[] = [];
  const stack: string[] = [];
  const visit = (node: Node, parent: Node): void => {
    if (!node || typeof node.type !== "string") return;
    const named = node.type === "FunctionDeclaration" && node.id ? node.id.name : node.type === "VariableDeclarator" && node.id?.type === "Identifier" && /Function/.test(node.init?.type ?? "") ? node.id.name : null;
    if (named) stack.push(named);
    // Any read of the global (a call, an alias, an argument), not a property of something else named so.
    const isProperty = parent?.type === "MemberExpression" && parent.property === node && !parent.computed;
    if (node.type === "Identifier" && (node.name === "console" || node.name === "Logger") && !isProperty && parent?.type !== "Property") {
      sites.push({ name: node.name, inside: stack[stack.length - 1] ?? "(top level)" });
    }
    for (const key of Object.keys(node)) {
      const v = node[key];
      if (Array.isArray(v)) for (const c of v) visit(c, node);
      else if (v && typeof v === "object" && typeof v.type === "string") visit(v, node);
    }
    if (named) stack.pop();
  };
  visit(ast, null);
  return sites;
}

test("every line the server logs goes through src/app/log.ts (console and Logger are named nowhere else)", async () => {
  const sites = await logSites("src/index.ts");
  expect(sites.length).toBeGreaterThanOrEqual(2);
  expect(sites.filter((s) => !WRITER.test(s.inside))).toEqual([]);
});

test("the scan sees console or Logger outside the log path (so the check above can fail)", async () => {
  const { writeFileSync, mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "alur-log-"));
  writeFileSync(
    join(dir, "bad.ts"),
    `declare const Logger: { log(s: string): void };\nexport function chatty(to: string) { console.warn("ke " + to); const say = Logger; say.log(to); }\nexport function logLine(s: string) { console.error(s); }\n`,
  );
  const sites = await logSites(join(dir, "bad.ts"));
  expect(sites).toEqual([
    { name: "console", inside: "chatty" },
    { name: "Logger", inside: "chatty" },
    { name: "console", inside: "logLine" },
  ]);
});

test("a log line keeps what it says and loses addresses, tokens, signatures and keys", () => {
  const key = "3f9c2a7b1d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5061728394a5b6c7d8e";
  const sig = "Qm9keV9vZl9hbl9obWFjX3NpZ25hdHVyZV9oZXJlXzQz";
  const token = `eyJjYXNlIjoiU00tMjAyNi0wMDAxIn0.${sig}`;
  const lines: [string, string][] = [
    ["Email kasus SM-2026-0001 ditunda: Exception: Invalid email: kepala-dinas@dinas", "Email kasus SM-2026-0001 ditunda: Exception: Invalid email: [alamat]"],
    ["Email ke admin belum terkirim: Exception: Invalid email: Admin Dua <admin2@intranet>", "Email ke admin belum terkirim: Exception: Invalid email: Admin Dua <[alamat]>"],
    [`alurApi act: gagal membuka https://x.example/exec?aksi=approve&k=${token}`, "alurApi act: gagal membuka https://x.example/exec?aksi=approve&k=…"],
    [`tautan ?case=SM-2026-0001&u=jfu%40dinas.example&t=lq3x9a.${sig}`, "tautan ?case=SM-2026-0001&u=…&t=…"],
    [`kunci ${key} dan segel k1:${key.slice(0, 40)}`, "kunci [rahasia] dan segel k1:[rahasia]"],
    [`token lepas ${token}`, "token lepas [rahasia]"],
    ["Baris SM-2026-0001 belum diperbarui: Exception: Service Spreadsheets timed out", "Baris SM-2026-0001 belum diperbarui: Exception: Service Spreadsheets timed out"],
  ];
  for (const [line, want] of lines) expect(redact(line)).toBe(want);
});
