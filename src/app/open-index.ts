// The open-case index in script properties: the panel's lists and Ringkas read it in one call, whatever the number of registers or rows.
import type { CaseState } from "../domain/case";
import { type OpenCase, openCaseOf } from "../domain/open-index";
import type { Sop } from "../domain/sop";
import { laneRole, stepOf, stepStandard } from "../domain/transition";

/**
 * Records are spread over a fixed number of properties (a property holds at most 9 KB, the store 500 KB): about 40
 * running cases fit in each, some 1,900 in all — far more than one office has open at once. A bucket that would
 * outgrow its property marks the index incomplete, and the lists then search the registers as before.
 */
const BUCKETS = 48;
const PREFIX = "alur.ix.";
const META = "alur.ix.meta";
const LIMIT = 8_800;

interface Meta {
  /** Set once the index was built from the registers (workbooks from earlier releases start without it). */
  built: boolean;
  /** A bucket was full: the index misses cases until the hourly repair finds room again. */
  overflow: boolean;
  /** Cases finished per month and SOP ("2026-12" → sopId → n), for Ringkas. */
  done: Record<string, Record<string, number>>;
}

type Props = GoogleAppsScript.Properties.Properties;

function bucketOf(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) | 0;
  return `${PREFIX}${String(Math.abs(h) % BUCKETS).padStart(2, "0")}`;
}

/** Compact record: the index stays small, so a property holds many. */
type Packed = [string, string, string, string, string, string, 0 | 1, number, number | null, number | null, string, string, string, number, number];

function pack(o: OpenCase): Packed {
  return [o.sopId, o.sopRev, o.stepNo, o.lane, o.role, o.assignee, o.status === "Dikembalikan" ? 1 : 0, o.since, o.dueAt, o.standard, o.perihal, o.createdBy, o.pemohon, o.version, o.rounds];
}

function unpack(id: string, p: Packed): OpenCase {
  return {
    id,
    sopId: p[0],
    sopRev: p[1],
    stepNo: p[2],
    stepText: "",
    lane: p[3],
    role: p[4],
    assignee: p[5],
    status: p[6] ? "Dikembalikan" : "Berjalan",
    since: p[7],
    dueAt: p[8],
    standard: p[9],
    perihal: p[10],
    createdBy: p[11],
    pemohon: p[12],
    version: p[13],
    rounds: p[14],
  };
}

function parseObject<T>(raw: string | null | undefined, fallback: T): T {
  if (!raw) return fallback;
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as T) : fallback;
  } catch {
    return fallback;
  }
}

function readMeta(props: Props): Meta {
  const m = parseObject<Partial<Meta>>(props.getProperty(META), {});
  return { built: m.built === true, overflow: m.overflow === true, done: m.done && typeof m.done === "object" ? m.done : {} };
}

/** The index record of a case as it stands now (null: it is not running). */
export function recordOf(sop: Sop, c: CaseState, dayMinutes: number): OpenCase | null {
  const step = stepOf(sop, c.stepNo);
  return openCaseOf(sop, c, (lane) => laneRole(sop, lane), step ? stepStandard(step, dayMinutes) : null);
}

const monthOf = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 7);

/**
 * Puts a case's record in the index (or takes it out when it stops running), and (with `countFinish`) counts a case
 * that has just finished or been reopened for Ringkas. `before` is the case as it was, null for a new one. Two property
 * calls, four when the finished count changes. (The journal counts at settling instead: see withFinished.)
 */
export function indexCase(sop: Sop, c: CaseState, before: CaseState | null, dayMinutes: number, props: Props = PropertiesService.getScriptProperties(), countFinish = true): void {
  const key = bucketOf(c.id);
  const bucket = parseObject<Record<string, Packed>>(props.getProperty(key), {});
  const rec = recordOf(sop, c, dayMinutes);
  if (rec) bucket[c.id] = pack(rec);
  else delete bucket[c.id];
  const json = JSON.stringify(bucket);
  if (json.length > LIMIT) {
    const meta = readMeta(props);
    if (!meta.overflow) props.setProperty(META, JSON.stringify({ ...meta, overflow: true }));
  } else props.setProperty(key, json);
  const change = countFinish ? finishedChange(before, c) : null;
  if (change) props.setProperty(...withFinished(change, props));
}

/** A case that has just finished counts for Ringkas in its month; one reopened stops counting there. */
export interface FinishedChange {
  month: string;
  sopId: string;
  by: 1 | -1;
}

export function finishedChange(before: CaseState | null, c: CaseState): FinishedChange | null {
  const finished = c.status === "Selesai" && before?.status !== "Selesai";
  const reopened = before?.status === "Selesai" && c.status !== "Selesai";
  if (!finished && !reopened) return null;
  return { month: monthOf(finished ? c.lastAt : (before as CaseState).lastAt), sopId: c.sopId, by: finished ? 1 : -1 };
}

/**
 * The index's meta property with a finished count changed, as [key, value]: the journal writes it in the same call
 * that settles the entry, so the count changes exactly once however the execution is cut off. One property read.
 */
export function withFinished(change: FinishedChange, props: Props = PropertiesService.getScriptProperties()): [string, string] {
  const meta = readMeta(props);
  const counts = meta.done[change.month] ?? {};
  counts[change.sopId] = Math.max(0, (counts[change.sopId] ?? 0) + change.by);
  meta.done[change.month] = counts;
  // Ringkas shows this month; a year of months is plenty to keep.
  for (const m of Object.keys(meta.done).sort().slice(0, -13)) delete meta.done[m];
  return [META, JSON.stringify(meta)];
}

export interface OpenIndex {
  cases: OpenCase[];
  /** False until the index was built, or after a bucket overflowed: callers then search the registers. */
  complete: boolean;
  done: Meta["done"];
}

/** Every running case, from one read of the script properties. */
export function loadOpenIndex(props: Props = PropertiesService.getScriptProperties()): OpenIndex {
  const all = props.getProperties();
  const meta = parseObject<Partial<Meta>>(all[META], {});
  const cases: OpenCase[] = [];
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(PREFIX) || key === META) continue;
    for (const [id, p] of Object.entries(parseObject<Record<string, Packed>>(raw, {}))) if (Array.isArray(p) && p.length === 15) cases.push(unpack(id, p));
  }
  return { cases, complete: meta.built === true && meta.overflow !== true, done: meta.done && typeof meta.done === "object" ? meta.done : {} };
}

export function loadOpenCases(): OpenCase[] {
  return loadOpenIndex().cases;
}

/**
 * Replaces the whole index with the given records (the hourly repair and setup build it from the registers). The
 * finished counts are kept unless given.
 */
export function replaceIndex(records: OpenCase[], done: Meta["done"] | null, built = true, props: Props = PropertiesService.getScriptProperties()): void {
  const buckets = new Map<string, Record<string, Packed>>();
  for (let i = 0; i < BUCKETS; i++) buckets.set(`${PREFIX}${String(i).padStart(2, "0")}`, {});
  for (const r of records) (buckets.get(bucketOf(r.id)) as Record<string, Packed>)[r.id] = pack(r);
  const meta = readMeta(props);
  let overflow = false;
  const out: Record<string, string> = {};
  for (const [key, bucket] of buckets) {
    const json = JSON.stringify(bucket);
    if (json.length > LIMIT) overflow = true;
    else out[key] = json;
  }
  out[META] = JSON.stringify({ built, overflow, done: done ?? meta.done });
  props.setProperties(out, false);
}
