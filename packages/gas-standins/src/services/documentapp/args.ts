/**
 * DocumentApp's argument checks and exceptions: wrong types give Apps
 * Script's "The parameters (...) don't match the method signature for
 * DocumentApp.X.y." message.
 */

/** An Apps Script exception: String(e) is "Exception: <message>". */
export function exception(message: string): Error {
  const e = new Error(message);
  e.name = "Exception";
  return e;
}

function typeName(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) {
    const inner = x.find((v) => v !== undefined);
    return `${inner === undefined ? "Object" : typeName(inner)}[]`;
  }
  switch (typeof x) {
    case "string":
      return "String";
    case "number":
      return "number";
    case "boolean":
      return "Boolean";
    case "undefined":
      return "undefined";
    default:
      return "Object";
  }
}

/** The exception Apps Script throws when arguments have the wrong types. */
export function signatureError(where: string, args: readonly unknown[]): Error {
  return exception(`The parameters (${args.map(typeName).join(",")}) don't match the method signature for DocumentApp.${where}.`);
}

export function cast<T>(x: unknown): T {
  return x as T;
}

function isColor(v: unknown): v is string {
  return typeof v === "string" && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v);
}

export function normColor(where: string, v: unknown): string {
  if (!isColor(v)) {
    if (typeof v === "string") throw exception(`Invalid argument: color "${v}" (stand-in: expected "#rrggbb"). (${where})`);
    throw signatureError(where, [v]);
  }
  const hex = v.slice(1).toLowerCase();
  return `#${hex.length === 3 ? hex.replace(/./g, (c) => c + c) : hex}`;
}

export function enumValue<T extends string>(where: string, v: unknown, names: readonly T[]): T {
  const s = v === null || v === undefined ? "" : String(v);
  if (!(names as readonly string[]).includes(s)) throw signatureError(where, [v]);
  return s as T;
}

export function numberArg(where: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw signatureError(where, [v]);
  return v;
}

export function boolArg(where: string, v: unknown): boolean {
  if (typeof v !== "boolean") throw signatureError(where, [v]);
  return v;
}

export function stringArg(where: string, v: unknown): string {
  if (typeof v !== "string") throw signatureError(where, [v]);
  return v;
}

export function indexArg(where: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v)) throw signatureError(where, [v]);
  return v;
}
