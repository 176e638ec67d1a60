// One-time action links in emails: a token bound to the case's state (ID, step, version), its recipient and an expiry,
// signed with the email-link key. The version moves on with every action, so a link works once; the key id says
// whether the link was signed with a key an admin has since replaced.

/** Signs a message: web-safe base64 of HMAC-SHA256 (Utilities on Apps Script, node:crypto in tests). */
export type Sign = (message: string) => string;

export interface ActionClaims {
  caseId: string;
  stepNo: string;
  /** The case's version when the email was made: acting moves it on, so a second use is refused. */
  version: number;
  /** Whom the link was sent to (lower case): the action is taken as this person. */
  to: string;
  /** Epoch ms, whole seconds. */
  expiresAt: number;
  /** The id of the link key it was signed with. */
  keyId: string;
}

/** What reading a token found before its signature is checked. */
export type TokenRead = { ok: true; claims: ActionClaims; signed: string; sig: string } | { ok: false };

export type TokenVerdict = "ok" | "expired" | "altered" | "rotated";

const PREFIX = "alur-aksi-1";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function fromUtf8(bytes: number[]): string | null {
  let s = "";
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >> 5 === 6 ? 1 : b >> 4 === 14 ? 2 : b >> 3 === 30 ? 3 : -1;
    if (need < 0 || i + need >= bytes.length) return null;
    let c = need === 0 ? b : b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const x = bytes[i + k];
      if (x === undefined || x >> 6 !== 2) return null;
      c = (c << 6) | (x & 63);
    }
    s += String.fromCodePoint(c);
    i += need + 1;
  }
  return s;
}

/** Web-safe base64 without padding (RFC 4648 §5), of the text's UTF-8 bytes. */
export function base64UrlEncode(text: string): string {
  const b = utf8(text);
  let out = "";
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    if (i + 1 < b.length) out += B64[(n >> 6) & 63];
    if (i + 2 < b.length) out += B64[n & 63];
  }
  return out;
}

/** The text back, or null when it is not web-safe base64 of UTF-8 (a character changed, cut short). */
export function base64UrlDecode(s: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i += 4) {
    const q = s.slice(i, i + 4);
    const v = [...q].map((c) => B64.indexOf(c));
    const n = (v[0] << 18) | (v[1] << 12) | ((v[2] ?? 0) << 6) | (v[3] ?? 0);
    bytes.push((n >> 16) & 255);
    if (q.length > 2) bytes.push((n >> 8) & 255);
    if (q.length > 3) bytes.push(n & 255);
  }
  // Only the canonical encoding is accepted: the unused low bits of the last character must be zero.
  if (base64UrlEncode(fromUtf8(bytes) ?? "\u0000invalid") !== s) return null;
  return fromUtf8(bytes);
}

/** "<claims>.<signature>", both web-safe base64: fit for a URL without escaping. */
export function actionToken(sign: Sign, claims: ActionClaims): string {
  const body = base64UrlEncode(JSON.stringify([claims.caseId, claims.stepNo, claims.version, claims.to.trim().toLowerCase(), Math.floor(claims.expiresAt / 1000), claims.keyId]));
  return `${body}.${sign(`${PREFIX}|${body}`)}`;
}

/** Reads a token's claims (not yet trusted): null-like when it is not shaped like one of Alur's. */
export function readActionToken(token: string): TokenRead {
  const m = /^([A-Za-z0-9_-]{8,600})\.([A-Za-z0-9_-]{20,100})$/.exec(token);
  if (!m) return { ok: false };
  const json = base64UrlDecode(m[1]);
  if (json === null) return { ok: false };
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return { ok: false };
  }
  if (!Array.isArray(v) || v.length !== 6) return { ok: false };
  const [caseId, stepNo, version, to, exp, keyId] = v as unknown[];
  if (typeof caseId !== "string" || typeof stepNo !== "string" || typeof to !== "string" || typeof keyId !== "string") return { ok: false };
  if (!Number.isInteger(version) || !Number.isInteger(exp) || (version as number) < 1) return { ok: false };
  if (!/^[A-Z0-9]{1,12}-\d{4}-\d{1,6}$/.test(caseId) || !stepNo || stepNo.length > 10 || !to.includes("@") || to.length > 254) return { ok: false };
  return { ok: true, claims: { caseId, stepNo, version: version as number, to, expiresAt: (exp as number) * 1000, keyId }, signed: `${PREFIX}|${m[1]}`, sig: m[2] };
}

/** Compares in constant time, so a signature cannot be guessed character by character. */
export function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/**
 * Judges a read token against the current link key. A token naming another key id was signed before an admin
 * replaced the key ("rotated"); a wrong signature under the current key means the link was changed ("altered").
 */
export function verifyActionToken(read: Extract<TokenRead, { ok: true }>, current: { id: string; sign: Sign } | null, now: number): TokenVerdict {
  if (!current) return "rotated";
  if (read.claims.keyId !== current.id) return "rotated";
  if (!sameText(current.sign(read.signed), read.sig)) return "altered";
  return read.claims.expiresAt < now ? "expired" : "ok";
}
