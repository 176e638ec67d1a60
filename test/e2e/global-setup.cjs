// Browser tests: the demo workbook is made once (npm start -- --reset --prepare) and each suite starts on a copy of it.
const { execFileSync } = require("node:child_process");
const { mkdtempSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join, resolve } = require("node:path");

module.exports = async () => {
  const root = resolve(__dirname, "../..");
  const dir = mkdtempSync(join(tmpdir(), "alur-e2e-demo-"));
  execFileSync(process.execPath, [join(root, "build/server.cjs"), "--reset", "--prepare", "--port", "3000", "--data", dir], { cwd: root, stdio: "pipe" });
  process.env.ALUR_E2E_DEMO = dir;
};
