// Mutation testing of src/domain against the tests that import it (npm run test:mutation; README, "Uji mutasi").
// Survivors shown equivalent: test/mutation-equivalent.md.
process.env.ALUR_MUTATION_TESTS = "domain";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "jest",
  jest: { configFile: "jest.mutation.config.cjs", enableFindRelatedTests: true },
  coverageAnalysis: "perTest",
  mutate: ["src/domain/**/*.ts"],
  ignorePatterns: [".stryker-tmp*", "dist", "build", "test-artifacts", ".alur-data", "reports", "test/e2e", "test/faults"],
  concurrency: 1,
  incremental: true,
  incrementalFile: "reports/mutation/domain-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/domain.html" },
  jsonReporter: { fileName: "reports/mutation/domain.json" },
  thresholds: { high: 90, low: 85, break: null },
  timeoutMS: 5000,
  tempDirName: ".stryker-tmp-domain",
};
