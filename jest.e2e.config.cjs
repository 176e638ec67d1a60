// Browser tests: Playwright (playwright-core) driving Debian's chromium against pages and the local workspace.
const base = require("./jest.config.cjs");
module.exports = {
  ...base,
  testPathIgnorePatterns: [],
  testMatch: ["**/test/e2e/**/*.test.ts"],
  testTimeout: 120000,
  // The demo workbook once for all suites (each starts on its own copy).
  globalSetup: "<rootDir>/test/e2e/global-setup.cjs",
  globalTeardown: "<rootDir>/test/e2e/global-teardown.cjs",
};
