// Jest for the fault sweep (npm run test:faults): every service call of each operation made to fail in turn; and the
// 1,000 randomized interleavings of concurrent executions.
const base = require("./jest.config.cjs");
module.exports = {
  ...base,
  // The randomized interleavings (test/app/interleave.ts) run here too: the other heavy robustness run of CI.
  testMatch: ["<rootDir>/test/faults/**/*.test.ts", "<rootDir>/test/app/interleavings-*.test.ts"],
  testPathIgnorePatterns: [],
  globalSetup: "<rootDir>/test/faults/global-setup.cjs",
  globalTeardown: "<rootDir>/test/faults/global-teardown.cjs",
  testTimeout: 600_000,
  testSequencer: "<rootDir>/test/faults/sequencer.cjs",
};
