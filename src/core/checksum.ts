/**
 * A short checksum of a text: cyrb53 (a public-domain 53-bit hash built on
 * Math.imul), as 14 hex digits. It tells a row edited by hand from the one the
 * add-on wrote; it is not a secret. What makes the log tamper-evident is that
 * each row's checksum includes the previous one (a chain) and that the last
 * one and a SHA-256 of the whole log (Utilities.computeDigest, one call) are
 * kept in document properties, which only the add-on's code can write.
 */
export function checksum(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, "0");
}

/** A digest's bytes (Apps Script gives signed bytes, -128..127) as lower-case hex. */
export function hex(bytes: readonly number[]): string {
  let out = "";
  for (const b of bytes) out += ((b + 256) % 256).toString(16).padStart(2, "0");
  return out;
}
