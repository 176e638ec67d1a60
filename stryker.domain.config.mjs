// Mutation testing of src/domain against the tests that import it (npm run test:mutation; README, "Uji mutasi").
// Survivors shown equivalent: test/mutation-equivalent.md.
import { mutationRun } from "./stryker.base.mjs";

process.env.ALUR_MUTATION_TESTS = "domain";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...mutationRun("domain"),
  jest: { configFile: "jest.mutation.config.cjs", enableFindRelatedTests: true },
  mutate: ["src/domain/**/*.ts"],
  timeoutMS: 5000,
};
