// The workspace's demo history: every case it starts and every step it takes goes through Alur's own rules, none refused.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadDemo } from "../../emulator/demo";
import { Workspace } from "../../emulator/server/workspace";

test("the demo plays two cases of each of its SOPs through to today without a single refusal (leave decided, letters received after their date)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "alur-demo-"));
  try {
    const ws = new Workspace({ root: resolve(__dirname, "../.."), dataDir, serviceUrl: "http://localhost:1/exec", reset: true });
    const r = loadDemo(ws, { count: 14 });
    expect(r.refused).toEqual([]);
    expect(r.cases).toBe(14);
    const sm = ws.world.spreadsheet.sheets.find((s) => s.name.startsWith("SM ·"));
    expect(ws.world.read(sm!.name).slice(1).map((row) => String(row[0]))).toEqual([expect.stringMatching(/^SM-\d{4}-\d{4}$/), expect.stringMatching(/^SM-\d{4}-\d{4}$/)]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
