// Which reminders and digests went out: a small index in script properties, backed by the journal entry each one is.
//
// Each one moves through two marks: "p" before its journal entry is appended, "s" after its email was handed to
// MailApp. An execution cut off in between leaves "p", and the next run looks in Riwayat: with the entry there, the
// email is sent (again, if the cut came after the sending: the one in flight may go twice, none is ever lost);
// without it, nothing happened and it is done anew. ("m", a mark earlier releases wrote just before sending, is read
// as "p" with its entry: sent again.) Absent marks need no look-up: a mark comes first.
import { J } from "../domain/journal";
import { sheetById } from "../gas/sheets";
import type { Env } from "./cases";

const PREFIX = "alur.sent.";
const BUCKETS = 8;
/** A property value holds at most 9 KB. */
const LIMIT = 8_800;

type Props = GoogleAppsScript.Properties.Properties;
type State = "p" | "m" | "s";

function bucketOf(key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return `${PREFIX}${Math.abs(h) % BUCKETS}`;
}

/** The text a journal entry carries in its Data cell for a mark (found with a TextFinder when a mark is pending). */
export const markData = (key: string) => ({ mark: key });
const markNeedle = (key: string) => `"mark":${JSON.stringify(key)}`;

export class SentMarks {
  private buckets = new Map<string, Map<string, State>>();
  private dirty = new Set<string>();

  constructor(
    private readonly props: Props = PropertiesService.getScriptProperties(),
    all: Record<string, string> = props.getProperties(),
  ) {
    for (let i = 0; i < BUCKETS; i++) {
      const name = `${PREFIX}${i}`;
      const rec = new Map<string, State>();
      try {
        const v = JSON.parse(all[name] ?? "{}") as unknown;
        if (v && typeof v === "object" && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) if (x === "p" || x === "m" || x === "s") rec.set(k, x);
      } catch {
        // An unreadable bucket is empty: at worst one reminder is sent again.
      }
      this.buckets.set(name, rec);
    }
  }

  private bucket(key: string): Map<string, State> {
    return this.buckets.get(bucketOf(key)) as Map<string, State>;
  }

  /** "done": sent (or its sending was cut off: never again); "recorded": the entry is in Riwayat, its email not tried; "none". */
  state(e: Env, key: string): "none" | "recorded" | "done" {
    const state = this.bucket(key).get(key);
    if (state === "s") return "done";
    if (state === "m") return "recorded";
    if (state !== "p") return "none";
    if (recorded(e, key)) return "recorded";
    this.drop(key);
    this.save();
    return "none";
  }

  sent(e: Env, key: string): boolean {
    return this.state(e, key) === "done";
  }

  set(key: string, state: State): void {
    this.bucket(key).set(key, state);
    this.dirty.add(bucketOf(key));
  }

  drop(key: string): void {
    if (this.bucket(key).delete(key)) this.dirty.add(bucketOf(key));
  }

  /** Forgets marks of one kind (their prefix) that `keep` does not want: steps that moved on, days gone by. */
  prune(prefix: string, keep: (key: string) => boolean): void {
    for (const [name, b] of this.buckets) {
      for (const k of [...b.keys()]) {
        if (k.startsWith(prefix) && !keep(k)) {
          b.delete(k);
          this.dirty.add(name);
        }
      }
    }
  }

  /** Writes the buckets that changed. A bucket too full drops its oldest sent marks (their steps have long moved on). */
  save(): void {
    for (const name of this.dirty) {
      const b = this.buckets.get(name) as Map<string, State>;
      const text = () => JSON.stringify(Object.fromEntries(b));
      let json = text();
      while (json.length > LIMIT) {
        const first = [...b.entries()].find(([, v]) => v === "s")?.[0];
        if (first === undefined) break;
        b.delete(first);
        json = text();
      }
      this.props.setProperty(name, json);
    }
    this.dirty.clear();
  }

  /**
   * Records (unless the entry is already in Riwayat), composes, then sends — each step behind its mark. `record`
   * appends the journal entry (with no emails for the journal to resend); `prepare` composes the emails and returns
   * what hands them to MailApp; "s" is written once they went.
   */
  once(e: Env, key: string, record: () => void, prepare: () => () => void): void {
    const now = this.state(e, key);
    if (now === "done") return;
    if (now === "none") {
      this.set(key, "p");
      this.save();
      record();
    }
    const send = prepare();
    send();
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
