// Uji mandiri's step and result shapes, shared by the server (run.ts) and the dialog (sidebar/uji/main.ts).

export type Status = "passed" | "differs" | "failed";

export interface UjiRow {
  id: string;
  label: string;
  status: Status;
  observed?: unknown;
  expected?: unknown;
  error?: string;
  /** Setup stopped before the time limit: the dialog runs the step again. */
  again?: boolean;
}

export interface UjiStep {
  id: string;
  label: string;
  /** The label under the dialog's EN switch. */
  en: string;
  /** "lock": the dialog makes two calls at once first; "drive2": a second person runs their part from their menu. */
  kind?: "lock" | "drive2";
}
