// Measures what the panel's reads cost a JFU (bootstrap, Antrean saya, the selection poll): shared by the benchmark and the queue test.
import { ADMIN, type Alur, P, setupAlur } from "./alur-world";
import { type Cost, fillFinished as fillFinishedRows, measure } from "./cost";

export const PANEL_CALLS = ["bootstrap", "myQueue", "selectedCase"] as const;
export type PanelCall = (typeof PANEL_CALLS)[number];

export const SM = "SM · Surat Masuk";
export const SM_FIELDS = { perihal: "Undangan rapat", asalSurat: "Sekretariat Daerah", nomorSurat: "005/1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };

/** Finished Surat Masuk cases of an earlier year (from row `at`). */
export function fillFinished(alur: Alur, rows: number, at = 2): void {
  fillFinishedRows(alur, SM, rows, at);
}

/**
 * A Surat Masuk register with `registerRows` finished rows and `waiting` cases at step 1 (JFU), the last of them
 * selected; then what bootstrap, myQueue and selectedCase cost the JFU (configuration already cached).
 */
export function measurePanel(registerRows: number, waiting: number): { cost: Record<PanelCall, Cost>; queueLength: number; alur: Alur } {
  const alur = setupAlur({ admins: [ADMIN] });
  fillFinished(alur, registerRows);
  let id = "";
  for (let i = 0; i < waiting; i++) id = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: `Undangan rapat ${i + 1}` } }).id;
  const rows = alur.world.read(SM);
  alur.world.spreadsheet.getSheetByName(SM)!.getRange(rows.findIndex((r) => r[0] === id) + 1, 2).activate();
  alur.ok(P("jfu"), "bootstrap", null);
  let queueLength = 0;
  const bootstrap = measure(alur, () => {
    queueLength = alur.ok(P("jfu"), "bootstrap", null).queueCount;
  });
  const myQueue = measure(alur, () => alur.ok(P("jfu"), "myQueue", null));
  const selectedCase = measure(alur, () => {
    if (alur.ok(P("jfu"), "selectedCase", null)?.id !== id) throw new Error("the selected case was not read");
  });
  return { cost: { bootstrap, myQueue, selectedCase }, queueLength, alur };
}
