// Mutation testing of the src/app modules that decide who may do what, against the bundle tests (npm run
// test:mutation; README, "Uji mutasi"). The bundle is built in the sandbox from the instrumented sources (buildCommand);
// src/domain is not mutated here (stryker.domain.config.mjs does that), so the bundle's domain code is the real one.
import { mutationRun } from "./stryker.base.mjs";

process.env.ALUR_MUTATION_TESTS = "app";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...mutationRun("app"),
  // The bundle tests import no src/app module: Jest cannot tell which tests relate to a file; coverage tells.
  jest: { configFile: "jest.mutation.config.cjs", enableFindRelatedTests: false },
  buildCommand: "node scripts/build.mjs",
  mutate: ["src/app/{cases,lock,web,queue,report,guard}.ts"],
  timeoutMS: 20000,
};
