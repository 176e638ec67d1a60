// Jest for mutation runs only (npm run test:mutation; stryker.domain.config.mjs and stryker.app.config.mjs pick a
// project): "domain" runs the tests that import src/domain; "app" runs the bundle tests of the modules that decide who
// may do what, on a dist/ that Stryker's buildCommand built from the sandbox's instrumented src/app (emulator/load-code.ts
// hands each execution Stryker's namespace: the active mutant and the test being run).
const base = require("./jest.config.cjs");

const tests = {
  domain: ["<rootDir>/test/domain/**/*.test.ts"],
  app: ["<rootDir>/test/app/{case-life,web,queue,email-actions,panel,report,journal,concurrency-lock}.test.ts"],
};
const which = process.env.ALUR_MUTATION_TESTS === "app" ? "app" : "domain";

module.exports = { ...base, testMatch: tests[which], maxWorkers: 1 };
