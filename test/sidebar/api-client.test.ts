// The promise helper over google.script.run: data on success, the server's message and field errors on refusal, plain advice on a thrown error.
import { CallError, call } from "../../sidebar/api-client";

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
