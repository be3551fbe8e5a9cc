import type { SendProbe, SendStep } from '../shared/application/client-mailer';
import type { Services } from './services';

/**
 * Test-only IPC (NODE_ENV=test and a parent that forked this process): `{type: 'open-burst'}` opens
 * tickets one by one and reports each committed one back, so a crash test can SIGKILL the server in
 * the middle of a burst. No HTTP route: production has no such surface.
 */
export interface OpenBurstMessage {
  type: 'open-burst';
  clientId: string;
  requesterEmail: string;
  prefix: string;
  from: number;
  to: number;
  /** How long before now each call was raised (minutes): old enough tickets breach at once. */
  raisedMinutesAgo: number;
}

export function installTestHooks(services: Services, now: () => Date): void {
  if (!process.send) return;
  process.on('message', (message: OpenBurstMessage) => {
    if (message?.type !== 'open-burst') return;
    void (async () => {
      for (let i = message.from; i <= message.to; i++) {
        const raisedAt = new Date(now().getTime() - message.raisedMinutesAgo * 60_000);
        const { ticket, created } = await services.tickets.open(
          { role: 'system', id: 'crash-test' },
          {
            clientId: message.clientId,
            requesterEmail: message.requesterEmail,
            subject: `burst ${message.prefix} ${i}`,
            description: 'crash test',
            channel: 'email',
            priority: 'critical',
            sourceMessageId: `<${message.prefix}-${i}@crash.test>`,
            raisedAt,
          },
        );
        process.send?.({ type: 'opened', i, number: ticket.number, created });
      }
      process.send?.({ type: 'burst-done' });
    })().catch((error: unknown) =>
      process.send?.({ type: 'burst-failed', error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

/**
 * Test-only (TEST_CRASH_AT, NODE_ENV=test): kills this process with SIGKILL, as a power cut would, at
 * `step` of its first acknowledgement send, so a crash test can check each client email still arrives once.
 */
export function crashProbe(step: SendStep | undefined): SendProbe | undefined {
  if (!step) return undefined;
  return (at, kind) => {
    if (at === step && kind === 'acknowledgement') process.kill(process.pid, 'SIGKILL');
  };
}
