// One-time action links: a token is good only as Alur signed it, under the current link key, until it expires.
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { actionToken, base64UrlDecode, base64UrlEncode, readActionToken, sameText, verifyActionToken } from "../../src/domain/action-token";

const signer = (secret: string) => (m: string) => createHmac("sha256", secret).update(m).digest("base64url");
const KEY = { id: "k1", sign: signer("rahasia") };
const NOW = Date.UTC(2026, 10, 2, 1);
const DAY = 86_400_000;
const claims = { caseId: "SK-2026-0007", stepNo: "4", version: 3, to: "Kasubbag@Dinas.example", expiresAt: NOW + 14 * DAY, keyId: "k1" };

const judge = (token: string, now = NOW, key: typeof KEY | null = KEY) => {
  const r = readActionToken(token);
  return r.ok ? verifyActionToken(r, key, now) : "altered";
};

describe("action tokens", () => {
  test("a token carries its case, step, version, recipient (lower case) and expiry, web-safe, and is good until it expires", () => {
    const t = actionToken(KEY.sign, claims);
    expect(t).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const r = readActionToken(t);
    expect(r.ok && r.claims).toEqual({ ...claims, to: "kasubbag@dinas.example", expiresAt: Math.floor(claims.expiresAt / 1000) * 1000 });
    expect(judge(t)).toBe("ok");
    expect(judge(t, NOW + 15 * DAY)).toBe("expired");
  });

  test("signed with a key that was replaced: rotated; with no key at all: rotated", () => {
    const t = actionToken(KEY.sign, claims);
    expect(judge(t, NOW, { id: "k2", sign: signer("baru") })).toBe("rotated");
    expect(judge(t, NOW, null)).toBe("rotated");
  });

  test("any single-character change to a token is refused", () => {
    const t = actionToken(KEY.sign, claims);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    fc.assert(
      fc.property(fc.nat(t.length - 1), fc.constantFrom(...alphabet), (i, ch) => {
        fc.pre(t[i] !== ch);
        const changed = t.slice(0, i) + ch + t.slice(i + 1);
        // A change may land in the key id ("rotated") or the expiry; it is never accepted.
        expect(judge(changed)).not.toBe("ok");
      }),
      { numRuns: 400 },
    );
  });

  test("claims re-signed with another secret, or made up, are refused", () => {
    expect(judge(actionToken(signer("tebakan"), claims))).toBe("altered");
    expect(judge("bukan-token")).toBe("altered");
    expect(judge(`${base64UrlEncode('["SK-2026-0007","4",3,"x@y.z",9999999999,"k1"]')}.${"A".repeat(43)}`)).toBe("altered");
    expect(judge(`${base64UrlEncode('{"caseId":"x"}')}.${"A".repeat(43)}`)).toBe("altered");
  });

  test("web-safe base64 round-trips UTF-8 and accepts only the canonical form", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => expect(base64UrlDecode(base64UrlEncode(s))).toBe(s)));
    expect(base64UrlEncode("Kasubbag é")).toBe(Buffer.from("Kasubbag é").toString("base64url"));
    expect(base64UrlDecode("QQ")).toBe("A");
    expect(base64UrlDecode("QR")).toBeNull();
    expect(base64UrlDecode("Q=")).toBeNull();
  });

  test("comparison looks at every character", () => {
    expect(sameText("abc", "abc")).toBe(true);
    expect(sameText("abc", "abd")).toBe(false);
    expect(sameText("abc", "abcd")).toBe(false);
  });
});
