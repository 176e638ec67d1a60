// A subdomain account: the user name is recorded, the password is generated and shown once on a page to print, and
// after the whole case it is nowhere: not in a sheet, property, cache, log, email or Drive file.
import { ADMIN, P, setupAlur } from "../../emulator/alur-world";
import { CATALOG } from "../../src/catalog/index";
import { fullFields, holderOf, runWorker, walkTo } from "./letters-helpers";

const SD = CATALOG.find((s) => s.id === "subdomain")!;

test("the password is shown once for printing and then is nowhere; the account sheet in Drive is masked from the start", () => {
  const alur = setupAlur({ admins: [ADMIN] });
  let v = alur.ok(P("kasi-egov"), "startCase", { sopId: "subdomain", fields: { ...fullFields(SD), namaSubdomain: "diskominfo.simalungunkab.go.id", penanggungJawab: "Rudi Purba" } });
  v = walkTo(alur, SD, v, "5");
  const holder = holderOf(SD, "5");
  expect(alur.ok(holder, "getCase", { caseId: v.id }).letters?.canIssuePassword).toBe(true);
  expect(alur.call(P("kasi-egov"), "issuePassword", { caseId: v.id, username: "diskominfo" })).toMatchObject({ ok: false });
  expect(alur.call(holder, "issuePassword", { caseId: v.id, username: "a b" })).toMatchObject({ ok: false, error: expect.stringMatching(/Nama pengguna/) });
  const issued = alur.ok(holder, "issuePassword", { caseId: v.id, username: "diskominfo" });
  const password = /Kata sandi<\/p><\/td><td[^>]*><p[^>]*>:<\/p><\/td><td[^>]*><p[^>]*><b>([^<]+)<\/b>/.exec(issued.page)?.[1] ?? "";
  expect(password).toMatch(/^[A-Za-z0-9!#%+=?@]{14}$/);
  expect(issued.page).toContain("diskominfo");
  expect(issued.page).toContain("tidak disimpan");
  expect(issued.view.letters?.account?.username).toBe("diskominfo");
  expect(issued.view.history.at(-1)?.note).toBe("Akun subdomain: nama pengguna diskominfo; kata sandi diterbitkan dan dicetak (tidak disimpan).");

  // The rest of the case: the account sheet (step 7) and the report (step 8), made and kept in Drive.
  v = walkTo(alur, SD, alur.ok(holder, "getCase", { caseId: v.id }), "7");
  alur.ok(holderOf(SD, "7"), "makeDocument", { caseId: v.id, template: "akun-subdomain" });
  v = walkTo(alur, SD, alur.ok(holder, "getCase", { caseId: v.id }), "9");
  alur.ok(holderOf(SD, "9"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
  runWorker(alur);
  const sheet = [...alur.world.documents.values()].find((d) => d.name === `${v.id} · Data Akun Subdomain` && d.isDoc)!;
  expect(sheet.text).toContain("••••••••••••");
  expect(sheet.text).toContain("diskominfo");

  // Nowhere: every sheet's cells, every store, the cache, the logs, the outbox, every Drive item (PDFs included).
  const hits: string[] = [];
  const look = (where: string, s: unknown) => {
    if (String(s).includes(password)) hits.push(where);
  };
  for (const s of alur.world.spreadsheet.getSheets()) look(`sheet ${s.getName()}`, JSON.stringify(alur.world.read(s.getName())));
  look("script properties", JSON.stringify([...alur.world.stores.script.map]));
  for (const [k, st] of alur.world.stores.user) look(`user properties ${k}`, JSON.stringify([...st.map]));
  for (const [k, st] of alur.world.stores.document) look(`document properties ${k}`, JSON.stringify([...st.map]));
  look("script cache", JSON.stringify(alur.world.caches.script));
  look("logs", JSON.stringify(alur.world.logs));
  look("outbox", JSON.stringify(alur.world.outbox));
  for (const d of alur.world.documents.values()) {
    look(`drive ${d.name}`, JSON.stringify(d.content ?? ""));
    look(`drive bytes ${d.name}`, d.bytes().toString("latin1"));
  }
  expect(hits).toEqual([]);
});
