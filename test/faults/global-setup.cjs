// The fault sweep starts from nothing: figures of an earlier run never count in build/faults.json.
const { rmSync, mkdirSync } = require("node:fs");
const { join } = require("node:path");

module.exports = async () => {
  const dir = join(__dirname, "../../build/faults");
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(__dirname, "../../build/faults.json"), { force: true });
  mkdirSync(dir, { recursive: true });
};
