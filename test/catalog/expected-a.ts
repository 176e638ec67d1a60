// Hand-read expectations for part A's SOPs (seed lines 14–154): step counts and standard-time sums read off the seed, not computed from the data files.
// Hari = 450 minutes, Jam = 60, a range counts its lower bound, blanks count 0; "h" = Hari, "j" = Jam below.
export const EXPECTED_A: Record<string, { steps: number; standardText: string; totalMinutes: number }> = {
  "pengembangan-aplikasi": {
    steps: 14,
    standardText: "120+120+120+45+2h(900)+45+3h(1350)+3h(1350)+15(step 9, copied)+3h(1350)+60+120+120+blank(0)",
    totalMinutes: 5715,
  },
  "perawatan-jaringan": {
    steps: 7,
    standardText: "5+5+5+5+10+(10-20 → 10)+5",
    totalMinutes: 45,
  },
  subdomain: {
    steps: 9,
    standardText: "15+15+15+30+10+15+10+10+15",
    totalMinutes: 135,
  },
  dpa: {
    steps: 10,
    standardText: "15+4j(240)+2h(900)+3j(180)+1h(450)+2j(120)+[row 7 duplicate, blank]+1h(450)+1h(450)+1h(450)+3j(180)",
    totalMinutes: 3435,
  },
  lakip: {
    steps: 13,
    standardText: "10+2j(120)+1j(60)+3j(180)+4h(1800)+2h(900)+1h(450)+1j(60)+10+10+10+15+1j(60)",
    totalMinutes: 3685,
  },
  renstra: {
    steps: 9,
    standardText: "2h(900)+14h(6300)+2h(900)+3j(180)+14h(6300)+3j(180)+1j(60)+3h(1350)+5",
    totalMinutes: 16175,
  },
  // Seed rows 6 and 7 print the same activity twice (row 6 without Mutu Baku): one step, with row 7's 2 Jam.
  rka: {
    steps: 9,
    standardText: "3h(1350)+1j(60)+5h(2250)+3j(180)+3h(1350)+[rows 6/7 one step]2j(120)+3h(1350)+3j(180)+3",
    totalMinutes: 6843,
  },
};
