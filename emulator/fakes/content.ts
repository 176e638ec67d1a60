// ContentService: text/JSON responses from doGet/doPost.
import { Fake, asGas } from "./fake";
import type { World } from "./world";

export const MimeType = { ATOM: "ATOM", CSV: "CSV", ICAL: "ICAL", JAVASCRIPT: "JAVASCRIPT", JSON: "JSON", RSS: "RSS", TEXT: "TEXT", VCARD: "VCARD", XML: "XML" } as const;

type GText = GoogleAppsScript.Content.TextOutput;
type Methods = "append" | "clear" | "downloadAsFile" | "getContent" | "getFileName" | "getMimeType" | "setContent" | "setMimeType";

export class FakeTextOutput extends Fake implements Pick<GText, Methods> {
  readonly kind = "TextOutput";
  mimeType = "TEXT";
  fileName: string | null = null;
  constructor(
    world: World,
    public content: string,
  ) {
    super(world);
  }
  append(addedContent: string): GText {
    this.content += addedContent;
    return asGas(this);
  }
  clear(): GText {
    this.content = "";
    return asGas(this);
  }
  downloadAsFile(filename: string): GText {
    this.fileName = filename;
    return asGas(this);
  }
  getContent(): string {
    return this.content;
  }
  getFileName(): string {
    return this.fileName as string;
  }
  getMimeType(): GoogleAppsScript.Content.MimeType {
    return this.mimeType as unknown as GoogleAppsScript.Content.MimeType;
  }
  setContent(content: string): GText {
    this.content = content;
    return asGas(this);
  }
  setMimeType(mimeType: GoogleAppsScript.Content.MimeType): GText {
    this.mimeType = String(mimeType);
    return asGas(this);
  }
}

export class FakeContentService extends Fake implements Pick<GoogleAppsScript.Content.ContentService, "createTextOutput"> {
  readonly kind = "ContentService";
  readonly MimeType = MimeType;
  createTextOutput(content?: string): GText {
    return asGas(new FakeTextOutput(this.world, content === undefined ? "" : String(content)));
  }
}
