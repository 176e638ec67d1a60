// Agenda Surat (src/domain/agenda.ts): the number a pattern writes, the pattern's problems, and the Kunci and counter of
// a number.
import { agendaKey, counterKey, DEFAULT_AGENDA_PATTERN, DEFAULT_PATTERN, formatNumber, keySequence, patternProblems } from "../../src/domain/agenda";

const parts = { klasifikasi: " 800 ", urut: 7, unit: " Kominfo ", ymd: "2026-11-04" };

describe("the number a pattern writes", () => {
  test("each token in its place; {urut:N} pads the sequence; months as digits and in Roman numerals", () => {
    expect(formatNumber(DEFAULT_PATTERN, parts)).toBe("800/7/Kominfo/2026");
    expect(formatNumber(DEFAULT_AGENDA_PATTERN, parts)).toBe("7/Kominfo/2026");
    expect(formatNumber("{klasifikasi}/{urut:3}/{unit}/{bulan}/{tahun}", parts)).toBe("800/007/Kominfo/11/2026");
    expect(formatNumber("{urut}/{bulan_romawi}/{tahun}", { ...parts, ymd: "2026-04-30" })).toBe("7/IV/2026");
    expect(formatNumber("{urut}/{bulan_romawi}", { ...parts, ymd: "2026-12-01" })).toBe("7/XII");
    expect(formatNumber("{urut}.{bulan}", { ...parts, ymd: "2026-01-01" })).toBe("7.01");
    expect(formatNumber("{urut:2}", { ...parts, urut: 1234 })).toBe("1234");
  });

  test("a draft writes its blank instead of the sequence, padded or not", () => {
    expect(formatNumber("{klasifikasi}/{urut:4}/{unit}", { ...parts, urutText: "......" })).toBe("800/....../Kominfo");
  });

  test("a blank classification or unit drops the separator left standing; an unknown token stays as written", () => {
    expect(formatNumber(DEFAULT_PATTERN, { ...parts, klasifikasi: "  " })).toBe("7/Kominfo/2026");
    expect(formatNumber("{klasifikasi}/{urut}/{unit}", { ...parts, unit: "" })).toBe("800/7");
    expect(formatNumber("{klasifikasi}//{urut}", parts)).toBe("800/7");
    expect(formatNumber("{urut}/{unit}/{klasifikasi}", { ...parts, klasifikasi: "", unit: "" })).toBe("7");
    expect(formatNumber(" - {urut}.{nomor}", parts)).toBe("7.{nomor}");
    expect(formatNumber("{urut}/{bulan_romawi}", { ...parts, ymd: "2026-13-01" })).toBe("7");
  });
});

describe("a pattern's problems", () => {
  test("it must hold {urut}; every token must be known; a usable pattern has none", () => {
    expect(patternProblems(DEFAULT_PATTERN)).toEqual([]);
    expect(patternProblems("{urut:3}/{bulan_romawi}/{bulan}/{klasifikasi}/{unit}/{tahun}")).toEqual([]);
    expect(patternProblems("{tahun}/{nomor}")).toEqual([
      'Format nomor "{tahun}/{nomor}" harus memuat {urut}.',
      'Format nomor "{tahun}/{nomor}": {nomor} tidak dikenal (pakai {klasifikasi}, {urut}, {unit}, {tahun}, {bulan}, {bulan_romawi}).',
    ]);
    expect(patternProblems("{urut:12}")).toHaveLength(2);
    expect(patternProblems("{urut}/{ta:1hun}")).toEqual(['Format nomor "{urut}/{ta:1hun}": {ta:1hun} tidak dikenal (pakai {klasifikasi}, {urut}, {unit}, {tahun}, {bulan}, {bulan_romawi}).']);
    expect(patternProblems("x{urut}x{}")).toEqual(['Format nomor "x{urut}x{}": {} tidak dikenal (pakai {klasifikasi}, {urut}, {unit}, {tahun}, {bulan}, {bulan_romawi}).']);
  });
});

describe("Kunci and counters", () => {
  test("per book and year, with the classification when numbered per classification (a blank one as '-')", () => {
    expect(agendaKey("Keluar", "2026", null, 12)).toBe("K/2026/12");
    expect(agendaKey("Masuk", "2026", "800", 3)).toBe("M/2026/800/3");
    expect(agendaKey("Keluar", "2026", "", 3)).toBe("K/2026/-/3");
    expect(counterKey("Keluar", "2026", null)).toBe("alur.agenda.K.2026");
    expect(counterKey("Masuk", "2027", "800")).toBe("alur.agenda.M.2027.800");
    expect(counterKey("Keluar", "2026", "")).toBe("alur.agenda.K.2026.-");
    expect(keySequence("K/2026/-/15")).toBe(15);
    expect(keySequence("K/2026/x")).toBe(0);
  });
});
