/**
 * `npm run playground`: Soporte with demo data plus Microsoft 365 Agents Playground (the local Teams
 * emulator), so a person can try the bot in a browser. Soporte listens on 127.0.0.1:3978 with its own
 * data directory (./data/playground); the Playground serves http://localhost:56150 and plays Teams and
 * the Bot Connector (telemetry off, no browser launched). The bot is installed in the mock team's
 * General channel, which becomes the managers' channel for SLA alerts and the daily digest.
 * Ctrl+C stops both. Settings: PORT, PLAYGROUND_PORT, DATA_DIR, SLA_SWEEP_SECONDS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const PORT = Number(process.env.PORT ?? 3978);
const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);
const DATA_DIR = resolve(process.env.DATA_DIR ?? 'data/playground');
const children: ChildProcess[] = [];

function start(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Soporte's own start-up lines already carry "[soporte]"; JSON log lines and the Playground's get the name.
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => (line.startsWith(`[${name}]`) ? line : `[${name}] ${line}`))
      .join('\n');
  child.stdout?.on('data', (chunk: Buffer) => console.log(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => console.error(prefix(chunk)));
  child.once('exit', (code) => {
    console.log(`[playground] ${name} exited (${code}); stopping`);
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

function stop(code: number): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

async function waitFor(url: string, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`${what} did not answer at ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main(): Promise<void> {
  start('soporte', [require.resolve('tsx/cli'), resolve(__dirname, '../bot/main.ts')], {
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATA_DIR,
    NODE_ENV: 'development',
    SEED_DEMO: 'true',
    SLA_SWEEP_SECONDS: process.env.SLA_SWEEP_SECONDS ?? '15',
  });
  await waitFor(`http://127.0.0.1:${PORT}/healthz`, 'Soporte');

  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  start(
    'agents-playground',
    [cli, '-e', `http://127.0.0.1:${PORT}/api/messages`, '-c', 'msteams', '-p', String(PLAYGROUND_PORT), '--disable-telemetry'],
    { TEAMSAPPTESTER_BROWSER: 'none' },
  );
  await waitFor(`http://127.0.0.1:${PLAYGROUND_PORT}/_internal/v1/config`, 'the Playground');

  // Install the bot in the mock team: its General channel becomes the managers' channel.
  const config = (
    (await (await fetch(`http://127.0.0.1:${PLAYGROUND_PORT}/_internal/v1/config`)).json()) as {
      config: { teams: Array<{ channels: Array<{ id: string; name: string }> }> };
    }
  ).config;
  const general = config.teams[0].channels[0];
  await fetch(`http://127.0.0.1:${PLAYGROUND_PORT}/_debug/conversation/${encodeURIComponent(general.id)}/installation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });

  console.log(
    [
      '',
      `[playground] Open http://localhost:${PLAYGROUND_PORT} in a browser.`,
      '[playground] You are Alex Wilber (demo L2 consultant). In the personal chat type: help, queue, mine, ticket 1, sla 1, new, hours demo',
      `[playground] (or in Spanish: ayuda, cola, mios, ticket 1, nuevo, horas demo). SLA alerts appear in the team's ${general.name} channel.`,
      `[playground] Data: ${DATA_DIR} (delete it to start over). Ctrl+C stops Soporte and the Playground.`,
      '',
    ].join('\n'),
  );
}

process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));
main().catch((error: unknown) => {
  console.error('[playground] failed:', error instanceof Error ? error.message : error);
  stop(1);
});
