// Jest for mutation runs only (npm run test:mutation; stryker.domain.config.mjs and stryker.app.config.mjs pick a
// set): "domain" runs the tests that import src/domain; "app" runs the bundle tests of the modules that decide who may
// do what, on a dist/ that Stryker's buildCommand built from the sandbox's instrumented src/app (emulator/load-code.ts
// hands each execution Stryker's namespace: the active mutant and the test being run). ALUR_MUTATION_ONLY=web,lock
// narrows the set to those test files while iterating.
const base = require("./jest.config.cjs");

// The property tests (fast-check, hundreds of runs each) are left out: every mutant they cover would run them for
// seconds; the example tests must kill what they would (see README, "Uji mutasi").
const tests = {
  domain: ["domain/!(*.property)"],
  app: ["app/guard-edges", "app/queue-edges", "app/cases-edges", "app/report-edges", "app/case-life", "app/web", "app/queue", "app/email-actions", "app/panel", "app/report", "app/journal", "app/lock", "app/web-access", "bundle/web-surface"],
};
const which = process.env.ALUR_MUTATION_TESTS === "app" ? "app" : "domain";
const only = (process.env.ALUR_MUTATION_ONLY ?? "").split(",").filter(Boolean);
const picked = only.length ? tests[which].filter((t) => only.some((o) => t.endsWith(`/${o}`))) : tests[which];

module.exports = {
  ...base,
  testMatch: picked.map((t) => `<rootDir>/test/${t}.test.ts`),
  maxWorkers: 1,
  // A mutant is killed by its first failing test: the rest are skipped (test/mutation/stop-after-failure.cjs).
  testEnvironment: require("node:path").join(__dirname, "test/mutation/stop-after-failure.cjs"),
  globalSetup: "<rootDir>/test/mutation/stop-after-failure-reset.cjs",
  testSequencer: require("node:path").join(__dirname, "test/mutation/sequencer.cjs"),
};
