// Keeps keyboard focus somewhere sensible after a call redraws the case: a control that was disabled while busy, then
// replaced, would otherwise leave focus on <body> and a keyboard or screen-reader user back at the top of the page.

/**
 * After the control `pressedId` started a call that redrew the case: focus `targetId` if it is there and usable, else the
 * case heading. Left alone when the person has meanwhile moved focus somewhere else.
 */
export function refocus(pressedId: string, targetId: string = pressedId): void {
  const active = document.activeElement;
  const lost = !active || active === document.body || !active.isConnected || (pressedId !== "" && active.id === pressedId);
  if (!lost) return;
  const el = document.getElementById(targetId) as HTMLElement | null;
  const usable = el && !(el as HTMLButtonElement | HTMLInputElement).disabled;
  (usable ? el : document.getElementById("case-h"))?.focus();
}
