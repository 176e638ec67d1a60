// Jest: TypeScript through swc; fast domain tests and bundle tests (browser tests run under npm run test:e2e).
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/test/e2e/", "/test/faults/"],
  transform: { "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript" } }, module: { type: "commonjs" } }] },
  moduleFileExtensions: ["ts", "js", "mjs", "cjs", "json"],
  // Both cores of a 2-core machine (Jest's default keeps one for its own thread, which here mostly waits).
  maxWorkers: 2,
};
