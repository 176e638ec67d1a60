// Pengaturan rows: defaults, readable hours, and wrong values reported in Bahasa Indonesia with a safe fallback.
import { parseSettings } from "../../src/domain/settings";

describe("settings", () => {
  test("defaults give the regular week: Mon–Thu 07:30–16:00, Fri 07:30–16:30, 450 minutes", () => {
    const { settings, problems } = parseSettings({});
    expect(problems).toEqual([]);
    expect(settings.dayMinutes).toBe(450);
    expect(settings.week[1]).toEqual({ start: "07:30", end: "16:00", breakStart: "12:00", breakEnd: "13:00" });
    expect(settings.week[5]).toEqual({ start: "07:30", end: "16:30", breakStart: "11:30", breakEnd: "13:00" });
    expect(settings.week[0]).toBeNull();
  });

  test("admins are read from a comma list, lower-cased", () => {
    expect(parseSettings({ "Email admin": "A@x.id, b@y.id" }).settings.admins).toEqual(["a@x.id", "b@y.id"]);
  });

  test("unreadable or senseless hours are reported by key, and the defaults stand in until the caller puts the last good calendar back", () => {
    const unreadable = parseSettings({ "Jam kerja Jumat": "pagi sampai sore" });
    expect(unreadable.problems[0]).toMatch(/Jam kerja Jumat.*tidak terbaca/);
    expect(unreadable.settings.week[5]?.start).toBe("07:30");
    const reversed = parseSettings({ "Jam kerja Senin-Kamis": "16:00-07:30" });
    expect(reversed.problems.join(" ")).toMatch(/Jam kerja/);
    expect(reversed.bad).toContain("Jam kerja Senin-Kamis");
    expect(reversed.settings.week[1]?.end).toBe("16:00");
  });

  test("an emptied hours cell is reported, never read as a day off (a day off is written Libur)", () => {
    const emptied = parseSettings({ "Jam kerja Senin-Kamis": "" });
    expect(emptied.bad).toEqual(["Jam kerja Senin-Kamis"]);
    expect(emptied.problems[0]).toMatch(/"Jam kerja Senin-Kamis" kosong/);
    expect(emptied.settings.week[1]?.start).toBe("07:30");
    expect(parseSettings({ "Jam kerja Jumat": "Libur" }).settings.week[5]).toBeNull();
  });

  test("a Ramadan date that is not a date is reported, never read as some other day", () => {
    const r = parseSettings({ "Ramadan mulai": "Tue Feb 17 2026", "Ramadan selesai": "2026-03-20" });
    expect(r.bad).toContain("Ramadan mulai");
    expect(r.problems[0]).toMatch(/"Ramadan mulai" harus tanggal/);
  });

  test("Ramadan hours apply only when both dates are given", () => {
    expect(parseSettings({ "Ramadan mulai": "2026-02-19" }).settings.ramadan).toBeNull();
    const r = parseSettings({ "Ramadan mulai": "2026-02-19", "Ramadan selesai": "2026-03-20" }).settings.ramadan;
    expect(r?.week[1]).toEqual({ start: "08:00", end: "15:00", breakStart: "12:00", breakEnd: "12:30" });
  });
});
