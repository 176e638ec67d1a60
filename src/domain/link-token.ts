// Signed links in emails: an "execute as me" web app cannot tell who a consumer-Gmail visitor is, so the link says
// whom Alur sent it to, and a signature (HMAC with a secret only the script knows) makes that unforgeable.

/** Signs a message: web-safe base64 of an HMAC, supplied by the adapter (Utilities on Apps Script). */
export type Sign = (message: string) => string;

export type TokenCheck = "ok" | "expired" | "invalid";

const payload = (caseId: string, email: string, exp: string) => [caseId, email.trim().toLowerCase(), exp].join("|");

/** A token for this case and recipient, valid until `expiresAt` (epoch ms): "<expiry base36>.<signature>". */
export function linkToken(sign: Sign, caseId: string, email: string, expiresAt: number): string {
  const exp = Math.floor(expiresAt / 1000).toString(36);
  return `${exp}.${sign(payload(caseId, email, exp))}`;
}

/** Compares in constant time, so the signature cannot be guessed character by character. */
function same(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export function checkLinkToken(sign: Sign, caseId: string, email: string, token: string, now: number): TokenCheck {
  const dot = token.indexOf(".");
  if (dot < 1 || !caseId || !email) return "invalid";
  const exp = token.slice(0, dot);
  if (!/^[0-9a-z]{1,10}$/.test(exp) || !same(sign(payload(caseId, email, exp)), token.slice(dot + 1))) return "invalid";
  return Number.parseInt(exp, 36) * 1000 < now ? "expired" : "ok";
}
