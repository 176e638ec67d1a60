// Content memos for the fakes' byte work that every execution repeats on the same large inputs (the config cache and
// the lazily loaded modules are base64-decoded, gunzipped and read as text on each call): same answers, paid once.
import { createHash } from "node:crypto";

/** Inputs below this size are cheap to handle afresh and not worth a key. */
const MIN = 4096;
const LIMIT = 32;

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= LIMIT) map.delete(map.keys().next().value as K);
  map.set(key, value);
  return value;
}

const decoded = new Map<string, number[]>();

/**
 * The signed bytes of a large base64 text, decoded once per distinct text: each caller gets a copy of its own
 * (a script may change the array it was given).
 */
export function memoDecode(text: string, decode: () => number[]): number[] {
  if (text.length < MIN) return decode();
  const known = decoded.get(text);
  if (known) return known.slice();
  const bytes = decode();
  // A packed array of small integers, so the copies are one block move.
  const packed: number[] = [];
  for (let i = 0; i < bytes.length; i++) packed.push(bytes[i]);
  return remember(decoded, text, packed).slice();
}

const inflated = new Map<string, Buffer>();

/**
 * The inflated bytes of a large gzip buffer, inflated once per distinct content (keyed by its SHA-1). The buffer
 * returned is shared: blobs replace their data, they never change it in place (emulator/fakes/blob.ts).
 */
export function memoGunzip(gz: Buffer, inflate: (b: Buffer) => Buffer): Buffer {
  if (gz.length < MIN) return inflate(gz);
  const key = createHash("sha1").update(gz).digest("base64");
  return inflated.get(key) ?? remember(inflated, key, inflate(gz));
}

const texts = new WeakMap<Buffer, string>();

/** A large buffer's UTF-8 text, decoded once per buffer (the shared buffers above are read again and again). */
export function memoUtf8(data: Buffer): string {
  if (data.length < MIN) return data.toString("utf8");
  const known = texts.get(data);
  if (known !== undefined) return known;
  const text = data.toString("utf8");
  texts.set(data, text);
  return text;
}
