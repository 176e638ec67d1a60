// Problems Alur found on its own (a broken chain, a forged queue row, a row it could not repair): kept for admins, told once.

interface Problem {
  message: string;
  at: number;
  /** Set once the admins were emailed about it. */
  mailed: boolean;
}

const KEY = "alur.problems";
/** The oldest give way: a property holds at most 9 KB. */
const KEEP = 20;

function read(props: GoogleAppsScript.Properties.Properties): Record<string, Problem> {
  try {
    const v = JSON.parse(props.getProperty(KEY) ?? "{}") as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, Problem>) : {};
  } catch {
    return {};
  }
}

function write(props: GoogleAppsScript.Properties.Properties, all: Record<string, Problem>): void {
  const kept = Object.entries(all)
    .sort((a, b) => b[1].at - a[1].at)
    .slice(0, KEEP)
    .map(([k, p]) => [k, { ...p, message: p.message.slice(0, 300) }]);
  props.setProperty(KEY, JSON.stringify(Object.fromEntries(kept)));
}

/** Records a problem once per key (the same problem found again is not news). */
export function reportProblem(key: string, message: string, now = Date.now()): void {
  const props = PropertiesService.getScriptProperties();
  const all = read(props);
  if (Object.prototype.hasOwnProperty.call(all, key)) return;
  all[key] = { message, at: now, mailed: false };
  write(props, all);
}

/** Problems for the admins' panel, newest first. */
export function listProblems(): { key: string; message: string; at: number }[] {
  return Object.entries(read(PropertiesService.getScriptProperties()))
    .map(([key, p]) => ({ key, message: p.message, at: p.at }))
    .sort((a, b) => b.at - a.at);
}

/** The problems not yet emailed to the admins. */
export function listUnmailed(): { key: string; message: string }[] {
  return Object.entries(read(PropertiesService.getScriptProperties()))
    .filter(([, p]) => !p.mailed)
    .map(([key, p]) => ({ key, message: p.message }));
}

/** Marks problems as emailed (after the email went). */
export function markMailed(keys: string[]): void {
  const props = PropertiesService.getScriptProperties();
  const all = read(props);
  for (const k of keys) if (Object.prototype.hasOwnProperty.call(all, k)) all[k].mailed = true;
  write(props, all);
}

/** Forgets problems that were resolved (an admin repaired them). */
export function clearProblems(prefix: string): void {
  const props = PropertiesService.getScriptProperties();
  const all = read(props);
  let changed = false;
  for (const k of Object.keys(all)) if (k.startsWith(prefix)) {
    delete all[k];
    changed = true;
  }
  if (changed) write(props, all);
}
