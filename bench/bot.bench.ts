import type { Request as BotRequest } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock, IdGenerator, Mailer, Notifier, SideEffectErrors } from '../shared/application/ports';
import type { Actor } from '../shared/domain/ticket';
import { openSqliteStore } from '../shared/infra/sqlite/sqlite-store';
import { createServer } from '../bot/server';
import { buildServices } from '../bot/services';
import { TeamsRuntime } from '../bot/teams/teams-runtime';
import { seedAcme } from '../test/support/acme';
import type { BenchResult } from './bench-result';

/**
 * A `ticket <number>` turn over HTTP (`POST /api/messages`, deliveryMode expectReplies: staff lookup by
 * Entra id, ticket read, SLA clocks, names, card render) beside a bare echo turn on the same CloudAdapter
 * and restify server, on a real SQLite store holding 2,000 tickets. Latency is measured one request at a
 * time; throughput with 8 requests in flight.
 */
const TICKETS = 2_000;
const WARMUP = 200;
const SAMPLES = 1_500;
const CONCURRENCY = 8;
const THROUGHPUT_MS = 3_000;
/** Monday 2 March 2026, 10:00 in Mexico City. */
const clock: Clock = { now: () => new Date('2026-03-02T16:00:00.000Z') };
const INTAKE: Actor = { role: 'system', id: 'bench' };
const nullMailer: Mailer = { send: async () => ({ messageId: '<bench@soporte.local>' }) };
const nullNotifier: Notifier = { notify: async () => ({}) };
const failOnError: SideEffectErrors = {
  report: (error) => {
    throw error;
  },
};

function counterIds(): IdGenerator {
  let n = 0;
  return { newId: () => `bench-${++n}` };
}

function activity(text: string): string {
  return JSON.stringify({
    type: 'message',
    text,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: 'user-1', aadObjectId: 'aad-bench' },
    recipient: { id: 'bot' },
    conversation: { id: 'personal-bench', conversationType: 'personal' },
    locale: 'en-US',
    deliveryMode: 'expectReplies',
  });
}

/** Keep-alive connections, as the Bot Connector keeps them to a bot. */
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function turn(url: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          res.statusCode === 200 && text.includes('"activities"')
            ? resolve()
            : reject(new Error(`turn failed: ${res.statusCode} ${text.slice(0, 200)}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function latency(url: string, body: () => string): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < WARMUP; i++) await turn(url, body());
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await turn(url, body());
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

async function throughput(url: string, body: () => string): Promise<number> {
  let done = 0;
  const until = performance.now() + THROUGHPUT_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        await turn(url, body());
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'soporte-bot-bench-'));
  const store = await openSqliteStore({ dataDir: dir, clock });
  const runtime = new TeamsRuntime({
    identity: { mode: 'local' },
    store,
    clock,
    fallback: nullNotifier,
    reportError: (error) => failOnError.report(error, { action: 'bench', what: 'turn' }),
  });
  const services = buildServices({
    store,
    clock,
    ids: counterIds(),
    mailer: nullMailer,
    notifier: runtime.notifier,
    sideEffects: failOnError,
  });
  const server = createServer({ startedAt: clock.now(), version: 'bench' });
  runtime.attach(server, { tickets: services.tickets.via('teams'), queries: services.queries, billing: services.billing });
  // The bare echo turn: same adapter, same server, no bot logic.
  server.post('/bench/echo', async (req, res) => {
    await runtime.adapter.process(req as BotRequest, res, async (context) => {
      await context.sendActivity(context.activity.text ?? '');
    });
  });
  try {
    await seedAcme(store, {
      client: { managerEmails: [] },
      staff: [
        {
          id: 'staff-bench',
          name: 'Bench L2',
          email: 'l2@partner.example',
          role: 'L2',
          aadObjectId: 'aad-bench',
          locale: 'en',
          active: true,
        },
      ],
    });
    const numbers: string[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const { ticket } = await services.tickets.open(INTAKE, {
        clientId: 'acme',
        requesterEmail: 'ana@acme.example',
        subject: `Issue ${i}`,
        description: 'Bench ticket',
        channel: 'email',
        priority: (['critical', 'high', 'medium', 'low'] as const)[i % 4],
      });
      numbers.push(ticket.number);
    }
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let i = 0;
    const ticketBody = () => activity(`ticket ${numbers[i++ % numbers.length]}`);
    const echoBody = () => activity('echo');

    const echo = await latency(`${base}/bench/echo`, echoBody);
    const ticket = await latency(`${base}/api/messages`, ticketBody);
    const echoRate = await throughput(`${base}/bench/echo`, echoBody);
    const ticketRate = await throughput(`${base}/api/messages`, ticketBody);
    const ratio = ticket.p50 / echo.p50;
    return [
      { name: 'echo turn p50 (HTTP, expectReplies)', value: echo.p50, unit: 'ms' },
      { name: 'echo turn p99', value: echo.p99, unit: 'ms' },
      { name: 'echo turns/s (8 in flight)', value: Math.round(echoRate), unit: 'turns/s' },
      { name: '`ticket <number>` turn p50', value: ticket.p50, unit: 'ms' },
      { name: '`ticket <number>` turn p99', value: ticket.p99, unit: 'ms' },
      { name: '`ticket <number>` p50 / echo p50', value: ratio, unit: 'x', target: '<= 2x echo', pass: ratio <= 2 },
      {
        name: '`ticket <number>` turns/s (8 in flight)',
        value: Math.round(ticketRate),
        unit: 'turns/s',
        target: '>= 200 turns/s',
        pass: ticketRate >= 200,
      },
    ];
  } finally {
    agent.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
