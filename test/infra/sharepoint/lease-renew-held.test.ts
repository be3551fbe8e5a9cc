import { takeLease } from '../../../shared/application/ports';
import type { SharePointStore } from '../../../shared/infra/sharepoint';
import { startSharePoint, type SharePointHarness } from './sharepoint-harness';

/** renewHeld: one If-Match write with the eTag of this instance's own last write of the lease. */
const NAME = 'mail-intake:graph';
const TTL = 60_000;
const T0 = new Date('2026-03-02T16:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

let sp: SharePointHarness;
let a: SharePointStore;
let b: SharePointStore;
beforeEach(async () => {
  sp = await startSharePoint();
  [a, b] = [await sp.open(), await sp.open()];
  sp.graph.requests.reset();
});
afterEach(() => sp.graph.close());

it('renews a lease this instance took with one request, and again after each renewal', async () => {
  expect(await a.leases.acquireLease(NAME, 'a', T0, TTL)).toBe(true);
  sp.graph.requests.reset();
  expect(await a.leases.renewHeld(NAME, 'a', later(10_000), TTL)).toBe(true);
  expect(await a.leases.renewHeld(NAME, 'a', later(20_000), TTL)).toBe(true);
  expect(sp.graph.requests.count()).toBe(2);
  expect(await b.leases.currentLease(NAME)).toEqual({ name: NAME, holder: 'a', until: later(80_000).toISOString() });
});

it('is false once another instance wrote the lease, even after that one let it expire', async () => {
  expect(await a.leases.acquireLease(NAME, 'a', T0, TTL)).toBe(true);
  expect(await b.leases.acquireLease(NAME, 'b', later(TTL + 1), TTL)).toBe(true);
  expect(await a.leases.renewHeld(NAME, 'a', later(3 * TTL), TTL)).toBe(false);
  // Not a renewal: acquireLease decides (b's lease has expired by then).
  expect(await a.leases.acquireLease(NAME, 'a', later(3 * TTL), TTL)).toBe(true);
  expect(await a.leases.renewHeld(NAME, 'a', later(3 * TTL + 1), TTL)).toBe(true);
});

it('is false, asking nothing, for a lease this instance never took, released, or took for another holder', async () => {
  expect(await a.leases.renewHeld(NAME, 'a', T0, TTL)).toBe(false);
  expect(await a.leases.acquireLease(NAME, 'a', T0, TTL)).toBe(true);
  expect(await a.leases.renewHeld(NAME, 'other', T0, TTL)).toBe(false);
  await a.leases.releaseLease(NAME, 'a');
  sp.graph.requests.reset();
  expect(await a.leases.renewHeld(NAME, 'a', T0, TTL)).toBe(false);
  expect(sp.graph.requests.count()).toBe(0);
  expect(await b.leases.acquireLease(NAME, 'b', T0, TTL)).toBe(true);
});

it('is false when the lease item was deleted meanwhile (404)', async () => {
  expect(await a.leases.acquireLease(NAME, 'a', T0, TTL)).toBe(true);
  await b.leases.releaseLease(NAME, 'a');
  expect(await a.leases.renewHeld(NAME, 'a', later(1000), TTL)).toBe(false);
});

it('takeLease: one write while this instance held the lease, else acquireLease decides', async () => {
  expect(await takeLease(a.leases, NAME, 'a', T0, TTL)).toBe(true);
  expect(sp.graph.requests.count()).toBe(2); // read, then create
  sp.graph.requests.reset();
  expect(await takeLease(a.leases, NAME, 'a', later(10_000), TTL)).toBe(true);
  expect(sp.graph.requests.count()).toBe(1);
  expect(await takeLease(b.leases, NAME, 'b', later(20_000), TTL)).toBe(false);
  expect(await takeLease(b.leases, NAME, 'b', later(TTL + 20_000), TTL)).toBe(true);
  expect(await takeLease(a.leases, NAME, 'a', later(TTL + 30_000), TTL)).toBe(false);
});
