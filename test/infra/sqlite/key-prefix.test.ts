import { prefixUpperBound } from '../../../shared/infra/sqlite/key-prefix';

describe('prefixUpperBound', () => {
  test.each([
    ['t6:', 't6;'],
    ['abc', 'abd'],
    ['a\u{10FFFF}', 'b'],
    ['\u{d7ff}', '\u{e000}'],
  ])('%j -> %j', (prefix, upper) => {
    expect(prefixUpperBound(prefix)).toBe(upper);
  });

  test('no bound for an empty prefix', () => {
    expect(prefixUpperBound('')).toBeUndefined();
    expect(prefixUpperBound('\u{10FFFF}')).toBeUndefined();
  });

  test('every key with the prefix sorts below the bound in UTF-8 byte order', () => {
    const upper = Buffer.from(prefixUpperBound('t6:é')!, 'utf8');
    for (const key of ['t6:é', 't6:é\u{10FFFF}', 't6:éz', 't6:é\u{FFFF}x'])
      expect(Buffer.compare(Buffer.from(key, 'utf8'), upper)).toBe(-1);
  });
});
