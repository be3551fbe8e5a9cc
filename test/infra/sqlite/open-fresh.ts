/**
 * Child process for concurrent-processes.test.ts: says "ready", waits for "go" on stdin, then opens
 * (creates, switches to WAL, migrates) the store on argv[2] at once with its siblings, and prints the
 * schema version and journal mode it got.
 */
import { createInterface } from 'node:readline';
import { openSqliteStore } from '../../../shared/infra/sqlite/sqlite-store';

async function main(file: string): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  process.stdout.write('ready\n');
  for await (const line of lines) if (line === 'go') break;
  lines.close();
  const store = await openSqliteStore({ file });
  process.stdout.write(`${JSON.stringify({ schemaVersion: await store.schemaVersion(), journalMode: store.journalMode() })}\n`);
  await store.close();
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
