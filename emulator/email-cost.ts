// What acting from an email costs: the confirm page (doGet of an action link) and the action its button takes
// (emailAction), on registers of a given size — shared by the benchmark and the cost test.
import { ADMIN, P, setupAlur } from "./alur-world";
import { type Cost, fillFinished, fillRiwayat, measure } from "./cost";

const SK = "SK · Surat Keluar";
const WEB = "https://script.google.com/macros/s/AKfy-bench/exec";

export function measureEmail(registerRows: number, logRows: number): { emailPage: Cost; emailAction: Cost } {
  const alur = setupAlur({ admins: [ADMIN] });
  const rows = alur.world.read("Pengaturan");
  alur.world.spreadsheet.getSheetByName("Pengaturan")!.getRange(rows.findIndex((r) => r[0] === "URL web app") + 1, 2).setValue(WEB);
  alur.world.within({ user: ADMIN, effectiveUser: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
  fillFinished(alur, SK, registerRows);
  fillRiwayat(alur, logRows);
  const fields = { perihal: "Permohonan data", tujuan: "Kepala BPS", sifat: "Biasa", klasifikasi: "000.5.2" };
  const v = alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields });
  alur.ok(P("sekretaris"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
  const mail = alur.world.outbox.filter((m) => m.to.includes(P("kasubbag-umum")) && m.subject.includes(v.id)).pop();
  const href = /href="([^"]*\?aksi=complete[^"]*)"/.exec(mail?.htmlBody ?? "")?.[1].replace(/&#38;/g, "&") ?? "";
  const parameter = Object.fromEntries(new URLSearchParams(href.split("?")[1] ?? ""));
  if (!parameter.k) throw new Error("no action link in the email");
  // A visitor the web app cannot identify (consumer Gmail): the link alone says who it is for.
  const asVisitor = <T>(fn: () => T) => alur.world.within({ ...alur.world.execution("webapp"), user: "" }, fn);
  alur.later(10);
  asVisitor(() => alur.ctx.doGet({ parameter }));
  const emailPage = measure(alur, () => {
    asVisitor(() => alur.ctx.doGet({ parameter }).getContent());
  });
  const emailAction = measure(alur, () => {
    const r = asVisitor(() => alur.bundle.scriptRun("emailAction", [{ k: parameter.k, aksi: "complete" }])) as { ok: boolean; message: string };
    if (!r.ok) throw new Error(`emailAction refused: ${r.message}`);
  });
  return { emailPage, emailAction };
}
