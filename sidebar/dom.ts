// A tiny element builder: text always goes in through textContent, so typed text can never become markup.

type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;
export type Child = Node | string | null | undefined | false;
export type Children = Child | Children[];

/** h("button", {class: "primary", onclick: fn}, "Setujui"): attributes by name, "on*" as listeners, children as text or nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Children[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (name === "value" && "value" in el) (el as HTMLInputElement).value = String(value);
    else if (name === "checked" && el instanceof HTMLInputElement) el.checked = value === true;
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: Children[]): void {
  for (const c of children) {
    if (Array.isArray(c)) append(el, c);
    else if (c !== null && c !== undefined && c !== false) el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
}

/** Replaces everything inside el. */
export function fill(el: Element, ...children: Children[]): void {
  el.textContent = "";
  append(el, children);
}

let uid = 0;
/** A fresh element id for label/aria-describedby pairs. */
export function newId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}
