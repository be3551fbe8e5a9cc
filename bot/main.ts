import { parseConfig } from './config';
import { createServer } from './server';
import { version as packageVersion } from '../package.json';

/** Composition root: parse config -> build adapters -> services -> listen. */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const server = createServer({ startedAt: new Date(), version: packageVersion });
  server.listen(config.PORT, config.HOST, () => {
    console.log(`Soporte listening on http://${config.HOST}:${config.PORT} (GET /healthz)`);
  });
}

main().catch((error: unknown) => {
  console.error('Soporte failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
