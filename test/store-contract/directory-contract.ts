import type { ContractContext, ContractTest } from './contract-context';
import { makeAudit, makeClient, makeRequester, makeStaff } from './fixtures';

const byId = <T extends { id: string }>(items: T[]): T[] => [...items].sort((a, b) => a.id.localeCompare(b.id));

export function directoryContract(contractTest: ContractTest, ctx: ContractContext): void {
  contractTest('directory: clients put, get, list and update', async () => {
    const acme = makeClient({
      name: 'Acme',
      tenantId: 'tenant-1',
      policyOverrides: { billing: { hourlyRateCents: 95000 }, noResponse: { contactAttempts: 4 } },
    });
    const globex = makeClient({ name: 'Globex', locale: 'en', domains: ['globex.example', 'globex.mx'] });
    await ctx.store.directory.putClient(acme);
    await ctx.store.directory.putClient(globex);
    expect(await ctx.store.directory.getClient(acme.id)).toEqual(acme);
    expect(await ctx.store.directory.getClient('no-such-client')).toBeUndefined();
    const renamed = { ...acme, name: 'Acme Corporativo', managerEmails: ['new@partner.example'] };
    await ctx.store.directory.putClient(renamed);
    expect(byId(await ctx.store.directory.listClients())).toEqual(byId([renamed, globex]));
  });

  contractTest('directory: requesters by client and by email, ignoring case', async () => {
    const ana = makeRequester('client-a', { email: 'ana@acme.example', isClientAdmin: true });
    const beto = makeRequester('client-a', { email: 'beto@acme.example', locale: 'en' });
    const anaElsewhere = makeRequester('client-b', { email: 'ana@acme.example' });
    for (const r of [ana, beto, anaElsewhere]) await ctx.store.directory.putRequester(r);
    expect(byId(await ctx.store.directory.listRequesters('client-a'))).toEqual(byId([ana, beto]));
    expect(byId(await ctx.store.directory.listRequesters())).toEqual(byId([ana, beto, anaElsewhere]));
    expect(byId(await ctx.store.directory.findRequestersByEmail('ANA@Acme.Example'))).toEqual(byId([ana, anaElsewhere]));
    expect(await ctx.store.directory.findRequestersByEmail('nobody@acme.example')).toEqual([]);
  });

  contractTest('directory: deactivation is dated: the record stays with its effectiveTo', async () => {
    const ana = makeRequester('client-a', { effectiveFrom: '2026-01-01T06:00:00.000Z' });
    await ctx.store.directory.putRequester(ana);
    const deactivated = { ...ana, effectiveTo: '2026-04-01T06:00:00.000Z' };
    await ctx.store.directory.putRequester(deactivated);
    const rehired = makeRequester('client-a', { email: ana.email, effectiveFrom: '2026-06-01T05:00:00.000Z' });
    await ctx.store.directory.putRequester(rehired);
    expect(byId(await ctx.store.directory.listRequesters('client-a'))).toEqual(byId([deactivated, rehired]));
    expect(byId(await ctx.store.directory.findRequestersByEmail(ana.email))).toEqual(byId([deactivated, rehired]));
  });

  contractTest('directory: staff by id, AAD object id and email', async () => {
    const luis = makeStaff({ email: 'luis@partner.example', aadObjectId: 'aad-luis', role: 'L2' });
    const marta = makeStaff({ name: 'Marta', email: 'marta@partner.example', role: 'manager', locale: 'en' });
    await ctx.store.directory.putStaff(luis);
    await ctx.store.directory.putStaff(marta);
    expect(await ctx.store.directory.getStaff(luis.id)).toEqual(luis);
    expect(await ctx.store.directory.findStaffByAadObjectId('aad-luis')).toEqual(luis);
    expect(await ctx.store.directory.findStaffByAadObjectId('aad-nobody')).toBeUndefined();
    expect(await ctx.store.directory.findStaffByEmail('MARTA@partner.example')).toEqual(marta);
    expect(await ctx.store.directory.getStaff('no-such-staff')).toBeUndefined();
    const inactive = { ...luis, active: false, role: 'L3' as const };
    await ctx.store.directory.putStaff(inactive);
    expect(byId(await ctx.store.directory.listStaff())).toEqual(byId([inactive, marta]));
  });

  contractTest('directory: audit appends in order and filters by subject prefix', async () => {
    const entries = [
      makeAudit('client:acme/requester:ana', { onRequestOf: 'boss@acme.example', detail: { effectiveTo: '2026-04-01' } }),
      makeAudit('staff:luis', { action: 'staff.add' }),
      makeAudit('client:acme/requester:beto'),
      makeAudit('client:acmex/requester:zoe'),
    ];
    for (const e of entries) await ctx.store.directory.appendAudit(e);
    expect(await ctx.store.directory.listAudit()).toEqual(entries);
    expect(await ctx.store.directory.listAudit('client:acme/')).toEqual([entries[0], entries[2]]);
    expect(await ctx.store.directory.listAudit('client:acme')).toEqual([entries[0], entries[2], entries[3]]);
    expect(await ctx.store.directory.listAudit('nothing:')).toEqual([]);
  });
}
