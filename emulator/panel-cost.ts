// Measures what the panel's reads cost a JFU (bootstrap, Antrean saya, the selection poll): shared by the benchmark and the queue test.
import { ADMIN, type Alur, P, setupAlur } from "./alur-world";
import { type Cost, fillFinished as fillFinishedRows, measure } from "./cost";

export const PANEL_CALLS = ["bootstrap", "myQueue", "selectedCase", "summary"] as const;
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
  // Ringkas, as the Kepala Dinas opens it.
  alur.ok(P("kepala-dinas"), "summary", null);
  const summary = measure(alur, () => alur.ok(P("kepala-dinas"), "summary", null));
  return { cost: { bootstrap, myQueue, selectedCase, summary }, queueLength, alur };
}

/**
 * Copies of Surat Masuk as extra SOPs (codes X01, X02, …) in the SOP sheets, so setup makes a register for each: an
 * office with many more SOPs than the built-in 28.
 */
function addSops(alur: Alur, extra: number): void {
  const ident = alur.world.read("SOP Identitas");
  const steps = alur.world.read("SOP");
  const [ih, sh] = [ident[0] as string[], steps[0] as string[]];
  const base = ident.find((r) => r[0] === "surat-masuk") as unknown[];
  const baseSteps = steps.filter((r) => r[0] === "surat-masuk");
  const newIdent: unknown[][] = [];
  const newSteps: unknown[][] = [];
  for (let i = 1; i <= extra; i++) {
    const id = `sm-salinan-${i}`;
    const code = `X${String(i).padStart(2, "0")}`;
    newIdent.push(ih.map((h, c) => (h === "SOP" ? id : h === "Kode" ? code : h === "Judul" ? `SOP Salinan ${i}` : h === "Judul singkat" ? `Salinan ${i}` : base[c])));
    for (const r of baseSteps) newSteps.push(sh.map((h, c) => (h === "SOP" ? id : r[c])));
  }
  alur.world.fill("SOP Identitas", newIdent, { row: ident.length + 1 });
  alur.world.fill("SOP", newSteps, { row: steps.length + 1 });
  alur.world.within({ user: ADMIN }, () => alur.ctx.menuSetup());
}

/**
 * The panel's reads in an office with `registers` registers of `rows` finished rows each, and a JFU with five cases
 * waiting in five different registers: what bootstrap and Antrean saya cost the JFU, and Ringkas the Kepala Dinas.
 */
export function measureRegisters(registers: number, rows = 100): Record<"bootstrap" | "myQueue" | "summary", Cost> {
  const alur = setupAlur({ admins: [ADMIN] });
  if (registers > 28) addSops(alur, registers - 28);
  const names = alur.world.spreadsheet.getSheets().map((sh) => sh.getName()).filter((n) => / · /.test(n));
  if (names.length !== registers) throw new Error(`${names.length} registers, not ${registers}`);
  for (const n of names) fillFinishedRows(alur, n, rows);
  const sops = alur.ok(P("jfu"), "listSops", null).filter((s) => s.id === "surat-masuk" || s.id.startsWith("sm-salinan"));
  let first = "";
  for (const sop of sops.slice(0, 5)) {
    const id = alur.ok(P("jfu"), "startCase", { sopId: sop.id, fields: SM_FIELDS }).id;
    first ||= id;
  }
  // The JFU's first case is selected in its register, as when the panel opens beside it.
  const smRows = alur.world.read(SM);
  alur.world.spreadsheet.getSheetByName(SM)!.getRange(smRows.findIndex((r) => r[0] === first) + 1, 2).activate();
  alur.ok(P("jfu"), "bootstrap", null);
  const bootstrap = measure(alur, () => alur.ok(P("jfu"), "bootstrap", null));
  const myQueue = measure(alur, () => {
    if (alur.ok(P("jfu"), "myQueue", null).length !== Math.min(5, sops.length)) throw new Error("the waiting cases were not all found");
  });
  alur.ok(P("kepala-dinas"), "summary", null);
  const summary = measure(alur, () => alur.ok(P("kepala-dinas"), "summary", null));
  return { bootstrap, myQueue, summary };
}
