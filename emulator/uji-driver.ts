// Runs Uji mandiri on a World as its dialog does (sidebar/uji/main.ts): the steps one server call at a time, the lock
// probe's two calls, setup again while it stops early, and the second person's Drive probe from their own menu.
import { ADMIN, type Alur } from "./alur-world";

export interface UjiRowSeen {
  id: string;
  label: string;
  status: "passed" | "differs" | "failed";
  observed?: unknown;
  expected?: unknown;
  error?: string;
  again?: boolean;
}

type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** The dialog's google.script.run.ujiMandiri(op, arg), as `user` (the admin unless said). */
export function ujiCall<T>(alur: Alur, op: string, arg: unknown, user = ADMIN): Reply<T> {
  return alur.world.within({ user, effectiveUser: user }, () => alur.bundle.scriptRun("ujiMandiri", [op, arg])) as Reply<T>;
}

/** Every step of Uji mandiri, in the dialog's order; `colleague` runs Alur › Uji akses Drive when the dialog asks. */
export function runUjiMandiri(alur: Alur, options: { admin?: string; colleague: string }): UjiRowSeen[] {
  const admin = options.admin ?? ADMIN;
  const listed = ujiCall<{ steps: { id: string; kind?: string }[] }>(alur, "steps", {}, admin);
  if (!listed.ok) throw new Error(listed.error);
  const rows: UjiRowSeen[] = [];
  const run = (step: string, extra: Record<string, unknown> = {}): UjiRowSeen => {
    const r = ujiCall<UjiRowSeen>(alur, "run", { step, ...extra }, admin);
    return r.ok ? r.data : { id: step, label: step, status: "failed", error: r.error };
  };
  for (const s of listed.data.steps) {
    if (s.kind === "lock") {
      const results = ["a", "b"].map((who) => {
        const r = ujiCall<unknown>(alur, "lock", { who }, admin);
        return r.ok ? r.data : { error: r.error };
      });
      rows.push(run(s.id, { results }));
    } else if (s.kind === "drive2") {
      const prepared = ujiCall<unknown>(alur, "drive2", { email: options.colleague }, admin);
      if (!prepared.ok) {
        rows.push({ id: s.id, label: s.id, status: "failed", error: prepared.error });
        continue;
      }
      alur.world.within({ user: options.colleague, effectiveUser: options.colleague }, () => alur.ctx.menuUjiDrive());
      rows.push(run(s.id));
    } else {
      let row = run(s.id);
      for (let i = 0; row.again && i < 8; i++) row = run(s.id);
      rows.push(row);
    }
  }
  return rows;
}
