import { definedOnly } from '../../shared/domain/index';

describe('definedOnly', () => {
  test('drops undefined-valued keys and keeps every other value', () => {
    const maybe: string | undefined = undefined;
    const result = definedOnly({ a: 1, b: maybe, c: '', d: 0, e: false, f: null });
    expect(result).toEqual({ a: 1, c: '', d: 0, e: false, f: null });
    expect(Object.keys(result)).toEqual(['a', 'c', 'd', 'e', 'f']);
  });

  test('types a maybe-undefined value as an optional key that exactOptionalPropertyTypes accepts', () => {
    const name = ['Ana', undefined][1];
    const target: { id: string; name?: string } = definedOnly({ id: 'r1', name });
    expect(target).toEqual({ id: 'r1' });
    expect('name' in target).toBe(false);
  });

  test('returns a new object and leaves its input alone', () => {
    const input = { a: 1, b: undefined };
    const result = definedOnly(input);
    expect(result).not.toBe(input);
    expect(input).toEqual({ a: 1, b: undefined });
    expect('b' in input).toBe(true);
  });
});
