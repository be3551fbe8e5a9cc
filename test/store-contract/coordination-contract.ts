import { NotFoundError } from '../../shared/domain/common';
import type { ContractContext, ContractTest } from './contract-context';
import { makeWindow } from './fixtures';

const T0 = new Date('2026-03-02T16:00:00.000Z');
const later = (ms: number): Date => new Date(T0.getTime() + ms);

/** After-hours windows, the alert ledger, key-value state and leases. */
export function coordinationContract(contractTest: ContractTest, ctx: ContractContext): void {
  contractTest('after-hours: windows put, get, decide and list by client and status', async () => {
    const saturday = makeWindow('client-a', { requestMessageId: '<ah1@acme.example>' });
    const sunday = makeWindow('client-a', { start: '2026-03-08T15:00:00.000Z', end: '2026-03-08T20:00:00.000Z' });
    const other = makeWindow('client-b');
    for (const w of [sunday, saturday, other]) await ctx.store.afterHours.putWindow(w);
    expect(await ctx.store.afterHours.getWindow(saturday.id)).toEqual(saturday);
    expect(await ctx.store.afterHours.getWindow('no-such-window')).toBeUndefined();
    const approved = {
      ...saturday,
      status: 'approved' as const,
      decidedBy: 'staff-manager',
      decidedAt: '2026-03-03T10:00:00.000Z',
    };
    await ctx.store.afterHours.putWindow(approved);
    expect(await ctx.store.afterHours.getWindow(saturday.id)).toEqual(approved);
    const ids = async (query: { clientId?: string; status?: 'requested' | 'approved' | 'refused' }) =>
      (await ctx.store.afterHours.listWindows(query)).map((w) => w.id).sort();
    expect(await ids({ clientId: 'client-a' })).toEqual([saturday.id, sunday.id].sort());
    expect(await ids({ status: 'requested' })).toEqual([sunday.id, other.id].sort());
    expect(await ids({ clientId: 'client-a', status: 'approved' })).toEqual([saturday.id]);
    expect(await ids({})).toEqual([saturday.id, sunday.id, other.id].sort());
  });

  contractTest('alerts: only the first claim wins', async () => {
    expect(await ctx.store.alerts.claim('t1:response:at-risk', 'sweeper-a', T0)).toBe(true);
    expect(await ctx.store.alerts.claim('t1:response:at-risk', 'sweeper-b', later(1000))).toBe(false);
    expect(await ctx.store.alerts.claim('t1:response:at-risk', 'sweeper-a', later(2000))).toBe(false);
    expect(await ctx.store.alerts.get('t1:response:at-risk')).toEqual({
      key: 't1:response:at-risk',
      holder: 'sweeper-a',
      claimedAt: T0.toISOString(),
    });
    expect(await ctx.store.alerts.get('t1:response:breached')).toBeUndefined();
  });

  contractTest('alerts: parallel claims of one key have exactly one winner', async () => {
    const wins = await Promise.all(
      Array.from({ length: 12 }, (_, i) => ctx.store.alerts.claim('t2:resolution:breached', `holder-${i}`, T0)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    const record = await ctx.store.alerts.get('t2:resolution:breached');
    expect(record?.holder).toBe(`holder-${wins.indexOf(true)}`);
  });

  contractTest('alerts: claims across two instances have exactly one winner', async () => {
    const other = await ctx.second();
    const stores = [ctx.store, other];
    const wins = await Promise.all(
      Array.from({ length: 10 }, (_, i) => stores[i % 2].alerts.claim('t3:response:breached', `instance-${i % 2}`, T0)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await other.alerts.get('t3:response:breached')).toEqual(await ctx.store.alerts.get('t3:response:breached'));
  });

  contractTest('alerts: complete records when and where the alert went', async () => {
    await ctx.store.alerts.claim('t4:response:at-risk', 'sweeper-a', T0);
    await ctx.store.alerts.complete('t4:response:at-risk', later(500), 'activity-123');
    expect(await ctx.store.alerts.get('t4:response:at-risk')).toEqual({
      key: 't4:response:at-risk',
      holder: 'sweeper-a',
      claimedAt: T0.toISOString(),
      completedAt: later(500).toISOString(),
      ref: 'activity-123',
    });
    await expect(ctx.store.alerts.complete('never-claimed', T0)).rejects.toBeInstanceOf(NotFoundError);
  });

  contractTest('alerts: release lets a later claim win; a completed alert stays claimed', async () => {
    await ctx.store.alerts.claim('t5:response:at-risk', 'sweeper-a', T0);
    await ctx.store.alerts.release('t5:response:at-risk');
    expect(await ctx.store.alerts.get('t5:response:at-risk')).toBeUndefined();
    expect(await ctx.store.alerts.claim('t5:response:at-risk', 'sweeper-b', later(60_000))).toBe(true);
    await ctx.store.alerts.complete('t5:response:at-risk', later(61_000));
    await ctx.store.alerts.release('t5:response:at-risk');
    expect(await ctx.store.alerts.claim('t5:response:at-risk', 'sweeper-c', later(120_000))).toBe(false);
    expect(await ctx.store.alerts.get('t5:response:at-risk')).toMatchObject({
      holder: 'sweeper-b',
      completedAt: later(61_000).toISOString(),
    });
  });

  contractTest(
    'alerts: an abandoned claim is taken over once stale, by one caller; a fresh or completed one is not',
    async () => {
      const key = 't7:response:breached';
      expect(await ctx.store.alerts.takeOverStale(key, 'sweeper-b', later(1000), T0)).toBe(false); // nothing claimed
      await ctx.store.alerts.claim(key, 'dead-process', T0);
      expect(await ctx.store.alerts.takeOverStale(key, 'sweeper-b', later(1000), T0)).toBe(false); // not older than T0
      const wins = await Promise.all(
        Array.from({ length: 6 }, (_, i) => ctx.store.alerts.takeOverStale(key, `sweeper-${i}`, later(600_001), later(1))),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
      const winner = `sweeper-${wins.indexOf(true)}`;
      expect(await ctx.store.alerts.get(key)).toEqual({ key, holder: winner, claimedAt: later(600_001).toISOString() });
      await ctx.store.alerts.complete(key, later(600_002), 'activity-7');
      expect(await ctx.store.alerts.takeOverStale(key, 'sweeper-z', later(9_000_000), later(9_000_000))).toBe(false);
      expect(await ctx.store.alerts.get(key)).toMatchObject({
        holder: winner,
        completedAt: later(600_002).toISOString(),
        ref: 'activity-7',
      });
    },
  );

  contractTest('alerts: list by key prefix', async () => {
    for (const key of ['t6:response:at-risk', 't6:resolution:breached', 't60:response:at-risk', 'budget:t6:80'])
      await ctx.store.alerts.claim(key, 'sweeper', T0);
    const keys = async (prefix: string) => (await ctx.store.alerts.list(prefix)).map((r) => r.key).sort();
    expect(await keys('t6:')).toEqual(['t6:resolution:breached', 't6:response:at-risk']);
    expect(await keys('t6')).toEqual(['t6:resolution:breached', 't6:response:at-risk', 't60:response:at-risk'].sort());
    expect(await keys('')).toHaveLength(4);
    expect(await keys('none:')).toEqual([]);
    expect((await ctx.store.alerts.list('budget:'))[0]).toEqual({
      key: 'budget:t6:80',
      holder: 'sweeper',
      claimedAt: T0.toISOString(),
    });
  });

  contractTest('state: get, set, overwrite and delete JSON values', async () => {
    expect(await ctx.store.state.getState('mail:delta')).toBeUndefined();
    const reference = {
      conversation: { id: 'conv-1' },
      serviceUrl: 'http://127.0.0.1:56150',
      users: ['a', 'b'],
      count: 3,
      on: true,
      none: null,
    };
    await ctx.store.state.setState('teams:ref:user-1', reference);
    await ctx.store.state.setState('mail:delta', 'token-1');
    await ctx.store.state.setState('sweep:last', 42);
    expect(await ctx.store.state.getState('teams:ref:user-1')).toEqual(reference);
    expect(await ctx.store.state.getState<string>('mail:delta')).toBe('token-1');
    expect(await ctx.store.state.getState<number>('sweep:last')).toBe(42);
    await ctx.store.state.setState('mail:delta', 'token-2');
    expect(await ctx.store.state.getState('mail:delta')).toBe('token-2');
    await ctx.store.state.deleteState('mail:delta');
    await ctx.store.state.deleteState('never-set');
    expect(await ctx.store.state.getState('mail:delta')).toBeUndefined();
    expect(await ctx.store.state.getState('sweep:last')).toBe(42);
  });

  contractTest('state: a value set by one instance is read by another', async () => {
    const other = await ctx.second();
    await ctx.store.state.setState('mail:delta', { token: 'abc' });
    expect(await other.state.getState('mail:delta')).toEqual({ token: 'abc' });
    await other.state.deleteState('mail:delta');
    expect(await ctx.store.state.getState('mail:delta')).toBeUndefined();
  });

  contractTest('leases: one holder at a time until the lease expires', async () => {
    expect(await ctx.store.leases.currentLease('sla-sweeper')).toBeUndefined();
    expect(await ctx.store.leases.acquireLease('sla-sweeper', 'a', T0, 30_000)).toBe(true);
    expect(await ctx.store.leases.currentLease('sla-sweeper')).toEqual({
      name: 'sla-sweeper',
      holder: 'a',
      until: later(30_000).toISOString(),
    });
    expect(await ctx.store.leases.acquireLease('sla-sweeper', 'b', later(29_999), 30_000)).toBe(false);
    expect(await ctx.store.leases.acquireLease('other-lease', 'b', later(1), 30_000)).toBe(true);
    expect(await ctx.store.leases.acquireLease('sla-sweeper', 'b', later(30_000), 30_000)).toBe(true);
    expect(await ctx.store.leases.currentLease('sla-sweeper')).toEqual({
      name: 'sla-sweeper',
      holder: 'b',
      until: later(60_000).toISOString(),
    });
    expect(await ctx.store.leases.acquireLease('sla-sweeper', 'a', later(31_000), 30_000)).toBe(false);
  });

  contractTest('leases: the holder renews, extending until', async () => {
    await ctx.store.leases.acquireLease('sla-sweeper', 'a', T0, 30_000);
    expect(await ctx.store.leases.acquireLease('sla-sweeper', 'a', later(20_000), 30_000)).toBe(true);
    expect((await ctx.store.leases.currentLease('sla-sweeper'))?.until).toBe(later(50_000).toISOString());
    expect(await ctx.store.leases.acquireLease('sla-sweeper', 'b', later(40_000), 30_000)).toBe(false);
  });

  contractTest('leases: release frees the lease only for its holder', async () => {
    await ctx.store.leases.acquireLease('sla-sweeper', 'a', T0, 30_000);
    await ctx.store.leases.releaseLease('sla-sweeper', 'b');
    expect((await ctx.store.leases.currentLease('sla-sweeper'))?.holder).toBe('a');
    await ctx.store.leases.releaseLease('sla-sweeper', 'a');
    expect(await ctx.store.leases.currentLease('sla-sweeper')).toBeUndefined();
    expect(await ctx.store.leases.acquireLease('sla-sweeper', 'b', later(1000), 30_000)).toBe(true);
  });

  contractTest('leases: exclusive across two instances', async () => {
    const other = await ctx.second();
    const results = await Promise.all([
      ctx.store.leases.acquireLease('sla-sweeper', 'instance-1', T0, 30_000),
      other.leases.acquireLease('sla-sweeper', 'instance-2', T0, 30_000),
      ctx.store.leases.acquireLease('sla-sweeper', 'instance-3', T0, 30_000),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const holder = `instance-${results.indexOf(true) + 1}`;
    expect((await other.leases.currentLease('sla-sweeper'))?.holder).toBe(holder);
    expect((await ctx.store.leases.currentLease('sla-sweeper'))?.holder).toBe(holder);
  });
}
