// Hand-read expectations for part C's SOPs (seed lines 313–471): step counts and standard-time sums read off the seed, not computed from the data files.
// Hari = 450 minutes, Jam = 60, blanks count 0; "h" = Hari below; a row merged into the step above counts once.
export const EXPECTED_C: Record<string, { steps: number; standardText: string; totalMinutes: number }> = {
  "data-media-massa": {
    steps: 8,
    standardText: "10+5+15+2h(900)+15+1h(450)+[sambungan 1h dihitung sekali]+blank(6a)+blank(6b)",
    totalMinutes: 1395,
  },
  adventorial: {
    steps: 6,
    standardText: "10+10+2h(900)+60+20+10(5a)",
    totalMinutes: 1010,
  },
  "data-reklame": {
    steps: 8,
    standardText: "10+10+6h(2700)+1h(450)+10+15+blank(6a)+blank(6b)",
    totalMinutes: 3195,
  },
  "data-menara": {
    steps: 10,
    standardText: "10+15+15+6h(2700)+30+15+15+10+10+5",
    totalMinutes: 2825,
  },
  "reklame-informasi": {
    steps: 6,
    standardText: "10+10+4h(1800)+20+15+blank",
    totalMinutes: 1855,
  },
  "jasa-titipan": {
    steps: 8,
    standardText: "10+10+15+3h(1350)+15+10+10+5",
    totalMinutes: 1425,
  },
  "media-online": {
    steps: 8,
    standardText: "30+15+30+15+5+5+5+5",
    totalMinutes: 110,
  },
  "penerbitan-publikasi": {
    steps: 5,
    standardText: "5+10+15+5+5",
    totalMinutes: 40,
  },
  "koordinasi-kerjasama": {
    steps: 7,
    standardText: "5+15+15+5+5+15+5",
    totalMinutes: 65,
  },
  website: {
    steps: 6,
    standardText: "5+5+5+5+5+5",
    totalMinutes: 30,
  },
};
