// Who holds which role: the Pejabat list, acting officials (Plt./Plh.) and who may act on a step.

export interface Official {
  /** Canonical role id. */
  role: string;
  name: string;
  nip: string;
  jabatan: string;
  pangkat: string;
  email: string;
  /** Email of the direct superior (for reminders and the cuti form). */
  atasan: string;
  /** Wants the morning digest (Pejabat › Ringkasan harian) instead of one email per step and reminder. */
  digest?: boolean;
  /** Acting official for this person's role while the holder is away. */
  acting?: { kind: "Plt." | "Plh."; name: string; email: string; from: string; to: string };
}

export interface Holder {
  email: string;
  name: string;
  /** "Plh. Sekretaris" etc. when the person acts for the holder; "" when they hold it themselves. */
  actingFor: string;
}

const normEmail = (e: string): string => e.trim().toLowerCase();

function inRange(ymd: string, from: string, to: string): boolean {
  return (!from || ymd >= from) && (!to || ymd <= to);
}

/**
 * The people who may act for a role on a date: each holder, except that a holder whose acting
 * official is in office that day is replaced by that official (the holder is away).
 */
export function holdersOf(officials: Official[], role: string, ymd: string, roleName: string): Holder[] {
  const out: Holder[] = [];
  for (const o of officials) {
    if (o.role !== role || !o.email) continue;
    const a = o.acting;
    if (a?.email && inRange(ymd, a.from, a.to)) {
      out.push({ email: normEmail(a.email), name: a.name, actingFor: `${a.kind} ${roleName} (${o.name})` });
    } else {
      out.push({ email: normEmail(o.email), name: o.name, actingFor: "" });
    }
  }
  return out;
}

/** The roles a person holds or acts for on a date. */
export function rolesOf(officials: Official[], email: string, ymd: string): string[] {
  const me = normEmail(email);
  const roles = new Set<string>();
  for (const o of officials) {
    const a = o.acting;
    const away = !!a?.email && inRange(ymd, a.from, a.to);
    if (normEmail(o.email) === me && !away) roles.add(o.role);
    if (a && away && normEmail(a.email) === me) roles.add(o.role);
  }
  return [...roles];
}

export function findOfficial(officials: Official[], email: string): Official | undefined {
  const me = normEmail(email);
  return officials.find((o) => normEmail(o.email) === me);
}
