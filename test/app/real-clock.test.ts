// Apps Script's clock has milliseconds and a date cell keeps whole seconds (the fidelity table): what Alur writes with
// the time must still check out when it is read back.
import { ADMIN, P, setupAlur } from "../../emulator/alur-world";
import { SM_FIELDS } from "../../emulator/panel-cost";

test("Riwayat written at times with milliseconds still reads as intact in Periksa integritas", () => {
  const alur = setupAlur();
  alur.world.clock.advance(1234);
  const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
  alur.world.clock.advance(17 * 60_000 + 999);
  alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
  alur.world.within({ user: ADMIN }, () => alur.ctx.menuCheckIntegrity());
  expect(alur.world.ui.shown.at(-1)).toMatchObject({ title: "Periksa integritas", content: "Riwayat utuh: 2 baris diperiksa, tidak ada yang diubah manual." });
  // The cells did drop the milliseconds: the check above compares what was read back, not what was written.
  const at = alur.world.read("Riwayat")[1][0] as Date;
  expect(at.getTime() % 1000).toBe(0);
});
