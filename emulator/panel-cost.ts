// Measures what the panel's reads cost a JFU (bootstrap, Antrean saya, the selection poll): shared by the benchmark and the queue test.
import { ADMIN, type Alur, P, setupAlur } from "./alur-world";
import type { Cost } from "./cost";

export const PANEL_CALLS = ["bootstrap", "myQueue", "selectedCase"] as const;
export type PanelCall = (typeof PANEL_CALLS)[number];

export const SM = "SM · Surat Masuk";
export const SM_FIELDS = { perihal: "Undangan rapat", asalSurat: "Sekretariat Daerah", nomorSurat: "005/1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };

/** Finished cases of an earlier year (from row `at`), as in a register that has been in use for a while. */
export function fillFinished(alur: Alur, rows: number, at = 2): void {
  const header = alur.world.read(SM)[0] as string[];
  const filler: unknown[][] = [];
  for (let i = 0; i < rows; i++) {
    filler.push(
      header.map((h) => {
        if (h === "ID") return `SM-2025-${String(i + 1).padStart(5, "0")}`;
        if (h === "Status") return "Selesai";
        if (h === "Perihal") return `Surat lama nomor ${i + 1}`;
        if (h === "Langkah") return "Selesai";
        if (h === "Versi") return 9;
        return "";
      }),
    );
  }
  alur.world.fill(SM, filler, { row: at });
}

function measure(alur: Alur, fn: () => void): Cost {
  alur.world.counter.reset();
  const t = process.hrtime.bigint();
  fn();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const s = alur.world.counter.snapshot();
  return { spreadsheetCalls: s.spreadsheetCalls, allCalls: Object.values(s.calls).reduce((a, b) => a + b, 0), cellsRead: s.cellsRead, ms };
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
