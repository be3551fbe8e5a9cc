import { L1 } from '../test/application/fixture';
import { startGraphMailOnSharePoint, SUPPORT } from '../test/mail/graph-sharepoint-harness';
import type { CountedRequest } from '../test/support/graph-service';

/** SharePoint's budget for one app (tenants of up to 1,000 licenses): resource units a minute. */
export const RESOURCE_UNITS_PER_MINUTE = 1250;

/**
 * SharePoint resource units of a Graph request ("Avoid getting throttled or blocked in SharePoint
 * Online"): 1 for a single item, 2 for a multi-item query and for create, update, delete; the requests of
 * a $batch count one by one (the $batch POST itself is their envelope). Mail requests cost none: Outlook
 * has its own limits (10,000 requests per 10 minutes per mailbox).
 */
export function resourceUnits(r: CountedRequest): number {
  if (!r.path.startsWith('/sites/')) return 0;
  if (r.method !== 'GET') return 2;
  return /\/items\/[^/]+(\/fields)?$/.test(r.path) ? 1 : 2;
}

/** `BENCH_LOG_REQUESTS=1 npm run bench -- sharepoint`: every request of each step (batch steps indented, then their $batch). */
function printLog(step: string, log: CountedRequest[]): void {
  console.log(`-- ${step}`);
  for (const r of log)
    console.log(`${r.inBatch ? '  . ' : ''}${r.method} ${r.path}${r.query ? `?${r.query}` : ''} -> ${r.status}`);
}

export interface LifecycleStep {
  step: string;
  /** HTTP round trips to Graph (a $batch is one). */
  requests: number;
  /** Calls to Outlook (mailbox reads, tags, sendMail), inside a $batch or not: each counts against the mailbox. */
  mail: number;
  units: number;
}

/**
 * The whole life of an email ticket on the SharePoint store with Graph mail, every Graph request
 * counted by the in-process Graph service: the client's mail arrives (intake opens the ticket and sends
 * the acknowledgement), a consultant responds (the first response, emailed), logs a follow-up, resolves
 * (emailed), the client confirms by email and the ticket closes (closure emailed).
 */
export interface Lifecycle {
  steps: LifecycleStep[];
  /** A mail pass with nothing new, under the lease held since the last one (what the server does between mails). */
  idlePass: LifecycleStep;
}

export async function emailLifecycle(): Promise<Lifecycle> {
  const h = await startGraphMailOnSharePoint(); // its first mail pass recorded the start instant and the delta token
  try {
    const { graph, clock, poller, pollErrors, tickets, policies, errors, store, arrive } = h;
    // A running server saved the client's policy version with its first ticket (once per process and version, not per ticket).
    await policies.forClient(await policies.client('acme'));

    const steps: LifecycleStep[] = [];
    const measure = async (step: string, body: () => Promise<unknown>, into = steps) => {
      graph.requests.reset();
      await body();
      const log = graph.requests.list({ inBatch: 'any' });
      const top = log.filter((r) => !r.inBatch);
      if (process.env.BENCH_LOG_REQUESTS) printLog(step, log);
      into.push({
        step,
        requests: top.length,
        // Outlook counts every request against a mailbox's limits, also one inside a $batch.
        mail: log.filter((r) => r.path.startsWith('/users/')).length,
        units: log.filter((r) => r.inBatch || r.path !== '/$batch').reduce((sum, r) => sum + resourceUnits(r), 0),
      });
    };
    const current = async () => (await store.tickets.getByNumber('SUP-2026-0001'))!;
    const ref = async () => {
      const t = await current();
      return { ticketId: t.id, expectedVersion: t.version };
    };

    clock.advanceMinutes(5);
    await arrive('<life-1@acme.example>', 'No timbra la nómina', 'Hola, la nómina no timbra desde la mañana.');
    await measure('intake: the mail read, the ticket opened, the acknowledgement sent', () => poller.pollOnce());
    clock.advanceMinutes(20);
    // A consultant acts from the ticket card: the card carries the ticket id and version (not counted).
    let at = await ref();
    await measure('respond: the first response emailed to the client', () =>
      tickets.sendProgressUpdate(L1, at, 'Revisamos el certificado; le escribimos en una hora.'),
    );
    clock.advanceMinutes(30);
    at = await ref();
    await measure('follow-up logged', () => tickets.logFollowUp(L1, at, 'follow-up', 'Llamada con Ana.'));
    clock.advanceMinutes(60);
    at = await ref();
    await measure('resolve: the resolution emailed', () => tickets.resolve(L1, at, 'Certificado renovado.'));
    const resolution = graph.mail.sent(SUPPORT).at(-1)!.internetMessageId;
    clock.advanceMinutes(30);
    await arrive('<life-2@acme.example>', 'RE: [SUP-2026-0001] Resuelto', 'Confirmo, ya funciona. Gracias.', resolution);
    await measure('client confirms by email: read, validated, closed, closure emailed', () => poller.pollOnce());
    const closed = await current();
    if (closed.status !== 'closed') throw new Error(`the lifecycle ended with the ticket ${closed.status}, not closed`);
    if (pollErrors.length > 0) throw new Error(`the lifecycle's mail passes failed: ${String(pollErrors[0])}`);
    if (errors.errors.length > 0)
      throw new Error(`the lifecycle reported ${errors.errors.length} error(s): ${String(errors.errors[0]!.error)}`);
    if (graph.mail.sent(SUPPORT).length !== 4)
      throw new Error(
        `expected 4 client emails (acknowledgement, response, resolution, closure), got ${graph.mail.sent(SUPPORT).length}`,
      );
    const idle: LifecycleStep[] = [];
    clock.advanceMinutes(1);
    await measure(
      'an idle mail pass: the lease renewed with the delta read, the delta link saved',
      () => poller.pollOnce(),
      idle,
    );
    return { steps, idlePass: idle[0]! };
  } finally {
    await h.close();
  }
}
