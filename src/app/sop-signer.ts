// Who signs an SOP AP page when SOP Identitas names nobody: the office's head as Pejabat lists them.
import type { Signer } from "../domain/sop-page-identity";
import type { Env } from "./cases";

export function sopSigner(e: Env): Partial<Signer> {
  const head = e.cfg.officials.find((o) => o.role === "kepala-dinas");
  const dinas = e.cfg.settings.office.dinas.trim();
  return {
    jabatan: dinas ? `KEPALA ${dinas.toUpperCase()}` : (head?.jabatan ?? ""),
    nama: head?.name ?? "",
    pangkat: head?.pangkat ?? "",
    nip: head?.nip ?? "",
  };
}
