import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliSandbox, phoneCall } from '../support/cli-runner';

describe('soporte CLI (child process, real SQLite in a temp DATA_DIR)', () => {
  jest.setTimeout(120_000);
  const cli = cliSandbox('soporte-cli-');

  it('manages a client, its requesters (dated, imported from CSV) and staff', async () => {
    const client = await cli.json<{ id: string; locale: string }>(
      'clients',
      'add',
      '--name',
      'Contoso México',
      '--locale',
      'en',
      '--domain',
      'contoso.example',
      '--manager-email',
      'boss@partner.example',
    );
    expect(client).toMatchObject({ id: 'contoso-mexico', locale: 'en' });
    const listed = await cli.run('clients', 'list');
    expect(listed.stdout).toContain('Contoso México');

    await cli.json(
      'requesters',
      'add',
      '--client',
      'contoso-mexico',
      '--email',
      'Ana@Contoso.example',
      '--name',
      'Ana',
      '--admin',
      '--effective',
      '2026-01-01',
      '--on-request-of',
      'cio@contoso.example',
    );
    const ended = await cli.json<{ effectiveTo: string }>(
      'requesters',
      'deactivate',
      '--client',
      'contoso-mexico',
      '--email',
      'ana@contoso.example',
      '--effective',
      '2026-06-01',
    );
    expect(ended.effectiveTo).toBe('2026-06-01T06:00:00.000Z');
    const activeInMay = await cli.json<Array<{ email: string }>>(
      'requesters',
      'list',
      '--client',
      'contoso-mexico',
      '--active-at',
      '2026-05-01T12:00:00Z',
    );
    expect(activeInMay.map((r) => r.email)).toEqual(['ana@contoso.example']);
    const activeInJuly = await cli.json<unknown[]>(
      'requesters',
      'list',
      '--client',
      'contoso-mexico',
      '--active-at',
      '2026-07-01T12:00:00Z',
    );
    expect(activeInJuly).toEqual([]);

    const csvPath = join(cli.dir, 'people.csv');
    writeFileSync(
      csvPath,
      'Email,Name,Locale,Admin,Effective From\nbea@contoso.example,Bea,en,yes,2026-01-01\nnot-an-email,Broken\ncid@contoso.example,,es-MX\ndan@contoso.example,Dan,,,2026-01-01\n',
    );
    const imported = await cli.run('requesters', 'import', csvPath, '--client', 'contoso-mexico');
    expect(imported.code).toBe(2);
    expect(imported.stdout).toContain('line 3: email: "not-an-email" is not an email address');
    expect(imported.stdout).toContain('line 4: name: is required');
    expect(imported.stdout).toContain('2 requesters added, 2 rows refused');
    const all = await cli.json<Array<{ email: string; isClientAdmin: boolean }>>(
      'requesters',
      'list',
      '--client',
      'contoso-mexico',
    );
    expect(all.map((r) => r.email).sort()).toEqual(['ana@contoso.example', 'bea@contoso.example', 'dan@contoso.example']);

    const staff = await cli.json<{ id: string; role: string }>(
      'staff',
      'add',
      '--name',
      'Lena',
      '--email',
      'lena@partner.example',
      '--role',
      'L2',
      '--aad-object-id',
      '00000000-0000-0000-0000-0000000000aa',
    );
    expect(staff.role).toBe('L2');
    const roster = await cli.json<Array<{ email: string; aadObjectId: string }>>('staff', 'list');
    expect(roster).toEqual([
      expect.objectContaining({ email: 'lena@partner.example', aadObjectId: '00000000-0000-0000-0000-0000000000aa' }),
    ]);
  });

  it('logs a phone call, shows it with its clocks and history, explains the SLA and reports hours', async () => {
    await cli.json('requesters', 'add', '--client', 'contoso-mexico', '--email', 'eva@contoso.example', '--name', 'Eva');
    const opened = await cli.run(...phoneCall('contoso-mexico', 'eva@contoso.example', 'Payroll down', '--json'));
    expect(opened.code).toBe(0);
    const ticket = JSON.parse(opened.stdout) as { number: string; priority: string; channel: string; awaitingEmail: boolean };
    expect(ticket).toMatchObject({ priority: 'critical', channel: 'phone', awaitingEmail: true });
    expect(ticket.number).toMatch(/^SUP-\d{4}-0001$/);
    // The acknowledgement goes where the server sends mail (the outbox by default), never into stdout.
    const outbox = readdirSync(join(cli.dir, 'outbox'));
    expect(outbox).toEqual([expect.stringMatching(new RegExp(`${ticket.number}-acknowledgement\\.eml$`))]);
    expect(readFileSync(join(cli.dir, 'outbox', outbox[0]!), 'utf8')).toMatch(/^To: eva@contoso\.example$/m);
    expect(opened.stdout).not.toContain('acknowledgement');

    const list = await cli.json<Array<{ number: string }>>('tickets', 'list', '--status', 'new');
    expect(list.map((t) => t.number)).toEqual([ticket.number]);
    const shown = await cli.run('tickets', 'show', ticket.number);
    expect(shown.stdout).toMatch(/Response SLA\s+\S+/);
    const history = await cli.json<Array<{ type: string; channel: string; actor: { role: string } }>>(
      'tickets',
      'history',
      ticket.number,
    );
    expect(history).toEqual([
      expect.objectContaining({ type: 'opened', channel: 'phone', actor: expect.objectContaining({ role: 'manager' }) }),
    ]);
    const explained = await cli.json<{ response: { breachMinutes: number }; changes: unknown[] }>(
      'sla',
      'explain',
      ticket.number,
    );
    expect(explained.response.breachMinutes).toBe(30);

    const hours = await cli.run('hours', '--client', 'contoso-mexico', '--month', '2026-03', '--csv');
    expect(hours.stdout.split('\n')[0]).toBe(
      'kind,entries,regular_minutes,after_hours_minutes,after_hours_weighted_minutes,unapproved_after_hours_minutes,chargeable_minutes,amount',
    );
    expect(hours.stdout.split('\n')[1]).toMatch(/^follow-up,\d+,\d+,0,0.0,0,\d+\.\d,\d+\.\d\d$/);
  });

  it('drafts a monthly statement with its PDF, CSV and XLSX, matching the hours report, and holds it', async () => {
    const out = join(cli.dir, 'statements');
    const drafted = await cli.json<{
      statement: { id: string; status: string; data: { summary: Record<string, unknown> } };
      files: string[];
    }>('statements', 'draft', '--client', 'contoso-mexico', '--month', '2026-01', '--out', out);
    expect(drafted.statement).toMatchObject({ id: 'stmt-contoso-mexico-2026-01', status: 'draft' });
    expect(readdirSync(out).sort()).toEqual([
      'soporte-contoso-mexico-2026-01.csv',
      'soporte-contoso-mexico-2026-01.pdf',
      'soporte-contoso-mexico-2026-01.xlsx',
    ]);
    expect(readFileSync(join(out, 'soporte-contoso-mexico-2026-01.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const hours = await cli.json<Record<string, unknown>>('hours', '--client', 'contoso-mexico', '--month', '2026-01');
    // The statement carries the hours report of its month, figure for figure.
    expect(drafted.statement.data.summary).toEqual(hours);
    const text = await cli.run('statements', 'hold', 'stmt-contoso-mexico-2026-01', '--note', 'rate under review');
    expect(text.stdout).toContain('stmt-contoso-mexico-2026-01');
    const bad = await cli.run('statements', 'draft', '--client', 'contoso-mexico', '--month', '2026-13');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('2026-13');
  });

  it('records, approves and lists after-hours requests; an L1 may not approve', async () => {
    await cli.json('staff', 'add', '--name', 'Luis', '--email', 'luis@partner.example', '--role', 'L1');
    const window = await cli.json<{ id: string; status: string }>(
      'afterhours',
      'request',
      '--client',
      'contoso-mexico',
      '--requested-by',
      'eva@contoso.example',
      '--start',
      '2030-03-09T20:00:00-06:00',
      '--end',
      '2030-03-09T23:00:00-06:00',
    );
    expect(window.status).toBe('requested');
    const refused = await cli.run('--as', 'luis@partner.example', 'afterhours', 'approve', window.id);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: role L1 may not approve-after-hours/)]);
    const approved = await cli.json<{ status: string; decidedBy: string }>(
      '--as',
      'lena@partner.example',
      'afterhours',
      'approve',
      window.id,
    );
    expect(approved.status).toBe('approved');
    const list = await cli.json<Array<{ id: string }>>('afterhours', 'list', '--status', 'approved');
    expect(list.map((w) => w.id)).toEqual([window.id]);
  });

  it('fails with one clear line and a non-zero exit', async () => {
    const missing = await cli.run('clients', 'show', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('error: client nope not found');
    const badRole = await cli.run('staff', 'add', '--name', 'X', '--email', 'x@partner.example', '--role', 'L9');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr.trim()).toBe('error: role: must be one of L1, L2, L3, manager (got "L9")');
    const badMonth = await cli.run('hours', '--client', 'contoso-mexico', '--month', '2026-3');
    expect(badMonth.stderr.trim()).toBe('error: month: "2026-3" is not a month as YYYY-MM');
    const missingOption = await cli.run('requesters', 'deactivate', '--client', 'contoso-mexico', '--email', 'a@b.example');
    expect(missingOption.code).toBe(1);
    expect(missingOption.stderr.trim()).toBe("error: required option '--effective <date>' not specified");
    const notPhone = await cli.run(
      'tickets',
      'open',
      '--client',
      'contoso-mexico',
      '--requester',
      'eva@contoso.example',
      '--subject',
      'x',
    );
    expect(notPhone.stderr.trim()).toMatch(/^error: phone: /);
  });
});
