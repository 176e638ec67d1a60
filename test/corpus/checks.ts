// What must hold for every pair of the bad-input corpus, read from the World itself (raw, uncounted), never through the
// bundle under test: messages in Bahasa Indonesia without JavaScript internals, pages with no payload in an executable
// place, no formula Alur did not write, and a refused call that changed nothing.
import type { World } from "../../emulator/fakes";
import { FakeRange } from "../../emulator/fakes/range";
import { XSS } from "./payloads";

/** JavaScript (or the fakes') internals: never in a message a person reads. */
const INTERNALS: [RegExp, string][] = [
  [/\bundefined\b/, "undefined"],
  [/\bnull\b/, "null"],
  [/\bNaN\b/, "NaN"],
  [/\b(Type|Reference|Range|Syntax|Eval|URI)Error\b/, "a JavaScript error name"],
  [/Cannot (read|set) propert/i, "Cannot read properties"],
  [/is not (a function|defined|iterable|a constructor)/, "a JavaScript error"],
  [/\[object \w+\]/, "[object …]"],
  [/function \w*\s*\(/, "function text"],
  [/native code/, "native code"],
  [/\bat \S+ \(|\.(js|ts|html):\d+/, "a stack trace"],
  [/\b(Exception|Error):/, "an exception"],
  [/\bprototype\b|__proto__/, "a prototype name"],
  [/Unexpected (token|end of JSON)|in JSON at position/, "a JSON parse error"],
];

/** English words of error messages (the server's and the fakes'): a message in English is not in Bahasa Indonesia. */
const ENGLISH = /\b(the|is|not|cannot|failed|please|was|were|found|invalid|error|exception|must|should|required|missing)\b/i;
const INDONESIAN = /\b(tidak|atau|harus|kasus|sudah|belum|dari|untuk|dengan|yang|ini|itu|permintaan|terlalu|tautan|anda|ditemukan|sah|coba|lagi|hanya|dan|kolom|baris|sheet|diisi|tanggal|isian|langkah|panggilan|dikenal|teks|bukan|dapat|boleh|ada|panel|muat|tuliskan|alasan|pilih|periksa|hubungi|gunakan|buka|kirim|persingkat|maksimal|karakter|nomor|surat|pengguna|nama|sandi|tindakan|versi|jenis|sebagai|tanpa|kosong|salah)\b/i;

/** Text with every occurrence of what the person sent taken out (a message may quote it back). */
export function without(text: string, echoes: readonly string[]): string {
  let t = text;
  for (const e of echoes) {
    if (!e) continue;
    t = t.split(e).join(" ");
    // A message that quotes a long value cut short, or its first line.
    const head = e.slice(0, 40);
    if (head.length >= 3) t = t.split(head).join(" ");
  }
  return t;
}

/** What is wrong with a message a person reads: internals, or not Bahasa Indonesia. Null when it is fine. */
export function messageProblem(message: unknown, echoes: readonly string[] = []): string | null {
  if (typeof message !== "string" || !message.trim()) return `no message (${JSON.stringify(message)?.slice(0, 80)})`;
  const t = without(message, echoes);
  for (const [re, what] of INTERNALS) if (re.test(t)) return `${what} in the message: ${message.slice(0, 200)}`;
  if (ENGLISH.test(t) || !INDONESIAN.test(t)) return `not in Bahasa Indonesia: ${message.slice(0, 200)}`;
  return null;
}

/** Where a payload would run in a page: its marker inside a <script>, an on…= attribute, or a javascript:/data: URL. */
export function scriptProblem(html: string): string | null {
  if (!html.includes(XSS)) return null;
  const lower = html.toLowerCase();
  // Inside a script element: the page's own scripts carry no data from people (email-page.ts says so).
  for (const m of lower.matchAll(/<script\b[^>]*>([\s\S]*?)(<\/script|$)/g)) if (m[1].includes(XSS)) return `payload inside a <script>: …${snippet(html, m.index! + m[0].indexOf(XSS))}…`;
  // Tags: attribute names and values as a browser tokenizes them (a quoted value ends at its quote, an unquoted one at space or >).
  for (const tag of lower.matchAll(/<([a-z][a-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    if (tag[1] === XSS || tag[1].includes(XSS)) return `payload as a tag: ${snippet(html, tag.index!)}`;
    for (const a of tag[2].matchAll(/([^\s=/>"']+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const name = a[1];
      const value = a[3] ?? a[4] ?? a[5] ?? "";
      if (name.includes(XSS)) return `payload as an attribute name: ${snippet(html, tag.index!)}`;
      if (name.startsWith("on") && value.includes(XSS)) return `payload in an event handler: ${snippet(html, tag.index!)}`;
      if (/^(href|src|action|formaction|data|srcdoc)$/.test(name) && /^\s*(javascript|data|vbscript):/.test(decode(value)) && decode(value).includes(XSS)) return `payload as a script URL: ${snippet(html, tag.index!)}`;
    }
  }
  return null;
}

const decode = (v: string) => v.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n))).replace(/&(amp|quot|#x27|apos);/g, (_m, e: string) => ({ amp: "&", quot: '"', "#x27": "'", apos: "'" })[e] ?? "");

function snippet(html: string, at: number): string {
  return html.slice(Math.max(0, at - 60), at + 100).replace(/\s+/g, " ");
}

/** The visible text of a page (tags, scripts and styles taken out), entities decoded. */
export function visibleText(html: string): string {
  return decode(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
      .replace(/<[^>]*>/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">"),
  )
    .replace(/\s+/g, " ")
    .trim();
}

/** Internals shown on a page (its visible text), the payload quoted back taken out. */
export function pageInternals(html: string, echoes: readonly string[]): string | null {
  const t = without(visibleText(html), echoes.flatMap((e) => [e, visibleText(e)]));
  for (const [re, what] of INTERNALS) if (re.test(t)) return `${what} on the page: ${t.slice(0, 200)}`;
  return null;
}

/** Every formula of every spreadsheet in the World: "spreadsheet/sheet!R1C1" → formula. */
export function formulas(world: World): Map<string, string> {
  const out = new Map<string, string>();
  for (const ss of world.spreadsheets.values()) {
    for (const sheet of ss.sheets) {
      sheet.grid.rows.forEach((row, r) => {
        row?.a?.forEach((a, c) => {
          if (a?.formula !== undefined) out.set(`${ss.id}/${sheet.name}!R${r + 1}C${c + 1}`, a.formula);
        });
      });
    }
  }
  return out;
}

/** Formulas present now that were not before (or changed), except those at `typed` (cells a person typed a formula into). */
export function newFormulas(before: Map<string, string>, after: Map<string, string>, typed: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const [k, f] of after) if (before.get(k) !== f && !typed.some((t) => k.endsWith(`/${t}`))) out.push(`${k} = ${f}`);
  return out;
}

/** Everything a person could see change: every sheet's values and formulas, script properties, mail, Drive, triggers. */
export function worldState(world: World): string {
  const sheets: unknown[] = [];
  for (const ss of world.spreadsheets.values()) {
    for (const sheet of ss.sheets) sheets.push([ss.id, sheet.name, sheet.grid.lastRow(), sheet.grid.lastCol(), world.spreadsheet === ss ? world.read(sheet.name) : sheet.grid.rows.map((r) => r?.v)]);
  }
  const docs = [...world.documents.values()].map((d) => [d.id, d.name, d.trashed, d.isDoc ? d.text.length : 0]);
  return JSON.stringify({
    sheets,
    formulas: [...formulas(world)],
    props: [...world.stores.script.map.entries()].sort(),
    userProps: [...world.stores.user.entries()].map(([k, s]) => [k, [...s.map.entries()].sort()]),
    outbox: world.outbox.length,
    docs,
    triggers: world.triggers.length,
  });
}

/**
 * A cheap fingerprint of worldState(): each grid's change counter (bumped by every write), the stores, mail, Drive and
 * triggers. Equal fingerprints mean an equal state; a different one means the full state must be compared.
 */
export function fingerprint(world: World): string {
  const grids: string[] = [];
  for (const ss of world.spreadsheets.values()) for (const sheet of ss.sheets) grids.push(`${sheet.name}:${(sheet.grid as unknown as { version: number }).version}:${sheet.grid.maxRows}:${sheet.grid.maxCols}`);
  let docs = 0;
  for (const d of world.documents.values()) docs += d.updated + (d.trashed ? 1 : 0);
  return JSON.stringify([grids, [...world.stores.script.map.entries()], [...world.stores.user.values()].map((s) => [...s.map.entries()]), world.outbox.length, world.documents.size, docs, world.triggers.length]);
}

/** Which parts of two worldState()s differ, in words (for the failure's evidence). */
export function stateDiff(a: string, b: string): string {
  const x = JSON.parse(a) as Record<string, unknown>;
  const y = JSON.parse(b) as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(x)) {
    if (JSON.stringify(x[k]) === JSON.stringify(y[k])) continue;
    if (k === "sheets") {
      const xs = x[k] as [string, string, ...unknown[]][];
      const ys = y[k] as [string, string, ...unknown[]][];
      const names = new Set([...xs, ...ys].map((s) => s[1]));
      for (const n of names) if (JSON.stringify(xs.find((s) => s[1] === n)) !== JSON.stringify(ys.find((s) => s[1] === n))) parts.push(`sheet ${n}`);
    } else if (k === "props") {
      const xp = new Map(x[k] as [string, string][]);
      const yp = new Map(y[k] as [string, string][]);
      for (const key of new Set([...xp.keys(), ...yp.keys()])) if (xp.get(key) !== yp.get(key)) parts.push(`property ${key}`);
    } else parts.push(k);
  }
  return parts.join(", ");
}

/**
 * Strings written to cells the way Sheets would parse them (no leading apostrophe, cell not formatted as text) that
 * start like a formula (=, +, -, @ after any spaces, tabs or line breaks), recorded at the fakes' one write path. The
 * fakes turn only "=" into a formula; Sheets, as people know it from typing, may also read "+1+2" or "-A1" as one (not
 * documented for setValues), so text from people must reach a cell with its apostrophe whatever its first character.
 */
export const riskyWrites: { cell: string; value: string }[] = [];
let installed = false;
export function recordRiskyWrites(): void {
  if (installed) return;
  installed = true;
  const proto = FakeRange.prototype as unknown as { write_: (valueAt: (i: number, j: number) => unknown) => void; sheet: { name: string; grid: { attrs(r: number, c: number): { numberFormat?: string } | undefined } }; row: number; col: number };
  const original = proto.write_;
  proto.write_ = function (this: typeof proto, valueAt) {
    return original.call(this, (i, j) => {
      const v = valueAt(i, j);
      if (typeof v === "string" && !v.startsWith("'") && /^\s*[=+\-@]/.test(v) && this.sheet.grid.attrs(this.row - 1 + i, this.col - 1 + j)?.numberFormat !== "@") {
        riskyWrites.push({ cell: `${this.sheet.name}!R${this.row + i}C${this.col + j}`, value: v });
      }
      return v;
    });
  };
}
