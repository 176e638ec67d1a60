// Apps Script's byte arrays are Java bytes: signed, -128..127.
import { gasError } from "./errors";

export function toSigned(buf: Uint8Array): number[] {
  // The same bytes seen as signed (a view, no per-byte callback: modules of 70 KB are decoded on every execution).
  const view = new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const out = new Array<number>(view.length);
  for (let i = 0; i < view.length; i++) out[i] = view[i];
  return out;
}

/** A string (in the given charset) or a byte array (signed or not) as a Buffer. */
export function toBuffer(data: unknown, charset?: unknown): Buffer {
  if (typeof data === "string") return Buffer.from(data, charset === "US_ASCII" ? "latin1" : "utf8");
  // Each element to a byte as Number(b) & 255 would (Int8Array.from applies ToNumber, then modulo 256).
  if (Array.isArray(data)) return Buffer.from(Int8Array.from(data as number[]).buffer);
  if (data instanceof Uint8Array) return Buffer.from(data);
  throw gasError("Invalid argument: data");
}

const STANDARD = /^[A-Za-z0-9+/]*$/;
const WEB_SAFE = /^[A-Za-z0-9\-_]*$/;

/**
 * Strict base64, as Apps Script decodes it: "Could not decode string." for a character outside the variant's
 * alphabet (web-safe takes - and _, the standard one + and /), for whitespace, and for bad padding — input whose
 * length is not a multiple of 4 (unpadded text is refused: observed with Gmail's unpadded base64url, assumed here for
 * both variants), "=" anywhere but the last one or two places, or a lone character in the last group.
 */
export function decodeBase64(text: unknown, webSafe: boolean): Buffer {
  const s = String(text);
  const pad = /=*$/.exec(s)![0].length;
  const body = s.slice(0, s.length - pad);
  if (!(webSafe ? WEB_SAFE : STANDARD).test(body) || pad > 2 || s.length % 4 !== 0 || body.length % 4 === 1) {
    throw gasError("Could not decode string.");
  }
  return Buffer.from(webSafe ? body.replace(/-/g, "+").replace(/_/g, "/") : body, "base64");
}
