import { SWEEP_GROUP_SIZE } from '../../../shared/application/sla-monitor/sweep';
import type { CountedRequest } from '../../support/graph-service/request-counter';
import { ManualClock, SequentialIds, SYSTEM } from '../../application/fixture';
import { ANA_MAIL, seedAcme } from '../../support/acme';
import { slaMonitorFor, ticketServiceFor } from '../../support/ticket-wiring';
import { startSharePoint, type SharePointHarness } from './sharepoint-harness';

const TICKETS = 60;
const GRAPH_BATCH_LIMIT = 20;

/**
 * The counter records a batch's steps, then the $batch request that carried them: cut the log there.
 * Returns, per $batch, its steps.
 */
function batches(log: CountedRequest[]): CountedRequest[][] {
  const out: CountedRequest[][] = [];
  let steps: CountedRequest[] = [];
  for (const r of log) {
    if (r.inBatch) steps.push(r);
    else if (r.path === '/$batch') {
      out.push(steps);
      steps = [];
    }
  }
  return out;
}

const isClaim = (r: CountedRequest) => r.method === 'POST' && /\/lists\/[^/]+\/items$/.test(r.path);

describe('SLA sweep on SharePoint: tickets checked in groups, their ledger writes batched', () => {
  let sp: SharePointHarness;
  afterEach(() => sp.graph.close());

  it(`claims of ${TICKETS} alerting tickets leave about ceil(claims / 20) $batch requests`, async () => {
    sp = await startSharePoint();
    const clock = new ManualClock(new Date('2026-03-02T16:00:00.000Z'));
    const store = await sp.open();
    const wiring = ticketServiceFor(store, clock, { ids: new SequentialIds('batch') });
    const { tickets, notifier, errors } = wiring;
    await seedAcme(store);
    for (let i = 0; i < TICKETS; i++)
      await tickets.open(SYSTEM, { ...ANA_MAIL, subject: `Issue ${i}`, description: 'down', priority: 'critical' });
    const monitor = slaMonitorFor(store, clock, wiring, { holder: 'sweeper', pageSize: 5000 });

    clock.advanceMinutes(31); // every critical ticket past its 30-minute response target
    sp.graph.requests.reset();
    const report = await monitor.sweep();
    const log = sp.graph.requests.list({ inBatch: 'any' });

    expect(errors.errors).toEqual([]);
    expect(report.slaAlerts).toBe(TICKETS);
    expect(notifier.sent.filter((n) => n.kind === 'sla-alert')).toHaveLength(TICKETS);

    const claims = log.filter(isClaim).length;
    const claimBatches = batches(log).filter((steps) => steps.some(isClaim));
    // Each ticket claims at least its breach alert and the superseded at-risk one.
    expect(claims).toBeGreaterThanOrEqual(2 * TICKETS);
    // Claims made one ticket at a time would be one request each; grouped they fill $batch requests.
    // Only the lease and the digest (one claim each, outside the ticket groups) may leave alone.
    expect(claimBatches.length).toBeLessThanOrEqual(Math.ceil(claims / GRAPH_BATCH_LIMIT) + 2);
    expect(claimBatches.filter((steps) => steps.length < SWEEP_GROUP_SIZE).length).toBeLessThanOrEqual(2);
    expect(sp.graph.requests.count()).toBeLessThan(claims / 2);

    // Exactly once: the next sweep sends nothing again and writes nothing.
    clock.advanceMinutes(1);
    sp.graph.requests.reset();
    const quiet = await monitor.sweep();
    expect(quiet.slaAlerts).toBe(0);
    expect(sp.graph.requests.list({ inBatch: 'any' }).filter(isClaim)).toHaveLength(0);
    expect(notifier.sent.filter((n) => n.kind === 'sla-alert')).toHaveLength(TICKETS);
  });
});
