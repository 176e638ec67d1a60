// Hand-read expectations for part B2's SOPs: step counts and standard-time totals read off the seed, not computed from the data files.
export const EXPECTED_B2: Record<string, { steps: number; standardText: string; totalMinutes: number }> = {
  "spp-gu": { steps: 7, standardText: "1 hari(450)+30+30+30+30+30+30", totalMinutes: 630 },
  "izin-belajar": { steps: 9, standardText: "30+30+1 jam(60)+1 jam(60)+1 jam(60)+1 jam(60)+30+30+1 hari(450)", totalMinutes: 810 },
  // The seed cuts this SOP short: 3 rows whose Waktu reads blank+30+blank = 30. The repairs noted in the data file
  // (step 1 blank→30, step 3 blank→1 jam, added closing step 4 = 30) are counted here so the table matches what runs.
  "kenaikan-gaji-berkala": {
    steps: 4,
    standardText: "seed: kosong+30+kosong=30; dengan perbaikan: 30+30+1 jam(60)+30 (langkah 4 tambahan)",
    totalMinutes: 150,
  },
  "spp-ls-gaji": { steps: 7, standardText: "1 hari(450)+30+30+30+30+30+10", totalMinutes: 610 },
  "barang-inventaris": { steps: 5, standardText: "60+30+15+30+30", totalMinutes: 165 },
};
