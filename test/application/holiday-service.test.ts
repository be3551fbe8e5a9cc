import { HolidayService } from '../../shared/application/holiday-service';
import { PolicyRegistry } from '../../shared/application/policy-registry';
import { policyVersion } from '../../shared/domain/policy';
import { DEFAULT_POLICY } from '../../shared/domain/policy';
import { harness, L2, MANAGER, type Harness } from './fixture';

describe('HolidayService and PolicyRegistry: days off an administrator adds', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it('closes an added day in the policy of clients from then on, under a new version; removing it restores the default', async () => {
    const holidays = new HolidayService({ state: h.store.state, clock: h.clock });
    const acme = await h.policies.client('acme');
    expect((await h.policies.forClient(acme)).version).toBe(policyVersion(DEFAULT_POLICY));
    await holidays.add(MANAGER, { date: '2026-06-07', name: 'Elección federal', kind: 'election' });
    const { policy, version } = await h.policies.forClient(acme);
    expect(version).not.toBe(policyVersion(DEFAULT_POLICY));
    expect(policy.calendar.holidays).toContain('2026-06-07');
    // The version is saved, so a ticket opened under it finds its calendar again in another process.
    expect(
      (await new PolicyRegistry(h.store.state, h.store.directory).forTicket({ policyVersion: version, clientId: 'acme' }))
        .calendar.holidays,
    ).toContain('2026-06-07');
    await holidays.remove(MANAGER, '2026-06-07');
    expect((await h.policies.forClient(acme)).version).toBe(policyVersion(DEFAULT_POLICY));
  });

  it('only a manager adds or removes a day off; an unknown date cannot be removed', async () => {
    const holidays = new HolidayService({ state: h.store.state, clock: h.clock });
    await expect(holidays.add(L2, { date: '2026-06-07', name: 'x', kind: 'company' })).rejects.toThrow(
      'role L2 may not add a holiday',
    );
    await expect(holidays.remove(MANAGER, '2026-06-08')).rejects.toThrow('added holiday 2026-06-08 not found');
  });

  it('a server reads the added days again after a minute, not at every ticket', async () => {
    const registry = new PolicyRegistry(h.store.state, h.store.directory, h.clock);
    const acme = await registry.client('acme');
    await registry.forClient(acme);
    await new HolidayService({ state: h.store.state, clock: h.clock }).add(MANAGER, {
      date: '2026-06-07',
      name: 'x',
      kind: 'company',
    });
    expect((await registry.forClient(acme)).policy).toBe(DEFAULT_POLICY);
    h.clock.advanceMinutes(1);
    expect((await registry.forClient(acme)).policy.calendar.holidays).toContain('2026-06-07');
  });
});
