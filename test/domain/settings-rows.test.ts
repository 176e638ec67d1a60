// Pengaturan row by row (src/domain/settings.ts): every setting read, its limits, and what stands in for a wrong value.
import { CALENDAR_KEYS, SETTING_ROWS, calendarOf, parseHours, parseSettings } from "../../src/domain/settings";

const REGULAR = { start: "07:30", end: "16:00", breakStart: "12:00", breakEnd: "13:00" };
const FRIDAY = { start: "07:30", end: "16:30", breakStart: "11:30", breakEnd: "13:00" };

describe("parseHours", () => {
  test("reads hours with or without a break, any case and spacing; Libur or empty is a day off; anything else is unreadable", () => {
    expect(parseHours("7:30-16:00")).toEqual({ start: "07:30", end: "16:00" });
    expect(parseHours(" 07:30 - 16:00 ISTIRAHAT 12:00 - 13:00 ")).toEqual(REGULAR);
    expect(parseHours("8:00-15:00 istirahat 9:00-9:30")).toEqual({ start: "08:00", end: "15:00", breakStart: "09:00", breakEnd: "09:30" });
    expect(parseHours("Libur")).toBeNull();
    expect(parseHours(" LIBUR ")).toBeNull();
    expect(parseHours("")).toBeNull();
    expect(parseHours("pagi-sore")).toBeUndefined();
    expect(parseHours("07:30-16:00 istirahat")).toBeUndefined();
    expect(parseHours("hari libur")).toBeUndefined();
    expect(parseHours("libur nasional")).toBeUndefined();
  });
});

describe("parseSettings", () => {
  test("the defaults: the office, the letters, the percentages", () => {
    const { settings: s, problems, bad } = parseSettings({});
    expect([problems, bad]).toEqual([[], []]);
    expect(s.office).toEqual({ pemerintah: "PEMERINTAH KABUPATEN SIMALUNGUN", dinas: "DINAS KOMUNIKASI DAN INFORMATIKA", alamat: "Jalan Contoh No. 1, Pematang Raya", telepon: "(0622) 000000", email: "kominfo@contoh.go.id", laman: "kominfo.contoh.go.id", kota: "Pematang Raya" });
    expect([s.admins, s.webAppUrl, s.dayMinutes, s.ramadan, s.nearDuePercent, s.reminderPercent, s.numberFormat, s.unitCode, s.monitorLatePercent, s.monitorReturnPercent]).toEqual([[], "", 450, null, 75, 80, "{klasifikasi}/{urut}/{unit}/{tahun}", "Kominfo", 30, 20]);
    expect(s.week).toEqual([null, REGULAR, REGULAR, REGULAR, REGULAR, FRIDAY, null]);
    const l = s.letters;
    expect([l.agendaFormat, l.perClassification, l.bersamaCounts, l.margins, l.font, l.fontSize, l.lineSpacing]).toEqual(["{urut}/{unit}/{tahun}", false, false, [85, 56.7, 56.7, 70.9], "Arial", 12, 1]);
    expect(l.page.width).toBeCloseTo(609.45, 1);
    expect(l.page.height).toBeCloseTo(935.43, 1);
    expect(l.disposisiTujuan).toHaveLength(7);
    expect(l.disposisiTujuan[0]).toBe("Sekretaris");
    expect(l.disposisiInstruksi[5]).toBe("Diarsipkan");
    expect(SETTING_ROWS.every(([k]) => k.trim() === k)).toBe(true);
  });

  test("the office's own values are read and trimmed; admins may be separated by commas, semicolons or spaces", () => {
    const { settings: s, problems } = parseSettings({
      "Nama pemerintah": " PEMERINTAH KOTA CONTOH ", "Nama dinas": "DINAS X", Alamat: "Jl. A", Telepon: "0622", "Email kantor": "x@y.id", Laman: "x.id", Kota: "Kota", "Email admin": "A@x.id;b@y.id  C@z.id,,",
      "URL web app": " https://script.google.com/x/exec ", "Format nomor surat": "{urut}", "Kode unit": "Dis", "Format nomor agenda": "{urut}/A",
      "Tujuan disposisi": " Sekretaris ;; Kabid ; ", "Instruksi disposisi": "Proses", "Huruf surat": "Times New Roman",
    });
    expect(problems).toEqual([]);
    expect(s.office).toEqual({ pemerintah: "PEMERINTAH KOTA CONTOH", dinas: "DINAS X", alamat: "Jl. A", telepon: "0622", email: "x@y.id", laman: "x.id", kota: "Kota" });
    expect([s.admins, s.webAppUrl, s.numberFormat, s.unitCode, s.letters.agendaFormat]).toEqual([["a@x.id", "b@y.id", "c@z.id"], "https://script.google.com/x/exec", "{urut}", "Dis", "{urut}/A"]);
    expect([s.letters.disposisiTujuan, s.letters.disposisiInstruksi, s.letters.font]).toEqual([["Sekretaris", "Kabid"], ["Proses"], "Times New Roman"]);
    expect(parseSettings({ "Huruf surat": " " }).settings.letters.font).toBe("Arial");
    expect(parseSettings({ Telepon: "" }).settings.office.telepon).toBe("");
  });

  test("numbers are kept within their limits, inclusive; past them the default stands in and the problem names the limits", () => {
    const ok = parseSettings({ "Menit kerja per hari": "60", "Peringatan hampir jatuh tempo (%)": "100", "Pengingat email (% standar waktu)": "99", "Monitoring: batas terlambat (%)": "1", "Monitoring: batas dikembalikan (%)": "100", "Ukuran huruf surat": "16" });
    expect(ok.problems).toEqual([]);
    expect([ok.settings.dayMinutes, ok.settings.nearDuePercent, ok.settings.reminderPercent, ok.settings.monitorLatePercent, ok.settings.monitorReturnPercent, ok.settings.letters.fontSize]).toEqual([60, 100, 99, 1, 100, 16]);
    expect(parseSettings({ "Menit kerja per hari": "720", "Ukuran huruf surat": "8" }).settings).toMatchObject({ dayMinutes: 720, letters: { fontSize: 8 } });
    const bad = parseSettings({ "Menit kerja per hari": "721", "Pengingat email (% standar waktu)": "100", "Ukuran huruf surat": "7", "Monitoring: batas terlambat (%)": "0", "Peringatan hampir jatuh tempo (%)": "banyak", "Monitoring: batas dikembalikan (%)": "Infinity" });
    expect(bad.problems).toEqual([
      'Pengaturan "Ukuran huruf surat" harus angka 8–16 (tertulis "7").',
      'Pengaturan "Menit kerja per hari" harus angka 60–720 (tertulis "721").',
      'Pengaturan "Peringatan hampir jatuh tempo (%)" harus angka 1–100 (tertulis "banyak").',
      'Pengaturan "Pengingat email (% standar waktu)" harus angka 1–99 (tertulis "100").',
      'Pengaturan "Monitoring: batas terlambat (%)" harus angka 1–100 (tertulis "0").',
      'Pengaturan "Monitoring: batas dikembalikan (%)" harus angka 1–100 (tertulis "Infinity").',
    ]);
    expect(bad.bad).toEqual(["Ukuran huruf surat", "Menit kerja per hari", "Peringatan hampir jatuh tempo (%)", "Pengingat email (% standar waktu)", "Monitoring: batas terlambat (%)", "Monitoring: batas dikembalikan (%)"]);
    const s = bad.settings;
    expect([s.dayMinutes, s.reminderPercent, s.letters.fontSize, s.monitorLatePercent, s.nearDuePercent, s.monitorReturnPercent]).toEqual([450, 80, 12, 30, 75, 20]);
    expect(parseSettings({ "Menit kerja per hari": "59" }).settings.dayMinutes).toBe(450);
    expect(parseSettings({ "Peringatan hampir jatuh tempo (%)": "101" }).settings.nearDuePercent).toBe(75);
  });

  test("margins: four numbers of 0,5–6 cm become points; anything else falls back to 3; 2; 2; 2,5 with a problem", () => {
    expect(parseSettings({ "Margin surat (cm)": "0,5;6; 1 ;2.54" }).settings.letters.margins).toEqual([14.2, 170.1, 28.3, 72]);
    const message = 'Pengaturan "Margin surat (cm)" harus empat angka 0,5–6 dipisah titik koma (kiri; kanan; atas; bawah). Dipakai nilai bawaan.';
    for (const bad of ["3; 2; 2", "3; 2; 2; 2; 2", "0,4; 2; 2; 2", "3; 6,1; 2; 2", "3; dua; 2; 2"]) {
      const r = parseSettings({ "Margin surat (cm)": bad });
      expect([bad, r.problems, r.settings.letters.margins]).toEqual([bad, [message], [85, 56.7, 56.7, 70.9]]);
    }
  });

  test("paper: F4 or A4 in any case; anything else is F4 with a problem", () => {
    const a4 = parseSettings({ "Ukuran kertas surat": " a4 " });
    expect(a4.problems).toEqual([]);
    expect(a4.settings.letters.page.width).toBeCloseTo(595.28, 1);
    expect(a4.settings.letters.page.height).toBeCloseTo(841.89, 1);
    const letter = parseSettings({ "Ukuran kertas surat": "Letter" });
    expect(letter.problems).toEqual(['Pengaturan "Ukuran kertas surat" harus F4 atau A4. Dipakai F4.']);
    expect(letter.settings.letters.page.height).toBeCloseTo(935.43, 1);
  });

  test("line spacing 1 to 2 (a comma for decimals), else 1; Ya/Y/TRUE/1 switch the letter options on", () => {
    const spacing = (v: string) => parseSettings({ "Spasi baris surat": v }).settings.letters.lineSpacing;
    expect([spacing("1,5"), spacing("2"), spacing("1"), spacing("2,1"), spacing("0,9"), spacing("dua")]).toEqual([1.5, 2, 1, 1, 1, 1]);
    for (const v of ["Ya", "y", "TRUE", "1", " ya "]) {
      const l = parseSettings({ "Nomor urut per klasifikasi": v, "Cuti bersama mengurangi cuti tahunan": v }).settings.letters;
      expect([v, l.perClassification, l.bersamaCounts]).toEqual([v, true, true]);
    }
    for (const v of ["Tidak", "yaa", "0", "benar ya"]) expect(parseSettings({ "Nomor urut per klasifikasi": v }).settings.letters.perClassification).toBe(false);
  });

  test("Ramadan: both dates give the Ramadan week; a date that is not yyyy-MM-dd is reported and Ramadan is off", () => {
    const r = parseSettings({ "Ramadan mulai": "2026-02-19", "Ramadan selesai": "2026-03-20", "Jam kerja Ramadan Jumat": "08:00-11:30" });
    expect(r.problems).toEqual([]);
    expect(r.settings.ramadan).toEqual({ from: "2026-02-19", to: "2026-03-20", week: [null, { start: "08:00", end: "15:00", breakStart: "12:00", breakEnd: "12:30" }, expect.anything(), expect.anything(), expect.anything(), { start: "08:00", end: "11:30" }, null] });
    expect(parseSettings({ "Ramadan selesai": "2026-03-20" }).settings.ramadan).toBeNull();
    const bad = parseSettings({ "Ramadan mulai": "2026-02-19", "Ramadan selesai": "20-03-2026" });
    expect(bad.problems).toEqual(['Pengaturan "Ramadan selesai" harus tanggal (ketik sebagai tanggal, atau yyyy-MM-dd), tertulis "20-03-2026".']);
    expect(bad.bad).toEqual(["Ramadan selesai"]);
    expect(bad.settings.ramadan).toBeNull();
    for (const v of ["2026-02-19x", "x2026-02-19"]) expect(parseSettings({ "Ramadan mulai": v, "Ramadan selesai": "2026-03-20" }).bad).toEqual(["Ramadan mulai"]);
  });

  test("a calendar that reads but makes no sense: every hours and Ramadan key is marked bad and the default week stands in", () => {
    const r = parseSettings({ "Ramadan mulai": "2026-03-20", "Ramadan selesai": "2026-02-19", "Jam kerja Senin-Kamis": "08:00-15:00" });
    expect(r.problems).toEqual(["Pengaturan: Ramadan selesai (2026-02-19) sebelum mulai (2026-03-20)."]);
    expect(r.bad).toEqual(CALENDAR_KEYS.filter((k) => k !== "Menit kerja per hari"));
    expect(r.settings.week).toEqual([null, REGULAR, REGULAR, REGULAR, REGULAR, FRIDAY, null]);
    expect(r.settings.ramadan).toBeNull();
    const allOff = parseSettings({ "Jam kerja Senin-Kamis": "Libur", "Jam kerja Jumat": "libur" });
    expect(allOff.problems).toEqual(["Pengaturan: Jam kerja tidak memiliki satu pun hari kerja."]);
    expect(allOff.settings.week[1]).toEqual(REGULAR);
  });

  test("a wrong day length also puts the default week back; a wrong letter setting leaves the office's hours alone", () => {
    const r = parseSettings({ "Menit kerja per hari": "0", "Jam kerja Senin-Kamis": "08:00-15:00", "Ramadan mulai": "2026-02-19", "Ramadan selesai": "2026-03-20" });
    expect(r.bad).toEqual(["Menit kerja per hari"]);
    expect(r.settings.week[1]).toEqual(REGULAR);
    expect(r.settings.ramadan).toBeNull();
    const letters = parseSettings({ "Ukuran huruf surat": "40", "Jam kerja Senin-Kamis": "08:00-15:00" });
    expect(letters.settings.week[1]).toEqual({ start: "08:00", end: "15:00" });
    const unreadable = parseSettings({ "Jam kerja Ramadan Senin-Kamis": "pagi", "Ramadan mulai": "2026-02-19", "Ramadan selesai": "2026-03-20" });
    expect(unreadable.problems).toEqual(['Pengaturan "Jam kerja Ramadan Senin-Kamis" tidak terbaca ("pagi"); tulis seperti "07:30-16:00 istirahat 12:00-13:00", atau "Libur".']);
    expect(unreadable.settings.ramadan).toBeNull();
  });
});

describe("calendarOf", () => {
  test("makes the working calendar from the settings and the holidays, with Ramadan only when set", () => {
    const plain = parseSettings({}).settings;
    expect(calendarOf(plain, ["2026-08-17"])).toStrictEqual({ week: plain.week, holidays: ["2026-08-17"], dayMinutes: 450 });
    const withRamadan = parseSettings({ "Ramadan mulai": "2026-02-19", "Ramadan selesai": "2026-03-20" }).settings;
    expect(calendarOf(withRamadan, [])).toStrictEqual({ week: withRamadan.week, holidays: [], dayMinutes: 450, ramadan: withRamadan.ramadan });
  });
});
