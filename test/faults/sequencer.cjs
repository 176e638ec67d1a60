// The fault sweep's longest files first (setup, the hourly trigger, the letters), so two workers finish together
// rather than one waiting on a long file started last (a fresh clone has no timings for Jest to order by).
const Sequencer = require("@jest/test-sequencer").default;

// Setup's sweep, the longest, is two files taking alternate points: first, one on each worker. The interleavings
// last, when the browser tests beside this run are mostly done.
const FIRST = ["setup-a", "setup-b", "hourly", "letters", "actions-a", "mail", "actions-b", "equivalence", "interleavings-a", "interleavings-b"];
const rank = (path) => {
  const i = FIRST.findIndex((name) => path.endsWith(`/${name}.test.ts`));
  return i < 0 ? FIRST.length : i;
};

module.exports = class FaultSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => rank(a.path) - rank(b.path));
  }
};
