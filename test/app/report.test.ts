// Rebuilding Laporan through the bundle on the fakes: tables from Riwayat, charts beside them, rebuilt in place.
import { ADMIN, P, holderEmail, setupAlur } from "../../emulator/alur-world";
import type { CaseView } from "../../src/api";

const SM_FIELDS = { perihal: "Undangan rapat", asalSurat: "Setda", nomorSurat: "005/1/2026", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };

function finish(alur: ReturnType<typeof setupAlur>, v: CaseView, minutes: number): CaseView {
  let cur = v;
  while (cur.status !== "Selesai") {
    alur.later(minutes);
    const action = cur.current?.kind === "decision" ? "approve" : "complete";
    cur = alur.ok(holderEmail(cur), "act", { caseId: cur.id, expectedVersion: cur.version, action });
  }
  return cur;
}

describe("Laporan through the bundle", () => {
  test("Bangun ulang Laporan writes the tables from Riwayat, draws two charts and replaces them on the next rebuild", () => {
    const alur = setupAlur();
    const a = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    finish(alur, a, 10);
    alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "Kedua" } });

    const r = alur.ok(P("kepala-dinas"), "rebuildReport", null);
    expect(r.sheetName).toBe("Laporan");
    expect(r.entries).toBe(10); // the first case: start, 7 steps and the agenda number of step 1; the second: start
    const rows = alur.world.read("Laporan");
    expect(String(rows[0][0])).toMatch(/^Laporan Alur/);
    const sopHeader = rows.findIndex((x) => x[0] === "Kode" && x[3] === "SOP");
    const sm = rows[sopHeader + 1];
    expect(sm[0]).toBe("SM");
    // Seven steps of 10 working minutes each against 15 each: 70 minutes (1.2 hours) against 105 (1.8 hours), all on time.
    expect(sm).toEqual(["SM", 1.2, 1.8, "Surat Masuk", 2, 1, 0, 0, 7, 100]);

    const sheet = alur.world.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Laporan")!;
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(2);
    expect(charts[0].getOptions().get("title")).toMatch(/terhadap standar SOP/);
    expect(charts[0].getRanges()[0].getA1Notation()).toBe(`A${sopHeader + 1}:C${sopHeader + 2}`);

    alur.ok(P("kepala-dinas"), "rebuildReport", null);
    expect(sheet.getCharts()).toHaveLength(2);
    expect(alur.world.read("Laporan").filter((x) => x[0] === "Kode" && x[3] === "SOP")).toHaveLength(1);
  });

  test("text from Riwayat lands as text, and an admin's typing in Laporan is replaced, not mixed in", () => {
    const alur = setupAlur();
    alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    alur.ok(ADMIN, "rebuildReport", null);
    const sheet = alur.world.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Laporan")!;
    sheet.getRange("A40").setValue("catatan manual");
    alur.ok(ADMIN, "rebuildReport", null);
    expect(alur.world.read("Laporan").some((x) => x.includes("catatan manual"))).toBe(false);
  });

  test("setup installs the daily trigger that rebuilds Laporan", () => {
    const alur = setupAlur();
    const handlers = alur.world.globals.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction());
    expect(handlers).toContain("dailyReport");
  });

  test("an office sheet already called Laporan is never taken over; a renamed Laporan is still found after setup", () => {
    const alur = setupAlur();
    const ss = alur.world.spreadsheet;
    ss.insertSheet("Laporan").getRange("A1").setValue("Laporan kinerja triwulan (ketikan staf)");
    alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const r = alur.ok(ADMIN, "rebuildReport", null);
    expect(r.sheetName).toBe("Laporan Alur");
    expect(alur.world.read("Laporan")[0][0]).toBe("Laporan kinerja triwulan (ketikan staf)");
    ss.getSheetByName("Laporan Alur")!.setName("Kinerja SOP");
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuSetup());
    expect(alur.ok(ADMIN, "rebuildReport", null).sheetName).toBe("Kinerja SOP");
  });

  test("the two charts sit one under the other, sized, beside the tables", () => {
    const alur = setupAlur();
    alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    alur.ok(ADMIN, "rebuildReport", null);
    const charts = alur.world.spreadsheet.getSheetByName("Laporan")!.getCharts();
    const at = charts.map((c) => c.getContainerInfo());
    expect(at.map((c) => c.getAnchorColumn())).toEqual([11, 11]);
    expect(at[1].getAnchorRow() - at[0].getAnchorRow()).toBeGreaterThanOrEqual(18);
    expect(charts[0].getOptions().get("height")).toBe(360);
  });

  test("a finished case an admin reopened no longer counts as finished (the register's Status decides)", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const v = finish(alur, alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS }), 10);
    alur.ok(ADMIN, "rebuildReport", null);
    const sopRow = () => {
      const rows = alur.world.read("Laporan");
      return rows[rows.findIndex((x) => x[0] === "Kode" && x[3] === "SOP") + 1];
    };
    expect(sopRow()[5]).toBe(1);
    alur.ok(ADMIN, "act", { caseId: v.id, expectedVersion: v.version, action: "reopen", reason: "Lampiran tertinggal", toStep: "7" });
    alur.ok(ADMIN, "rebuildReport", null);
    expect(sopRow()[5]).toBe(0);
  });
});
