// Mutation runs only (jest.mutation.config.cjs): the smallest test files first. A mutant is killed by its first
// failing test (stop-after-failure.cjs), and the small files are the focused unit tests; Jest's own order (slowest
// first) would run the long suites before the test that names the mutated function.
const Sequencer = require("@jest/test-sequencer").default;
const { statSync } = require("node:fs");

class SmallFirst extends Sequencer {
  sort(tests) {
    const size = (t) => statSync(t.path).size;
    return [...tests].sort((a, b) => size(a) - size(b) || a.path.localeCompare(b.path));
  }
}

module.exports = SmallFirst;
