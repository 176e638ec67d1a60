// The id that makes "Mulai kasus" safe to press twice: well-formed for the server, kept across retries, fresh per form.
import { newRequestId, requestIdFor } from "../../sidebar/request-id";

const SERVER_FORMAT = /^[A-Za-z0-9_-]{16,64}$/;

test("an id is 32 hex characters the server accepts, and two ids differ", () => {
  const a = newRequestId();
  const b = newRequestId();
  expect(a).toMatch(SERVER_FORMAT);
  expect(a).toHaveLength(32);
  expect(a).not.toBe(b);
});

test("the id is built from the random bytes it is given", () => {
  const id = newRequestId((bytes) => bytes.map((_, i) => i * 17));
  expect(id).toBe("00112233445566778899aabbccddeeff");
});

test("the same form keeps its id through retries; another SOP's form, or the form after forgetting, gets a new one", () => {
  const ids: Record<string, string> = {};
  const first = requestIdFor(ids, "cuti");
  expect(requestIdFor(ids, "cuti")).toBe(first);
  const other = requestIdFor(ids, "surat-keluar");
  expect(other).not.toBe(first);
  expect(requestIdFor(ids, "cuti")).toBe(first);
  delete ids.cuti;
  const next = requestIdFor(ids, "cuti");
  expect(next).toMatch(SERVER_FORMAT);
  expect(next).not.toBe(first);
});
