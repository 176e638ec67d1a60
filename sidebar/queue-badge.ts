// The Antrean saya badge: every case reply carries the caller's count after the call, so the badge is true after every action.
import { nav, state } from "./state";

/** Takes the count from a reply; only the tabs are redrawn, so nothing someone is typing in the view moves. */
export function noteQueueCount(n: number): void {
  const boot = state.boot;
  if (!boot || boot.queueCount === n) return;
  boot.queueCount = n;
  nav.drawTabs();
}
