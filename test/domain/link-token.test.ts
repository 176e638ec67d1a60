// Signed email links: valid for their case and recipient until they expire; any change to them is refused.
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { checkLinkToken, linkToken } from "../../src/domain/link-token";

const sign = (m: string) => createHmac("sha256", "rahasia").update(m).digest("base64url");
const NOW = Date.UTC(2026, 10, 29);
const DAY = 86_400_000;

describe("link tokens", () => {
  test("a token is good for its case and recipient (whatever the case of the address) until it expires", () => {
    const t = linkToken(sign, "SM-2026-0007", "Kasubbag@Dinas.example", NOW + 30 * DAY);
    expect(checkLinkToken(sign, "SM-2026-0007", "kasubbag@dinas.example", t, NOW)).toBe("ok");
    expect(checkLinkToken(sign, "SM-2026-0007", "kasubbag@dinas.example", t, NOW + 31 * DAY)).toBe("expired");
  });

  test("another case, another recipient, another key or a changed expiry is invalid", () => {
    const t = linkToken(sign, "SM-2026-0007", "a@dinas.example", NOW + DAY);
    expect(checkLinkToken(sign, "SM-2026-0008", "a@dinas.example", t, NOW)).toBe("invalid");
    expect(checkLinkToken(sign, "SM-2026-0007", "b@dinas.example", t, NOW)).toBe("invalid");
    const other = (m: string) => createHmac("sha256", "lain").update(m).digest("base64url");
    expect(checkLinkToken(other, "SM-2026-0007", "a@dinas.example", t, NOW)).toBe("invalid");
    const [exp, sig] = t.split(".");
    const later = (Number.parseInt(exp, 36) + 10 * 86400).toString(36);
    expect(checkLinkToken(sign, "SM-2026-0007", "a@dinas.example", `${later}.${sig}`, NOW)).toBe("invalid");
  });

  test("any single-character change to a token is refused", () => {
    const t = linkToken(sign, "CT-2026-0001", "x@dinas.example", NOW + DAY);
    fc.assert(
      fc.property(fc.nat(t.length - 1), fc.string({ minLength: 1, maxLength: 1 }), (i, ch) => {
        fc.pre(t[i] !== ch);
        const bad = t.slice(0, i) + ch + t.slice(i + 1);
        return checkLinkToken(sign, "CT-2026-0001", "x@dinas.example", bad, NOW) === "invalid";
      }),
    );
  });
});
