// Reminders, late notices, the atasan's notice and the morning digest, on the simulated clock through the bundle.
import { ADMIN, type Alur, P } from "../../emulator/alur-world";
import type { SentMail } from "../../emulator/fakes/mail";
import { SM_FIELDS, SK_FIELDS, actionLinks, officeWithWebApp, press, registerRow, riwayatOf, setPejabat, setSetting } from "./email-fixtures";

const hour = (alur: Alur) => alur.world.within("time-trigger", () => alur.ctx.hourlyRefresh());
const KIND = /^(Pengingat|Terlambat|Perlu perhatian)/;
/** Reminder emails about a case (its subject is the case's), by the first words of the body. */
const remindersOf = (alur: Alur, caseId: string): SentMail[] => alur.world.outbox.filter((m) => m.subject.includes(caseId) && KIND.test(m.body));
const summary = (mails: SentMail[]) => mails.map((m) => `${m.to.join(",")}: ${m.body.split("\n")[0].split(":")[0]}`);

/** A Surat Keluar case at step 2 (Kasubbag, standard 30 minutes), since now. */
function atKasubbag(alur: Alur, fields = SK_FIELDS) {
  const v = alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields });
  return alur.ok(P("sekretaris"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
}

const WIB = 7 * 3_600_000;
function morningIfLate(alur: Alur): void {
  const local = new Date(alur.world.now() + WIB);
  if (local.getUTCHours() < 11) return;
  const next = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1, 8) - WIB);
  while ([0, 6].includes(new Date(next.getTime() + WIB).getUTCDay())) next.setTime(next.getTime() + 86_400_000);
  alur.world.clock.advance(next.getTime() - alur.world.now());
}

describe("reminders on the simulated clock", () => {
  test("a reminder at 80 %, a late notice at 100 % and the atasan's notice at 200 %: each once per step and round", () => {
    const alur = officeWithWebApp();
    let v = atKasubbag(alur);
    alur.later(20);
    hour(alur);
    expect(remindersOf(alur, v.id)).toEqual([]);
    alur.later(5); // 25 of 30 minutes: 83 %
    hour(alur);
    hour(alur);
    expect(summary(remindersOf(alur, v.id))).toEqual([`${P("kasubbag-umum")}: Pengingat`]);
    // The reminder carries the step's own action link.
    expect(actionLinks(remindersOf(alur, v.id)[0]).map((l) => l.aksi)).toEqual(["complete"]);
    alur.later(6); // 31 minutes: late
    hour(alur);
    hour(alur);
    alur.later(30); // 61 minutes: more than twice the standard
    hour(alur);
    hour(alur);
    alur.later(60);
    hour(alur);
    // Kasubbag's atasan in Pejabat is the Sekretaris.
    expect(summary(remindersOf(alur, v.id))).toEqual([`${P("kasubbag-umum")}: Pengingat`, `${P("kasubbag-umum")}: Terlambat`, `${P("sekretaris")}: Perlu perhatian`]);
    // Each is a "reminder" entry in Riwayat (never on the case's own timeline as an action).
    expect(riwayatOf(alur, v.id).filter((r) => r[14] === "reminder").map((r) => r[11])).toEqual(["trigger", "trigger", "trigger"]);

    // The next step starts its own count: JFU (step 3, 30 minutes).
    v = alur.ok(P("kasubbag-umum"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
    alur.later(25);
    hour(alur);
    v = alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
    // Kasubbag returns it at the decision (step 4): step 3 again, in a new round, reminds JFU again.
    v = alur.ok(P("kasubbag-umum"), "act", { caseId: v.id, expectedVersion: v.version, action: "return", reason: "Perbaiki tujuan" });
    expect(v.rounds).toBe(1);
    alur.later(25);
    hour(alur);
    hour(alur);
    expect(summary(remindersOf(alur, v.id).filter((m) => m.to.includes(P("jfu"))))).toEqual([`${P("jfu")}: Pengingat`, `${P("jfu")}: Pengingat`]);
  });

  test("the share is a setting; a step without a standard is never reminded; the actor of a step is never reminded of someone else's", () => {
    const alur = officeWithWebApp();
    setSetting(alur, "Pengingat email (% standar waktu)", "50");
    const v = atKasubbag(alur);
    alur.later(16); // 53 %
    hour(alur);
    expect(summary(remindersOf(alur, v.id))).toEqual([`${P("kasubbag-umum")}: Pengingat`]);
    expect(remindersOf(alur, v.id).every((m) => !m.to.includes(P("sekretaris")))).toBe(true);
  });

  test("an hourly run cut off anywhere while reminding never loses a reminder, sends it twice only when cut between its sending and its mark, and the next run finishes what it began", () => {
    const alur = officeWithWebApp();
    let previous = "";
    /** The service calls of the reminder step of an uncut run, in order (the first iteration records them). */
    let trace: string[] = [];
    let cut = 0;
    let twice = 0;
    for (let k = 0; k <= 80; k++) {
      if (previous) alur.ok(ADMIN, "act", { caseId: previous, expectedVersion: registerRow(alur, "SK · Surat Keluar", previous).Versi as number, action: "cancel", reason: "Uji berikutnya" });
      // Each case gets 25 working minutes before lunch: from 11.00 WIB the next one starts the next weekday at 08.00.
      morningIfLate(alur);
      const v = atKasubbag(alur, { ...SK_FIELDS, perihal: `Uji ${k}` });
      previous = v.id;
      alur.later(25);
      const mode = k % 2 ? "end-after" : "end-before";
      const calls: string[] = [];
      // The fault counts calls from the first call of the reminder step (it asks for the day's email quota first).
      alur.world.latency = (kind, method) => {
        if (kind === "MailApp" && method === "getRemainingDailyQuota" && !alur.world.fault) {
          alur.world.fault = { at: k === 0 ? 1e9 : k, mode };
          alur.world.faultCalls = 0;
        }
        if (alur.world.fault) calls.push(`${kind}.${method}`);
        return 0;
      };
      try {
        hour(alur);
      } catch (_e) {
        cut++;
      }
      const ended = alur.world.ended;
      alur.world.ended = false;
      alur.world.fault = null;
      alur.world.latency = null;
      if (k === 0) trace = calls;
      hour(alur);
      hour(alur);
      const sent = summary(remindersOf(alur, v.id));
      expect({ k, entries: riwayatOf(alur, v.id).filter((r) => r[14] === "reminder").length }).toEqual({ k, entries: 1 });
      // Never lost. Twice only when the cut run made the sending but not the "sent" mark after it: the one in flight,
      // which the next run cannot tell from one never sent. (This run's own calls: their order shifts a little from
      // case to case.)
      const made = calls.slice(0, mode === "end-before" ? k - 1 : k);
      const s = made.indexOf("MailApp.sendEmail");
      const once = [`${P("kasubbag-umum")}: Pengingat`];
      expect({ k, sent }).toEqual({ k, sent: ended && s >= 0 && made.indexOf("Properties.setProperty", s) < 0 ? [...once, ...once] : once });
      if (sent.length > 1) twice++;
      if (k > 0 && !ended) break;
    }
    expect(trace).toContain("MailApp.sendEmail");
    // The sweep really cut the runs at every call of the reminder step; only a cut right at the sending doubled it.
    expect(cut).toBeGreaterThan(15);
    expect(twice).toBeGreaterThan(0);
    expect(twice).toBeLessThanOrEqual(2);
  }, 300000);
});

describe("the morning digest", () => {
  /** JFU asks for the digest from the panel. */
  function withDigest(alur: Alur) {
    expect(alur.ok(P("jfu"), "setEmailPrefs", { digest: true })).toEqual({ digest: true, listed: true });
    expect(alur.ok(P("jfu"), "emailPrefs", null)).toEqual({ digest: true, listed: true });
  }
  const digestsTo = (alur: Alur, to: string) => alur.world.outbox.filter((m) => m.to.includes(to) && m.subject.startsWith("[Alur] Ringkasan harian"));

  test("one email a morning per person, whatever the number of cases, replacing their single emails and reminders", () => {
    const alur = officeWithWebApp();
    withDigest(alur);
    const ids: string[] = [];
    for (let i = 0; i < 45; i++) ids.push(alur.ok(P("petugas-adm-surat"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: `Surat ${i}` } }).id);
    // No single step email reached JFU.
    expect(alur.world.outbox.filter((m) => m.to.includes(P("jfu")))).toEqual([]);
    alur.later(30);
    hour(alur);
    hour(alur);
    alur.later(120);
    hour(alur);
    // Monday's digest went with the first run after 06.00, once; no reminders to JFU.
    const monday = digestsTo(alur, P("jfu"));
    expect(monday).toHaveLength(1);
    expect(alur.world.outbox.filter((m) => m.to.includes(P("jfu")) && !m.subject.startsWith("[Alur] Ringkasan harian"))).toEqual([]);
    expect(monday[0].subject).toBe("[Alur] Ringkasan harian 2 November 2026");
    expect(monday[0].body).toContain("45 kasus menunggu Anda, 45 di antaranya terlambat.");
    expect(monday[0].body).toContain("Dan 5 kasus lain");
    // Each case listed carries its action link, which works from the digest.
    const links = actionLinks(monday[0]);
    expect(links).toHaveLength(40);
    expect(press(alur, { k: links[0].k, aksi: "complete" })).toMatchObject({ ok: true });
    // The next working morning: one more; none on Saturday and Sunday.
    alur.later(24 * 60);
    hour(alur);
    hour(alur);
    expect(digestsTo(alur, P("jfu"))).toHaveLength(2);
    alur.later(4 * 24 * 60); // Saturday
    hour(alur);
    expect(digestsTo(alur, P("jfu"))).toHaveLength(2);
    // The digest is a "reminder" entry in Riwayat, one per person and day.
    expect(alur.world.read("Riwayat").filter((r) => r[14] === "reminder" && String(r[8]).startsWith("Ringkasan harian"))).toHaveLength(2);
  });

  test("the digest's person is never sent a single email again until they turn it off; an atasan's digest lists the steps past twice their standard", () => {
    const alur = officeWithWebApp();
    // The Sekretaris (Kasubbag's atasan) takes the digest, set by the admin in Pejabat.
    setPejabat(alur, P("sekretaris"), "Ringkasan harian", "Ya");
    const v = atKasubbag(alur);
    alur.later(70);
    hour(alur);
    const [digest] = digestsTo(alur, P("sekretaris"));
    expect(digest.body).toContain("Perlu perhatian Anda sebagai atasan");
    expect(digest.body).toContain(v.id);
    // No separate notice to the atasan: the digest said it.
    expect(remindersOf(alur, v.id).filter((m) => m.to.includes(P("sekretaris")))).toEqual([]);
    expect(alur.ok(P("jfu"), "setEmailPrefs", { digest: false })).toEqual({ digest: false, listed: true });
    const outsider = alur.call("tamu@dinas.example", "setEmailPrefs", { digest: true });
    expect(outsider.ok).toBe(false);
  });
});
