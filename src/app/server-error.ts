// What a person reads when a call fails for a reason that is not a refusal: never JavaScript's internals.

/** JavaScript's own failures (a bug, not the platform): their text means nothing to the person and shows internals. */
const JS_ERRORS = new Set(["TypeError", "ReferenceError", "RangeError", "SyntaxError", "EvalError", "URIError", "InternalError"]);
const JS_TEXT = /Cannot (read|set) propert|is not (a function|defined|iterable|a constructor)|undefined|\[object \w+\]|function \w*\s*\(|native code|Unexpected token|in JSON at position/;

/**
 * The text to show for an error that is not a refusal: the platform's own words (a quota, a server fault, a lock
 * timeout: an admin may need them), or, for JavaScript's failures, none — those go to the log only.
 */
export function serverErrorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const name = err instanceof Error ? err.name : "";
  return JS_ERRORS.has(name) || JS_TEXT.test(message) ? "" : message;
}
