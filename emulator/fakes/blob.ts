// Blob: bytes with a content type and a name (Utilities.newBlob, HtmlOutput.getBlob, attachments).
import { documentToPdf, htmlToContent, textToPdf } from "../pdf";
import { toBuffer, toSigned } from "./bytes";
import { gasError } from "./errors";
import { Fake, asGas } from "./fake";
import { memoUtf8 } from "./memo";
import type { World } from "./world";

type GBlob = GoogleAppsScript.Base.Blob;
type Methods = "getAs" | "getBytes" | "setBytes" | "getDataAsString" | "setDataFromString" | "getContentType" | "setContentType" | "getName" | "setName" | "copyBlob" | "isGoogleType";

export class FakeBlob extends Fake implements Pick<GBlob, Methods> {
  readonly kind = "Blob";
  constructor(
    world: World,
    public data: Buffer,
    public contentType: string | null,
    public name: string | null,
  ) {
    super(world);
  }
  getBytes(): number[] {
    return toSigned(this.data);
  }
  setBytes(data: number[]): GBlob {
    this.data = toBuffer(data);
    return asGas(this);
  }
  getDataAsString(charset?: string): string {
    return charset === "US-ASCII" || charset === "US_ASCII" ? this.data.toString("latin1") : memoUtf8(this.data);
  }
  setDataFromString(string: string, charset?: string): GBlob {
    this.data = toBuffer(string, charset);
    return asGas(this);
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): GBlob {
    this.contentType = contentType;
    return asGas(this);
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): GBlob {
    this.name = name;
    return asGas(this);
  }
  /** PDF from HTML or plain text (as Apps Script converts them); the same type is a copy; anything else is refused. */
  getAs(contentType: string): GBlob {
    const type = String(contentType);
    const from = String(this.contentType ?? "application/octet-stream");
    const base = (this.name ?? "").replace(/\.[^.]*$/, "") || this.name || "Untitled";
    if (type === "application/pdf" && /^text\/html/.test(from)) return asGas(new FakeBlob(this.world, Buffer.from(documentToPdf(base, htmlToContent(this.getDataAsString()))), type, `${base}.pdf`));
    if (type === "application/pdf" && /^text\//.test(from)) return asGas(new FakeBlob(this.world, Buffer.from(textToPdf(base, this.getDataAsString())), type, `${base}.pdf`));
    if (type === from) return this.copyBlob();
    throw gasError(`Converting from ${from} to ${type} is not supported.`);
  }
  copyBlob(): GBlob {
    return asGas(new FakeBlob(this.world, Buffer.from(this.data), this.contentType, this.name));
  }
  isGoogleType(): boolean {
    return false;
  }
}
