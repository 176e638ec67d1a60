// Waktu cells as the SOP book writes them become standard times; anything else is refused with a hint.
import { parseStepWaktu, parseWaktu, standardMinutes, type Standard } from "../../src/domain/waktu";

function standard(text: string): Standard {
  const r = parseWaktu(text);
  if (!r.ok) throw new Error(r.message);
  if (!r.standard) throw new Error(`"${text}" gave no standard`);
  return r.standard;
}

describe("parseWaktu", () => {
  it.each([
    ["120 Menit", "menit", 120, 120],
    ["2 Hari", "hari", 2, 2],
    ["3 hari", "hari", 3, 3],
    ["4 Jam", "jam", 4, 4],
    ["1 jam", "jam", 1, 1],
    ["10 - 20 Menit", "menit", 10, 20],
    ["10-20 menit", "menit", 10, 20],
    ["15", "menit", 15, 15],
    ["60", "menit", 60, 60],
    ["1,5 Jam", "jam", 1.5, 1.5],
    ["0.5 hari", "hari", 0.5, 0.5],
    ["  30   Menit ", "menit", 30, 30],
    ["2 hari kerja", "hari", 2, 2],
    ["1 s.d. 2 Hari", "hari", 1, 2],
  ])("reads %j", (text, unit, min, max) => {
    expect(standard(text)).toMatchObject({ unit, min, max });
  });

  it("keeps the written text, whitespace tidied", () => {
    expect(standard("  10 -  20 Menit ").text).toBe("10 - 20 Menit");
  });

  it.each(["", "   ", "\n"])("treats blank %j as no standard", (text) => {
    expect(parseWaktu(text)).toEqual({ ok: true, standard: null });
  });

  it.each(["1 Minggu", "segera", "Menit", "2 Jam 30 Menit", "-5 menit", "abc 5"])("refuses %j with a hint in Bahasa Indonesia", (text) => {
    const r = parseWaktu(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(`"${text.trim()}"`);
      expect(r.message).toContain("tidak dikenali");
      expect(r.message).toContain('"30 Menit"');
    }
  });

  it("refuses zero and reversed ranges", () => {
    const zero = parseWaktu("0 Menit");
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.message).toContain("lebih dari nol");
    const reversed = parseWaktu("20 - 10 Menit");
    expect(reversed.ok).toBe(false);
    if (!reversed.ok) expect(reversed.message).toContain("batas bawah lebih besar");
  });
});

describe("parseStepWaktu", () => {
  it("names the SOP and step in a refusal", () => {
    expect(parseStepWaktu("surat-masuk", "3", "1 Minggu")).toEqual({
      ok: false,
      message: 'Waktu "1 Minggu" pada SOP surat-masuk langkah 3 tidak dikenali; tulis misalnya "30 Menit", "2 Jam" atau "1 Hari"',
    });
  });

  it("reads good cells exactly as parseWaktu does", () => {
    expect(parseStepWaktu("lakip", "2", "2 Hari")).toEqual(parseWaktu("2 Hari"));
  });
});

describe("standardMinutes", () => {
  it("counts a Hari as one working day and a Jam as 60 minutes", () => {
    expect(standardMinutes(standard("2 Hari"), 450)).toEqual({ min: 900, max: 900 });
    expect(standardMinutes(standard("2 Hari"), 390)).toEqual({ min: 780, max: 780 });
    expect(standardMinutes(standard("4 Jam"), 450)).toEqual({ min: 240, max: 240 });
    expect(standardMinutes(standard("120 Menit"), 450)).toEqual({ min: 120, max: 120 });
  });

  it("keeps both bounds of a range", () => {
    expect(standardMinutes(standard("10 - 20 Menit"), 450)).toEqual({ min: 10, max: 20 });
  });

  it("uses 450 minutes a day when no day length is given", () => {
    expect(standardMinutes(standard("1 hari"))).toEqual({ min: 450, max: 450 });
  });

  it("rounds decimals to whole minutes", () => {
    expect(standardMinutes(standard("1,5 Jam"), 450)).toEqual({ min: 90, max: 90 });
    expect(standardMinutes(standard("0,3 hari"), 450)).toEqual({ min: 135, max: 135 });
  });
});
