// Utilities: formatDate (Java patterns, any zone), HMAC and digests as signed bytes, strict base64, UUIDs, sleep on the world clock.
import { createHash, createHmac } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { FakeBlob } from "./blob";
import { decodeBase64, toBuffer, toSigned } from "./bytes";
import { formatJavaDate } from "./date-format";
import { gasError, isDate, signatureError } from "./errors";
import { Fake, asFake, asGas } from "./fake";
import { memoDecode, memoGunzip } from "./memo";

export const MAX_SLEEP_MS = 300000;

const DIGESTS: Record<string, string> = { MD2: "md2", MD5: "md5", SHA_1: "sha1", SHA_256: "sha256", SHA_384: "sha384", SHA_512: "sha512" };
const MACS: Record<string, string> = { HMAC_MD5: "md5", HMAC_SHA_1: "sha1", HMAC_SHA_256: "sha256", HMAC_SHA_384: "sha384", HMAC_SHA_512: "sha512" };

type Methods =
  | "formatDate" | "formatString" | "computeHmacSha256Signature" | "computeHmacSignature" | "computeDigest"
  | "base64Encode" | "base64EncodeWebSafe" | "base64Decode" | "base64DecodeWebSafe"
  | "getUuid" | "sleep" | "newBlob" | "parseCsv" | "gzip" | "ungzip";

export class FakeUtilities extends Fake implements Pick<GoogleAppsScript.Utilities.Utilities, Methods> {
  readonly kind = "Utilities";
  readonly DigestAlgorithm = Object.fromEntries(Object.keys(DIGESTS).map((k) => [k, k]));
  readonly MacAlgorithm = Object.fromEntries(Object.keys(MACS).map((k) => [k, k]));
  readonly Charset = { US_ASCII: "US_ASCII", UTF_8: "UTF_8" };

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== "string" || typeof format !== "string") {
      throw signatureError([date, timeZone, format], "Utilities.formatDate");
    }
    return formatJavaDate(date.getTime(), timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(/%(\d*\.?\d*)([sdfi%])/g, (_m, width: string, type: string) => {
      if (type === "%") return "%";
      const v = args[i++];
      if (type === "d" || type === "i") return String(Math.trunc(Number(v)));
      if (type === "f") return Number(v).toFixed(width.includes(".") ? Number(width.split(".")[1]) : 6);
      return String(v);
    });
  }
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    return toSigned(createHmac("sha256", toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
  }
  computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown): number[] {
    const alg = MACS[String(algorithm)];
    if (!alg) throw signatureError([algorithm, value, key], "Utilities.computeHmacSignature");
    return toSigned(createHmac(alg, toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
  }
  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
    const alg = DIGESTS[String(algorithm)];
    if (!alg) throw signatureError([algorithm, value], "Utilities.computeDigest");
    return toSigned(createHash(alg).update(toBuffer(value, charset)).digest());
  }
  base64Encode(data: unknown, charset?: unknown): string {
    return toBuffer(data, charset).toString("base64");
  }
  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return toBuffer(data, charset).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
  }
  base64Decode(encoded: string, _charset?: unknown): number[] {
    return typeof encoded === "string" ? memoDecode(`+${encoded}`, () => toSigned(decodeBase64(encoded, false))) : toSigned(decodeBase64(encoded, false));
  }
  base64DecodeWebSafe(encoded: string, _charset?: unknown): number[] {
    return typeof encoded === "string" ? memoDecode(`-${encoded}`, () => toSigned(decodeBase64(encoded, true))) : toSigned(decodeBase64(encoded, true));
  }
  /** Random v4 UUID from the world's seeded generator, so seeded runs repeat. */
  getUuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.world.random() * 16).toString(16));
    hex[12] = "4";
    hex[16] = ((parseInt(hex[16], 16) & 3) | 8).toString(16);
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
  /** Advances the world clock instead of blocking the thread. */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== "number") throw signatureError([milliseconds], "Utilities.sleep");
    if (milliseconds > MAX_SLEEP_MS) throw gasError(`Argument too large: milliseconds (the maximum is ${MAX_SLEEP_MS}).`);
    this.world.clock.advance(Math.max(0, milliseconds));
  }
  newBlob(data: unknown, contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    return asGas(new FakeBlob(this.world, toBuffer(data ?? ""), contentType ?? null, name ?? null));
  }
  gzip(blob: GoogleAppsScript.Base.BlobSource, name?: string): GoogleAppsScript.Base.Blob {
    const b = asFake<FakeBlob>(blob);
    return asGas(new FakeBlob(this.world, gzipSync(b.data), "application/x-gzip", name ?? (b.name ? `${b.name}.gz` : null)));
  }
  ungzip(blob: GoogleAppsScript.Base.BlobSource): GoogleAppsScript.Base.Blob {
    const b = asFake<FakeBlob>(blob);
    let data: Buffer;
    try {
      data = memoGunzip(b.data, gunzipSync);
    } catch {
      throw gasError("Could not decompress gzip.");
    }
    return asGas(new FakeBlob(this.world, data, null, b.name ? b.name.replace(/\.gz$/, "") : null));
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    const d = delimiter ?? ",";
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const ch = csv[i];
      if (quoted) {
        if (ch === '"' && csv[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === d) {
        row.push(cell);
        cell = "";
      } else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && csv[i + 1] === "\n") i++;
        row.push(cell);
        rows.push(row);
        row = [];
        cell = "";
      } else cell += ch;
    }
    if (cell !== "" || row.length > 0) {
      row.push(cell);
      rows.push(row);
    }
    return rows;
  }
}
