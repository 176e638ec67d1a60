// The corpus's checks can fail: each one catches the defect it is there for (a check that cannot fail proves nothing).
import { ADMIN, P, setupAlur } from "../../emulator/alur-world";
import { formulas, messageProblem, newFormulas, pageInternals, recordRiskyWrites, riskyWrites, scriptProblem } from "./checks";
import { HTML, XSS } from "./payloads";
import { PairRun } from "./runner";

describe("the corpus's checks", () => {
  test("a payload in an executable place of a page is found; escaped, or as an attribute's text, it is not", () => {
    for (const p of HTML.slice(0, 6)) {
      expect(scriptProblem(`<p>${p.value}</p>`) ?? scriptProblem(`<input value="${p.value}">`) ?? scriptProblem(`<input value='${p.value}'>`) ?? scriptProblem(`<a href="${p.value}">x</a>`)).not.toBeNull();
    }
    const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    for (const p of HTML) {
      expect(scriptProblem(`<p>${esc(p.value)}</p><input value="${esc(p.value)}"><a href="https://x.example/?q=${esc(p.value)}">x</a>`)).toBeNull();
    }
    expect(scriptProblem(`<script>var d = "${XSS}";</script>`)).toMatch(/inside a <script>/);
  });

  test("internals and English in a message are found; Bahasa Indonesia quoting the payload back is fine", () => {
    expect(messageProblem("Terjadi kesalahan di server: Cannot read properties of undefined (reading 'x'). Coba lagi.")).toMatch(/undefined|Cannot read/);
    expect(messageProblem("Langkah ini tidak menghasilkan function Object() { [native code] }.")).toMatch(/function text/);
    expect(messageProblem("The text to find cannot be empty.")).toMatch(/not in Bahasa Indonesia/);
    expect(messageProblem("")).toMatch(/no message/);
    expect(messageProblem('SOP "constructor" tidak ada atau sedang tidak sah (lihat sheet SOP).', ["constructor"])).toBeNull();
    expect(messageProblem('Kasus __proto__-1 tidak ditemukan: kodenya tidak cocok dengan SOP mana pun.', ["__proto__-1"])).toBeNull();
    expect(pageInternals("<p>TypeError: x is not a function</p>", [])).toMatch(/JavaScript/);
  });

  test("a formula written, a text written without its apostrophe, and a refused call that wrote are each reported", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const sheet = alur.world.spreadsheet.getSheetByName("Pengaturan")!;
    const f0 = formulas(alur.world);
    sheet.getRange(40, 1).setValue("=1+2");
    expect(newFormulas(f0, formulas(alur.world))).toEqual([expect.stringMatching(/Pengaturan!R40C1 = =1\+2/)]);
    expect(newFormulas(f0, formulas(alur.world), ["Pengaturan!R40C1"])).toEqual([]);
    recordRiskyWrites();
    riskyWrites.length = 0;
    sheet.getRange(41, 1).setValue("+1+2");
    sheet.getRange(42, 1).setValue("'+1+2");
    expect(riskyWrites).toEqual([{ cell: "Pengaturan!R41C1", value: "+1+2" }]);

    const run = new PairRun("uji", alur);
    run.pair("a refusal that writes", "x", { expect: "refused" }, () => {
      sheet.getRange(43, 1).setValue("tulisan");
      return { reply: { ok: false, error: "Permintaan tidak sah." } };
    });
    run.pair("a call that crashes", "x", {}, () => {
      throw new TypeError("Cannot read properties of null");
    });
    run.pair("an accepted forgery", "x", { expect: "refused" }, () => ({ reply: alur.call(P("jfu"), "listSops", null) }));
    run.pair("a page that runs the payload", "x", {}, () => ({ page: `<p>${HTML[0].value}</p>` }));
    expect(run.failures.map((f) => `${f.entry}: ${f.problem.split(":")[0]}`)).toEqual([
      "a refusal that writes: refused, yet changed sheet Pengaturan",
      "a call that crashes: crashed (the page's failure handler would get it)",
      "an accepted forgery: accepted",
      "a page that runs the payload: payload inside a <script>",
    ]);
  });
});
