// Browser tests: Playwright (playwright-core) driving Debian's chromium against pages and the local workspace.
const base = require("./jest.config.cjs");
module.exports = { ...base, testPathIgnorePatterns: [], testMatch: ["**/test/e2e/**/*.test.ts"], testTimeout: 120000 };
