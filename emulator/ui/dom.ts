// Small DOM helpers shared by the page: elements, toasts, the message dialog and the yes/no question.

export const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { cls?: string } = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  const { cls, ...rest } = props;
  if (cls) e.className = cls;
  Object.assign(e, rest);
  e.append(...kids);
  return e;
}

export function colName(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function toast(message: string, kind = "info"): void {
  const t = el("div", { cls: `toast ${kind}`, textContent: message });
  t.setAttribute("role", kind === "error" ? "alert" : "status");
  $("toasts").append(t);
  setTimeout(() => t.remove(), kind === "error" ? 9000 : 7000);
}

export function showModal(title: string, content: Node, width = 0): void {
  $("modal-title").textContent = title;
  $("modal-body").replaceChildren(content);
  ($("modal").firstElementChild as HTMLElement).style.width = width ? `${width}px` : "";
  $("modal").hidden = false;
}

/**
 * A question with OK and Batal, as Sheets asks before an edit of a warning-only protected range; resolves true on OK.
 * Escape or Batal answer no; focus returns to what had it.
 */
export function ask(title: string, message: string, ok = "OK"): Promise<boolean> {
  return new Promise((done) => {
    const back = document.activeElement as HTMLElement | null;
    const yes = el("button", { type: "button", textContent: ok, cls: "primary" });
    const no = el("button", { type: "button", textContent: "Batal" });
    const box = el("div", { cls: "ask" }, el("p", { textContent: message }), el("div", { cls: "buttons" }, no, yes));
    const finish = (v: boolean) => {
      $("modal").hidden = true;
      $("modal").removeEventListener("keydown", keys);
      $("modal-close").removeEventListener("click", closed);
      back?.focus();
      done(v);
    };
    const closed = () => finish(false);
    $("modal-close").addEventListener("click", closed);
    const keys = (e: KeyboardEvent) => {
      if (e.key === "Escape") finish(false);
    };
    yes.addEventListener("click", () => finish(true));
    no.addEventListener("click", () => finish(false));
    $("modal").addEventListener("keydown", keys);
    showModal(title, box, 440);
    yes.focus();
  });
}

/** A message with one OK button (Sheets' "Ada masalah" for a refused value). */
export function tell(title: string, message: string): Promise<void> {
  return new Promise((done) => {
    const back = document.activeElement as HTMLElement | null;
    const ok = el("button", { type: "button", textContent: "OK", cls: "primary" });
    const box = el("div", { cls: "ask" }, el("p", { textContent: message }), el("div", { cls: "buttons" }, ok));
    const finish = () => {
      $("modal").hidden = true;
      $("modal").removeEventListener("keydown", keys);
      $("modal-close").removeEventListener("click", finish);
      back?.focus();
      done();
    };
    $("modal-close").addEventListener("click", finish);
    const keys = (e: KeyboardEvent) => {
      if (e.key === "Escape" || e.key === "Enter") {
        e.preventDefault();
        finish();
      }
    };
    ok.addEventListener("click", finish);
    $("modal").addEventListener("keydown", keys);
    showModal(title, box, 440);
    ok.focus();
  });
}
