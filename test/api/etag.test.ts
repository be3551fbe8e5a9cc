import type { Request } from 'restify';
import { etag, requireIfMatch } from '../../bot/api/http-io';

const withIfMatch = (value: string) =>
  ({ header: (name: string) => (name === 'if-match' ? value : undefined) }) as unknown as Request;

describe('ETag and If-Match for ticket versions', () => {
  test.each([
    ['a plain version', '7f3c2a'],
    ['a SharePoint eTag (quoted, with a comma)', '"{5B8D2F9A-1C2E-4E5F-9A7B-3C4D5E6F7A8B},3"'],
    ['a version with a space', 'v 1'],
    ['a version that looks encoded', 'v64.abc'],
  ])('%s: the header is a well-formed entity-tag and comes back as the version', (_name, version) => {
    const header = etag(version).etag;
    expect(header).toMatch(/^"[\x21\x23-\x7e]+"$/);
    expect(requireIfMatch(withIfMatch(header))).toBe(version);
    expect(requireIfMatch(withIfMatch(`W/${header}`))).toBe(version);
  });

  test('the version as the JSON shows it, quoted by the client, is accepted too', () => {
    const version = '"{5B8D2F9A-1C2E-4E5F-9A7B-3C4D5E6F7A8B},3"';
    expect(requireIfMatch(withIfMatch(`"${version}"`))).toBe(version);
  });

  test('no If-Match, or a wildcard, is 428', () => {
    expect(() => requireIfMatch(withIfMatch(''))).toThrow(expect.objectContaining({ status: 428 }));
    expect(() => requireIfMatch(withIfMatch('*'))).toThrow(expect.objectContaining({ status: 428 }));
  });
});
