// The execution log (Apps Script sends console output to Cloud Logging, where whoever can open the script's executions
// reads it): every line Alur writes goes through here, and no email address, link token, signature or key reaches it.
// test/bundle/log-path.test.ts shows that no other function of the bundle calls console or Logger.

/** An email address: anything around an "@" (also the mistyped ones an "Invalid email" error repeats). */
const ADDRESS = /[^\s@<>"'(),;:[\]]*(?:@|%40)[^\s@<>"'(),;:[\]]*/gi;
/** A link's parameters that carry a token or a recipient (…?k=…, &t=…, &u=…). */
const LINK_PARAM = /([?&](?:k|t|u)=)[^&\s"'<>]*/g;
/** A run of web-safe base64 or hex long enough to be a signature or a key (HMAC-SHA256 is 43 characters), with a token's other half. */
const SECRETISH = /(?:[A-Za-z0-9_-]+\.)?[A-Za-z0-9_-]{32,}(?:\.[A-Za-z0-9_-]+)?/g;

/** The text with addresses, tokens, signatures and keys replaced by a placeholder. */
export function redact(text: string): string {
  return text.replace(LINK_PARAM, "$1…").replace(SECRETISH, "[rahasia]").replace(ADDRESS, "[alamat]");
}

function messageOf(parts: unknown[]): string {
  return parts.map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : String(p))).join(" ");
}

/** One line to the log at a level: the only call of console in Alur's server code. */
function logLine(level: "warn" | "error", parts: unknown[]): void {
  const line = redact(messageOf(parts));
  if (level === "warn") console.warn(line);
  else console.error(line);
}

/** Something went wrong that Alur works around (the action stands): said in the log, without addresses or secrets. */
export function logWarn(...parts: unknown[]): void {
  logLine("warn", parts);
}

/** Something failed that someone may need to look into: said in the log, without addresses or secrets. */
export function logError(...parts: unknown[]): void {
  logLine("error", parts);
}
