// The workspace's custom-formula evaluator: the near-due rule setup writes colours exactly the cells Sheets would.
import { evaluate, satisfied, type Value } from "../../emulator/server/formula";

const cells: Record<string, Value> = { "1,1": 10, "2,1": 20, "3,1": null, "1,2": "teks", "4,1": 46356.5 };
const ctx = { now: 46356.4, value: (r: number, c: number) => cells[`${r},${c}`] ?? null };
const at = (row: number, col = 1) => ({ row, col });
const A1 = { row: 1, col: 1 };

describe("custom formulas of conditional-format rules", () => {
  test("arithmetic, text joins and comparisons", () => {
    expect(evaluate("=A1*2+1", ctx, A1, A1)).toBe(21);
    expect(evaluate('=B1&"!"', ctx, A1, A1)).toBe("teks!");
    expect(evaluate("=A1<>10", ctx, A1, A1)).toBe(false);
    expect(evaluate('="a"="A"', ctx, A1, A1)).toBe(true);
  });

  test("relative references move with the cell; absolute ones stay", () => {
    expect(evaluate("=A1", ctx, at(2), A1)).toBe(20);
    expect(evaluate("=$A$1", ctx, at(2), A1)).toBe(10);
    expect(evaluate("=A$1", ctx, at(2), A1)).toBe(10);
  });

  test("the near-due rule Alur's setup writes: a due date within six hours from now", () => {
    const rule = "=AND(ISNUMBER(A2),A2>NOW(),A2-NOW()<0.25)";
    // Row 4 holds a due instant 0.1 day (2.4 hours) after now: near due. Row 2 holds 20 (long past). Row 3 is empty.
    expect(satisfied(rule, ctx, at(4), at(2))).toBe(true);
    expect(satisfied(rule, ctx, at(2), at(2))).toBe(false);
    expect(satisfied(rule, ctx, at(3), at(2))).toBe(false);
  });

  test("IF evaluates only its branch; errors and unknown functions count as not satisfied", () => {
    expect(evaluate("=IF(A1>5,1,1/0)", ctx, A1, A1)).toBe(1);
    expect(satisfied("=1/0", ctx, A1, A1)).toBe(false);
    expect(satisfied("=VLOOKUP(A1,B:C,2)", ctx, A1, A1)).toBe(false);
    expect(satisfied('=ISBLANK(A3)', ctx, A1, A1)).toBe(true);
  });
});
