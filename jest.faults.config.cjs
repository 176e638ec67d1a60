// Jest for the fault sweep (npm run test:faults): every service call of each operation made to fail in turn.
const base = require("./jest.config.cjs");
module.exports = {
  ...base,
  roots: ["<rootDir>/test/faults"],
  testPathIgnorePatterns: [],
  globalSetup: "<rootDir>/test/faults/global-setup.cjs",
  globalTeardown: "<rootDir>/test/faults/global-teardown.cjs",
  testTimeout: 600_000,
  testSequencer: "<rootDir>/test/faults/sequencer.cjs",
};
