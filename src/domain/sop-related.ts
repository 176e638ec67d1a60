// Keterkaitan: the SOPs a procedure names in its Keterangan column ("SOP Rapat Internal"), for the SOP AP identity block.
import type { Sop } from "./sop";

const MENTION = /\bSOP\s+[A-Za-z][A-Za-z0-9 /-]*/g;

const titleCase = (s: string) =>
  s
    .trim()
    .replace(/\s+/g, " ")
    .split(" ")
    .map((w) => (w === w.toUpperCase() ? w : w[0].toUpperCase() + w.slice(1)))
    .join(" ");

/** "SOP Rapat Internal (langkah 4)": every SOP the steps' Keterangan name, with the steps that name it; "" when none. */
export function keterkaitanOf(sop: Sop): string {
  const named = new Map<string, { name: string; steps: string[] }>();
  for (const step of sop.steps) {
    for (const m of step.keterangan.match(MENTION) ?? []) {
      const name = titleCase(m);
      const key = name.toLowerCase();
      const entry = named.get(key) ?? { name, steps: [] };
      if (!entry.steps.includes(step.no)) entry.steps.push(step.no);
      named.set(key, entry);
    }
  }
  return [...named.values()].map((e) => `${e.name} (langkah ${e.steps.join(", ")})`).join("; ");
}

/** The SOP with Keterkaitan prefilled from its Keterangan when the identity leaves it blank. */
export function withKeterkaitan(sop: Sop): Sop {
  if (sop.identity.keterkaitan.trim()) return sop;
  const k = keterkaitanOf(sop);
  return k ? { ...sop, identity: { ...sop.identity, keterkaitan: k } } : sop;
}
