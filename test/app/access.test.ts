// The web app tells nobody whether a case exists unless they may see it: a visitor who is not staff, and every link that
// is forged, expired, signed with a replaced key or opened by another signed-in person, gets the same page, the same
// answer from the button and the same service calls for a case that exists as for one made up. The case is not looked
// for before access is decided. One office for the whole file; tokens for made-up cases are signed here with the
// office's own link key, so only the case's existence differs between the two requests of a pair.
import { createHmac } from "node:crypto";
import { P } from "../../emulator/alur-world";
import type { CounterSnapshot } from "../../emulator/fakes/counter";
import { type ActionClaims, actionToken } from "../../src/domain/action-token";
import { linkToken } from "../../src/domain/link-token";
import { SM_FIELDS, actionLinks, lastMailTo, officeWithWebApp, press, skAtDecision, visit } from "./email-fixtures";

const alur = officeWithWebApp();
// Recorded by the mail room, so JFU (who holds step 1) is emailed a signed case link.
const sm = alur.ok(P("petugas-adm-surat"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "Rahasia rapat anggaran" } });
const sk = skAtDecision(alur);
const GHOST_SM = "SM-2026-0999";
const GHOST_SK = "SK-2026-0999";
const OUTSIDER = "tamu@luar.example";
const DAY = 86_400_000;

const ring = () => JSON.parse(alur.world.stores.script.map.get("alur.key.link") as string) as { current: string; keys: Record<string, string> };
const signer = (secret: string) => (m: string) => createHmac("sha256", secret).update(m, "utf8").digest("base64url");
const linkKey = () => signer(ring().keys[ring().current]);
const viewParams = (caseId: string, to: string, t: string) => ({ case: caseId, u: to, t });
const claims = (caseId: string, over: Partial<ActionClaims> = {}): ActionClaims => ({
  caseId,
  stepNo: "4",
  version: sk.version,
  to: P("kasubbag-umum"),
  expiresAt: alur.world.clock.now() + 14 * DAY,
  keyId: ring().current,
  ...over,
});

/** What a request costs: every service call by kind and method, cells read and written. */
function measured<T>(fn: () => T): { out: T; cost: CounterSnapshot } {
  alur.world.counter.reset();
  const out = fn();
  return { out, cost: alur.world.counter.snapshot() };
}

/**
 * The request for the real case and for the made-up one answer alike, at the same cost, and never look a case up (no
 * TextFinder: registers are searched by ID with one). The first request warms the configuration cache.
 */
function sameForBoth<T>(real: () => T, ghost: () => T): T {
  real();
  const a = measured(real);
  const b = measured(ghost);
  expect(b.out).toEqual(a.out);
  expect(b.cost).toEqual(a.cost);
  expect(Object.keys(a.cost.calls).filter((k) => k.startsWith("TextFinder") || k.endsWith("createTextFinder"))).toEqual([]);
  return a.out;
}

describe("the case page without a signed link", () => {
  test("staff see the case, and are told when an ID does not exist (the control: the pages below could differ)", () => {
    expect(visit(alur, { case: sm.id }, P("sekretaris"))).toContain("Rahasia rapat anggaran");
    expect(visit(alur, { case: GHOST_SM }, P("sekretaris"))).toContain(`Kasus ${GHOST_SM} tidak ditemukan`);
  });

  test.each([
    ["someone signed in who is not in Pejabat", OUTSIDER],
    ["a visitor the web app cannot identify", ""],
  ])("%s: one page for a real case, a made-up one, an unknown SOP and garbage", (_who, visitor) => {
    const page = sameForBoth(
      () => visit(alur, { case: sm.id }, visitor),
      () => visit(alur, { case: GHOST_SM }, visitor),
    );
    expect(page).not.toContain("Rahasia");
    expect(page).toMatch(visitor ? /hanya dapat dilihat oleh pejabat yang terdaftar di sheet Pejabat/ : /Alur tidak dapat mengenali akun Anda/);
    for (const id of ["ZZ-2026-0001", "<b>x</b>", "constructor"]) expect(visit(alur, { case: id }, visitor)).toBe(page);
  });
});

describe("signed case links that do not hold", () => {
  test("the real link opens the case (the control)", () => {
    const href = /href="([^"]*\?case=[^"]*)"/.exec(lastMailTo(alur, P("jfu"), sm.id).htmlBody ?? "")![1].replace(/&#38;/g, "&");
    expect(visit(alur, Object.fromEntries(new URLSearchParams(href.split("?")[1])))).toContain("Rahasia rapat anggaran");
  });

  const now = () => alur.world.clock.now();
  test.each<[string, (caseId: string) => Record<string, string>, string, RegExp]>([
    ["forged", (id) => viewParams(id, P("jfu"), linkToken(signer("tebakan"), id, P("jfu"), now() + DAY)), "", /tidak sah/],
    ["expired (signed by Alur)", (id) => viewParams(id, P("jfu"), linkToken(linkKey(), id, P("jfu"), now() - DAY)), "", /kedaluwarsa/],
    ["signed for someone else than the link names", (id) => viewParams(id, P("sekretaris"), linkToken(linkKey(), id, P("jfu"), now() + DAY)), "", /tidak sah/],
    ["forwarded to a signed-in outsider (judged as themselves)", (id) => viewParams(id, P("jfu"), linkToken(linkKey(), id, P("jfu"), now() + DAY)), OUTSIDER, /hanya dapat dilihat oleh pejabat/],
  ])("%s: the same page for a real case and a made-up one", (_what, params, visitor, words) => {
    const page = sameForBoth(
      () => visit(alur, params(sm.id), visitor),
      () => visit(alur, params(GHOST_SM), visitor),
    );
    expect(page).toMatch(words);
    expect(page).not.toContain("Rahasia");
  });
});

describe("action links that do not hold: the confirm page and its button", () => {
  test("the real link shows the confirm page (the control)", () => {
    const [link] = actionLinks(lastMailTo(alur, P("kasubbag-umum"), sk.id));
    expect(visit(alur, link.params)).toContain("Tindakan Anda");
  });

  const now = () => alur.world.clock.now();
  test.each<[string, (caseId: string) => string, string, string]>([
    ["altered (a signature Alur did not make)", (id) => actionToken(signer("tebakan"), claims(id)), "", "Tautan tidak sah"],
    ["expired (signed by Alur)", (id) => actionToken(linkKey(), claims(id, { expiresAt: Math.floor((now() - DAY) / 1000) * 1000 })), "", "Tautan sudah kedaluwarsa"],
    ["signed with a key since replaced", (id) => actionToken(signer("kunci-lama"), claims(id, { keyId: "k0" })), "", "Tautan sudah tidak berlaku"],
    ["opened by another signed-in person", (id) => actionToken(linkKey(), claims(id)), P("sekretaris"), "Tautan ini untuk orang lain"],
  ])("%s: the same page and the same answer for a real case and a made-up one", (_what, token, visitor, heading) => {
    const page = sameForBoth(
      () => visit(alur, { aksi: "approve", k: token(sk.id) }, visitor),
      () => visit(alur, { aksi: "approve", k: token(GHOST_SK) }, visitor),
    );
    expect(page).toContain(heading);
    expect(page).not.toContain(sk.id);
    // Nor does the page name the person the link was sent to.
    expect(page).not.toContain(P("kasubbag-umum"));
    const answer = sameForBoth(
      () => press(alur, { k: token(sk.id), aksi: "approve" }, visitor),
      () => press(alur, { k: token(GHOST_SK), aksi: "approve" }, visitor),
    );
    expect(answer).toMatchObject({ ok: false, final: true, title: heading });
  });
});
