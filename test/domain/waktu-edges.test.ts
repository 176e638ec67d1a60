// Waktu cells as staff write them (src/domain/waktu.ts): every way of writing a range and a unit the SOP book uses,
// the messages for zero and reversed ranges, and the minutes a decimal standard is worth.
import { parseStepWaktu, parseWaktu, standardMinutes } from "../../src/domain/waktu";

const read = (text: string) => {
  const r = parseWaktu(text);
  return r.ok && r.standard ? [r.standard.unit, r.standard.min, r.standard.max] : r.ok ? null : r.message;
};

describe("ranges and units as staff write them", () => {
  test.each([
    ["10 – 20 Menit", ["menit", 10, 20]],
    ["10—20 menit", ["menit", 10, 20]],
    ["10 sampai 20 Menit", ["menit", 10, 20]],
    ["10 sampai dengan 20 Menit", ["menit", 10, 20]],
    ["1 s.d 2 jam", ["jam", 1, 2]],
    ["1 sd 2 Jam", ["jam", 1, 2]],
    ["1 s. d. 2 Hari", ["hari", 1, 2]],
    ["45 mnt", ["menit", 45, 45]],
    ["45 MNT", ["menit", 45, 45]],
    ["2 Hari Kerja", ["hari", 2, 2]],
    ["2 hari  kerja", ["hari", 2, 2]],
    ["30 Menit.", ["menit", 30, 30]],
    ["2,5 - 3,5 Jam", ["jam", 2.5, 3.5]],
    ["15 - 15 Menit", ["menit", 15, 15]],
  ])("reads %j", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  test.each(["10 ~ 20 Menit", "10 sampai dengan", "2 Hari libur", "1.5.2 Jam", "Menit 30", "30 Menit..", "+30 Menit", "30Menit kerja"])("refuses %j", (text) => {
    expect(read(text)).toBe(`Waktu "${text}" tidak dikenali; tulis misalnya "30 Menit", "2 Jam" atau "1 Hari"`);
  });

  test("a Waktu cell that is missing altogether (a short row) sets no standard, as a blank one does", () => {
    expect(parseWaktu(undefined as unknown as string)).toEqual({ ok: true, standard: null });
    expect(parseStepWaktu("sk", "4", null as unknown as string)).toEqual({ ok: true, standard: null });
  });

  test("zero, a range from zero, and a reversed range are refused with what to write", () => {
    expect(read("0")).toBe('Waktu "0" harus lebih dari nol; tulis misalnya "30 Menit", "2 Jam" atau "1 Hari"');
    expect(read("0 - 5 Menit")).toBe('Waktu "0 - 5 Menit" harus lebih dari nol; tulis misalnya "30 Menit", "2 Jam" atau "1 Hari"');
    expect(read("20 - 10 Menit")).toBe('Waktu "20 - 10 Menit": batas bawah lebih besar dari batas atas; tulis misalnya "10 - 20 Menit"');
    expect(parseStepWaktu("sk", "4", "20 - 10 Menit")).toEqual({ ok: false, message: 'Waktu "20 - 10 Menit" pada SOP sk langkah 4: batas bawah lebih besar dari batas atas; tulis misalnya "10 - 20 Menit"' });
    expect(parseStepWaktu("sk", "4", "0 Jam")).toEqual({ ok: false, message: 'Waktu "0 Jam" pada SOP sk langkah 4 harus lebih dari nol; tulis misalnya "30 Menit", "2 Jam" atau "1 Hari"' });
  });
});

describe("a standard in working minutes", () => {
  const std = (text: string) => {
    const r = parseWaktu(text);
    if (!r.ok || !r.standard) throw new Error(text);
    return r.standard;
  };

  test("decimals round to whole minutes; a Hari is 450 minutes unless the office says otherwise", () => {
    expect(standardMinutes(std("1,5 Jam"))).toEqual({ min: 90, max: 90 });
    expect(standardMinutes(std("0,5 Hari"))).toEqual({ min: 225, max: 225 });
    expect(standardMinutes(std("1 - 2 Hari"))).toEqual({ min: 450, max: 900 });
    expect(standardMinutes(std("0,5 Hari"), 375)).toEqual({ min: 188, max: 188 });
    expect(standardMinutes(std("1,4 Menit"))).toEqual({ min: 1, max: 1 });
    expect(standardMinutes(std("10 - 20 Menit"), 300)).toEqual({ min: 10, max: 20 });
  });
});
