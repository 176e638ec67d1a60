// The Pejabat sheet: headers, the plainly fictional example list, and rows read back into officials.
import type { Official } from "./pejabat";
import type { Role } from "./sop";

export const PEJABAT_HEADERS = ["Peran", "Nama", "NIP", "Jabatan", "Pangkat/Gol.", "Email", "Email atasan", "Plt/Plh", "Nama Plt/Plh", "Email Plt/Plh", "Mulai", "Selesai", "Ringkasan harian"] as const;

/** The Ringkasan harian column: a person who wants one email a morning instead of one per case. */
export const DIGEST_HEADER = "Ringkasan harian";

/** "Ya", a ticked checkbox, "TRUE": the person gets the morning digest. */
export function digestOn(v: unknown): boolean {
  if (v === true) return true;
  return /^(ya|y|true|1|✓)$/i.test(String(v ?? "").trim());
}

/** Who reports to whom in the example office (role id → superior's role id). */
const SUPERIOR: Record<string, string> = {
  sekretaris: "kepala-dinas",
  "kasubbag-umum": "sekretaris",
  "kasubbag-program": "sekretaris",
  "kasubbag-keuangan": "sekretaris",
  jfu: "kasubbag-umum",
  "petugas-adm-surat": "kasubbag-umum",
  "bendahara-pengeluaran": "kasubbag-keuangan",
};

/** One fictional person per internal role, with example.com-style addresses that can never reach anyone. */
export function examplePejabat(roles: Role[]): string[][] {
  const internal = roles.filter((r) => !r.external);
  return internal.map((r, i) => {
    const sup = SUPERIOR[r.id] ?? (r.id.startsWith("kasi-") || r.id.startsWith("staf-") ? "kepala-dinas" : r.id === "kepala-dinas" ? "" : "sekretaris");
    return [r.name, `${r.short} (Contoh)`, `19800101200501${String(1000 + i).slice(-4)}`, r.name, "Penata / III-c", `${r.id}@dinas.example`, sup ? `${sup}@dinas.example` : "", "", "", "", "", "", ""];
  });
}

type Raw = string | number | boolean | { date: string } | null;
const s = (v: Raw | undefined) => (v === null || v === undefined ? "" : typeof v === "object" ? v.date : String(v).trim());

export function readPejabat(rows: Raw[][], roles: Role[], firstRow = 2): { officials: Official[]; problems: string[] } {
  const byName = new Map<string, string>();
  for (const r of roles) {
    byName.set(r.name.toLowerCase(), r.id);
    byName.set(r.id, r.id);
    byName.set(r.short.toLowerCase(), r.id);
  }
  const officials: Official[] = [];
  const problems: string[] = [];
  rows.forEach((r, i) => {
    const roleText = s(r[0]);
    const email = s(r[5]).toLowerCase();
    if (!roleText && !email) return;
    const role = byName.get(roleText.toLowerCase());
    const row = firstRow + i;
    if (!role) {
      problems.push(`Pejabat baris ${row}: peran "${roleText}" tidak dikenal; pilih dari daftar.`);
      return;
    }
    if (!email) {
      problems.push(`Pejabat baris ${row}: email ${s(r[1]) || roleText} kosong; orang ini tidak akan menerima tugas.`);
      return;
    }
    const kind = s(r[7]);
    const o: Official = { role, name: s(r[1]), nip: s(r[2]), jabatan: s(r[3]), pangkat: s(r[4]), email, atasan: s(r[6]).toLowerCase() };
    if (digestOn(r[12])) o.digest = true;
    if ((kind === "Plt." || kind === "Plh." || kind === "Plt" || kind === "Plh") && s(r[9])) {
      o.acting = { kind: kind.startsWith("Plt") ? "Plt." : "Plh.", name: s(r[8]), email: s(r[9]).toLowerCase(), from: s(r[10]), to: s(r[11]) };
    }
    officials.push(o);
  });
  return { officials, problems };
}
