// Ui and Menu: records the menus built and the sidebars/dialogs/alerts shown; alerts and prompts answer from a script.
import { gasError } from "./errors";
import { Fake, asFake, asGas } from "./fake";
import type { FakeHtmlOutput } from "./html";
import type { World } from "./world";

export type MenuItem = { label: string; fn: string } | { separator: true } | { label: string; submenu: MenuItem[] };
export interface MenuRecord {
  /** "addon" for createAddonMenu (shown under Extensions), else the caption of createMenu. */
  name: string;
  items: MenuItem[];
}
export interface Shown {
  type: "sidebar" | "modal" | "modeless" | "alert" | "prompt";
  title: string;
  /** HTML for sidebars and dialogs, the message for alerts and prompts. */
  content: string;
  buttons?: string;
  width?: number;
  height?: number;
}
export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}
/** A scripted answer to the next alert or prompt. */
export interface Answer {
  button?: keyof typeof Button;
  text?: string;
}
export interface UiLog {
  menus: MenuRecord[];
  shown: Shown[];
  toasts: Toast[];
  answers: Answer[];
}

export const ButtonSet = { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO", YES_NO_CANCEL: "YES_NO_CANCEL" } as const;
export const Button = { CLOSE: "CLOSE", OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO" } as const;

export function newUiLog(): UiLog {
  return { menus: [], shown: [], toasts: [], answers: [] };
}

export class FakeMenu extends Fake implements Pick<GoogleAppsScript.Base.Menu, "addItem" | "addSeparator" | "addSubMenu" | "addToUi"> {
  readonly kind = "Menu";
  readonly items: MenuItem[] = [];
  constructor(
    world: World,
    readonly name: string,
  ) {
    super(world);
  }
  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    if (typeof caption !== "string" || typeof functionName !== "string") throw gasError("Invalid argument: functionName");
    this.items.push({ label: caption, fn: functionName });
    return asGas(this);
  }
  addSeparator(): GoogleAppsScript.Base.Menu {
    this.items.push({ separator: true });
    return asGas(this);
  }
  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    const sub = asFake<FakeMenu>(menu);
    this.items.push({ label: sub.name, submenu: [...sub.items] });
    return asGas(this);
  }
  addToUi(): void {
    const log = this.world.ui;
    log.menus = log.menus.filter((m) => m.name !== this.name);
    log.menus.push({ name: this.name, items: [...this.items] });
  }
}

export class FakePromptResponse extends Fake implements Pick<GoogleAppsScript.Base.PromptResponse, "getResponseText" | "getSelectedButton"> {
  readonly kind = "PromptResponse";
  constructor(
    world: World,
    readonly text: string,
    readonly button: string,
  ) {
    super(world);
  }
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this.button as unknown as GoogleAppsScript.Base.Button;
  }
}

type Methods = "createMenu" | "createAddonMenu" | "alert" | "prompt" | "showSidebar" | "showModalDialog" | "showModelessDialog";

export class FakeUi extends Fake implements Pick<GoogleAppsScript.Base.Ui, Methods> {
  readonly kind = "Ui";
  readonly ButtonSet = ButtonSet;
  readonly Button = Button;

  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return asGas(new FakeMenu(this.world, caption));
  }
  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return asGas(new FakeMenu(this.world, "addon"));
  }
  private answer_(buttons: string): Answer {
    const next = this.world.ui.answers.shift() ?? {};
    return { button: next.button ?? (buttons.startsWith("YES") ? "YES" : "OK"), text: next.text ?? "" };
  }
  alert(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.Button {
    const [title, message, buttons] = c !== undefined ? [a, String(b), String(c)] : b !== undefined ? ["", a, String(b)] : ["", a, "OK"];
    this.world.ui.shown.push({ type: "alert", title, content: message, buttons });
    return this.answer_(buttons).button as unknown as GoogleAppsScript.Base.Button;
  }
  prompt(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.PromptResponse {
    const [title, message, buttons] = c !== undefined ? [a, String(b), String(c)] : b !== undefined ? ["", a, String(b)] : ["", a, "OK"];
    this.world.ui.shown.push({ type: "prompt", title, content: message, buttons });
    const answer = this.answer_(buttons);
    return asGas(new FakePromptResponse(this.world, answer.text ?? "", answer.button!));
  }
  private show_(type: Shown["type"], html: unknown, title?: string): void {
    const out = asFake<FakeHtmlOutput>(html);
    this.world.ui.shown.push({ type, title: title ?? out.title, content: out.content, width: out.width, height: out.height });
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.show_("sidebar", userInterface);
  }
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show_("modal", userInterface, title);
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show_("modeless", userInterface, title);
  }
}
