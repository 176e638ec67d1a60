// Antrean saya and the selection poll through the bundle: whose cases they are, in what order, and what they cost.
import fc from "fast-check";
import type { CaseView } from "../../src/api";
import { ADMIN, type Alur, P, setupAlur } from "../../emulator/alur-world";
import { measureRegisters, PANEL_CALLS, SM, SM_FIELDS, fillFinished, measurePanel } from "../../emulator/panel-cost";
import { SPAN_LIMITS, planSpans, readAroundHits } from "../../src/app/queue-scan";
import { BUDGETS, PANEL_FIGURES } from "../../emulator/figures";
import { CT_FIELDS } from "./email-fixtures";


const queueOf = (alur: Alur, who: string) => alur.ok(who, "myQueue", null).map((q) => q.caseId);
const complete = (alur: Alur, who: string, v: CaseView) => alur.ok(who, "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
const startSm = (alur: Alur, perihal: string) => alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal } });

describe("whose queue a case is in", () => {
  test("a case reassigned (Alihkan) is in the assignee's queue, also when they hold no role in that SOP, and no longer in the role holder's", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const a = startSm(alur, "Surat A");
    const b = startSm(alur, "Surat B");
    const staf = "staf.baru@dinas.example";
    // Someone outside Pejabat: the admin is warned first, and nothing changes until they confirm.
    const warned = alur.call(ADMIN, "act", { caseId: a.id, expectedVersion: a.version, action: "reassign", email: staf });
    expect(warned).toMatchObject({ ok: false, warnings: [expect.stringMatching(/staf\.baru@dinas\.example tidak ada di sheet Pejabat/)] });
    expect(alur.ok(ADMIN, "getCase", { caseId: a.id }).version).toBe(a.version);
    alur.ok(ADMIN, "act", { caseId: a.id, expectedVersion: a.version, action: "reassign", email: staf, confirm: true });
    alur.ok(ADMIN, "act", { caseId: b.id, expectedVersion: b.version, action: "reassign", email: P("kepala-dinas") });
    expect(queueOf(alur, staf)).toEqual([a.id]);
    expect(queueOf(alur, P("kepala-dinas"))).toEqual([b.id]);
    expect(queueOf(alur, P("jfu"))).toEqual([]);
    // Once the assignee acts, the case moves on to the next lane's holders as usual.
    complete(alur, staf, alur.ok(staf, "getCase", { caseId: a.id }));
    expect(queueOf(alur, staf)).toEqual([]);
    expect(queueOf(alur, P("kasubbag-umum"))).toContain(a.id);
  });

  test("Surat Cuti at a PEMOHON step waits for whoever recorded the case and for the Pemohon's own address, nobody else", () => {
    const alur = setupAlur();
    const rina = "rina@dinas.example";
    let v = alur.ok(P("kasubbag-umum"), "startCase", { sopId: "cuti", fields: { ...CT_FIELDS, pemohon: rina } });
    expect(v.current?.lane).toBe("PEMOHON");
    expect(queueOf(alur, P("kasubbag-umum"))).toEqual([v.id]);
    expect(queueOf(alur, rina)).toEqual([v.id]);
    expect(queueOf(alur, P("kepala-dinas"))).toEqual([]);
    const lanes: Record<string, string> = { PEMOHON: P("kasubbag-umum"), JFU: P("jfu"), KASUBBAG: P("kasubbag-umum"), "KEPALA DINAS": P("kepala-dinas") };
    while (v.current && v.current.no !== "8") {
      // Step 6 is the Kepala Dinas's leave decision (BKN VIII).
      v = v.current.no === "6" ? alur.ok(lanes[v.current.lane], "decideLeave", { caseId: v.id, expectedVersion: v.version, level: "pejabat", choice: "Disetujui", reason: "" }) : complete(alur, lanes[v.current.lane], v);
    }
    expect(v.current?.lane).toBe("PEMOHON");
    expect(queueOf(alur, P("kasubbag-umum"))).toEqual([v.id]);
    expect(queueOf(alur, rina)).toEqual([v.id]);
    expect(queueOf(alur, P("jfu"))).toEqual([]);
    const item = alur.ok(rina, "myQueue", null)[0];
    expect(item).toMatchObject({ stepNo: "8", roleName: "Pemohon", sopCode: "CT" });
  });

  test("a case started under an earlier revision is judged by its own revision: after a Pelaksana changes it stays with the right person", () => {
    const alur = setupAlur();
    const v = complete(alur, P("jfu"), startSm(alur, "Surat revisi"));
    expect(v.current?.no).toBe("2");
    const rows = alur.world.read("SOP");
    const r = rows.findIndex((x) => x[0] === "surat-masuk" && x[1] === "2") + 1;
    const c = (rows[0] as string[]).indexOf("Pelaksana") + 1;
    alur.world.spreadsheet.getSheetByName("SOP")!.getRange(r, c).setValue("SEKRETARIS");
    alur.world.within({ user: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
    // Step 2 of the case's own revision is still Kasubbag's: the Sekretaris is not shown it, and acting would be refused.
    expect(queueOf(alur, P("sekretaris"))).not.toContain(v.id);
    expect(queueOf(alur, P("kasubbag-umum"))).toContain(v.id);
    expect(alur.call(P("sekretaris"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" }).ok).toBe(false);
    expect(alur.call(P("kasubbag-umum"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" }).ok).toBe(true);
  });

  test("late cases first, the latest most; then by due time, across registers", () => {
    const alur = setupAlur();
    const a = startSm(alur, "A");
    alur.later(10);
    const b = startSm(alur, "B");
    // Cuti's step 2 (JFU) has 30 minutes, so it falls due after B although it starts with it.
    const c = complete(alur, P("jfu"), alur.ok(P("jfu"), "startCase", { sopId: "cuti", fields: CT_FIELDS }));
    alur.later(20);
    const d = startSm(alur, "D");
    const q = alur.ok(P("jfu"), "myQueue", null);
    expect(q.map((x) => x.caseId)).toEqual([a.id, b.id, c.id, d.id]);
    expect(q.map((x) => x.lateMinutes > 0)).toEqual([true, true, false, false]);
    expect(q[0].lateMinutes).toBeGreaterThan(q[1].lateMinutes);
  });
});

describe("what the panel's reads cost", () => {
  test("bootstrap, myQueue and the selection poll cost the same calls with 5 or 40 waiting cases on 100 or 20,000 rows", () => {
    const runs = [
      [100, 5],
      [100, 40],
      [20000, 5],
      [20000, 40],
    ].map(([rows, waiting]) => ({ rows, waiting, ...measurePanel(rows, waiting) }));
    for (const r of runs) expect(r.queueLength).toBe(r.waiting);
    for (const name of PANEL_CALLS) {
      const calls = runs.map((r) => r.cost[name].spreadsheetCalls);
      expect({ name, calls }).toEqual({ name, calls: calls.map(() => calls[0]) });
      // Cells follow the waiting cases, never the register's size.
      for (const waiting of [5, 40]) {
        const cells = runs.filter((r) => r.waiting === waiting).map((r) => r.cost[name].cellsRead);
        expect({ name, waiting, cells: cells[1] }).toEqual({ name, waiting, cells: cells[0] });
      }
    }
    // README's figures (emulator/figures.ts), within the budgets of the panel issue.
    for (const name of PANEL_CALLS) {
      for (const r of runs) expect({ name, rows: r.rows, waiting: r.waiting, calls: r.cost[name].spreadsheetCalls, cells: r.cost[name].cellsRead }).toEqual({ name, rows: r.rows, waiting: r.waiting, ...PANEL_FIGURES[name] });
      expect(PANEL_FIGURES[name].calls).toBeLessThanOrEqual(BUDGETS[name]);
    }
  }, 60000);

  test("opening the panel, Antrean saya and Ringkas cost the same with 28 or 100 registers", () => {
    const few = measureRegisters(28);
    const many = measureRegisters(100);
    for (const name of ["bootstrap", "myQueue", "summary"] as const) {
      expect({ name, calls: many[name].spreadsheetCalls }).toEqual({ name, calls: few[name].spreadsheetCalls });
      expect({ name, cells: many[name].cellsRead }).toEqual({ name, cells: few[name].cellsRead });
    }
    for (const name of ["bootstrap", "myQueue", "summary"] as const) expect({ name, calls: many[name].spreadsheetCalls }).toEqual({ name, calls: PANEL_FIGURES[name].calls });
  }, 120000);

  test("a case left running far above the others is still in the queue, and the rows between are not read", () => {
    const alur = setupAlur();
    const old = startSm(alur, "Lama");
    fillFinished(alur, 2000, 3);
    const recent = Array.from({ length: 5 }, (_, i) => startSm(alur, `Baru ${i}`).id);
    const width = (alur.world.read(SM)[0] as string[]).length;
    alur.world.counter.reset();
    expect(queueOf(alur, P("jfu"))).toEqual([old.id, ...recent]);
    expect(alur.world.counter.snapshot().cellsRead).toBeLessThan((SPAN_LIMITS.minRows + 10) * width);
  });
});

describe("the selection poll", () => {
  test("reads the case in the selected register row; other sheets and the header give nothing", () => {
    const alur = setupAlur();
    const a = startSm(alur, "Surat A");
    const b = startSm(alur, "Surat B");
    const sheet = alur.world.spreadsheet.getSheetByName(SM)!;
    sheet.getRange(3, 2).activate();
    expect(alur.ok(P("kasubbag-umum"), "selectedCase", null)).toMatchObject({ id: b.id, row: 3, perihal: "Surat B", sheetName: SM });
    sheet.getRange(2, 5).activate();
    expect(alur.ok(P("jfu"), "selectedCase", null)).toMatchObject({ id: a.id, row: 2, actions: ["complete"] });
    sheet.getRange(1, 1).activate();
    expect(alur.ok(P("jfu"), "selectedCase", null)).toBeNull();
    alur.world.spreadsheet.getSheetByName("Riwayat")!.getRange(2, 2).activate();
    expect(alur.ok(P("jfu"), "selectedCase", null)).toBeNull();
  });

  test("a hand-edited status is refused with the sheet and row, as opening the case would", () => {
    const alur = setupAlur();
    startSm(alur, "Surat A");
    const sheet = alur.world.spreadsheet.getSheetByName(SM)!;
    const status = (alur.world.read(SM)[0] as string[]).indexOf("Status") + 1;
    sheet.getRange(2, status).setValue("Selesai");
    sheet.getRange(2, 1).activate();
    expect(alur.call(P("jfu"), "selectedCase", null)).toEqual({ ok: false, error: expect.stringMatching(/^Sheet SM · Surat Masuk baris 2: kolom "Status" kasus SM-2026-0001 diubah secara manual/) });
  });
});

describe("row spans around the hits", () => {
  test("cover every hit, each row once, and read rows that follow the hits' number, not how far apart they lie", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 2, max: 50000 }), { minLength: 1, maxLength: 80 }), (raw) => {
        const rows = [...raw].sort((x, y) => x - y);
        const asked = new Set<number>();
        const spans = planSpans(rows.length, (i) => {
          expect(asked.has(i)).toBe(false);
          asked.add(i);
          return rows[i];
        });
        for (const r of rows) expect(spans.some(([a, b]) => a <= r && r <= b)).toBe(true);
        spans.forEach(([a, b], i) => {
          expect(a).toBeLessThanOrEqual(b);
          if (i > 0) expect(a).toBeGreaterThan(spans[i - 1][1] + 1);
        });
        const read = spans.reduce((n, [a, b]) => n + b - a + 1, 0);
        expect(read).toBeLessThanOrEqual((SPAN_LIMITS.minRows + SPAN_LIMITS.rowsPerHit) * rows.length);
      }),
    );
  });

  test("hits lying together are one span after asking two rows", () => {
    let asked = 0;
    const spans = planSpans(40, (i) => {
      asked++;
      return 500 + i * 2;
    });
    expect(spans).toEqual([[500, 578]]);
    expect(asked).toBe(2);
  });

  test("hits that do not come in row order are all read all the same (one question per hit only then)", () => {
    const grid = Array.from({ length: 3000 }, (_, i) => [`ID-${i + 1}`, [40, 45, 1500, 2900].includes(i + 1) ? "▶ 1 · sejak" : ""]);
    let calls = 0;
    const sheet = {
      getRange: (row: number, _col: number, rows: number) => {
        calls++;
        return { getValues: () => grid.slice(row - 1, row - 1 + rows).map((r) => [...r]) };
      },
    } as unknown as Parameters<typeof readAroundHits>[0];
    const hit = (row: number) => ({
      getRow: () => {
        calls++;
        return row;
      },
    });
    const matches = (cell: unknown) => typeof cell === "string" && cell.startsWith("▶ 1 · ");
    const rowsOf = (order: number[]) => readAroundHits(sheet, order.map(hit) as unknown as Parameters<typeof readAroundHits>[1], 2, matches).filter((r) => matches(r.values[1])).map((r) => r.row);
    expect(rowsOf([40, 45, 1500, 2900])).toEqual([40, 45, 1500, 2900]);
    const inOrder = calls;
    calls = 0;
    // The first and last hits lie together: without the check the two between would be missed.
    expect(rowsOf([40, 2900, 1500, 45])).toEqual([40, 45, 1500, 2900]);
    expect(calls).toBeGreaterThan(inOrder);
  });
});
