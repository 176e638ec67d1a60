// Jest: TypeScript through swc; fast domain tests and bundle tests (browser tests run under npm run test:e2e, the fault
// sweep and the randomized interleavings under npm run test:faults).
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The browser tests (npm run test:e2e), and the heavy robustness runs: the fault sweep and the 1,000 randomized
  // interleavings (npm run test:faults).
  testPathIgnorePatterns: ["/test/e2e/", "/test/faults/", "/test/app/interleavings-"],
  transform: { "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript" } }, module: { type: "commonjs" } }] },
  moduleFileExtensions: ["ts", "js", "mjs", "cjs", "json"],
  // Both cores of a 2-core machine (Jest's default keeps one for its own thread, which here mostly waits).
  maxWorkers: 2,
};
