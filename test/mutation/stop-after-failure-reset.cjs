// globalSetup of mutation runs: a new run (one mutant) starts with no failure seen (see stop-after-failure.cjs).
module.exports = require("./stop-after-failure.cjs").reset;
