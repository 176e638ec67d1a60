// Documents waiting for the worker (one script property, changed under the lock): a letter of a case, or an SOP page.

const KEY = "alur.docs.queue";
/** A property value holds 9 KB: about 40 waiting documents. */
export const MAX_JOBS = 40;
/** A job a worker took but did not finish within this time is taken again (the worker stopped or failed). */
export const LEASE_MS = 10 * 60_000;

export interface Job {
  id: string;
  kind: "letter" | "sop";
  /** letter: the case and template; sop: the SOP. */
  caseId?: string;
  template?: string;
  /** The step the letter belongs to (a letter queued when its step finished is made after the case moved on). */
  step?: string;
  sopId?: string;
  by: string;
  at: number;
  lease?: number;
  /** Tries that met a passing server error (the job waits for the next minute's run, up to MAX_TRIES). */
  tries?: number;
}

/** A letter whose making met a passing server error this many times is recorded as failed (Gagal). */
export const MAX_TRIES = 3;

export function loadQueue(): Job[] {
  return JSON.parse(PropertiesService.getScriptProperties().getProperty(KEY) ?? "[]") as Job[];
}

export function saveQueue(q: Job[]): void {
  PropertiesService.getScriptProperties().setProperty(KEY, JSON.stringify(q));
}

/** Adds a job unless the same document already waits (call under the lock). */
export function enqueue(q: Job[], job: Omit<Job, "id">): Job[] {
  if (q.some((j) => j.kind === job.kind && j.caseId === job.caseId && j.template === job.template && j.sopId === job.sopId && !j.lease)) return q;
  if (q.length >= MAX_JOBS) throw new Error("Antrean pembuatan dokumen penuh; coba lagi beberapa menit lagi.");
  return [...q, { ...job, id: Utilities.getUuid() }];
}
