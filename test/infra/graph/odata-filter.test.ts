import { evaluateFilter, filterPaths, parseFilter, readPath } from '../../support/graph-service/odata-filter';
import { pathMatches } from '../../support/graph-service/path-pattern';

const message = {
  subject: "O'Brien's printer",
  flag: { flagStatus: 'flagged' },
  categories: ['SUP-2026-0001', 'Blue'],
  receivedDateTime: '2026-11-20T10:00:00Z',
  importance: 'high',
  isRead: false,
  fields: { Priority: 2, id: 7 },
};
const matches = (filter: string) => evaluateFilter(parseFilter(filter), (path) => readPath(message, path));

describe('the Graph service $filter', () => {
  it.each([
    ["flag/flagStatus eq 'flagged'", true],
    ["flag/flagStatus eq 'FLAGGED'", true], // Exchange and SharePoint compare text ignoring case
    ["subject eq 'O''Brien''s printer'", true],
    ['receivedDateTime ge 2026-11-01T00:00:00Z', true],
    ["receivedDateTime lt '2026-11-01T00:00:00Z'", false],
    ["isRead eq false and importance ne 'low'", true],
    ["isRead eq true or (importance eq 'high' and not (fields/Priority gt 2))", true],
    ["categories/any(c:c eq 'blue')", true],
    ["categories/any(c:startswith(c, 'SUP-'))", true],
    ["categories/any(c:c eq 'Red')", false],
    ["contains(subject, 'printer') and endswith(subject, 'PRINTER')", true],
    ["fields/id eq '7'", true],
    ['fields/Missing eq null', true],
  ])('%s -> %s', (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it('lists the paths a filter reads (for the indexed-column check)', () => {
    expect(
      filterPaths(parseFilter("fields/Status eq 'open' and (fields/Priority le 2 or not startswith(fields/Title, 'x'))")),
    ).toEqual(['fields/Status', 'fields/Priority', 'fields/Title']);
  });

  it.each(["subject eq 'open", 'subject eq', 'subject lookslike 1', '(subject eq 1', 'subject eq 1 extra'])(
    'refuses %s with 400',
    (filter) => {
      expect(() => parseFilter(filter)).toThrow(
        expect.objectContaining({ status: 400, message: expect.stringContaining('Invalid filter clause') }),
      );
    },
  );
});

describe('path patterns of faults and the request counter', () => {
  it.each([
    ['/sites/*/lists/*/items', '/sites/a,b,c/lists/Tickets/items', true],
    ['/sites/*/lists/*/items', '/sites/a/lists/Tickets/items/3', false],
    ['/sites/**', '/sites/a/lists/Tickets/items/3', true],
    ['/users/*/mailFolders/inbox/messages/delta', '/users/x@y/mailfolders/Inbox/messages/delta', true],
    ['/$batch', '/$batch', true],
  ])('%s on %s -> %s', (pattern, path, expected) => {
    expect(pathMatches(pattern, path)).toBe(expected);
  });
});
