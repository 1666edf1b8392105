/**
 * A short, synchronous digest of a text (64-bit FNV-1a over its UTF-8 bytes, as 16 hex
 * digits). It is not a security hash: it only tells whether the text of a process step
 * changed since a tester marked it, in the browser as in Node, without async crypto.
 */
const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

const encoder = new TextEncoder();

export function textDigest(text: string): string {
  let hash = OFFSET;
  for (const byte of encoder.encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}
