// Letters (src/domain/letters.ts): template names, a step's Surat entries read as groups, the classification a case's
// letters are numbered under, and numbers and amounts written the Indonesian way.
import { isTemplate, klasifikasiOf, letterGroups, letterLabel, rupiah, templatesOf, terbilang, unknownLetters, withWords } from "../../src/domain/letters";

describe("templates and markers", () => {
  test("a template or a marker has its name; anything else, including a prototype's name, is shown as it was typed", () => {
    expect(letterLabel("nota-dinas")).toBe("Nota Dinas");
    expect(letterLabel("nomor")).toBe("Nomor surat (Agenda Surat)");
    expect(letterLabel("sandi")).toBe("Kata sandi akun (tampil sekali)");
    expect(letterLabel("surat-sakti")).toBe("surat-sakti");
    expect(letterLabel("constructor")).toBe("constructor");
    expect(letterLabel("__proto__")).toBe("__proto__");
    expect([isTemplate("undangan"), isTemplate("nomor"), isTemplate("toString")]).toEqual([true, false, false]);
  });

  test("a step's entries: one letter per entry in one of its forms; '?' letters made only when asked; markers and unknown names left out", () => {
    const entries = [" surat-dinas | nota-dinas |undangan", "nomor", "?penolakan-spm", "  ? laporan", "surat-sakti|", "constructor"];
    expect(letterGroups(entries)).toEqual([["surat-dinas", "nota-dinas", "undangan"], ["penolakan-spm"], ["laporan"]]);
    expect(letterGroups(entries, true)).toEqual([["surat-dinas", "nota-dinas", "undangan"]]);
    expect(letterGroups(undefined)).toEqual([]);
    expect(templatesOf(entries)).toEqual(["surat-dinas", "nota-dinas", "undangan", "penolakan-spm", "laporan"]);
    expect(templatesOf(undefined)).toEqual([]);
    expect(unknownLetters(entries)).toEqual(["surat-sakti", "constructor"]);
    expect(unknownLetters(["?hantu", "agenda", "keputusan|spm"])).toEqual(["hantu"]);
    expect(unknownLetters(undefined)).toEqual([]);
    // Only a leading "?" marks a letter made on request: one inside a group is a name nobody knows.
    expect(letterGroups(["nota-dinas|?laporan"])).toEqual([["nota-dinas"]]);
    expect(unknownLetters(["nota-dinas|?laporan"])).toEqual(["?laporan"]);
  });

  test("the classification: the case's own, else 800 for personnel affairs, 900 for payment requests, 000 for the rest", () => {
    expect(klasifikasiOf({ id: "cuti" }, { fields: { klasifikasi: " 851.3 " } })).toBe("851.3");
    expect(klasifikasiOf({ id: "cuti" }, { fields: { klasifikasi: "  " } })).toBe("800");
    expect(klasifikasiOf({ id: "pensiun-meninggal" }, { fields: {} })).toBe("800");
    expect(klasifikasiOf({ id: "spp-gu" }, { fields: {} })).toBe("900");
    expect(klasifikasiOf({ id: "surat-keluar-spp" }, { fields: {} })).toBe("000");
    expect(klasifikasiOf({ id: "surat-keluar" }, { fields: { klasifikasi: 5 } })).toBe("5");
  });
});

describe("numbers in words", () => {
  test("terbilang from nol to juta, as letters write them", () => {
    const cases: [number, string][] = [
      [0, "nol"],
      [1, "satu"],
      [10, "sepuluh"],
      [11, "sebelas"],
      [12, "dua belas"],
      [19, "sembilan belas"],
      [20, "dua puluh"],
      [21, "dua puluh satu"],
      [99, "sembilan puluh sembilan"],
      [100, "seratus"],
      [101, "seratus satu"],
      [199, "seratus sembilan puluh sembilan"],
      [200, "dua ratus"],
      [250, "dua ratus lima puluh"],
      [999, "sembilan ratus sembilan puluh sembilan"],
      [1000, "seribu"],
      [1500, "seribu lima ratus"],
      [1999, "seribu sembilan ratus sembilan puluh sembilan"],
      [2000, "dua ribu"],
      [2026, "dua ribu dua puluh enam"],
      [12_000, "dua belas ribu"],
      [999_999, "sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan"],
      [1_000_000, "satu juta"],
      [2_500_001, "dua juta lima ratus ribu satu"],
      [999_999_999, "sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan"],
      [1_000_000_000, "1000000000"],
      [-7.9, "tujuh"],
    ];
    expect(cases.map(([n]) => terbilang(n))).toEqual(cases.map(([, w]) => w));
    expect(withWords(2, "hari kerja")).toBe("2 (dua) hari kerja");
  });

  test("rupiah: dots between thousands, cents only when there are any, a minus before Rp", () => {
    expect(rupiah(1_234_567.5)).toBe("Rp1.234.567,50");
    expect(rupiah(1000)).toBe("Rp1.000");
    expect(rupiah(999)).toBe("Rp999");
    expect(rupiah(0)).toBe("Rp0");
    expect(rupiah(-2500.05)).toBe("-Rp2.500,05");
  });
});
