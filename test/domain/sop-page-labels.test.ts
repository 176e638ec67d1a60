// The SOP page's fixed wording with numbers in it: page footers, off-page connectors, durations, in both languages.
import { LABELS } from "../../src/domain/sop-page-labels";

describe("SOP page labels", () => {
  test.each([
    ["id", "Halaman 2 dari 3", "Bersambung ke halaman 3, langkah 7a", "Sambungan dari halaman 1, langkah 4", "Langkah 5: "],
    ["en", "Page 2 of 3", "Continued on page 3, step 7a", "Continued from page 1, step 4", "Step 5: "],
  ] as const)("%s: page footer, connectors and step notes name their page and step", (lang, page, to, from, note) => {
    const l = LABELS[lang];
    expect([l.page(2, 3), l.toPage(3, "7a"), l.fromPage(1, "4"), l.stepNote("5")]).toEqual([page, to, from, note]);
  });

  test("durations name only the units they have, and zero as minutes", () => {
    const id = LABELS.id.duration;
    expect([id(0, 0, 0), id(0, 0, 5), id(0, 2, 0), id(1, 0, 0), id(1, 0, 5), id(1, 2, 0), id(1, 2, 3), id(0, 1, 30)]).toEqual([
      "0 menit",
      "5 menit",
      "2 jam",
      "1 hari",
      "1 hari 5 menit",
      "1 hari 2 jam",
      "1 hari 2 jam 3 menit",
      "1 jam 30 menit",
    ]);
    const en = LABELS.en.duration;
    expect([en(0, 0, 0), en(0, 0, 5), en(0, 2, 0), en(1, 0, 0), en(1, 2, 3), en(2, 0, 45)]).toEqual(["0 min", "5 min", "2 h", "1 d", "1 d 2 h 3 min", "2 d 45 min"]);
  });

  test("the total standard time states the day's working minutes", () => {
    expect(LABELS.id.total("1 hari – 2 hari", 450)).toBe("Jumlah waktu baku bila setiap langkah dijalankan sekali: 1 hari – 2 hari (1 hari = 450 menit kerja).");
    expect(LABELS.en.total("3 h", 420)).toBe("Total standard time when every step runs once: 3 h (1 day = 420 working minutes).");
  });
});
