// Antrean Email rows an earlier release of Alur wrote, before rows were sealed and links were signed only when sent:
// their "Lihat kasus" link sat, signed, in the row's cells (Isi HTML). Such a row still goes when every link in it is
// one Alur signed for the row's recipient — its links signed afresh as it is sent — and the signed part of each link
// is taken out of its cells then, and out of every row no longer waiting (the hourly run finds them with a TextFinder).
import { checkLinkToken, linkToken } from "../domain/link-token";
import { escapeHtml } from "./html";
import { VIEW_DAYS, linkChecker, linkSigner } from "./links";

/** The signed part of an old case link (`&u=<recipient>&t=<token>`, `&` possibly written `&#38;` or `&amp;` in HTML). */
const VIEW_PART = /(&#38;|&amp;|&)u=([^&\s"'<>]*)(?:&#38;|&amp;|&)t=([0-9a-z]{1,10}\.[A-Za-z0-9_-]*)/g;
/** The token of an action link a release wrote into the queue (signature left empty there, but it names the recipient). */
const ACTION_PART = /(\?|&#38;|&amp;|&)k=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/** What the TextFinder looks for (RE2 and JavaScript read it alike): a token after `t=` or `k=`. */
export const SIGNED_IN_CELL = "[?&;][tk]=[0-9A-Za-z_-]+\\.";
/** The columns that hold an email's text. */
export const TEXT_COLUMNS = ["Isi", "Isi HTML"] as const;

const caseIdBefore = (text: string, at: number): string => {
  const m = /case=([^&\s"'<>]+)$/.exec(text.slice(Math.max(0, at - 80), at));
  return m ? m[1] : "";
};

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** The text without a working link: an old case link keeps only `?case=ID` (the page staff may open), an action link its step. */
export function scrubLinks(text: string): string {
  return text.replace(VIEW_PART, "").replace(ACTION_PART, "$1k=");
}

export interface LegacyMail {
  subject: string;
  body: string;
  htmlBody: string;
  /** The row's text cells with the signed part of each link taken out (column index → text), written when marked. */
  cells: Record<number, string>;
}

/**
 * An unsealed row of an earlier release, to send: only when it carries at least one case link and every link in it is
 * signed with the link key for this case and this row's recipient (expired or not: it was Alur that made it). The links
 * are signed again, from now, for the same case and recipient. Anything else (a row typed by someone): null.
 */
export function legacyMail(values: unknown[], idx: Map<string, number>, to: string, now: number): LegacyMail | null {
  const col = (h: string) => idx.get(h) ?? -1;
  const cSubject = col("Subjek");
  const texts = TEXT_COLUMNS.map((h) => col(h))
    .filter((c) => c >= 0)
    .map((c) => ({ c, text: String(values[c] ?? "") }));
  if (cSubject < 0 || !texts.length || !to) return null;
  const checker = linkChecker();
  if (!checker) return null;
  const recipient = to.trim().toLowerCase();
  let links = 0;
  for (const { text } of texts) {
    if (new RegExp(ACTION_PART.source).test(text)) return null;
    for (const m of text.matchAll(VIEW_PART)) {
      const caseId = decode(caseIdBefore(text, m.index ?? 0));
      const u = decode(m[2]);
      if (!caseId || u === null || u.trim().toLowerCase() !== recipient) return null;
      if (checkLinkToken(checker.sign, caseId, u, m[3], now) === "invalid") return null;
      links++;
    }
  }
  if (!links) return null;
  const { sign } = linkSigner();
  const resign = (text: string) =>
    text.replace(VIEW_PART, (whole, amp: string, u: string, _t: string, at: number) => {
      const caseId = decode(caseIdBefore(text, at)) ?? "";
      return `${amp}u=${u}${amp}t=${linkToken(sign, caseId, recipient, now + VIEW_DAYS * 86_400_000)}`;
    });
  const body = texts.find((t) => t.c === col("Isi"))?.text ?? "";
  const html = texts.find((t) => t.c === col("Isi HTML"))?.text ?? "";
  const cells: Record<number, string> = {};
  for (const { c, text } of texts) {
    const clean = scrubLinks(text);
    if (clean !== text) cells[c] = clean;
  }
  return {
    subject: String(values[cSubject] ?? ""),
    body: resign(body),
    htmlBody: html ? resign(html) : resign(body).split("\n").map((l) => `<p>${escapeHtml(l)}</p>`).join(""),
    cells,
  };
}

/**
 * Takes the signed part of links out of the text cells of rows no longer waiting (sent, failed, refused): found with one
 * TextFinder per text column, so a queue without such rows costs those calls only. `waiting` tells a row still to send.
 */
export function scrubSentRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, idx: Map<string, number>, last: number, waiting: (row: number) => boolean, put: (row: number, col: number, text: string) => void): number {
  let n = 0;
  for (const h of TEXT_COLUMNS) {
    const c = idx.get(h);
    if (c === undefined || last < 2) continue;
    const hits = sheet
      .getRange(2, c + 1, last - 1, 1)
      .createTextFinder(SIGNED_IN_CELL)
      .useRegularExpression(true)
      .matchCase(true)
      .findAll();
    for (const hit of hits) {
      const row = hit.getRow();
      if (waiting(row)) continue;
      const text = String(hit.getValue());
      const clean = scrubLinks(text);
      if (clean === text) continue;
      put(row, c, clean);
      n++;
    }
  }
  return n;
}
