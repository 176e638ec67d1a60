// clasp pushes exactly what the build makes: dist/ is .clasp.json's rootDir (clasp status works offline).
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../emulator/paths";

test("clasp status --json lists exactly the files in dist/", () => {
  const out = execFileSync(process.execPath, [join(ROOT, "node_modules/@google/clasp/build/src/index.js"), "status", "--json"], { cwd: ROOT, encoding: "utf8" });
  const status = JSON.parse(out) as { filesToPush: string[]; untrackedFiles: string[] };
  const dist = readdirSync(join(ROOT, "dist")).map((f) => `dist/${f}`);
  expect([...status.filesToPush].sort()).toEqual(dist.sort());
  expect(status.filesToPush).toEqual(expect.arrayContaining(["dist/Code.js", "dist/Sidebar.html", "dist/appsscript.json"]));
}, 60000);
