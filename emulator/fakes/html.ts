// HtmlService and HtmlOutput: pages from strings or from the built HTML files (dist/), with title and size.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FakeBlob } from "./blob";
import { gasError } from "./errors";
import { Fake, asGas } from "./fake";
import { FakeHtmlTemplate } from "./html-template";
import type { World } from "./world";

type GOutput = GoogleAppsScript.HTML.HtmlOutput;
type Methods =
  | "append" | "appendUntrusted" | "clear" | "getContent" | "setContent" | "getTitle" | "setTitle"
  | "getWidth" | "setWidth" | "getHeight" | "setHeight" | "setXFrameOptionsMode" | "setSandboxMode"
  | "addMetaTag" | "getMetaTags" | "setFaviconUrl" | "getFaviconUrl" | "getBlob" | "asTemplate";

/**
 * The only names addMetaTag accepts (developers.google.com/apps-script/reference/html/html-output#addMetaTag(String,String):
 * "Only the following meta tags are allowed"). What Apps Script throws for another name is not documented (assumed).
 */
export const ALLOWED_META_TAGS = ["apple-mobile-web-app-capable", "google-site-verification", "mobile-web-app-capable", "viewport"];
export const META_TAG_REFUSED = "Invalid argument: name";

export const XFrameOptionsMode = { ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" } as const;
export const SandboxMode = { EMULATED: "EMULATED", IFRAME: "IFRAME", NATIVE: "NATIVE" } as const;

export function escapeHtml(v: unknown): string {
  return String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export class FakeHtmlOutput extends Fake implements Pick<GOutput, Methods> {
  readonly kind = "HtmlOutput";
  title = "";
  width = 0;
  height = 0;
  xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  sandboxMode: string = SandboxMode.IFRAME;
  faviconUrl = "";
  readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    world: World,
    public content: string,
  ) {
    super(world);
  }
  append(addedContent: string): GOutput {
    this.content += addedContent;
    return asGas(this);
  }
  appendUntrusted(addedContent: string): GOutput {
    this.content += escapeHtml(addedContent);
    return asGas(this);
  }
  clear(): GOutput {
    this.content = "";
    return asGas(this);
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): GOutput {
    this.content = content;
    return asGas(this);
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): GOutput {
    this.title = title;
    return asGas(this);
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): GOutput {
    this.width = width;
    return asGas(this);
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): GOutput {
    this.height = height;
    return asGas(this);
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): GOutput {
    this.xFrameOptionsMode = String(mode);
    return asGas(this);
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): GOutput {
    this.sandboxMode = String(mode);
    return asGas(this);
  }
  addMetaTag(name: string, content: string): GOutput {
    if (!ALLOWED_META_TAGS.includes(name)) throw gasError(META_TAG_REFUSED);
    this.metaTags.push({ name, content: String(content) });
    return asGas(this);
  }
  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    return this.metaTags.map((t) => asGas(new FakeHtmlOutputMetaTag(this.world, t.name, t.content)));
  }
  setFaviconUrl(iconUrl: string): GOutput {
    this.faviconUrl = iconUrl;
    return asGas(this);
  }
  getFaviconUrl(): string {
    return this.faviconUrl;
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return asGas(new FakeBlob(this.world, Buffer.from(this.content, "utf8"), "text/html", this.title || null));
  }
  asTemplate(): GoogleAppsScript.HTML.HtmlTemplate {
    return asGas(new FakeHtmlTemplate(this.world, this.content));
  }
}

export class FakeHtmlOutputMetaTag extends Fake implements GoogleAppsScript.HTML.HtmlOutputMetaTag {
  readonly kind = "HtmlOutputMetaTag";
  constructor(
    world: World,
    readonly name: string,
    readonly content: string,
  ) {
    super(world);
  }
  getName(): string {
    return this.name;
  }
  getContent(): string {
    return this.content;
  }
}

type ServiceMethods = "createHtmlOutput" | "createHtmlOutputFromFile" | "createTemplate" | "createTemplateFromFile";

export class FakeHtmlService extends Fake implements Pick<GoogleAppsScript.HTML.HtmlService, ServiceMethods> {
  readonly kind = "HtmlService";
  readonly XFrameOptionsMode = XFrameOptionsMode;
  readonly SandboxMode = SandboxMode;

  /** The project's HTML file, as Apps Script finds it by name (with or without ".html"). */
  private file_(filename: string): string {
    const name = String(filename);
    const path = join(this.world.htmlDir, name.endsWith(".html") ? name : `${name}.html`);
    if (!existsSync(path)) throw gasError(`No HTML file named ${name} was found.`);
    return readFileSync(path, "utf8");
  }
  createHtmlOutput(html?: unknown): GOutput {
    const content = html === undefined ? "" : html instanceof FakeBlob ? html.getDataAsString() : String(html);
    return asGas(new FakeHtmlOutput(this.world, content));
  }
  createHtmlOutputFromFile(filename: string): GOutput {
    return asGas(new FakeHtmlOutput(this.world, this.file_(filename)));
  }
  createTemplate(html: unknown): GoogleAppsScript.HTML.HtmlTemplate {
    return asGas(new FakeHtmlTemplate(this.world, html instanceof FakeBlob ? html.getDataAsString() : String(html)));
  }
  createTemplateFromFile(filename: string): GoogleAppsScript.HTML.HtmlTemplate {
    return asGas(new FakeHtmlTemplate(this.world, this.file_(filename)));
  }
}
