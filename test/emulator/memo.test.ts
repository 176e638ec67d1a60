// The fakes' content memos (emulator/fakes/memo.ts): a large text decoded, inflated and read again gives the same
// answers as the first time, every caller gets an array of its own, and bad input still fails as Apps Script says.
import { gzipSync } from "node:zlib";
import { createWorld } from "../../emulator/fakes";

const world = () => createWorld({ now: () => Date.UTC(2026, 10, 2, 1), seed: 1 });
// About 60 KB of text with non-ASCII letters, as the config cache and the lazy modules hold.
const TEXT = Array.from({ length: 3000 }, (_, i) => `Langkah ${i}: Kepala Dinas menyetujui — “surat” ${i % 7}\n`).join("");
const PACKED = gzipSync(Buffer.from(TEXT, "utf8")).toString("base64");

test("a large base64 text decodes to the same signed bytes every time, each call an array of its own", () => {
  const u = world().globals.Utilities;
  const first = u.base64Decode(PACKED);
  const expected = Array.from(new Int8Array(Buffer.from(PACKED, "base64")));
  expect(first).toEqual(expected);
  first[0] = 99;
  first.length = 3;
  const again = u.base64Decode(PACKED);
  expect(again).not.toBe(first);
  expect(again).toEqual(expected);
  // The web-safe variant of the same text is a different question (it refuses "+" and "/").
  if (/[+/]/.test(PACKED)) expect(() => u.base64DecodeWebSafe(PACKED)).toThrow("Could not decode string.");
});

test("bad base64 is refused after good text was decoded, and a changed copy of a large text is decoded afresh", () => {
  const u = world().globals.Utilities;
  u.base64Decode(PACKED);
  expect(() => u.base64Decode(`${PACKED.slice(0, -4)}!!!!`)).toThrow("Could not decode string.");
  const other = gzipSync(Buffer.from(`${TEXT}akhir`, "utf8")).toString("base64");
  const blob = u.ungzip(u.newBlob(u.base64Decode(other), "application/x-gzip"));
  expect(blob.getDataAsString()).toBe(`${TEXT}akhir`);
});

test("a large gzip is inflated to the same text in every world, and a blob given new bytes reads them", () => {
  for (const w of [world(), world()]) {
    const u = w.globals.Utilities;
    const blob = u.ungzip(u.newBlob(u.base64Decode(PACKED), "application/x-gzip"));
    expect(blob.getDataAsString()).toBe(TEXT);
    expect(blob.getDataAsString("US-ASCII")).toBe(Buffer.from(TEXT, "utf8").toString("latin1"));
    blob.setDataFromString("isi baru");
    expect(blob.getDataAsString()).toBe("isi baru");
    const again = u.ungzip(u.newBlob(u.base64Decode(PACKED), "application/x-gzip"));
    expect(again.getDataAsString()).toBe(TEXT);
  }
  const u = world().globals.Utilities;
  const broken = u.base64Decode(PACKED);
  broken[20] = broken[20] ^ 0x55;
  expect(() => u.ungzip(u.newBlob(broken, "application/x-gzip")).getDataAsString()).toThrow();
});
