// Hand-read expectations for part B1's SOPs: step counts and standard-time sums read off the seed, not computed from the data files.
export const EXPECTED_B1: Record<string, { steps: number; standardText: string; totalMinutes: number }> = {
  "surat-keluar": { steps: 9, standardText: "10+30+30+1j(60)+1j(60)+1j(60)+30+30+1h(450)", totalMinutes: 760 },
  "surat-masuk": { steps: 7, standardText: "15×7", totalMinutes: 105 },
  "buku-kas-umum": { steps: 6, standardText: "45+60+30+30+30+30", totalMinutes: 225 },
  "spp-ls-barang-jasa": { steps: 6, standardText: "1h(450)+30+30+30+30+30", totalMinutes: 600 },
  "pensiun-meninggal": { steps: 7, standardText: "30×6+kosong(0)", totalMinutes: 180 },
  cuti: { steps: 9, standardText: "30+30+30+30+15+30+30+5(7a)+10", totalMinutes: 210 },
};
