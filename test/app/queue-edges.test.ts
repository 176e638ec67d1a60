// Antrean saya, the badge, Ringkas and the selection (src/app/queue.ts) on one small office: every person's queue is
// the same whether it is read from the open-case index or, while the index is incomplete, found by searching the
// registers; and it names the right cases, in the right order, with the right step, role, due time and lateness.
import { ADMIN, type Alur, P, holderEmail, setupAlur } from "../../emulator/alur-world";
import type { CaseView, QueueItem } from "../../src/api";
import { SM, SM_FIELDS, fillFinished } from "../../emulator/panel-cost";
import { CT_FIELDS } from "./email-fixtures";

const STAF = "staf.baru@dinas.example";
const RINA = "rina@dinas.example";

let alur: Alur;
const ids: Record<string, string> = {};

const act = (who: string, v: CaseView, action: "complete" | "approve" | "return" | "cancel", reason?: string) =>
  alur.ok(who, "act", { caseId: v.id, expectedVersion: v.version, action, ...(reason ? { reason } : {}) });
const startSm = (perihal: string, who = P("jfu")) => alur.ok(who, "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal } });

/** Acts as whoever holds the step until the case is finished. */
function finish(v: CaseView): CaseView {
  while (v.status === "Berjalan") v = act(holderEmail(v), v, v.actions.includes("approve") ? "approve" : "complete");
  return v;
}

const META = "alur.ix.meta";
const props = () => alur.world.globals.PropertiesService.getScriptProperties();

/** Runs fn while the open-case index is incomplete (a workbook before its first hourly run): the registers are searched. */
function scanning<T>(fn: () => T): T {
  const meta = props().getProperty(META) as string;
  props().setProperty(META, JSON.stringify({ ...JSON.parse(meta), built: false }));
  try {
    return fn();
  } finally {
    props().setProperty(META, meta);
  }
}

beforeAll(() => {
  alur = setupAlur({ admins: [ADMIN] });
  // Two Surat Masuk cases finished in an earlier year: Ringkas counts neither.
  fillFinished(alur, 2);
  ids.a = startSm("Surat A").id;
  alur.later(10);
  const b = startSm("Surat B");
  ids.b = b.id;
  alur.ok(ADMIN, "act", { caseId: b.id, expectedVersion: b.version, action: "reassign", email: STAF, confirm: true });
  // Cuti starts at the Pemohon's own step: the person who recorded it, and the Pemohon's address however typed.
  ids.cuti = alur.ok(P("kasubbag-umum"), "startCase", { sopId: "cuti", fields: { ...CT_FIELDS, pemohon: " Rina@Dinas.Example " } }).id;
  let k = alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: { perihal: "Permohonan data", tujuan: "Kepala BPS", sifat: "Biasa", klasifikasi: "000.5.2" } });
  k = act(P("sekretaris"), k, "complete");
  k = act(P("kasubbag-umum"), k, "complete");
  k = act(P("jfu"), k, "complete");
  ids.returned = act(P("kasubbag-umum"), k, "return", "Tujuan surat keliru").id;
  ids.done = finish(startSm("Surat selesai")).id;
  ids.cancelled = act(ADMIN, startSm("Surat batal"), "cancel", "Salah kirim").id;
  // Reassigned, then cancelled: it waits for nobody (the cancel clears the assignee).
  const gone = startSm("Dialihkan lalu batal");
  const moved = alur.ok(ADMIN, "act", { caseId: gone.id, expectedVersion: gone.version, action: "reassign", email: STAF, confirm: true });
  ids.assignedCancelled = act(ADMIN, moved, "cancel", "Tidak jadi").id;
  ids.old = act(P("jfu"), startSm("Surat revisi lama"), "complete").id;
  // The SOP's step 2 changes hands and wording: the case already there stays under its own revision.
  const rows = alur.world.read("SOP");
  const r = rows.findIndex((x) => x[0] === "surat-masuk" && x[1] === "2") + 1;
  const sop = alur.world.spreadsheet.getSheetByName("SOP")!;
  sop.getRange(r, 3, 1, 2).setValues([["Langkah dua yang baru", "SEKRETARIS"]]);
  alur.world.within({ user: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
  alur.later(300);
  // Not late yet: a Surat Keluar reaching the JFU's step 3 (30 minutes), then a Surat Masuk at step 1 (15 minutes).
  let k2 = alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: { perihal: "Undangan", tujuan: "Camat", sifat: "Biasa", klasifikasi: "000.5.2" } });
  k2 = act(P("sekretaris"), k2, "complete");
  ids.fresh2 = act(P("kasubbag-umum"), k2, "complete").id;
  alur.later(1);
  ids.fresh1 = startSm("Surat baru").id;
  // The hourly run writes Terlambat in the registers (what Ringkas counts while the index is incomplete).
  alur.world.within({ user: ADMIN }, () => alur.ctx.hourlyRefresh());
});

const PEOPLE = [P("jfu"), P("kasubbag-umum"), P("sekretaris"), P("kepala-dinas"), STAF, RINA, ADMIN];

const STEP1 = "Menerima surat masuk dan membuat lembar disposisi, meneruskan ke kasubbag";
const SK3 = "Membuat surat, kemudian menyampaikannya kembali kepada kasubbag umum untuk diperiksa atau mengagendakan surat dari bidang terkait";
const OLD2 = "Menerima Surat masuk dari JFU, lalu membuat konsepnya dan memerintahkan jfu untuk mengetiknya serta meneruskannya ke Kabag untuk ditindaklanjuti";
const CT1 = "Pengajuan permohonan cuti oleh pegawai yang bersangkutan";
const SM_T = { sopCode: "SM", sopTitle: "Surat Masuk" };
const SK_T = { sopCode: "SK", sopTitle: "Surat Keluar" };
const CT_T = { sopCode: "CT", sopTitle: "Cuti Pegawai" };
const item = (caseId: string, t: typeof SM_T, perihal: string, stepNo: string, stepText: string, roleName: string, dueAt: string, lateMinutes: number, status = "Berjalan"): QueueItem => ({
  caseId,
  ...t,
  perihal,
  stepNo,
  stepText,
  roleName,
  dueAt: `2026-11-02T${dueAt}:00.000Z`,
  lateMinutes,
  status,
});

/** Who waits for what: late first (the latest most), then by due time; a reassigned case is its assignee's alone. */
function expected(): Record<string, QueueItem[]> {
  const cuti = item(ids.cuti, CT_T, "Cuti tahunan", "1", CT1, "Pemohon", "01:40", 211);
  return {
    [P("jfu")]: [
      item(ids.a, SM_T, "Surat A", "1", STEP1, "JFU", "01:15", 236),
      item(ids.returned, SK_T, "Permohonan data", "3", SK3, "JFU", "01:40", 211, "Dikembalikan"),
      item(ids.fresh1, SM_T, "Surat baru", "1", STEP1, "JFU", "06:26", 0),
      item(ids.fresh2, SK_T, "Undangan", "3", SK3, "JFU", "06:40", 0),
    ],
    // The case at step 2 under the earlier revision stays Kasubbag's, with that revision's wording.
    [P("kasubbag-umum")]: [item(ids.old, SM_T, "Surat revisi lama", "2", OLD2, "Kasubbag Umum", "01:25", 226), cuti],
    [P("sekretaris")]: [],
    [P("kepala-dinas")]: [],
    [STAF]: [item(ids.b, SM_T, "Surat B", "1", STEP1, "JFU", "01:25", 226)],
    [RINA]: [cuti],
    [ADMIN]: [],
  };
}

describe("Antrean saya", () => {
  test("from the open-case index: each person's cases, in order, with step, role, due time and lateness", () => {
    const want = expected();
    for (const who of PEOPLE) expect({ who, queue: alur.ok(who, "myQueue", null) }).toEqual({ who, queue: want[who] });
  });

  test("the same while the index is incomplete, found by searching the registers", () => {
    const want = expected();
    scanning(() => {
      for (const who of PEOPLE) expect({ who, queue: alur.ok(who, "myQueue", null) }).toEqual({ who, queue: want[who] });
    });
  });

  test("the badge counts the same cases, from the index or (incomplete) from the search", () => {
    const want = expected();
    for (const who of PEOPLE) {
      expect({ who, count: alur.ok(who, "bootstrap", null).queueCount }).toEqual({ who, count: want[who].length });
      expect({ who, count: scanning(() => alur.ok(who, "bootstrap", null).queueCount) }).toEqual({ who, count: want[who].length });
    }
  });
});

describe("Ringkas", () => {
  const RINGKAS = [
    { sopId: "surat-keluar", code: "SK", title: "Surat Keluar", running: 2, late: 1, finishedThisMonth: 0 },
    { sopId: "surat-masuk", code: "SM", title: "Surat Masuk", running: 4, late: 3, finishedThisMonth: 1 },
    { sopId: "cuti", code: "CT", title: "Cuti Pegawai", running: 1, late: 1, finishedThisMonth: 0 },
  ];
  test("running, late and finished this month per SOP, from the index and from the registers alike", () => {
    expect(alur.ok(P("kepala-dinas"), "summary", null)).toEqual(RINGKAS);
    expect(scanning(() => alur.ok(P("kepala-dinas"), "summary", null))).toEqual(RINGKAS);
  });

  test("from the registers, a Terlambat or Langkah column renamed by hand: the running cases still count, the lateness or finishing it held is not guessed", () => {
    const header = (name: string, title: string) => {
      const row = alur.world.read(name)[0] as string[];
      return alur.world.spreadsheet.getSheetByName(name)!.getRange(1, row.indexOf(title) + 1);
    };
    const cells = [header("CT · Cuti Pegawai", "Terlambat"), header(SM, "Langkah")];
    const was = cells.map((c) => c.getValue());
    for (const c of cells) c.setValue("Catatan");
    try {
      expect(scanning(() => alur.ok(P("kepala-dinas"), "summary", null))).toEqual([
        RINGKAS[0],
        { ...RINGKAS[1], finishedThisMonth: 0 },
        { ...RINGKAS[2], late: 0 },
      ]);
    } finally {
      cells.forEach((c, i) => {
        c.setValue(was[i]);
      });
    }
    expect(scanning(() => alur.ok(P("kepala-dinas"), "summary", null))).toEqual(RINGKAS);
  });
});

describe("the selection", () => {
  const sheet = () => alur.world.spreadsheet.getSheetByName(SM)!;
  const rowOf = (id: string) => alur.world.read(SM).findIndex((r) => r[0] === id) + 1;

  test("the selected register row's case, from the first row under the header; the header, a blank row and other sheets give nothing", () => {
    // Row 2 is read too: it holds a row typed in by hand (the earlier year's), which is refused as opening it would be.
    sheet().getRange(2, 3).activate();
    expect(alur.call(P("jfu"), "selectedCase", null)).toEqual({ ok: false, error: expect.stringMatching(/^Sheet SM · Surat Masuk baris 2: baris SM-2025-00001 tidak dibuat lewat Alur/) });
    sheet().getRange(rowOf(ids.a), 2).activate();
    expect(alur.ok(P("jfu"), "selectedCase", null)).toMatchObject({ id: ids.a, row: rowOf(ids.a), perihal: "Surat A", actions: ["complete"] });
    sheet().getRange(1, 1).activate();
    expect(alur.ok(P("jfu"), "selectedCase", null)).toBeNull();
    sheet().getRange(alur.world.read(SM).length + 3, 1).activate();
    expect(alur.ok(P("jfu"), "selectedCase", null)).toBeNull();
    alur.world.spreadsheet.getSheetByName("Riwayat")!.getRange(2, 2).activate();
    expect(alur.ok(P("jfu"), "selectedCase", null)).toBeNull();
  });

  test("an ID of another SOP pasted in a register row opens that case from its own register", () => {
    const blank = alur.world.read(SM).length + 2;
    sheet().getRange(blank, 1).setValue(ids.returned);
    try {
      sheet().getRange(blank, 1).activate();
      const v = alur.ok(P("jfu"), "selectedCase", null);
      expect(v).toMatchObject({ id: ids.returned, sheetName: "SK · Surat Keluar", status: "Dikembalikan" });
      expect(v).not.toHaveProperty("row", blank);
    } finally {
      sheet().getRange(blank, 1).setValue("");
    }
  });

  test("opening a case from the queue selects its ID cell in its register", () => {
    expect(alur.ok(P("jfu"), "selectCase", { caseId: ids.fresh2 })).toEqual({ sheetName: "SK · Surat Keluar", row: 3 });
    const cell = alur.world.spreadsheet.getCurrentCell()!;
    expect([cell.getSheet().getName(), cell.getRow(), cell.getColumn()]).toEqual(["SK · Surat Keluar", 3, 1]);
    expect(alur.ok(P("jfu"), "selectedCase", null)).toMatchObject({ id: ids.fresh2, row: 3 });
  });
});

/** Runs fn in a workbook from before the open-case index (no index at all): everything comes from the registers. */
function noIndex<T>(fn: () => T): T {
  const saved = props().getProperties();
  for (const k of Object.keys(saved)) if (k.startsWith("alur.ix.")) props().deleteProperty(k);
  try {
    return fn();
  } finally {
    props().setProperties(saved);
  }
}

const sheet = () => alur.world.spreadsheet.getSheetByName(SM)!;

describe("without an open-case index", () => {
  test("the queues, the badge and Ringkas come from the registers, the same as from the index", () => {
    const want = expected();
    noIndex(() => {
      for (const who of PEOPLE) {
        expect({ who, queue: alur.ok(who, "myQueue", null) }).toEqual({ who, queue: want[who] });
        expect({ who, count: alur.ok(who, "bootstrap", null).queueCount }).toEqual({ who, count: want[who].length });
      }
      expect(alur.ok(P("kepala-dinas"), "summary", null).map((r) => [r.sopId, r.running, r.late, r.finishedThisMonth])).toEqual([
        ["surat-keluar", 2, 1, 0],
        ["surat-masuk", 4, 3, 1],
        ["cuti", 1, 1, 0],
      ]);
    });
  });
});

describe("a Pemohon typed in the register by hand", () => {
  test("with blanks and capitals, the search still finds the Pemohon's case", () => {
    const name = "CT · Cuti Pegawai";
    const rows = alur.world.read(name);
    const r = rows.findIndex((x) => x[0] === ids.cuti) + 1;
    const cell = alur.world.spreadsheet.getSheetByName(name)!.getRange(r, (rows[0] as string[]).indexOf("Pemohon") + 1);
    const was = cell.getValue();
    cell.setValue("  Rina@Dinas.EXAMPLE  ");
    try {
      expect(scanning(() => alur.ok(RINA, "myQueue", null)).map((q) => q.caseId)).toEqual([ids.cuti]);
    } finally {
      cell.setValue(was);
    }
  });
});

describe("what the reads cost", () => {
  const calls = (fn: () => unknown) => {
    alur.world.counter.reset();
    fn();
    const c = alur.world.counter.snapshot().calls;
    return { findAll: c["TextFinder.findAll"] ?? 0, regex: c["TextFinder.useRegularExpression"] ?? 0, getRow: c["Range.getRow"] ?? 0, getValues: c["Range.getValues"] ?? 0 };
  };

  test("from the index: no register is searched or read for the queue, the badge or Ringkas", () => {
    // (An earlier revision's wording may still be looked up once in Arsip SOP, one cell: not a register read.)
    const searchedOrRead = (fn: () => unknown) => {
      const c = calls(fn);
      return { findAll: c.findAll, getValues: c.getValues };
    };
    sheet().getRange(1, 1).activate();
    // Warmed: the earlier revision's wording, once looked up, is cached.
    alur.ok(P("jfu"), "myQueue", null);
    for (const who of [P("jfu"), STAF, RINA]) {
      expect({ who, ...searchedOrRead(() => alur.ok(who, "myQueue", null)) }).toEqual({ who, findAll: 0, getValues: 0 });
      expect({ who, ...searchedOrRead(() => alur.ok(who, "bootstrap", null)) }).toEqual({ who, findAll: 0, getValues: 0 });
    }
    expect(searchedOrRead(() => alur.ok(P("kepala-dinas"), "summary", null))).toEqual({ findAll: 0, getValues: 0 });
  });

  test("while searching: one search per register that could hold my step (all of them only when a case is assigned to me), then per register with hits its header and one block around them", () => {
    scanning(() => alur.ok(P("jfu"), "myQueue", null));
    // The JFU: Surat Keluar, Surat Masuk and Cuti hold hits (Cuti's Pemohon step is an outside party's); 14 registers have a step of the JFU's or an outside party's.
    // A register where one step could be mine is searched for that step's lane cells as plain text, the rest by a regular expression.
    expect(scanning(() => calls(() => alur.ok(P("jfu"), "myQueue", null)))).toEqual({ findAll: 15, regex: 9, getRow: 5, getValues: 6 });
    // Someone a case was reassigned to: every register is searched for the hidden assignee too.
    expect(scanning(() => calls(() => alur.ok(STAF, "myQueue", null)))).toEqual({ findAll: 29, regex: 4, getRow: 2, getValues: 4 });
    expect(scanning(() => calls(() => alur.ok(RINA, "myQueue", null)))).toEqual({ findAll: 5, regex: 2, getRow: 1, getValues: 2 });
  });
});

describe("a lane whose role has left the catalog (a case under an earlier revision, after a release)", () => {
  test("the case waits in nobody's queue, from the index or the search, and every queue still loads; reassigned, it is its assignee's, under its lane's name", () => {
    const arsip = alur.world.spreadsheet.getSheetByName("Arsip SOP")!;
    const sopSheet = alur.world.spreadsheet.getSheetByName("SOP")!;
    const reload = () => alur.world.within({ user: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
    // A case at step 2, which the current revision gives the Sekretaris.
    const v = act(P("jfu"), startSm("Peran lama"), "complete");
    expect(v.current?.no).toBe("2");
    const archived = alur.world.read("Arsip SOP");
    const r = archived.map((x) => x[1]).lastIndexOf("surat-masuk") + 1;
    const [rev, , , json] = archived[r - 1] as string[];
    // The SOP changes again: the case stays under its revision, whose SEKRETARIS lane now names a role no release has.
    const rows = alur.world.read("SOP");
    const s3 = rows.findIndex((x) => x[0] === "surat-masuk" && x[1] === "3") + 1;
    const text3 = sopSheet.getRange(s3, 3).getValue();
    const old = JSON.parse(json);
    old.lanes = old.lanes.map((l: { header: string; role: string }) => (l.header === "SEKRETARIS" ? { ...l, role: "peran-lama" } : l));
    sopSheet.getRange(s3, 3).setValue("Langkah tiga yang baru");
    arsip.getRange(r, 4).setValue(JSON.stringify(old));
    alur.world.caches.script.map.delete(`alur.sop.${rev}`);
    // The index record as the hourly repair would write it from the case's own revision.
    const retag = (role: string) => {
      for (const [k, val] of Object.entries(props().getProperties())) {
        if (!k.startsWith("alur.ix.") || k === META) continue;
        const bucket = JSON.parse(val);
        if (!bucket[v.id]) continue;
        bucket[v.id][4] = role;
        props().setProperty(k, JSON.stringify(bucket));
      }
    };
    reload();
    retag("peran-lama");
    try {
      for (const who of [P("sekretaris"), P("jfu"), P("kasubbag-umum")]) {
        expect(alur.ok(who, "myQueue", null).map((q) => q.caseId)).not.toContain(v.id);
        expect(scanning(() => alur.ok(who, "myQueue", null)).map((q) => q.caseId)).not.toContain(v.id);
      }
      expect(alur.ok(P("sekretaris"), "myQueue", null)).toEqual([]);
      expect(alur.ok(P("sekretaris"), "bootstrap", null).queueCount).toBe(0);
      const moved = alur.ok(ADMIN, "act", { caseId: v.id, expectedVersion: v.version, action: "reassign", email: STAF, confirm: true });
      retag("peran-lama");
      const mine = { caseId: v.id, stepNo: "2", roleName: "SEKRETARIS", perihal: "Peran lama" };
      expect(alur.ok(STAF, "myQueue", null).find((q) => q.caseId === v.id)).toMatchObject(mine);
      expect(scanning(() => alur.ok(STAF, "myQueue", null)).find((q) => q.caseId === v.id)).toMatchObject(mine);
      act(ADMIN, moved, "cancel", "Uji selesai");
    } finally {
      sopSheet.getRange(s3, 3).setValue(text3);
      arsip.getRange(r, 4).setValue(json);
      alur.world.caches.script.map.delete(`alur.sop.${rev}`);
      reload();
    }
  });
});

describe("an earlier revision missing from Arsip SOP, and an index record of an SOP no longer there", () => {
  test("the cases under that revision are left out of the search and listed from the index without their step's wording; the log says so once per call", () => {
    const arsip = alur.world.spreadsheet.getSheetByName("Arsip SOP")!;
    const r = alur.world.read("Arsip SOP").findIndex((x) => x[1] === "surat-masuk") + 1;
    const rev = String(arsip.getRange(r, 1).getValue());
    arsip.getRange(r, 1).setValue(`${rev}-dihapus`);
    alur.world.caches.script.map.delete(`alur.sop.${rev}`);
    try {
      expect(alur.ok(P("kasubbag-umum"), "myQueue", null).find((q) => q.caseId === ids.old)).toMatchObject({ stepNo: "2", stepText: "", roleName: "Kasubbag Umum" });
      expect(alur.ok(P("jfu"), "myQueue", null).find((q) => q.caseId === ids.a)).toMatchObject({ stepNo: "1", stepText: "" });
      alur.world.logs.length = 0;
      // Surat A and Surat B (reassigned) are both under that revision: it is looked for once.
      const found = scanning(() => alur.ok(P("jfu"), "myQueue", null)).map((q) => q.caseId);
      expect(found).toEqual([ids.returned, ids.fresh1, ids.fresh2]);
      expect(alur.world.logs.filter((l) => l.message.includes(`Antrean: revisi ${rev} tidak ditemukan`))).toHaveLength(1);
      expect(scanning(() => alur.ok(P("kasubbag-umum"), "myQueue", null)).map((q) => q.caseId)).toEqual([ids.cuti]);
    } finally {
      arsip.getRange(r, 1).setValue(rev);
    }
  });

  test("an index record whose SOP is gone is skipped; the queue still loads", () => {
    const [key, bucket] = Object.entries(props().getProperties()).find(([k, val]) => k.startsWith("alur.ix.") && k !== META && ids.fresh1 in JSON.parse(val)) as [string, string];
    const b = JSON.parse(bucket);
    b[ids.fresh1][0] = "sop-yang-dihapus";
    props().setProperty(key, JSON.stringify(b));
    try {
      expect(alur.ok(P("jfu"), "myQueue", null).map((q) => q.caseId)).toEqual([ids.a, ids.returned, ids.fresh2]);
    } finally {
      props().setProperty(key, bucket);
    }
  });
});

describe("registers gone or copied, while searching", () => {
  test("a register sheet deleted is skipped and a copied row is listed once; the queue and Ringkas still load", () => {
    const raw = props().getProperty("alur.sheets") as string;
    const ringkas = scanning(() => alur.ok(P("kepala-dinas"), "summary", null));
    expect(ringkas.map((r) => r.sopId)).toContain("surat-keluar");
    const moved = JSON.parse(raw);
    moved.registers["surat-keluar"] = 987654;
    props().setProperty("alur.sheets", JSON.stringify(moved));
    try {
      expect(scanning(() => alur.ok(P("jfu"), "myQueue", null)).map((q) => q.caseId)).toEqual([ids.a, ids.fresh1]);
      expect(scanning(() => alur.ok(P("kepala-dinas"), "summary", null))).toEqual(ringkas.filter((r) => r.sopId !== "surat-keluar"));
    } finally {
      props().setProperty("alur.sheets", raw);
    }
    const rows = alur.world.read(SM);
    const r = rows.findIndex((x) => x[0] === ids.fresh1) + 1;
    const width = (rows[0] as string[]).length;
    const copy = rows.length + 1;
    sheet().getRange(copy, 1, 1, width).setValues(sheet().getRange(r, 1, 1, width).getValues());
    try {
      expect(scanning(() => alur.ok(P("jfu"), "myQueue", null)).map((q) => q.caseId)).toEqual([ids.a, ids.returned, ids.fresh1, ids.fresh2]);
    } finally {
      sheet().deleteRow(copy);
    }
  });
});

// The last tests: they add cases and change SOPs, so they run after every test that expects the office as set up.
describe("the search's edges: revisions, registers, reassignments, due times", () => {
  const reload = () => alur.world.within({ user: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
  const caseIds = (q: QueueItem[]) => q.map((x) => x.caseId);

  test("read afresh, the configuration knows both holders of Surat Masuk's step 2 (Kasubbag then, Sekretaris now): the search still gives everyone the same queue", () => {
    reload();
    const want = expected();
    scanning(() => {
      for (const who of PEOPLE) expect({ who, queue: alur.ok(who, "myQueue", null) }).toEqual({ who, queue: want[who] });
    });
  });

  test("an SOP without a register (added since Siapkan Alur last ran): the search and Ringkas skip it and ask for no sheet for it", () => {
    const raw = props().getProperty("alur.sheets") as string;
    const asked = () => alur.world.counter.snapshot().calls["Spreadsheet.getSheetById"] ?? 0;
    const search = () => {
      alur.world.counter.reset();
      const queue = caseIds(scanning(() => alur.ok(P("jfu"), "myQueue", null)));
      return { queue, sheetsAskedFor: asked() };
    };
    const ringkas = () => {
      alur.world.counter.reset();
      const sops = scanning(() => alur.ok(P("kepala-dinas"), "summary", null)).map((r) => r.sopId);
      return { sops, sheetsAskedFor: asked() };
    };
    const before = search();
    const summed = ringkas();
    expect(before.queue).toEqual([ids.a, ids.returned, ids.fresh1, ids.fresh2]);
    expect(summed.sops).toContain("surat-keluar");
    const moved = JSON.parse(raw);
    delete moved.registers["surat-keluar"];
    props().setProperty("alur.sheets", JSON.stringify(moved));
    try {
      expect(ringkas()).toEqual({ sops: summed.sops.filter((id) => id !== "surat-keluar"), sheetsAskedFor: summed.sheetsAskedFor - 1 });
      expect(search()).toEqual({ queue: [ids.a, ids.fresh1], sheetsAskedFor: before.sheetsAskedFor - 1 });
    } finally {
      props().setProperty("alur.sheets", raw);
    }
  });

  test("a case reassigned to the JFU at a step that is not the JFU's, in a register where the JFU has steps: in the JFU's queue from the index and from the search", () => {
    const v = act(P("jfu"), startSm("Dialihkan ke JFU"), "complete");
    const moved = alur.ok(ADMIN, "act", { caseId: v.id, expectedVersion: v.version, action: "reassign", email: P("jfu"), confirm: true });
    try {
      const fromIndex = alur.ok(P("jfu"), "myQueue", null).find((q) => q.caseId === v.id);
      expect(fromIndex).toMatchObject({ stepNo: "2", perihal: "Dialihkan ke JFU", roleName: "Sekretaris" });
      expect(scanning(() => alur.ok(P("jfu"), "myQueue", null)).find((q) => q.caseId === v.id)).toEqual(fromIndex);
    } finally {
      act(ADMIN, moved, "cancel", "Uji selesai");
    }
  });

  test("Cuti's new revision drops Perihal and Pemohon and gives step 1 no time: earlier cases keep their Perihal and Pemohon; a case with no due time comes after the dated ones not late either, from the index and from the search", () => {
    const startCt = () => alur.ok(P("kasubbag-umum"), "startCase", { sopId: "cuti", fields: CT_FIELDS });
    // Three not yet late, due a minute apart, started in that order (the search meets them in that order; the index, in
    // the order of its buckets: the null due time must sort last from either).
    const k1 = startCt().id;
    alur.later(1);
    const k2 = startCt().id;
    alur.later(1);
    const k2b = startCt().id;
    const ident = alur.world.spreadsheet.getSheetByName("SOP Identitas")!;
    const ir = alur.world.read("SOP Identitas").findIndex((x) => x[0] === "cuti") + 1;
    const isian = String(ident.getRange(ir, 9).getValue());
    const steps = alur.world.spreadsheet.getSheetByName("SOP")!;
    const sr = alur.world.read("SOP").findIndex((x) => x[0] === "cuti" && x[1] === "1") + 1;
    const waktu = steps.getRange(sr, 9).getValue();
    ident.getRange(ir, 9).setValue(JSON.stringify((JSON.parse(isian) as { key: string }[]).filter((f) => f.key !== "perihal" && f.key !== "pemohon")));
    steps.getRange(sr, 9).setValue("");
    reload();
    try {
      const { perihal: _p, ...rest } = CT_FIELDS;
      const k3 = alur.ok(P("kasubbag-umum"), "startCase", { sopId: "cuti", fields: rest }).id;
      // Step 1 gets its time back: one more case, due after the others, comes before the one with no due time.
      steps.getRange(sr, 9).setValue(waktu);
      reload();
      alur.later(1);
      const k4 = alur.ok(P("kasubbag-umum"), "startCase", { sopId: "cuti", fields: rest }).id;
      const kasubbag = alur.ok(P("kasubbag-umum"), "myQueue", null);
      expect(kasubbag.map((q) => [q.caseId, q.perihal, q.dueAt === null, q.lateMinutes > 0])).toEqual([
        [ids.old, "Surat revisi lama", false, true],
        [ids.cuti, "Cuti tahunan", false, true],
        [k1, "Cuti tahunan", false, false],
        [k2, "Cuti tahunan", false, false],
        [k2b, "Cuti tahunan", false, false],
        [k4, "", false, false],
        [k3, "", true, false],
      ]);
      expect(kasubbag[6]).toMatchObject({ dueAt: null, lateMinutes: 0, stepNo: "1", roleName: "Pemohon" });
      expect(scanning(() => alur.ok(P("kasubbag-umum"), "myQueue", null))).toEqual(kasubbag);
      // Rina is the Pemohon of the case under the earlier revision, which has the field.
      const rina = alur.ok(RINA, "myQueue", null);
      expect(caseIds(rina)).toEqual([ids.cuti]);
      expect(scanning(() => alur.ok(RINA, "myQueue", null))).toEqual(rina);
    } finally {
      ident.getRange(ir, 9).setValue(isian);
      steps.getRange(sr, 9).setValue(waktu);
      reload();
    }
  });
});

test("cases equally late and due at the same time are listed by ID, from the index and from the registers alike, also after the register was sorted by hand", () => {
  const own = setupAlur({ admins: [ADMIN] });
  const start = (perihal: string) => own.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal } }).id;
  const started = [start("Kembar satu"), start("Kembar dua"), start("Kembar tiga")];
  // Someone sorts the register by ID, descending: the search meets the rows last case first.
  (own.world.spreadsheet.getSheetByName(SM) as unknown as { sort(column: number, ascending: boolean): void }).sort(1, false);
  const queue = () => own.ok(P("jfu"), "myQueue", null).map((q: QueueItem) => q.caseId);
  const ownProps = own.world.globals.PropertiesService.getScriptProperties();
  const fromIndex = queue();
  const meta = ownProps.getProperty(META) as string;
  ownProps.setProperty(META, JSON.stringify({ ...JSON.parse(meta), built: false }));
  const fromRegisters = queue();
  ownProps.setProperty(META, meta);
  expect(fromIndex).toEqual(started);
  expect(fromRegisters).toEqual(started);
  // Six SOPs whose first step is the Kepala Dinas's, 10 minutes each, started in the same second, last ID first:
  // however the index's buckets hold them, they come in ID order.
  const kadisFirst: [string, Record<string, string>][] = [
    ["reklame-informasi", { materiInformasi: "Layanan", lokasiPemasangan: "Simpang" }],
    ["jasa-titipan", { wilayahPendataan: "Raya" }],
    ["data-reklame", { wilayahPemetaan: "Pematang Raya" }],
    ["data-menara", { wilayahPemetaan: "Raya", tujuanPermintaanData: "Pendataan" }],
    ["data-media-massa", { periodeData: "2026", jenisMedia: "Media Cetak", instansiTujuan: "BPS" }],
    ["adventorial", { namaMedia: "Harian Simalungun", judulAdventorial: "Layanan publik" }],
  ];
  const kadisIds = kadisFirst.map(([sopId, fields]) => own.ok(P("kepala-dinas"), "startCase", { sopId, fields: { perihal: `Sama waktu ${sopId}`, ...fields } }).id);
  const sorted = [...kadisIds].sort();
  expect(sorted).not.toEqual(kadisIds);
  const kadis = () => own.ok(P("kepala-dinas"), "myQueue", null).map((q: QueueItem) => q.caseId).filter((id) => kadisIds.includes(id));
  expect(kadis()).toEqual(sorted);
  ownProps.setProperty(META, JSON.stringify({ ...JSON.parse(meta), built: false }));
  expect(kadis()).toEqual(sorted);
  ownProps.setProperty(META, meta);
});
