// SHA-256 through Utilities, as lowercase hex (Apps Script returns signed bytes -128..127).

export function sha256Hex(s: string): string {
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, s, Utilities.Charset.UTF_8);
  let out = "";
  for (const b of bytes) out += ((b + 256) % 256).toString(16).padStart(2, "0");
  return out;
}

/** HMAC-SHA-256 of a message under `secret`, as web-safe base64 without padding (fit for a URL). */
export function hmacSigner(secret: string): (message: string) => string {
  return (message) => Utilities.base64EncodeWebSafe(Utilities.computeHmacSha256Signature(message, secret, Utilities.Charset.UTF_8)).replace(/=+$/, "");
}

/** HMAC-SHA-256 of a message under `secret`, as lowercase hex (the journal's chain). */
export function hmacHex(secret: string): (message: string) => string {
  return (message) => {
    let out = "";
    for (const b of Utilities.computeHmacSha256Signature(message, secret, Utilities.Charset.UTF_8)) out += ((b + 256) % 256).toString(16).padStart(2, "0");
    return out;
  };
}
