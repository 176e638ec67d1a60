// Buat dokumen: a draft Google Doc for a letter the current step produces, linked on the case's row.
import type { CaseView } from "../api";
import { ROLES } from "../catalog/roles";
import type { CaseState } from "../domain/case";
import { draftLines, letterLabel } from "../domain/letters";
import { authorize } from "../domain/transition";
import { Refusal, env, loadCase } from "./cases";
import { calendar } from "./config";
import { recordCase } from "./journal";
import { withLock } from "./lock";
import { caseView } from "./views";

export function makeDocument(caseId: string, template: string): CaseView {
  const result = withLock(() => {
    const e = env();
    const loaded = loadCase(e, caseId);
    const { c, sop } = loaded;
    const step = sop.steps.find((s) => s.no === c.stepNo);
    if (!step || !(step.letters ?? []).includes(template)) throw new Refusal(`Langkah ini tidak menghasilkan ${letterLabel(template)}.`);
    const cal = calendar(e.cfg);
    const auth = authorize(sop, c, step, { actor: e.actor, now: e.now, calendar: cal, officials: e.cfg.officials, roles: ROLES, channel: "sidebar" });
    if (!auth.ok) throw new Refusal(auth.reason);
    const doc = DocumentApp.create(`${c.id} · Konsep ${letterLabel(template)}`);
    const body = doc.getBody();
    for (const line of draftLines(sop, c, template, e.cfg.settings.office)) body.appendParagraph(line);
    doc.saveAndClose();
    const url = doc.getUrl();
    const note = `${letterLabel(template)}: ${url}`;
    const item = { at: e.now, by: e.actor.email, actingFor: auth.actingFor, action: "document" as const, stepNo: step.no, note, minutes: 0, standard: null };
    const next: CaseState = { ...c, documents: [...c.documents, url], history: [...c.history, item] };
    const spec = { kind: "document" as const, caseId: c.id, sopId: c.sopId, stepNo: step.no, role: step.role, actor: e.actor.email, actingFor: auth.actingFor, note, minutes: 0, standard: null, data: { template, url } };
    recordCase(e, { sop, sheet: loaded.sheet, header: loaded.header, loaded }, next, c, spec, []);
    return { e, loaded, c: next };
  });
  return caseView(result.e, result.loaded.sop, result.c, result.loaded);
}
