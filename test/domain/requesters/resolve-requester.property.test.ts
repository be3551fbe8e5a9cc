import fc from 'fast-check';
import { assertClientAdministrator } from '../../../bot/api/client-scope';
import type { Caller } from '../../../bot/auth/caller';
import { resolveCaller } from '../../../bot/auth/caller-resolver';
import { DirectoryService } from '../../../shared/application/directory-service';
import type { DirectoryStore, Store } from '../../../shared/application/ports';
import { checkSender } from '../../../shared/application/intake/sender-check';
import { resolveRequester } from '../../../shared/domain/requesters';
import type { AuthorizedRequester, Client } from '../../../shared/domain/requesters';

/** Fixed: a failure names this seed (and fast-check prints the counterexample with its path). */
const SEED = 20261206;
const RUNS = 200;
const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const EMAIL = 'ana@shared.example';

const client = (id: string): Client => ({
  id,
  name: id.toUpperCase(),
  domains: [],
  locale: 'en',
  tenantId: `tenant-${id}`,
  managerEmails: [],
  createdAt: '2025-01-01T00:00:00.000Z',
});
const CLIENTS = { a: client('a'), b: client('b') };

/** A read-only directory over fixed records: only what the four users of the rule read. */
function directoryOf(records: AuthorizedRequester[]): DirectoryStore {
  const none = async () => undefined;
  return {
    getClient: async (id) => CLIENTS[id as 'a' | 'b'],
    listClients: async () => Object.values(CLIENTS),
    listRequesters: async (clientId) => records.filter((r) => clientId === undefined || r.clientId === clientId),
    findRequestersByEmail: async (email) => records.filter((r) => r.email === email),
    findStaffByAadObjectId: none,
    findStaffByEmail: none,
    getStaff: none,
    listStaff: async () => [],
    listAudit: async () => [],
    putClient: none,
    putRequester: none,
    putStaff: none,
    appendAudit: none,
  };
}

const record = (clientId: 'a' | 'b', from: number, to: number | undefined, admin: boolean): AuthorizedRequester => ({
  id: `r-${clientId}`,
  clientId,
  email: EMAIL,
  name: 'Ana',
  isClientAdmin: admin,
  effectiveFrom: new Date(T0 + from).toISOString(),
  ...(to === undefined ? {} : { effectiveTo: new Date(T0 + from + to).toISOString() }),
});

/** At most one record per client: from an offset, maybe deactivated a positive duration later. */
const recordFor = (clientId: 'a' | 'b') =>
  fc.option(
    fc
      .tuple(
        fc.integer({ min: 0, max: 10_000 }),
        fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
        fc.boolean(),
      )
      .map(([from, to, admin]) => record(clientId, from, to, admin)),
    { nil: undefined },
  );

/** Instants around every boundary the records have (one ms either side and on it), plus random ones. */
function probes(records: AuthorizedRequester[], extra: number): number[] {
  const edges = records.flatMap((r) => [Date.parse(r.effectiveFrom), ...(r.effectiveTo ? [Date.parse(r.effectiveTo)] : [])]);
  return [...edges.flatMap((t) => [t - 1, t, t + 1]), T0 + extra];
}

function oracle(records: AuthorizedRequester[], t: number, clientId?: string): string[] {
  return records
    .filter(
      (r) =>
        (clientId === undefined || r.clientId === clientId) &&
        Date.parse(r.effectiveFrom) <= t &&
        (r.effectiveTo === undefined || t < Date.parse(r.effectiveTo)),
    )
    .map((r) => r.clientId);
}

describe(`one requester authorization rule (fast-check seed ${SEED})`, () => {
  test('the domain rule: a deactivation effective at an instant refuses from that instant on; two clients are never "first found"', () => {
    fc.assert(
      fc.property(recordFor('a'), recordFor('b'), fc.integer({ min: -100, max: 30_000 }), (ra, rb, extra) => {
        const records = [ra, rb].filter((r): r is AuthorizedRequester => r !== undefined);
        for (const t of probes(records, extra)) {
          for (const scope of [undefined, 'a', 'b']) {
            const active = oracle(records, t, scope);
            const resolved = resolveRequester(records, EMAIL.toUpperCase(), new Date(t), scope);
            if (active.length === 0) expect(resolved.kind).toBe('none');
            else if (active.length > 1) expect(resolved).toEqual({ kind: 'ambiguous', clientIds: ['a', 'b'] });
            else expect(resolved.kind === 'authorized' && resolved.requester.clientId).toBe(active[0]);
          }
          for (const r of records.filter((x) => x.effectiveTo)) {
            // On the deactivation instant itself: refused. One millisecond before: still authorized.
            expect(resolveRequester([r], EMAIL, r.effectiveTo as string, r.clientId).kind).toBe('none');
            expect(resolveRequester([r], EMAIL, new Date(Date.parse(r.effectiveTo as string) - 1), r.clientId).kind).toBe(
              'authorized',
            );
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('sender check, directory service, API caller and client-scope check all answer as the rule does', async () => {
    await fc.assert(
      fc.asyncProperty(recordFor('a'), recordFor('b'), fc.integer({ min: -100, max: 30_000 }), async (ra, rb, extra) => {
        const records = [ra, rb].filter((r): r is AuthorizedRequester => r !== undefined);
        const directory = directoryOf(records);
        for (const t of probes(records, extra)) {
          const at = new Date(t);
          const clock = { now: () => at };
          for (const scope of ['a', 'b'] as const) {
            const active = oracle(records, t, scope).length === 1;
            // Mail intake: a reply on a ticket of client `scope`.
            expect((await checkSender(directory, EMAIL, at, scope)).authorized).toBe(active);
            // The directory's list of who is authorized at `at`.
            const service = new DirectoryService({ store: { directory } as unknown as Store, clock, ids: { newId: () => 'x' } });
            expect((await service.listRequesters(scope, at)).length).toBe(active ? 1 : 0);
            // The REST API: a token from the client's tenant resolves to that client's record, or is refused.
            const caller = await resolveCaller({ email: EMAIL, tenantId: `tenant-${scope}`, objectId: undefined } as never, {
              directory,
              clock,
              providerTenantId: 'provider',
            }).catch(() => undefined);
            expect(caller?.kind === 'requester' ? caller.client.id : undefined).toBe(active ? scope : undefined);
            // A client-scoped route: allowed exactly for an administrator of that client, now, from its tenant.
            const admin = active && records.find((r) => r.clientId === scope)?.isClientAdmin === true;
            const asCaller = {
              kind: 'requester',
              email: EMAIL,
              tenantId: `tenant-${scope}`,
              actor: { role: 'requester', id: EMAIL },
            } as unknown as Caller;
            const allowed = await assertClientAdministrator({ directory, clock }, asCaller, scope).then(
              () => true,
              () => false,
            );
            expect(allowed).toBe(admin);
          }
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
