// The person a case is about (the employee asking for leave, an applicant who gave an email): told when it ends.
import type { FieldValue } from "./case";
import { isEmail } from "./fields";
import type { Official } from "./pejabat";
import type { Sop } from "./sop";

const digits = (v: FieldValue | undefined) => String(v ?? "").replace(/\D/g, "");

/**
 * Whom to tell when a case finishes or is refused: the Pemohon when an email was given for them, else an email field
 * of the case (the applicant's contact), else the employee the case is about (the NIP in the case matches one in
 * Pejabat), else whoever recorded the case. Never "" unless the case has no recorder either.
 */
export function subjectOf(sop: Sop, fields: Record<string, FieldValue>, officials: Official[], createdBy: string): string {
  const pemohon = String(fields.pemohon ?? "").trim().toLowerCase();
  if (isEmail(pemohon)) return pemohon;
  for (const f of sop.fields) {
    if (f.type !== "email") continue;
    const v = String(fields[f.key] ?? "").trim().toLowerCase();
    if (isEmail(v)) return v;
  }
  const nip = digits(fields.nip);
  if (nip.length >= 8) {
    const o = officials.find((x) => x.email && digits(x.nip) === nip);
    if (o) return o.email.trim().toLowerCase();
  }
  return createdBy;
}
