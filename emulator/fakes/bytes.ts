// Apps Script's byte arrays are Java bytes: signed, -128..127.
import { gasError } from "./errors";

export function toSigned(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

/** A string (in the given charset) or a byte array (signed or not) as a Buffer. */
export function toBuffer(data: unknown, charset?: unknown): Buffer {
  if (typeof data === "string") return Buffer.from(data, charset === "US_ASCII" ? "latin1" : "utf8");
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 255));
  if (data instanceof Uint8Array) return Buffer.from(data);
  throw gasError("Invalid argument: data");
}

const STANDARD = /^[A-Za-z0-9+/]*={0,2}$/;
const WEB_SAFE = /^[A-Za-z0-9\-_]*={0,2}$/;

/** Strict base64: the wrong alphabet or an impossible length is "Could not decode string." */
export function decodeBase64(text: unknown, webSafe: boolean): Buffer {
  const s = String(text).replace(/\s+/g, "");
  const unpadded = s.replace(/=+$/, "");
  if (!(webSafe ? WEB_SAFE : STANDARD).test(s) || unpadded.length % 4 === 1 || (s.includes("=") && s.length % 4 !== 0)) {
    throw gasError("Could not decode string.");
  }
  return Buffer.from(webSafe ? unpadded.replace(/-/g, "+").replace(/_/g, "/") : unpadded, "base64");
}
