// Shared fixtures for transition tests: a calendar, officials for the sekretariat, actors.
import { DEFAULT_CALENDAR } from "../../src/catalog/settings";
import { ROLES } from "../../src/catalog/roles";
import type { Actor } from "../../src/domain/case";
import type { Official } from "../../src/domain/pejabat";
import type { TransitionContext } from "../../src/domain/transition";
import { jakartaTime } from "../../src/domain/calendar";

export const person = (role: string, email: string, name = email.split("@")[0]): Official => ({ role, name, nip: "", jabatan: "", pangkat: "", email, atasan: "" });

export const OFFICIALS: Official[] = [
  person("kepala-dinas", "kadis@dinas.example", "Kadis"),
  person("sekretaris", "sekretaris@dinas.example", "Sekretaris"),
  person("kasubbag-umum", "kasubbag@dinas.example", "Kasubbag"),
  person("jfu", "jfu@dinas.example", "JFU"),
  person("jfu", "jfu2@dinas.example", "JFU Dua"),
];

export const actor = (email: string, admin = false): Actor => ({ email, name: email, admin });

/** Monday 2 November 2026, 08:00 WIB. */
export const MONDAY = jakartaTime("2026-11-02", "08:00");

export function ctx(email: string, now: number, extra: Partial<TransitionContext> = {}): TransitionContext {
  return { actor: actor(email, extra.actor?.admin ?? false), now, calendar: { ...DEFAULT_CALENDAR, holidays: [] }, officials: OFFICIALS, roles: ROLES, channel: "sidebar", ...extra };
}

export const EMAIL_OF_LANE: Record<string, string> = {
  SEKRETARIS: "sekretaris@dinas.example",
  KASUBBAG: "kasubbag@dinas.example",
  JFU: "jfu@dinas.example",
  "KEPALA DINAS": "kadis@dinas.example",
  PEMOHON: "jfu2@dinas.example",
};
