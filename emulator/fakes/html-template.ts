// HtmlTemplate: <? code ?>, <?= escaped ?>, <?!= raw ?> scriptlets, run with the template's properties in the script's realm.
import { Fake, asGas } from "./fake";
import { FakeHtmlOutput, escapeHtml } from "./html";
import type { World } from "./world";

type Methods = "evaluate" | "getCode" | "getCodeWithComments" | "getRawContent";

/** Compiles a template to the body of a function (__p: properties, __e: escape, __r: raw). */
export function compileTemplate(source: string): string {
  const parts: string[] = ["var __o=[];"];
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m.index > last) parts.push(`__o.push(${JSON.stringify(source.slice(last, m.index))});`);
    const code = m[2];
    if (m[1] === "=") parts.push(`__o.push(__e(${code}));`);
    else if (m[1] === "!=") parts.push(`__o.push(__r(${code}));`);
    else parts.push(`${code}\n`);
    last = re.lastIndex;
  }
  if (last < source.length) parts.push(`__o.push(${JSON.stringify(source.slice(last))});`);
  parts.push('return __o.join("");');
  return parts.join("\n");
}

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));

export class FakeHtmlTemplate extends Fake implements Pick<GoogleAppsScript.HTML.HtmlTemplate, Methods> {
  readonly kind = "HtmlTemplate";
  private readonly props: Record<string, unknown> = {};

  constructor(
    world: World,
    readonly source: string,
  ) {
    super(world);
  }
  getDynamic_(name: string): unknown {
    return this.props[name];
  }
  setDynamic_(name: string, value: unknown): void {
    this.props[name] = value;
  }
  /** Runs in the script's vm context when there is one, so scriptlets can call the script's functions. */
  evaluate(): GoogleAppsScript.HTML.HtmlOutput {
    const body = compileTemplate(this.source);
    const wrapper = `(function(__p,__e,__r){with(__p){${body}}})`;
    const evaluate = this.world.callRealm?.evaluate;
    // Without a script context (Node-side tests), templates compile in a global scope of their own.
    const fn = (evaluate ? evaluate(wrapper) : new Function(`return ${wrapper}`)()) as (p: object, e: (v: unknown) => string, r: (v: unknown) => string) => string;
    const html = fn(this.props, (v) => escapeHtml(text(v)), text);
    return asGas(new FakeHtmlOutput(this.world, html));
  }
  getCode(): string {
    return compileTemplate(this.source);
  }
  getCodeWithComments(): string {
    return compileTemplate(this.source);
  }
  getRawContent(): string {
    return this.source;
  }
}
