// The open-case index record (src/domain/open-index.ts): what the panel's lists show of a running case.
import type { CaseState } from "../../src/domain/case";
import { openCaseOf } from "../../src/domain/open-index";
import type { Sop, SopStep } from "../../src/domain/sop";

const step = (no: string, text: string, role: string): SopStep => ({ no, text, role, roleInferred: false, kind: "process", kelengkapan: [], waktu: "", output: "", keterangan: "" });
const long = "Memeriksa ".repeat(13); // 130 characters
const sop = { steps: [step("1", "Mencatat surat", "JFU"), step("2", long, "KASUBBAG"), step("3", "x".repeat(120), "SEKRETARIS")] } as unknown as Sop;

const base: CaseState = {
  id: "SM-2026-0001", sopId: "surat-masuk", sopRev: "r7", fields: { perihal: "Undangan rapat", pemohon: "  Ani@Dinas.Example " }, status: "Berjalan", stepNo: "1",
  stepSince: 1_000, dueAt: 5_000, done: {}, rounds: 2, version: 4, createdAt: 500, createdBy: "jfu@dinas.example", assignee: "budi@dinas.example",
  documents: [], lastBy: "", lastAt: 0, srikandi: "", ticks: {}, history: [],
};
const roleOf = (lane: string) => `role:${lane}`;

describe("openCaseOf", () => {
  test("a running case carries what its list row shows, the pemohon's email tidied", () => {
    expect(openCaseOf(sop, base, roleOf, 120)).toEqual({
      id: "SM-2026-0001", sopId: "surat-masuk", sopRev: "r7", stepNo: "1", stepText: "Mencatat surat", lane: "JFU", role: "role:JFU", assignee: "budi@dinas.example",
      status: "Berjalan", since: 1_000, dueAt: 5_000, standard: 120, perihal: "Undangan rapat", createdBy: "jfu@dinas.example", pemohon: "ani@dinas.example", version: 4, rounds: 2,
    });
  });

  test("a returned case stays in the index; a finished or cancelled one, or one at an unknown step, leaves it", () => {
    expect(openCaseOf(sop, { ...base, status: "Dikembalikan" }, roleOf, null)?.status).toBe("Dikembalikan");
    expect(openCaseOf(sop, { ...base, status: "Selesai" }, roleOf, null)).toBeNull();
    expect(openCaseOf(sop, { ...base, status: "Dibatalkan" }, roleOf, null)).toBeNull();
    expect(openCaseOf(sop, { ...base, stepNo: "9" }, roleOf, null)).toBeNull();
  });

  test("long step texts and perihal are cut to one line with an ellipsis; texts at the limit are kept whole", () => {
    const at2 = openCaseOf(sop, { ...base, stepNo: "2", fields: { perihal: "p".repeat(200) } }, roleOf, null);
    expect(at2?.stepText).toBe(`${long.slice(0, 119)}…`);
    expect(at2?.stepText).toHaveLength(120);
    expect(at2?.perihal).toBe(`${"p".repeat(159)}…`);
    expect(at2?.lane).toBe("KASUBBAG");
    const at3 = openCaseOf(sop, { ...base, stepNo: "3", fields: { perihal: "q".repeat(160) } }, roleOf, null);
    expect(at3?.stepText).toBe("x".repeat(120));
    expect(at3?.perihal).toBe("q".repeat(160));
  });

  test("a pemohon that is a name, not an email, and a case without perihal give empty text", () => {
    const r = openCaseOf(sop, { ...base, fields: { pemohon: "Ani" } }, roleOf, null);
    expect(r?.pemohon).toBe("");
    expect(r?.perihal).toBe("");
    expect(openCaseOf(sop, { ...base, fields: {} }, roleOf, null)?.pemohon).toBe("");
  });
});
