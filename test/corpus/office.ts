// The corpus's office: set up once per group (about half a second), its web app deployed, cut down to the registers the
// corpus uses, with cases made on demand and remade only after a call that went through changed them.
import { ADMIN, type Alur, P, setupAlur } from "../../emulator/alur-world";
import type { CaseView } from "../../src/api";
import { CATALOG } from "../../src/catalog/index";
import type { Sop } from "../../src/domain/sop";
import { SK_FIELDS, SM_FIELDS, WEB, actionLinks, setSetting } from "../app/email-fixtures";
import { fullFields, holderOf, walkTo } from "../app/letters-helpers";
import { cutDown } from "../faults/office";

export const KEEP = ["surat-masuk", "surat-keluar", "cuti", "subdomain"];
export const sopOf = (id: string): Sop => CATALOG.find((s) => s.id === id) as Sop;

/** google.script.run.alurApi(name, arg) with whatever a page may send (names and arguments unchecked by TypeScript). */
export function rawCall(alur: Alur, user: string, args: unknown[]): unknown {
  return alur.world.within({ user, effectiveUser: user }, () => alur.bundle.scriptRun("alurApi", args));
}

/** A GET of the web app as `visitor` ("": a consumer-Gmail visitor it cannot identify). */
export function visitPage(alur: Alur, parameter: Record<string, string>, visitor = ""): string {
  return alur.world.within({ ...alur.world.execution("webapp"), user: visitor }, () => alur.ctx.doGet({ parameter, parameters: Object.fromEntries(Object.entries(parameter).map(([k, v]) => [k, [v]])) }).getContent()) as string;
}

/** The confirm page's button: google.script.run.emailAction(arg). */
export function pressButton(alur: Alur, args: unknown[], visitor = ""): unknown {
  return alur.world.within({ ...alur.world.execution("webapp"), user: visitor }, () => alur.bundle.scriptRun("emailAction", args));
}

export function corpusOffice(): Alur {
  const alur = setupAlur({ admins: [ADMIN] });
  setSetting(alur, "URL web app", WEB);
  cutDown(alur, KEEP);
  alur.ok(ADMIN, "bootstrap", null);
  return alur;
}

/** Cases the corpus acts on, each made when first asked for and again after a call changed it. */
export class Fixtures {
  private made = new Map<string, CaseView>();
  constructor(readonly alur: Alur) {}

  /** Forget every case: the next request makes a fresh one (after a call went through). */
  reset(): void {
    this.made.clear();
  }

  private get(key: string, make: () => CaseView): CaseView {
    let v = this.made.get(key);
    if (!v) {
      v = make();
      this.made.set(key, v);
    }
    return v;
  }

  /** A Surat Masuk case at step 1 (JFU: Kelengkapan ATK, the lembar disposisi). */
  sm(): CaseView {
    return this.get("sm", () => this.alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS }));
  }

  /** A Surat Keluar case at step 4 (Kasubbag's decision: approve or return). */
  skDecision(): CaseView {
    return this.get("sk4", () => walkTo(this.alur, sopOf("surat-keluar"), this.alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: SK_FIELDS }), "4"));
  }

  /** A Surat Keluar case at step 3 (the JFU drafts the letter: Buat dokumen). */
  skDraft(): CaseView {
    return this.get("sk3", () => walkTo(this.alur, sopOf("surat-keluar"), this.alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: SK_FIELDS }), "3"));
  }

  /** A Surat Keluar case at step 9 (numbering: Ambil nomor). */
  skNumber(): CaseView {
    return this.get("sk9", () => walkTo(this.alur, sopOf("surat-keluar"), this.alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: SK_FIELDS }), "9"));
  }

  /** A leave request at step 6 (the Kepala Dinas decides). */
  leave(): CaseView {
    const ct = sopOf("cuti");
    const nip = String(this.alur.world.read("Pejabat").find((r) => r[5] === P("jfu"))?.[2]);
    return this.get("ct6", () =>
      walkTo(this.alur, ct, this.alur.ok(P("jfu"), "startCase", { sopId: "cuti", fields: { ...fullFields(ct), perihal: "Permohonan cuti tahunan", namaPegawai: "JFU (Contoh)", nip, mulai: "2026-12-21", selesai: "2026-12-31" } }), "6"),
    );
  }

  /** A subdomain case at step 5 (the Admin System issues the password). */
  subdomain(): CaseView {
    const sd = sopOf("subdomain");
    return this.get("sd5", () => walkTo(this.alur, sd, this.alur.ok(P("kasi-egov"), "startCase", { sopId: "subdomain", fields: { ...fullFields(sd), namaSubdomain: "dinas.simalungunkab.go.id" } }), "5"));
  }

  /** A number reserved in Agenda Surat (its key, for cancelNumber). */
  reserved(): string {
    return this.get("reserved", () => {
      const r = this.alur.ok(P("jfu"), "reserveNumber", { klasifikasi: "000.8.3.3", perihal: "Surat tanpa kasus" });
      return { id: r.key } as CaseView;
    }).id;
  }

  /** The email link (its query parameters) of a fresh Surat Keluar decision: Kasubbag's Setujui. */
  link(): Record<string, string> {
    const v = this.skDecision();
    const mail = this.alur.world.outbox.filter((m) => m.to.includes(P("kasubbag-umum")) && m.subject.includes(v.id)).pop();
    const l = mail ? actionLinks(mail)[0] : undefined;
    if (!l) throw new Error(`no action link for ${v.id}`);
    return l.params;
  }

  holder(sopId: string, stepNo: string): string {
    return holderOf(sopOf(sopId), stepNo);
  }
}
