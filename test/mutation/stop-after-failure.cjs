// Mutation runs only (jest.mutation.config.cjs): once one test has failed, the mutant is killed, so the tests after it
// are skipped instead of run (Stryker's Jest runner turns Jest's bail off and would run every covering test, each
// bundle test a second or more). Jest runs the files in band in this process: the flag lives on the real global,
// which the globalSetup below clears before each of Stryker's runs.
const { TestEnvironment } = require("jest-environment-node");

const FLAG = "__alurMutationRunFailed";

class StopAfterFailure extends TestEnvironment {
  async handleTestEvent(event, state) {
    if (event.name === "test_start" && globalThis[FLAG]) event.test.mode = "skip";
    if (event.name === "test_done" && event.test.errors.length > 0) globalThis[FLAG] = true;
    if (event.name === "hook_failure") globalThis[FLAG] = true;
    await super.handleTestEvent?.(event, state);
  }
}

module.exports = StopAfterFailure;
module.exports.reset = function reset() {
  globalThis[FLAG] = false;
};
