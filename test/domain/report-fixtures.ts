// Shared fixtures of the Laporan tests (report-agg, report-fold, report-view, monitoring, subject): one small SOP whose
// figures can be worked out by hand.
import { DEFAULT_CALENDAR } from "../../src/catalog/settings";
import { jakartaTime } from "../../src/domain/calendar";
import type { FoldContext, Pass } from "../../src/domain/report-agg";
import { BLANK_IDENTITY, type Sop } from "../../src/domain/sop";

/** Two steps: JFU drafts (60 minutes), Kasubbag checks (30 minutes) and either finishes the SOP or returns to 1: 90 minutes in all. */
export const UJI: Sop = {
  id: "uji",
  code: "UJ",
  title: "SOP Uji",
  shortTitle: "Uji",
  unit: "sekretariat",
  unitName: "Sekretariat",
  identity: BLANK_IDENTITY,
  lanes: [
    { header: "JFU", role: "jfu" },
    { header: "KASUBBAG", role: "kasubbag-umum" },
  ],
  fields: [],
  steps: [
    { no: "1", text: "Menyusun konsep", role: "JFU", roleInferred: false, kind: "process", kelengkapan: [], waktu: "60 Menit", output: "Konsep", keterangan: "" },
    { no: "2", text: "Memeriksa konsep", role: "KASUBBAG", roleInferred: false, kind: "decision", yesTo: "selesai", noTo: "1", kelengkapan: [], waktu: "30 Menit", output: "Konsep diperiksa", keterangan: "" },
  ],
  notes: [],
};

/** The same SOP with no standard on any step. */
export const UNTIMED: Sop = { ...UJI, id: "tanpa", code: "TS", shortTitle: "Tanpa standar", steps: UJI.steps.map((s) => ({ ...s, waktu: "" })) };

export const CTX: FoldContext = { sops: new Map([UJI, UNTIMED].map((s) => [s.id, s])), dayMinutes: 450, calendar: DEFAULT_CALENDAR };

/** Monday 2 November 2026, 08:00 WIB: a working morning. */
export const NOV = jakartaTime("2026-11-02", "08:00");
export const OCT = jakartaTime("2026-10-05", "08:00");

/** A pass of step 1 of UJI by its JFU. */
export const pass = (minutes: number, extra: Partial<Pass> = {}): Pass => ({ at: NOV, sopId: "uji", stepNo: "1", lane: "JFU", actor: "jfu@dinas.example", minutes, standard: 60, returned: false, ...extra });
