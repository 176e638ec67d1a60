// Every template generates, with no placeholder left unfilled, for a fully filled case of an SOP whose step names it.
import { ADMIN, type Alur, P, setupAlur } from "../../emulator/alur-world";
import { CATALOG } from "../../src/catalog/index";
import { templatesOf } from "../../src/domain/letters";
import { docsNamed, fullFields, holderOf, runWorker, walkTo } from "./letters-helpers";

for (const sop of CATALOG) {
  const uses = sop.steps.flatMap((step) => templatesOf(step.letters).map((t) => [step.no, t] as [string, string]));
  if (!uses.length) continue;
  describe(sop.id, () => {
    let alur: Alur;
    beforeAll(() => {
      alur = setupAlur({ admins: [ADMIN] });
    });
    test.each(uses)("step %s: %s", (stepNo, template) => {
      let v = alur.ok(P("jfu"), "startCase", { sopId: sop.id, fields: fullFields(sop) });
      v = walkTo(alur, sop, v, stepNo);
      const r = alur.call(holderOf(sop, stepNo), "makeDocument", { caseId: v.id, template });
      if (!r.ok) throw new Error(r.error);
      runWorker(alur);
      const after = alur.ok(ADMIN, "getCase", { caseId: v.id });
      const made = docsNamed(alur, `${v.id} · `).filter((d) => d.isDoc);
      expect(after.history.map((h) => h.note).filter((n) => /Gagal/.test(n))).toEqual([]);
      expect(made.length).toBeGreaterThan(0);
      for (const d of made) expect({ name: d.name, left: d.text.match(/\{\{[^}]*\}\}/g) }).toEqual({ name: d.name, left: null });
    });
  });
}
