import { authorizedRequesterFor, isAuthorizedRequester, whoCanAuthorize } from '../../../shared/domain/requesters';
import { deactivateRequester, newRequester } from '../../../shared/domain/requesters';
import type { Client } from '../../../shared/domain/requesters';

const client: Client = {
  id: 'acme',
  name: 'Acme',
  domains: ['acme.mx'],
  locale: 'es-MX',
  managerEmails: ['lead@partner.mx'],
  createdAt: '2025-01-01T00:00:00.000Z',
};
const ana = newRequester({
  id: 'r1',
  clientId: 'acme',
  email: ' Ana@ACME.mx ',
  name: 'Ana',
  isClientAdmin: true,
  effectiveFrom: '2026-01-01T00:00:00Z',
});
const luis = newRequester({
  id: 'r2',
  clientId: 'acme',
  email: 'luis@acme.mx',
  name: 'Luis',
  effectiveFrom: '2026-01-01T00:00:00Z',
  effectiveTo: '2026-03-01T00:00:00Z',
});
const other = newRequester({
  id: 'r3',
  clientId: 'other',
  email: 'pepe@acme.mx',
  name: 'Pepe',
  effectiveFrom: '2026-01-01T00:00:00Z',
});
const all = [ana, luis, other];

describe('isAuthorizedRequester', () => {
  test.each([
    ['ana@acme.mx', '2026-02-01T00:00:00Z', true],
    ['ANA@Acme.MX', '2026-02-01T00:00:00Z', true],
    ['ana@acme.mx', '2025-12-31T23:59:59Z', false],
    ['luis@acme.mx', '2026-02-28T23:59:59Z', true],
    ['luis@acme.mx', '2026-03-01T00:00:00Z', false],
    ['pepe@acme.mx', '2026-02-01T00:00:00Z', false],
    ['nobody@acme.mx', '2026-02-01T00:00:00Z', false],
  ])('%s at %s -> %p', (email, at, expected) => {
    expect(isAuthorizedRequester({ ...client, requesters: all }, email, at)).toBe(expected);
    expect(isAuthorizedRequester({ ...client, requesters: all }, email, new Date(at))).toBe(expected);
  });

  test("a client's own list: records without clientId, open or null bounds, dates without a time", () => {
    const acme = {
      id: 'acme',
      requesters: [
        { email: 'Ana@Acme.mx', effectiveFrom: '2026-01-01', effectiveTo: null },
        { email: 'old@acme.mx', effectiveTo: '2026-01-15' },
      ],
    };
    expect(isAuthorizedRequester(acme, 'ana@acme.mx', '2026-01-01T00:00:00Z')).toBe(true);
    expect(isAuthorizedRequester(acme, 'ana@acme.mx', '2025-12-31T23:59:59Z')).toBe(false);
    expect(isAuthorizedRequester(acme, 'old@acme.mx', '2020-01-01T00:00:00Z')).toBe(true);
    expect(isAuthorizedRequester(acme, 'old@acme.mx', '2026-01-15T00:00:00Z')).toBe(false);
    // The domain alone authorizes nobody.
    expect(isAuthorizedRequester(acme, 'someone@acme.mx', '2026-02-01T00:00:00Z')).toBe(false);
    expect(() => isAuthorizedRequester(acme, 'ana@acme.mx', 'yesterday')).toThrow(expect.objectContaining({ field: 'at' }));
  });

  test('returns the record that authorizes', () => {
    expect(authorizedRequesterFor(client, all, 'Ana@acme.mx', '2026-02-01T00:00:00Z')?.id).toBe('r1');
  });
});

describe('requester changes', () => {
  test('newRequester normalises and validates', () => {
    expect(ana.email).toBe('ana@acme.mx');
    expect(ana.effectiveFrom).toBe('2026-01-01T00:00:00.000Z');
    expect(() =>
      newRequester({ id: 'x', clientId: 'acme', email: 'nope', name: 'X', effectiveFrom: '2026-01-01T00:00:00Z' }),
    ).toThrow(expect.objectContaining({ field: 'email' }));
    expect(() =>
      newRequester({
        id: 'x',
        clientId: 'acme',
        email: 'x@acme.mx',
        name: 'X',
        effectiveFrom: '2026-02-01T00:00:00Z',
        effectiveTo: '2026-01-01T00:00:00Z',
      }),
    ).toThrow(expect.objectContaining({ field: 'effectiveTo' }));
  });

  test('deactivation is a dated change: the person stays authorized before the date', () => {
    const deactivated = deactivateRequester(ana, '2026-06-01T00:00:00Z');
    expect(deactivated).toEqual({ ...ana, effectiveTo: '2026-06-01T00:00:00.000Z' });
    expect(ana.effectiveTo).toBeUndefined();
    expect(isAuthorizedRequester({ ...client, requesters: [deactivated] }, 'ana@acme.mx', '2026-05-31T23:59:59Z')).toBe(true);
    expect(isAuthorizedRequester({ ...client, requesters: [deactivated] }, 'ana@acme.mx', '2026-06-01T00:00:00Z')).toBe(false);
    expect(() => deactivateRequester(ana, '2025-01-01T00:00:00Z')).toThrow(expect.objectContaining({ field: 'effectiveTo' }));
    expect(() => deactivateRequester(luis, '2026-04-01T00:00:00Z')).toThrow(/already deactivated/);
    expect(deactivateRequester(luis, '2026-02-01T00:00:00Z').effectiveTo).toBe('2026-02-01T00:00:00.000Z');
  });

  test('deactivating at the instant a record starts withdraws it; a millisecond earlier is refused (one rule for the directory service too)', () => {
    const withdrawn = deactivateRequester(ana, '2026-01-01T00:00:00Z');
    expect(isAuthorizedRequester({ ...client, requesters: [withdrawn] }, 'ana@acme.mx', '2026-01-01T00:00:00Z')).toBe(false);
    expect(() => deactivateRequester(ana, '2025-12-31T23:59:59.999Z')).toThrow(/is before the requester became authorized/);
  });

  test('whoCanAuthorize: the client admins in force, and the account managers', () => {
    expect(whoCanAuthorize(client, all, '2026-02-01T00:00:00Z')).toEqual({
      clientAdmins: [{ name: 'Ana', email: 'ana@acme.mx' }],
      accountManagers: ['lead@partner.mx'],
    });
    expect(
      whoCanAuthorize(client, [deactivateRequester(ana, '2026-01-15T00:00:00Z')], '2026-02-01T00:00:00Z').clientAdmins,
    ).toEqual([]);
  });
});
