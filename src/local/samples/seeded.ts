/**
 * Seeded draws for the sample generators: the same number for the same key
 * (unit, period, purpose), whatever the order of the draws.
 */

/** FNV-1a of the key's UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A number in [0, 1) for a key (mulberry32 seeded by the key's FNV-1a hash). */
export function draw(...key: (string | number)[]): number {
  let t = (hash(key.join("|")) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A number in [lo, hi) for a key. */
export const between = (lo: number, hi: number, ...key: (string | number)[]): number => lo + (hi - lo) * draw(...key);
