// google.script.run's transport on the real bundle: what the sidebar cannot send never reaches Alur, and what Alur
// answers is what the sidebar's success handler gets.
import { ADMIN, P, setupAlur } from "../../emulator/alur-world";
import { SM_FIELDS } from "../../emulator/panel-cost";
import { ScriptRunError, receiveResult, sendArguments } from "../../emulator/transport";

test("a Date typed into a form field fails in the page, before any execution: no case is started", () => {
  const alur = setupAlur({ admins: [ADMIN] });
  const fields = { ...SM_FIELDS, tanggalSurat: new Date(Date.UTC(2026, 9, 30)) } as unknown as typeof SM_FIELDS;
  expect(() => alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields })).toThrow(new ScriptRunError("Failed due to illegal value in property: tanggalSurat"));
  expect(alur.world.read("SM · Surat Masuk")).toHaveLength(1);
  expect(alur.world.counter.snapshot().spreadsheetCalls).toBe(0);
  // The same field as the ISO date the form sends goes through.
  expect(alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS }).ok).toBe(true);
});

test("every reply of the panel's calls is plain data that survives the transport unchanged (no Date slips into a reply)", () => {
  const alur = setupAlur({ admins: [ADMIN] });
  const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
  // A reply holding a Date would have arrived as null and ok() would have thrown; a reply is also stable under a second crossing.
  for (const reply of [v, alur.ok(P("jfu"), "bootstrap", null), alur.ok(P("jfu"), "myQueue", null), alur.ok(P("jfu"), "getCase", { caseId: v.id })]) {
    expect(reply).not.toBeNull();
    expect(receiveResult(reply)).toEqual(reply);
  }
});

test("arguments: undefined in arrays becomes null, undefined properties and NaN as JSON carries them", () => {
  expect(sendArguments([[undefined, 1], { a: undefined, b: Number.NaN, c: -0, d: Number.POSITIVE_INFINITY }, undefined])).toEqual([[null, 1], { b: null, c: 0, d: null }, null]);
  expect(() => sendArguments([Symbol("s")])).toThrow("Failed due to illegal value in property: 0");
});
