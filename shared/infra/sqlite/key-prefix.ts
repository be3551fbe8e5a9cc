/**
 * The smallest string greater than every string that starts with `prefix` (UTF-8 byte order, which
 * is SQLite's BINARY order): `key >= prefix AND key < upper` selects the prefix through the index.
 * Undefined when there is no bound (empty prefix, or only U+10FFFF characters).
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const points = Array.from(prefix);
  while (points.length > 0) {
    const last = points.pop()!.codePointAt(0)!;
    let next = last + 1;
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000;
    if (next <= 0x10ffff) return points.join('') + String.fromCodePoint(next);
  }
  return undefined;
}
