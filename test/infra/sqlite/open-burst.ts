/**
 * Child process for concurrent-processes.test.ts: opens the store on argv[2], says "ready", waits
 * for "go" on stdin, then for each i of argv[3] opens a ticket for a message shared with the other
 * child (this child walks the messages in the direction argv[5]), one of its own, and claims the
 * shared message's alert; prints the numbers it created and the alerts it won as JSON.
 */
import { createInterface } from 'node:readline';
import { openSqliteStore } from '../../../shared/infra/sqlite/sqlite-store';
import { makeTicket, openInput } from '../../store-contract/fixtures';

async function main(file: string, count: number, holder: string, descending: boolean): Promise<void> {
  const store = await openSqliteStore({ file });
  const lines = createInterface({ input: process.stdin });
  process.stdout.write('ready\n');
  for await (const line of lines) if (line === 'go') break;
  lines.close();
  const created: string[] = [];
  const claimed: string[] = [];
  for (let k = 0; k < count; k++) {
    const i = descending ? count - 1 - k : k;
    for (const messageId of [`<burst-${i}@acme.example>`, `<${holder}-${i}@acme.example>`]) {
      const result = await store.tickets.open(openInput(makeTicket({ sourceMessageId: messageId })));
      if (result.created) created.push(result.ticket.number);
    }
    if (await store.alerts.claim(`burst-${i}:response:at-risk`, holder, new Date('2026-03-02T16:00:00.000Z')))
      claimed.push(`burst-${i}`);
  }
  await store.close();
  process.stdout.write(`${JSON.stringify({ created, claimed })}\n`);
}

main(process.argv[2], Number(process.argv[3]), process.argv[4], process.argv[5] === 'descending').catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
