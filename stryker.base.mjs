// What both mutation runs share (stryker.domain.config.mjs, stryker.app.config.mjs; README, "Uji mutasi"): the Jest
// runner on jest.mutation.config.cjs, per-test coverage, static mutants ignored, one Jest process, incremental mode,
// the reports, the 85 % line.
/** @param {"domain" | "app"} name */
export function mutationRun(name) {
  return {
    testRunner: "jest",
    coverageAnalysis: "perTest",
    ignorePatterns: [".stryker-tmp*", "dist", "build", "test-artifacts", ".alur-data", "reports", "test/e2e", "test/faults"],
    concurrency: 1,
    // Mutants of module-level constants (label tables, regular expressions, the catalog) would each rerun every test:
    // they are ignored, and not counted in the score (README, "Uji mutasi", says how many).
    ignoreStatic: true,
    incremental: true,
    incrementalFile: `reports/mutation/${name}-incremental.json`,
    reporters: ["clear-text", "progress", "html", "json"],
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    thresholds: { high: 90, low: 85, break: null },
    tempDirName: `.stryker-tmp-${name}`,
  };
}
