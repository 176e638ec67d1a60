// A failure that is not a refusal: the platform's words are shown (an admin may need them), JavaScript's never.
import { ADMIN, P, setupAlur } from "../../emulator/alur-world";
import { serverErrorText } from "../../src/app/server-error";

describe("server errors people read", () => {
  test("JavaScript's own failures show no text; the platform's words do", () => {
    expect(serverErrorText(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe("");
    expect(serverErrorText(new Error("x.map is not a function"))).toBe("");
    expect(serverErrorText(new Error("Unexpected token u in JSON at position 0"))).toBe("");
    expect(serverErrorText(new Error("Lock timeout: another process was holding the lock for too long."))).toBe("Lock timeout: another process was holding the lock for too long.");
    expect(serverErrorText(new Error("Service Spreadsheets timed out while accessing document with id 1x."))).toMatch(/timed out/);
  });

  test("a JavaScript failure inside a server call reaches the panel as a plain message, its details in the log only", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    // The sheet ids recorded at setup, altered by hand (registers: null): a TypeError deep inside startCase.
    const boot = alur.ok(P("jfu"), "bootstrap", null);
    expect(boot.me.email).toBe(P("jfu"));
    const sheets = alur.world.stores.script.map.get("alur.sheets")!;
    alur.world.stores.script.map.set("alur.sheets", JSON.stringify({ ...JSON.parse(sheets), registers: null }));
    const r = alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { perihal: "x" } });
    alur.world.stores.script.map.set("alur.sheets", sheets);
    expect(r.ok).toBe(false);
    const error = (r as { error: string }).error;
    expect(error).not.toMatch(/TypeError|Cannot read|undefined|null|is not/);
    expect(error).toBe("Terjadi kesalahan di server. Coba lagi; bila berulang, hubungi admin.");
    expect(alur.world.logs.some((l) => l.level === "error" && /^alurApi startCase: Cannot convert undefined or null/.test(l.message))).toBe(true);
  });
});
