// Holds the catalog to the bar: an independent reader of the seed agrees with at least 9 in 10 sampled Pelaksana.
import { CATALOG } from "../../src/catalog/index";
import type { Sop } from "../../src/domain/sop";
import { ROLE_REVIEW } from "./role-review";

const BY_ID = new Map<string, Sop>(CATALOG.map((s) => [s.id, s]));

function dataStep(sop: string, no: string) {
  return BY_ID.get(sop)?.steps.find((s) => s.no === no);
}

describe("the independent review of inferred roles", () => {
  it("samples at least 60 steps, at least 2 from every SOP in the catalog", () => {
    expect(ROLE_REVIEW.length).toBeGreaterThanOrEqual(60);
    for (const sop of CATALOG) {
      expect({ sop: sop.id, sampled: ROLE_REVIEW.filter((r) => r.sop === sop.id).length >= 2 }).toEqual({ sop: sop.id, sampled: true });
    }
  });

  it("reviews real steps, each once, and chooses one of that SOP's lanes", () => {
    const seen = new Set<string>();
    for (const row of ROLE_REVIEW) {
      const key = `${row.sop} ${row.step}`;
      expect({ key, duplicate: seen.has(key) }).toEqual({ key, duplicate: false });
      seen.add(key);
      expect({ key, exists: dataStep(row.sop, row.step) !== undefined }).toEqual({ key, exists: true });
      const headers = BY_ID.get(row.sop)?.lanes.map((l) => l.header) ?? [];
      expect({ key, lane: headers.includes(row.reviewerRole) }).toEqual({ key, lane: true });
    }
  });

  it("matches the data file's current role wherever the reviewer agrees", () => {
    const drifted = ROLE_REVIEW.filter((r) => r.agrees && dataStep(r.sop, r.step)?.role !== r.reviewerRole).map(
      (r) => `${r.sop} ${r.step}: data ${dataStep(r.sop, r.step)?.role}, reviewer ${r.reviewerRole}`,
    );
    expect(drifted).toEqual([]);
  });

  it("gives a reason for every disagreement and for every fix", () => {
    for (const row of ROLE_REVIEW) {
      expect({ key: `${row.sop} ${row.step}`, reasoned: row.comment.trim().length > 0 }).toEqual({ key: `${row.sop} ${row.step}`, reasoned: true });
    }
  });

  it("agrees with at least 90% of the sampled steps", () => {
    const agreed = ROLE_REVIEW.filter((r) => r.agrees).length;
    expect(agreed / ROLE_REVIEW.length).toBeGreaterThanOrEqual(0.9);
  });
});
