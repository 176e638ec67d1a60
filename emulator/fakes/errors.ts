// Errors shaped like Apps Script's: name "Exception" and the platform's own wording.

/** An Apps Script-style exception (scripts see `e.name === "Exception"`). */
export function gasError(message: string): Error {
  const e = new Error(message);
  e.name = "Exception";
  return e;
}

/** Apps Script's type name for an argument, as printed in signature errors. */
export function gasTypeName(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "string") return "String";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "Boolean";
  if (isDate(v)) return "Date";
  if (Array.isArray(v)) return "Object[]";
  const kind = (v as { kind?: unknown }).kind;
  return typeof kind === "string" ? kind : "Object";
}

/** "The parameters (String,number) don't match the method signature for X." */
export function signatureError(args: readonly unknown[], method: string): Error {
  return gasError(`The parameters (${args.map(gasTypeName).join(",")}) don't match the method signature for ${method}.`);
}

/**
 * Integer parameters (a row, a column, a count): anything but a whole number — NaN, Infinity, 2.5, a string — is
 * refused with the signature error. Google documents these parameters as Integer and nothing about other numbers;
 * this is the strict side (assumed, in the fidelity table; Uji mandiri's "rentang" probe asks the real platform).
 */
export function integerArgs(args: readonly unknown[], method: string): void {
  if (args.some((x) => typeof x !== "number" || !Number.isInteger(x))) throw signatureError(args, method);
}

/** Realm-independent Date test: values may come from a vm context whose Date differs from Node's. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}
