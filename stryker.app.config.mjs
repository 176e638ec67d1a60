// Mutation testing of the src/app modules that decide who may do what, against the bundle tests (npm run
// test:mutation; README, "Uji mutasi"). The bundle is built in the sandbox from the instrumented sources (buildCommand);
// src/domain is not mutated here (stryker.domain.config.mjs does that), so the bundle's domain code is the real one.
process.env.ALUR_MUTATION_TESTS = "app";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "jest",
  // The bundle tests import no src/app module: Jest cannot tell which tests relate to a file; coverage tells.
  jest: { configFile: "jest.mutation.config.cjs", enableFindRelatedTests: false },
  coverageAnalysis: "perTest",
  buildCommand: "node scripts/build.mjs",
  mutate: ["src/app/{cases,lock,web,queue,report,guard}.ts"],
  ignorePatterns: [".stryker-tmp*", "dist", "build", "test-artifacts", ".alur-data", "reports", "test/e2e", "test/faults"],
  concurrency: 1,
  incremental: true,
  incrementalFile: "reports/mutation/app-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/app.html" },
  jsonReporter: { fileName: "reports/mutation/app.json" },
  thresholds: { high: 90, low: 85, break: null },
  timeoutMS: 20000,
  tempDirName: ".stryker-tmp-app",
};
