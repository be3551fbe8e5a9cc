import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliSandbox, phoneCall } from '../support/cli-runner';

describe('soporte tickets triage / respond (child process, real SQLite, outbox)', () => {
  jest.setTimeout(120_000);
  const cli = cliSandbox('soporte-triage-');
  beforeAll(async () => {
    for (const args of [
      ['clients', 'add', '--name', 'ACME', '--locale', 'es-MX', '--domain', 'acme.example'],
      ['requesters', 'add', '--client', 'acme', '--email', 'ana@acme.example', '--name', 'Ana'],
      phoneCall('acme', 'ana@acme.example', 'Facturación detenida', '--priority', 'high'),
    ]) {
      const result = await cli.run(...args);
      if (result.code !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`);
    }
  });
  const outboxOf = (kind: string) => readdirSync(join(cli.dir, 'outbox')).filter((f) => f.endsWith(`-${kind}.eml`));

  it('triages exactly as `soporte tickets triage <ticket> --priority .. --type .. --budget ..`, emails the client, audits who and why', async () => {
    const number = `SUP-${new Date().getUTCFullYear()}-0001`;
    const done = await cli.run(
      'tickets',
      'triage',
      number,
      '--priority',
      'critical',
      '--type',
      'maintenance',
      '--budget',
      '1200',
      '--reason',
      'Toda la facturación detenida',
    );
    expect(done.code).toBe(0);
    expect(done.stdout.trim()).toBe(`${number}: New (awaiting first response), priority Critical, Maintenance, budget 1200 min`);
    const [mail] = outboxOf('triage');
    const eml = readFileSync(join(cli.dir, 'outbox', mail!), 'utf8');
    expect(eml).toMatch(/^To: ana@acme\.example$/m);
    expect(eml).toMatch(/prioridad Cr=C3=ADtica|prioridad Crítica/);
    const history = await cli.run('tickets', 'history', number, '--json');
    const events = JSON.parse(history.stdout) as Array<{ type: string; actor: { id: string }; data: { reason?: string } }>;
    expect(events.find((e) => e.type === 'priority-changed')).toMatchObject({
      actor: { id: expect.stringMatching(/^cli:/) },
      data: { reason: 'Toda la facturación detenida' },
    });

    const bad = await cli.run('tickets', 'triage', number, '--type', 'research-debugging', '--budget', '5000');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/outside the research-debugging range 480-960/);
    const nothing = await cli.run('tickets', 'triage', number);
    expect(nothing.stderr).toMatch(/give --priority, --type or --budget/);
  });

  it('responds to the client by email from the command line', async () => {
    const number = `SUP-${new Date().getUTCFullYear()}-0001`;
    const done = await cli.run(
      'tickets',
      'respond',
      number,
      '--message',
      'Estimada Ana, ya estamos revisando la facturación.',
      '--json',
    );
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ status: 'open', firstResponseBy: 'email' });
    expect(outboxOf('response')).toHaveLength(1);
  });
});
