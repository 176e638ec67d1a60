// The promise helper over google.script.run: data on success (and the badge from every case reply), the server's message, field errors and warnings on refusal, plain advice on a thrown error.
import type { Bootstrap } from "../../src/api";
import { CallError, call } from "../../sidebar/api-client";
import { nav, state } from "../../sidebar/state";

type Handler = (value: unknown) => void;
const sent: { name: string; arg: unknown }[] = [];
let respond: (ok: Handler, fail: Handler) => void = () => undefined;

function runner(ok: Handler, fail: Handler): unknown {
  return {
    withSuccessHandler: (f: Handler) => runner(f, fail),
    withFailureHandler: (f: Handler) => runner(ok, f),
    alurApi: (name: string, arg: unknown) => {
      sent.push({ name, arg });
      respond(ok, fail);
    },
  };
}

beforeEach(() => {
  sent.length = 0;
  (globalThis as unknown as { google: unknown }).google = { script: { run: runner(() => undefined, () => undefined) } };
});

test("every call goes through alurApi with its name and argument, and resolves with the data", async () => {
  respond = (ok) => ok({ ok: true, data: { sheetName: "Register Surat Keluar", row: 7 } });
  await expect(call("selectCase", { caseId: "SK-2026-0001" })).resolves.toEqual({ sheetName: "Register Surat Keluar", row: 7 });
  expect(sent).toEqual([{ name: "selectCase", arg: { caseId: "SK-2026-0001" } }]);
});

test("a refusal rejects with the server's own message and its field errors", async () => {
  respond = (ok) => ok({ ok: false, error: "Periksa isian yang ditandai.", fieldErrors: { nip: "NIP harus 18 angka." } });
  const err = await call("startCase", { sopId: "cuti", fields: {} }).catch((e) => e);
  expect(err).toBeInstanceOf(CallError);
  expect(err.message).toBe("Periksa isian yang ditandai.");
  expect(err.fieldErrors).toEqual({ nip: "NIP harus 18 angka." });
});

test("thrown server errors become advice in Bahasa Indonesia", async () => {
  respond = (_ok, fail) => fail(new Error("Exception: Service invoked too many times for one day: email."));
  await expect(call("myQueue", null)).rejects.toThrow(/^Batas pemakaian harian Google tercapai/);
  respond = (_ok, fail) => fail(new Error("NetworkError: Connection failure due to HTTP 0"));
  await expect(call("myQueue", null)).rejects.toThrow(/^Server tidak menjawab/);
  respond = (_ok, fail) => fail(new Error("Lock timeout: another process was holding the lock for too long."));
  await expect(call("myQueue", null)).rejects.toThrow("Terjadi kesalahan di server: Lock timeout: another process was holding the lock for too long. Coba lagi");
});

test("an empty answer is an error, not a silent success", async () => {
  respond = (ok) => ok(null);
  await expect(call("summary", null)).rejects.toThrow(/kesalahan yang tidak dikenal/);
});

test("a refusal with warnings carries them, so the panel can offer to go on anyway", async () => {
  respond = (ok) => ok({ ok: false, error: "Periksa peringatan berikut.", warnings: ["Diterima Tanggal sebelum Tanggal Surat."] });
  const err = await call("startCase", { sopId: "surat-masuk", fields: {} }).catch((e) => e);
  expect(err.warnings).toEqual(["Diterima Tanggal sebelum Tanggal Surat."]);
  expect(err.fieldErrors).toEqual({});
});

test("every case reply sets the Antrean saya badge from its queueCount; other replies leave it alone", async () => {
  const drawn: number[] = [];
  state.boot = { queueCount: 3 } as Bootstrap;
  nav.drawTabs = () => drawn.push(state.boot?.queueCount ?? -1);
  respond = (ok) => ok({ ok: true, data: { id: "SK-2026-0009", queueCount: 2 } });
  await call("act", { caseId: "SK-2026-0009", expectedVersion: 4, action: "approve" });
  expect(state.boot.queueCount).toBe(2);
  await call("selectedCase", null);
  // The same count again: the tabs are not redrawn for nothing.
  expect(drawn).toEqual([2]);
  respond = (ok) => ok({ ok: true, data: { queueCount: 9 } });
  await call("summary", null);
  expect(state.boot.queueCount).toBe(2);
  state.boot = null;
});
