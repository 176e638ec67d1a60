// Shared by the email tests: an office with its web app deployed, links read out of emails, and the web app's visitors.
import { ADMIN, type Alur, P, setupAlur } from "../../emulator/alur-world";
import type { SentMail } from "../../emulator/fakes/mail";

export const WEB = "https://script.google.com/macros/s/AKfy-contoh/exec";
export const SM_FIELDS = { perihal: "Undangan rapat", asalSurat: "Setda", nomorSurat: "005/1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };
export const SK_FIELDS = { perihal: "Permohonan data statistik", tujuan: "Kepala BPS", sifat: "Biasa", klasifikasi: "000.5.2" };
/** A Surat Cuti (annual leave of three working days) as JFU records it for an employee. */
export const CT_FIELDS = {
  perihal: "Cuti tahunan",
  pemohon: "",
  namaPegawai: "Rina Contoh",
  nip: "198501012010012001",
  jabatan: "Pranata Komputer",
  jenisCuti: "Cuti Tahunan",
  mulai: "2026-11-16",
  selesai: "2026-11-18",
  alasan: "Keperluan keluarga",
  alamatSelamaCuti: "Jl. Contoh 1, Pematang Siantar",
};

/** An office with admins and its web app's /exec address in Pengaturan (links are made only with one). */
export function officeWithWebApp(url = WEB): Alur {
  const alur = setupAlur({ admins: [ADMIN] });
  setSetting(alur, "URL web app", url);
  return alur;
}

export function setSetting(alur: Alur, key: string, value: string): void {
  const rows = alur.world.read("Pengaturan");
  const r = rows.findIndex((x) => x[0] === key) + 1;
  alur.world.spreadsheet.getSheetByName("Pengaturan")!.getRange(r, 2).setValue(value);
  alur.world.within({ user: ADMIN, effectiveUser: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
}

/** Changes one cell of a person's Pejabat row (by their email), as an admin would, and drops the cached configuration. */
export function setPejabat(alur: Alur, email: string, header: string, value: string): void {
  const rows = alur.world.read("Pejabat");
  const col = (rows[0] as string[]).indexOf(header) + 1;
  const row = rows.findIndex((r) => String(r[5]) === email) + 1;
  if (col < 1 || row < 1) throw new Error(`${email} / ${header} not in Pejabat`);
  alur.world.spreadsheet.getSheetByName("Pejabat")!.getRange(row, col).setValue(value);
  alur.world.within({ user: ADMIN, effectiveUser: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
}

export interface ActionLink {
  href: string;
  aksi: string;
  k: string;
  params: Record<string, string>;
}

const entities = (s: string) => s.replace(/&#38;/g, "&").replace(/&amp;/g, "&");

/** The action links of an email (the confirm page of each of the step's choices). */
export function actionLinks(mail: SentMail): ActionLink[] {
  return [...(mail.htmlBody ?? "").matchAll(/href="([^"]*\?aksi=[^"]*)"/g)].map((m) => {
    const href = entities(m[1]);
    const params = Object.fromEntries(new URLSearchParams(href.split("?")[1]));
    return { href, aksi: params.aksi, k: params.k, params };
  });
}

/** The last email sent to a person about a case. */
export function lastMailTo(alur: Alur, to: string, caseId: string): SentMail {
  const m = alur.world.outbox.filter((x) => x.to.includes(to) && x.subject.includes(caseId)).pop();
  if (!m) throw new Error(`no email to ${to} about ${caseId}`);
  return m;
}

/** A GET of the web app as `visitor` ("" = a consumer-Gmail visitor the web app cannot identify). */
export function visit(alur: Alur, params: Record<string, string>, visitor = ""): string {
  return alur.world.within({ ...alur.world.execution("webapp"), user: visitor }, () => alur.ctx.doGet({ parameter: params }).getContent()) as string;
}

export interface ActResult {
  ok: boolean;
  final: boolean;
  title: string;
  message: string;
  lines?: string[];
}

/** The confirm page's button: google.script.run.emailAction(arg) from the web app's page. */
export function press(alur: Alur, arg: Record<string, unknown>, visitor = ""): ActResult {
  return alur.world.within({ ...alur.world.execution("webapp"), user: visitor }, () => alur.bundle.scriptRun("emailAction", [arg])) as ActResult;
}

/** Everything a person could see change: every sheet's values, the sent emails, script properties. */
export function snapshot(alur: Alur): string {
  const sheets = alur.world.spreadsheet.getSheets().map((s) => [s.getName(), alur.world.read(s.getName())]);
  return JSON.stringify({ sheets, outbox: alur.world.outbox.length, props: [...alur.world.stores.script.map.entries()].sort() });
}

/** A Surat Keluar case brought to step 4, Kasubbag's decision (Setujui → 5, Kembalikan → 3). */
export function skAtDecision(alur: Alur, fields: Record<string, string> = SK_FIELDS) {
  let v = alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields });
  v = alur.ok(P("sekretaris"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
  v = alur.ok(P("kasubbag-umum"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
  v = alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete", note: "Sudah diketik, mohon diperiksa" });
  return v;
}

export const riwayatOf = (alur: Alur, caseId: string) => alur.world.read("Riwayat").filter((r) => r[1] === caseId);
export const registerRow = (alur: Alur, sheet: string, caseId: string) => {
  const rows = alur.world.read(sheet);
  const header = rows[0] as string[];
  const row = rows.find((r) => r[0] === caseId)!;
  return Object.fromEntries(header.map((h, i) => [h, row[i]]));
};
