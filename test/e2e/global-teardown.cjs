// Removes the demo workbook the browser tests copied (see global-setup.cjs).
const { rmSync } = require("node:fs");

module.exports = async () => {
  if (process.env.ALUR_E2E_DEMO) rmSync(process.env.ALUR_E2E_DEMO, { recursive: true, force: true });
};
