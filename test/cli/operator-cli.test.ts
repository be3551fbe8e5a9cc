import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { soporte, soporteIntoClosedPipe, soporteJson } from './cli-process';

/** A Monday, 12:30 in Mexico City: what the clock of every process reads (it runs forward from there). */
const NOW = { TEST_CLOCK_START: '2026-12-07T18:30:00.000Z' };

describe('soporte CLI for operators (child processes, real SQLite in a temp DATA_DIR)', () => {
  jest.setTimeout(120_000);
  let dir: string;
  const run = (...args: string[]) => soporte(dir, args, NOW);
  const json = <T>(...args: string[]) => soporteJson<T>(dir, args, NOW);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'soporte-ops-'));
    await json('clients', 'add', '--name', 'Contoso', '--id', 'contoso', '--locale', 'es-MX', '--domain', 'contoso.example');
    await json('requesters', 'add', '--client', 'contoso', '--email', 'eva@contoso.example', '--name', 'Eva Ruiz', '--effective', '2026-01-01');
    await json('staff', 'add', '--name', 'Lena Ortiz', '--email', 'lena@partner.example', '--role', 'L2');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows instants in the support zone with its name, never UTC, and finds `tickets show 1` by number', async () => {
    await json('tickets', 'open', '--phone', '--client', 'contoso', '--requester', 'eva@contoso.example', '--subject', 'Nómina caída', '--called-at', '2026-12-07T18:30:00Z');
    const es = await run('--lang', 'es-MX', 'tickets', 'show', '1');
    expect(es.code).toBe(0);
    expect(es.stdout).toContain('SUP-2026-0001');
    expect(es.stdout).toContain('lun 7 dic 2026 12:30 (hora de la Ciudad de México)');
    expect(es.stdout).not.toMatch(/\d{2}:\d{2}Z|UTC/);
    const en = await run('tickets', 'list');
    expect(en.stdout).toContain('Mon 7 Dec 2026 12:30 (Mexico City time)');
    for (const key of ['2026-1', 'SUP-2026-0001']) expect((await run('tickets', 'history', key)).stdout).toContain('Mon 7 Dec 2026 12:30 (Mexico City time)');
    const missing = await run('tickets', 'show', '99');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('error: ticket SUP-2026-0099 not found');
  });

  it('takes an email for --assignee, and refuses an email no staff member has', async () => {
    const none = await run('tickets', 'list', '--assignee', 'LENA@partner.example');
    expect(none).toMatchObject({ code: 0 });
    expect(none.stdout.trim()).toBe('(none)');
    const unknown = await run('tickets', 'list', '--assignee', 'nadie@partner.example');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('error: staff member nadie@partner.example not found');
  });

  it('ends quietly with exit code 0 when its reader has gone (`| head`)', async () => {
    const result = await soporteIntoClosedPipe(dir, ['tickets', 'list']);
    expect(result).toEqual({ code: 0, stderr: '' });
  });
});
