// The fault sweep's longest files first (setup, the hourly trigger, the letters; the interleavings between), so two workers finish together
// rather than one waiting on a long file started last (a fresh clone has no timings for Jest to order by).
const Sequencer = require("@jest/test-sequencer").default;

// The interleavings mostly wait on their worker threads' round trips: each beside a sweep file that keeps a core busy.
const FIRST = ["setup", "interleavings-a", "hourly", "interleavings-b", "letters", "actions-a", "mail", "actions-b", "equivalence"];
const rank = (path) => {
  const i = FIRST.findIndex((name) => path.endsWith(`/${name}.test.ts`));
  return i < 0 ? FIRST.length : i;
};

module.exports = class FaultSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => rank(a.path) - rank(b.path));
  }
};
