// Which reminders and digests went out: a small index in script properties, backed by the journal entry each one is.
//
// A mark is written "pending" before its journal entry, and "sent" after the entry and its emails. A mark that is
// still pending means an execution was cut off in between: the journal says whether the entry was written (its
// emails are then finished by the journal's own recovery) — so a reminder is never sent twice, and one whose entry
// was never written is sent by the next run. Absent marks need no look-up: the mark always comes first.
import { J } from "../domain/journal";
import { sheetById } from "../gas/sheets";
import type { Env } from "./cases";

const PREFIX = "alur.sent.";
const BUCKETS = 8;
/** A property value holds at most 9 KB. */
const LIMIT = 8_800;

type Props = GoogleAppsScript.Properties.Properties;
type State = "p" | "s";

function bucketOf(key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return `${PREFIX}${Math.abs(h) % BUCKETS}`;
}

/** The text a journal entry carries in its Data cell for a mark (found with a TextFinder when a mark is pending). */
export const markData = (key: string) => ({ mark: key });
const markNeedle = (key: string) => `"mark":${JSON.stringify(key)}`;

export class SentMarks {
  private buckets = new Map<string, Record<string, State>>();
  private dirty = new Set<string>();

  constructor(
    private readonly props: Props = PropertiesService.getScriptProperties(),
    all: Record<string, string> = props.getProperties(),
  ) {
    for (let i = 0; i < BUCKETS; i++) {
      const name = `${PREFIX}${i}`;
      let rec: Record<string, State> = {};
      try {
        const v = JSON.parse(all[name] ?? "{}") as unknown;
        if (v && typeof v === "object" && !Array.isArray(v)) rec = v as Record<string, State>;
      } catch {
        rec = {};
      }
      this.buckets.set(name, rec);
    }
  }

  private bucket(key: string): Record<string, State> {
    return this.buckets.get(bucketOf(key)) as Record<string, State>;
  }

  /** Sent, or recorded in the journal by a run that was cut off (then marked sent now). */
  sent(e: Env, key: string): boolean {
    const b = this.bucket(key);
    const state = Object.prototype.hasOwnProperty.call(b, key) ? b[key] : undefined;
    if (state === "s") return true;
    if (state !== "p") return false;
    const inJournal = recorded(e, key);
    if (inJournal) this.set(key, "s");
    else this.drop(key);
    this.save();
    return inJournal;
  }

  set(key: string, state: State): void {
    this.bucket(key)[key] = state;
    this.dirty.add(bucketOf(key));
  }

  drop(key: string): void {
    const b = this.bucket(key);
    if (!Object.prototype.hasOwnProperty.call(b, key)) return;
    delete b[key];
    this.dirty.add(bucketOf(key));
  }

  /** Forgets marks of one kind (their prefix) that `keep` does not want: steps that moved on, days gone by. */
  prune(prefix: string, keep: (key: string) => boolean): void {
    for (const [name, b] of this.buckets) {
      for (const k of Object.keys(b)) {
        if (k.startsWith(prefix) && !keep(k)) {
          delete b[k];
          this.dirty.add(name);
        }
      }
    }
  }

  /** Writes the buckets that changed. A bucket too full drops its oldest sent marks (their steps have long moved on). */
  save(): void {
    for (const name of this.dirty) {
      const b = this.buckets.get(name) as Record<string, State>;
      let json = JSON.stringify(b);
      while (json.length > LIMIT) {
        const first = Object.keys(b).find((k) => b[k] === "s");
        if (!first) break;
        delete b[first];
        json = JSON.stringify(b);
      }
      this.props.setProperty(name, json);
    }
    this.dirty.clear();
  }

  /** Runs `record` (which appends the journal entry and sends its emails) between a pending and a sent mark. */
  once(key: string, record: () => void): void {
    this.set(key, "p");
    this.save();
    record();
    this.set(key, "s");
    this.save();
  }
}

/** Whether Riwayat holds the entry of a mark: one search of the Data column. */
function recorded(e: Env, key: string): boolean {
  const sheet = sheetById(e.ss, e.ids.riwayat, "Riwayat");
  const last = sheet.getLastRow();
  if (last < 2) return false;
  return !!sheet
    .getRange(2, J.data + 1, last - 1, 1)
    .createTextFinder(markNeedle(key))
    .findNext();
}
