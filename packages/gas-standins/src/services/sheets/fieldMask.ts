/**
 * A field mask of the Sheets API ("sheets(properties(sheetId,title),protectedRanges)"):
 * the parts of a response a request asked for
 * (https://developers.google.com/sheets/api/guides/field-masks). An empty mask
 * keeps everything.
 */
export type Mask = Map<string, Mask | null>;

/** Parses "a,b(c,d(e)),f"; throws on unbalanced parentheses. */
export function parseMask(text: string): Mask | null {
  const s = text.replace(/\s+/g, "");
  if (!s || s === "*") return null;
  let i = 0;
  const list = (): Mask => {
    const out: Mask = new Map();
    while (i < s.length && s[i] !== ")") {
      let name = "";
      while (i < s.length && !",()".includes(s[i]!)) name += s[i++];
      if (!name) throw new Error(`Invalid field mask "${text}".`);
      let sub: Mask | null = null;
      if (s[i] === "(") {
        i++;
        sub = list();
        if (s[i] !== ")") throw new Error(`Invalid field mask "${text}".`);
        i++;
      }
      // "a.b" is "a(b)".
      const [head, ...rest] = name.split(".");
      let node: Mask | null = sub;
      for (const part of rest.reverse()) node = new Map([[part, node]]);
      // "a.b,a.c" is "a(b,c)": paths that share a head merge.
      out.set(head!, merge(out.get(head!), node));
      if (s[i] === ",") i++;
    }
    return out;
  };
  const mask = list();
  if (i !== s.length) throw new Error(`Invalid field mask "${text}".`);
  return mask;
}

/** Two masks of one field as one (null: the whole field). */
function merge(a: Mask | null | undefined, b: Mask | null): Mask | null {
  if (a === undefined) return b;
  if (a === null || b === null) return null;
  const out: Mask = new Map(a);
  for (const [k, v] of b) out.set(k, merge(out.get(k), v));
  return out;
}

/** The value with only the masked fields (arrays: each element). */
export function applyMask(value: unknown, mask: Mask | null): unknown {
  if (mask === null || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => applyMask(v, mask));
  const out: Record<string, unknown> = {};
  for (const [k, sub] of mask) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = applyMask(v, sub);
  }
  return out;
}
