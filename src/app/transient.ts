// Which Apps Script errors say "not now" (a quota, a passing server fault) rather than "never" (a wrong address).

/** Errors that say "not now" (quota, a passing server fault) rather than "never" (a wrong address). */
export function transient(message: string): boolean {
  return /too many times|Service unavailable|temporarily|server error|try again|timed out|Please wait/i.test(message);
}
