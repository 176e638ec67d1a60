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

/** Realm-independent Date test: values may come from a vm context whose Date differs from Node's. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}
