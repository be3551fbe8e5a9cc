import type { SupportPolicy } from './support-policy';

/** JSON with object keys sorted at every level, so equal policies serialise identically. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits (two 32-bit halves; pure JS, browser-safe). */
function fnv1a64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ (c + 0x9e37), 0x01000193) ^ (h1 >>> 15);
  }
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * A stable version id of a policy: `p-` + a 64-bit hash of its canonical JSON. Equal content gives
 * the same id whatever the key order; any change of a number gives another. Tickets record it.
 * Computed on every call (the domain keeps no cache): PolicyRegistry keeps policies by version.
 */
export function policyVersion(policy: SupportPolicy): string {
  return `p-${fnv1a64(canonicalJson(policy))}`;
}
