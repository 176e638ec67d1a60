// The whole built-in catalog: every SOP passes the validator and matches the step counts and standard times read off the seed by hand.
import { CATALOG } from "../../src/catalog/index";
import { ROLES } from "../../src/catalog/roles";
import { DEFAULT_CALENDAR } from "../../src/catalog/settings";
import type { SopStep } from "../../src/domain/sop";
import { formatValidationError, validateCatalog } from "../../src/domain/validate";
import { parseWaktu, standardMinutes } from "../../src/domain/waktu";
import { EXPECTED_A } from "./expected-a";
import { EXPECTED_B1 } from "./expected-b1";
import { EXPECTED_B2 } from "./expected-b2";
import { EXPECTED_C } from "./expected-c";

const EXPECTED = { ...EXPECTED_A, ...EXPECTED_B1, ...EXPECTED_B2, ...EXPECTED_C };

/** The hand-read tables' rule: Hari = one working day, a range counts its lower bound, blank counts 0. */
function stepMinutes(step: SopStep): number {
  const p = parseWaktu(step.waktu);
  if (!p.ok) return Number.NaN;
  return p.standard ? standardMinutes(p.standard, DEFAULT_CALENDAR.dayMinutes).min : 0;
}

describe("the built-in catalog", () => {
  it("holds the 28 SOPs of the seed book", () => {
    expect(CATALOG).toHaveLength(28);
  });

  it("passes the validator with no error", () => {
    expect(validateCatalog(CATALOG, ROLES).map(formatValidationError)).toEqual([]);
  });

  it("uses each SOP id and code once", () => {
    expect(new Set(CATALOG.map((s) => s.id)).size).toBe(CATALOG.length);
    expect(new Set(CATALOG.map((s) => s.code)).size).toBe(CATALOG.length);
  });

  it("has a hand-read expectation for exactly the SOPs it holds", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(CATALOG.map((s) => s.id).sort());
  });

  it("counts a working day as 450 minutes", () => {
    expect(DEFAULT_CALENDAR.dayMinutes).toBe(450);
  });

  describe.each(CATALOG.map((s) => [s.id, s] as const))("%s", (id, sop) => {
    it("has the hand-read number of steps and total standard time", () => {
      const expected = EXPECTED[id];
      expect(expected).toBeDefined();
      const total = sop.steps.reduce((sum, s) => sum + stepMinutes(s), 0);
      expect({ steps: sop.steps.length, totalMinutes: total }).toEqual({ steps: expected.steps, totalMinutes: expected.totalMinutes });
    });
  });
});
