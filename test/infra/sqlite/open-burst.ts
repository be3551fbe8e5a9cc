/**
 * Child process for concurrent-processes.test.ts: opens the store on argv[2], says "ready", waits
 * for "go" on stdin, then opens argv[3] tickets (message ids shared with the other child) and claims
 * one alert per ticket, and prints what it won as JSON.
 */
import { createInterface } from 'node:readline';
import { openSqliteStore } from '../../../shared/infra/sqlite/sqlite-store';
import { makeTicket, openInput } from '../../store-contract/fixtures';

async function main(file: string, count: number, holder: string): Promise<void> {
  const store = await openSqliteStore({ file });
  const lines = createInterface({ input: process.stdin });
  process.stdout.write('ready\n');
  for await (const line of lines) if (line === 'go') break;
  lines.close();
  const created: string[] = [];
  const claimed: string[] = [];
  for (let i = 0; i < count; i++) {
    const result = await store.tickets.open(openInput(makeTicket({ sourceMessageId: `<burst-${i}@acme.example>` })));
    if (result.created) created.push(result.ticket.number);
    if (await store.alerts.claim(`burst-${i}:response:at-risk`, holder, new Date('2026-03-02T16:00:00.000Z'))) claimed.push(`burst-${i}`);
  }
  await store.close();
  process.stdout.write(`${JSON.stringify({ created, claimed })}\n`);
}

main(process.argv[2], Number(process.argv[3]), process.argv[4]).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
