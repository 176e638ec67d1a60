// The SOP AP page for signing: a PDF to download now (nothing saved), or a Google Doc in the Alur folder's SOP folder.
import { ROLES } from "../catalog/roles";
import { renderSopPage } from "../domain/sop-page";
import { env, sopById } from "./cases";
import { enqueue, loadQueue, saveQueue } from "./doc-queue";
import { runQueueNow } from "./doc-worker";
import { withLock } from "./lock";

export function exportSopPage(sopId: string, as: "pdf" | "doc"): { name: string; pdfBase64?: string; url?: string; pending?: boolean } {
  const e = env();
  const sop = sopById(e.cfg, sopId);
  const name = `${sop.title} (untuk ditandatangani)`;
  if (as === "pdf") {
    const html = renderSopPage(sop, ROLES, { dayMinutes: e.cfg.settings.dayMinutes });
    const pdf = Utilities.newBlob(html, "text/html", `${name}.html`).getAs("application/pdf");
    return { name: `${name}.pdf`, pdfBase64: Utilities.base64Encode(pdf.getBytes()) };
  }
  withLock(() => saveQueue(enqueue(loadQueue(), { kind: "sop", sopId: sop.id, by: e.actor.email, at: e.now })));
  runQueueNow(e);
  const url = (JSON.parse(PropertiesService.getScriptProperties().getProperty("alur.sop.exports") ?? "{}") as Record<string, string>)[sop.id];
  const waiting = loadQueue().some((j) => j.kind === "sop" && j.sopId === sop.id);
  // The last Doc made (if any) and whether a new one is being made.
  return { name, ...(url ? { url } : {}), ...(waiting ? { pending: true } : {}) };
}
