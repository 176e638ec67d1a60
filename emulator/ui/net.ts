// Who this browser tab is and how it talks to the workspace: every request names the tab and the person it acts as.

const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
/** A reload keeps the tab (its panel, its selection); a new tab, even one whose storage was copied from another, is new. */
const reloaded = nav?.type === "reload" || nav?.type === "back_forward";

function newId(): string {
  const r = typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `t-${r}`;
}

export const TAB: string = (reloaded && sessionStorage.getItem("alur.tab")) || newId();
sessionStorage.setItem("alur.tab", TAB);

/** A page opened from a link (an email, a web-app page) acts as the person that link carries. */
const fromLink = new URLSearchParams(location.search).get("as");
if (fromLink) {
  sessionStorage.setItem("alur.as", fromLink);
  history.replaceState(null, "", location.pathname);
}

let person = sessionStorage.getItem("alur.as") ?? "";

export function me(): string {
  return person;
}

export function setMe(email: string): void {
  person = email;
  sessionStorage.setItem("alur.as", email);
}

/** The query that gives a frame (panel, dialog, email) this tab and its person. */
export function whoQuery(): string {
  return `tab=${encodeURIComponent(TAB)}&as=${encodeURIComponent(person)}`;
}

export async function api<T>(path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { "x-alur-tab": TAB };
  if (person) headers["x-alur-as"] = person;
  const init: RequestInit = body === undefined ? { headers } : { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) };
  const res = await fetch(path, init);
  if (!res.ok) throw new Error(await res.text());
  return res.json() as Promise<T>;
}
