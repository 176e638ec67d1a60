// Riwayat's hash chain: intact rows verify; an edited, deleted or inserted row is found.
import { createHash } from "node:crypto";
import type { LogEntry } from "../../src/domain/case";
import { chainHash, riwayatRow, verifyChain } from "../../src/domain/riwayat";

const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

function entries(n: number): LogEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    at: Date.UTC(2026, 10, 2, 1, i),
    caseId: `SM-2026-000${i % 3}`,
    sopId: "surat-masuk",
    stepNo: String(i + 1),
    role: "JFU",
    actor: "jfu@dinas.example",
    actingFor: "",
    action: i === 0 ? "start" : "complete",
    note: i === 2 ? "=HYPERLINK(\"x\")" : "",
    minutes: i * 7,
    standard: 15,
    channel: "sidebar",
  }));
}

function chain(es: LogEntry[]) {
  let prev = "";
  return es.map((e) => {
    prev = chainHash(prev, e, sha);
    return riwayatRow(e, prev).map((c) => (c && typeof c === "object" && "dateTime" in c ? c : c));
  });
}

describe("Riwayat chain", () => {
  test("an untouched log verifies", () => {
    expect(verifyChain(chain(entries(6)) as never, sha)).toEqual([]);
  });

  test("an edited note is found at its row", () => {
    const rows = chain(entries(6)) as unknown[][];
    rows[3][8] = "diubah";
    expect(verifyChain(rows as never, sha).map((p) => p.row)).toEqual([5]);
  });

  test("a deleted row breaks the chain at the row after it", () => {
    const rows = chain(entries(6)) as unknown[][];
    rows.splice(2, 1);
    expect(verifyChain(rows as never, sha).map((p) => p.row)).toEqual([4]);
  });
});
