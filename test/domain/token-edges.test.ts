// The edges of signed links (src/domain/link-token.ts, action-token.ts): a signature lengthened or cut short, the last
// second of validity, tokens whose claims are malformed, and UTF-8 that is not UTF-8 — each is refused or read exactly.
import { createHmac } from "node:crypto";
import { actionToken, base64UrlDecode, base64UrlEncode, readActionToken, sameText, verifyActionToken } from "../../src/domain/action-token";
import { checkLinkToken, linkToken } from "../../src/domain/link-token";

const signer = (secret: string) => (m: string) => createHmac("sha256", secret).update(m).digest("base64url");
const sign = signer("rahasia");
const KEY = { id: "k1", sign };
/** Whole seconds, as tokens keep expiries. */
const NOW = Date.UTC(2026, 10, 2, 1);
const CASE = "SM-2026-0007";

describe("link tokens at their edges", () => {
  const t = linkToken(sign, CASE, "a@dinas.example", NOW + 60_000);
  const [exp, sig] = t.split(".");

  test("a signature with characters appended, or cut short, is invalid", () => {
    expect(checkLinkToken(sign, CASE, "a@dinas.example", t, NOW)).toBe("ok");
    for (const extra of ["A", "AAAA", sig]) expect(checkLinkToken(sign, CASE, "a@dinas.example", `${t}${extra}`, NOW)).toBe("invalid");
    expect(checkLinkToken(sign, CASE, "a@dinas.example", t.slice(0, -1), NOW)).toBe("invalid");
    expect(checkLinkToken(sign, CASE, "a@dinas.example", `${exp}.`, NOW)).toBe("invalid");
  });

  test("a token without its expiry, or with one not written as Alur writes it, is invalid", () => {
    expect(checkLinkToken(sign, CASE, "a@dinas.example", sig, NOW)).toBe("invalid");
    expect(checkLinkToken(sign, CASE, "a@dinas.example", `.${sig}`, NOW)).toBe("invalid");
    // The same expiry in capitals, or padded to more than ten digits, is not what was signed.
    const upper = exp.toUpperCase();
    const signedUpper = sign([CASE, "a@dinas.example", upper].join("|"));
    expect(checkLinkToken(sign, CASE, "a@dinas.example", `${upper}.${signedUpper}`, NOW)).toBe("invalid");
    const long = `0000000000${exp}`;
    expect(checkLinkToken(sign, CASE, "a@dinas.example", `${long}.${sign([CASE, "a@dinas.example", long].join("|"))}`, NOW)).toBe("invalid");
  });

  test("no case or no recipient: invalid, even for a token signed for blanks", () => {
    const blank = linkToken(sign, "", "", NOW + 60_000);
    expect(checkLinkToken(sign, "", "", blank, NOW)).toBe("invalid");
    expect(checkLinkToken(sign, CASE, "", linkToken(sign, CASE, "", NOW + 60_000), NOW)).toBe("invalid");
    expect(checkLinkToken(sign, "", "a@dinas.example", linkToken(sign, "", "a@dinas.example", NOW + 60_000), NOW)).toBe("invalid");
  });

  test("the signed text stays as earlier releases wrote it: links already in inboxes keep working", () => {
    const at = NOW + 60_000;
    const e = Math.floor(at / 1000).toString(36);
    expect(linkToken(sign, CASE, " A@Dinas.Example ", at)).toBe(`${e}.${sign(`${CASE}|a@dinas.example|${e}`)}`);
  });

  test("a signed one-digit expiry is read (long past: expired), not refused as malformed", () => {
    const ancient = linkToken(sign, CASE, "a@dinas.example", 35_000);
    expect(ancient.split(".")[0]).toBe("z");
    expect(checkLinkToken(sign, CASE, "a@dinas.example", ancient, NOW)).toBe("expired");
  });

  test("good through its last second, expired the millisecond after; the address as typed in the email", () => {
    const last = linkToken(sign, CASE, "a@dinas.example", NOW);
    expect(checkLinkToken(sign, CASE, " A@Dinas.Example ", last, NOW)).toBe("ok");
    expect(checkLinkToken(sign, CASE, "a@dinas.example", last, NOW + 1)).toBe("expired");
  });
});

describe("action tokens at their edges", () => {
  const claims = { caseId: "SK-2026-0007", stepNo: "4", version: 3, to: "kasubbag@dinas.example", expiresAt: NOW, keyId: "k1" };
  const judge = (token: string, now = NOW) => {
    const r = readActionToken(token);
    return r.ok ? verifyActionToken(r, KEY, now) : "unreadable";
  };
  /** A token made of any claims array, signed as Alur signs. */
  const made = (arr: unknown[]) => {
    const body = base64UrlEncode(JSON.stringify(arr));
    return `${body}.${sign(`alur-aksi-1|${body}`)}`;
  };

  test("a signature with characters appended or cut short is altered", () => {
    const t = actionToken(sign, claims);
    expect(judge(t)).toBe("ok");
    expect(judge(`${t}A`)).toBe("altered");
    expect(judge(`${t}AAAAAAAA`)).toBe("altered");
    expect(judge(t.slice(0, -1))).toBe("altered");
  });

  test("good through its last second, expired after", () => {
    const t = actionToken(sign, claims);
    expect(judge(t, NOW)).toBe("ok");
    expect(judge(t, NOW + 1)).toBe("expired");
  });

  test("the recipient is kept as the address, trimmed and in lower case", () => {
    const r = readActionToken(actionToken(sign, { ...claims, to: "  Kasubbag@Dinas.Example " }));
    expect(r.ok && r.claims.to).toBe("kasubbag@dinas.example");
  });

  test("a token that cannot be read says only that", () => {
    const bad = ["", "x", "bukan.token", `${base64UrlEncode("[1,2,3,4,5]")}.${"A".repeat(43)}`, `QUJDRUZHS.${"A".repeat(43)}`, `${base64UrlEncode('{"a":"bukan larik"}')}.${"A".repeat(43)}`, made(["SK-2026-0007", "4", 0, "a@dinas.example", 1, "k1"]), made(["SK-2026-0007", "4", 1, "a@dinas.example", 1, 7])];
    bad.push(made(["SK-2026-0007", "", 1, "a@dinas.example", 1, "k1"]), `${base64UrlEncode("[bukan json")}.${"A".repeat(43)}`, `${base64UrlEncode("x")}${"\u00ff"}.${"A".repeat(43)}`);
    for (const t of bad) expect([t, readActionToken(t)]).toEqual([t, { ok: false }]);
  });

  test("claims Alur never writes are unreadable, even signed with the right key", () => {
    const good = ["SK-2026-0007", "4", 3, "a@dinas.example", NOW / 1000, "k1"];
    expect(judge(made(good))).toBe("ok");
    const bad: unknown[][] = [
      good.slice(0, 5),
      [...good, "x"],
      ["SK-2026-0007", "4", 0, "a@dinas.example", NOW / 1000, "k1"],
      ["SK-2026-0007", "4", 1.5, "a@dinas.example", NOW / 1000, "k1"],
      ["SK-2026-0007", "4", "3", "a@dinas.example", NOW / 1000, "k1"],
      ["SK-2026-0007", "4", 3, "a@dinas.example", NOW / 1000 + 0.5, "k1"],
      ["SK-2026-0007", "4", 3, "a@dinas.example", String(NOW / 1000), "k1"],
      ["sk-2026-0007", "4", 3, "a@dinas.example", NOW / 1000, "k1"],
      ["SK-2026-0007 ", "4", 3, "a@dinas.example", NOW / 1000, "k1"],
      ["SK-26-0007", "4", 3, "a@dinas.example", NOW / 1000, "k1"],
      ["ABCDEFGHIJKLM-2026-0007", "4", 3, "a@dinas.example", NOW / 1000, "k1"],
      ["SK-2026-1234567", "4", 3, "a@dinas.example", NOW / 1000, "k1"],
      ["SK-2026-0007", "", 3, "a@dinas.example", NOW / 1000, "k1"],
      ["SK-2026-0007", "12345678901", 3, "a@dinas.example", NOW / 1000, "k1"],
      ["SK-2026-0007", 4, 3, "a@dinas.example", NOW / 1000, "k1"],
      ["SK-2026-0007", "4", 3, "tanpa-at", NOW / 1000, "k1"],
      ["SK-2026-0007", "4", 3, `${"a".repeat(250)}@x.id`, NOW / 1000, "k1"],
      ["SK-2026-0007", "4", 3, null, NOW / 1000, "k1"],
      ["SK-2026-0007", "4", 3, "a@dinas.example", NOW / 1000, 1],
      [7, "4", 3, "a@dinas.example", NOW / 1000, "k1"],
    ];
    for (const arr of bad) expect([arr, judge(made(arr))]).toEqual([arr, "unreadable"]);
    // Edges that are allowed: a ten-character step, a 254-character address, a six-digit sequence.
    expect(judge(made(["SK-2026-0007", "1234567890", 3, "a@dinas.example", NOW / 1000, "k1"]))).toBe("ok");
    expect(judge(made(["SK-2026-0007", "4", 3, `${"a".repeat(245)}@dinas.id`, NOW / 1000, "k1"]))).toBe("ok");
    expect(judge(made(["ABCDEFGHIJKL-2026-123456", "4", 1, "a@dinas.example", NOW / 1000, "k1"]))).toBe("ok");
    // Not JSON, or JSON that is not an array.
    const notJson = base64UrlEncode("[bukan json");
    expect(judge(`${notJson}.${sign(`alur-aksi-1|${notJson}`)}`)).toBe("unreadable");
    expect(judge(made({ length: 6 } as unknown as unknown[]))).toBe("unreadable");
  });

  test("a token of the wrong shape is unreadable: parts too short, too long, or with other characters", () => {
    const t = actionToken(sign, claims);
    const [body, s] = t.split(".");
    expect(judge(`${body}.${s}.x`)).toBe("unreadable");
    expect(judge(`${body}.${s.slice(0, 19)}`)).toBe("unreadable");
    expect(judge(`${body}.${s}${"A".repeat(101 - s.length)}`)).toBe("unreadable");
    expect(judge(`${body.slice(0, 7)}.${s}`)).toBe("unreadable");
    expect(judge(`${body}+.${s}`)).toBe("unreadable");
    expect(judge(` ${t}`)).toBe("unreadable");
    expect(judge(`${t} `)).toBe("unreadable");
  });

  test("sameText compares every character and the lengths", () => {
    expect(sameText("", "")).toBe(true);
    expect(sameText("a", "")).toBe(false);
    expect(sameText("", "a")).toBe(false);
    expect(sameText("ab", "abX")).toBe(false);
    expect(sameText("abX", "ab")).toBe(false);
    expect(sameText("xbc", "abc")).toBe(false);
  });
});

describe("web-safe base64 of UTF-8", () => {
  test("encodes one, two, three and four-byte characters as Node does, at every padding length", () => {
    for (const s of ["", "A", "AB", "ABC", "ABCD", "é", "€", "😀", "Kasubbag é € 😀", "~~~", "\u007f\u0080\u07ff\u0800\uffff", "\u{10000}", "\u{10ffff}"]) {
      expect([s, base64UrlEncode(s)]).toEqual([s, Buffer.from(s, "utf8").toString("base64url")]);
      expect([s, base64UrlDecode(base64UrlEncode(s))]).toEqual([s, s]);
    }
  });

  test("refuses what is not web-safe base64 of UTF-8", () => {
    const b64 = (bytes: number[]) => Buffer.from(bytes).toString("base64url");
    expect(base64UrlDecode("QUJD+w")).toBeNull();
    expect(base64UrlDecode("QUJD/w")).toBeNull();
    expect(base64UrlDecode("QUJDR")).toBeNull();
    // A lone continuation byte, a lead byte without its continuation, a continuation that is not one, a 5-byte lead.
    expect(base64UrlDecode(b64([0x80]))).toBeNull();
    expect(base64UrlDecode(b64([0xc3]))).toBeNull();
    expect(base64UrlDecode(b64([0xe2, 0x82]))).toBeNull();
    expect(base64UrlDecode(b64([0xc3, 0x41]))).toBeNull();
    expect(base64UrlDecode(b64([0xf0, 0x9f, 0x98]))).toBeNull();
    expect(base64UrlDecode(b64([0xf8, 0x80, 0x80, 0x80, 0x80]))).toBeNull();
    expect(base64UrlDecode(b64([0x41, 0xc3, 0xa9, 0x42]))).toBe("AéB");
  });
});
