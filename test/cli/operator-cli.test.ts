import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliSandbox, phoneCall, soporte, soporteIntoClosedPipe, soporteJson } from '../support/cli-runner';

/** A Monday, 12:30 in Mexico City: what the clock of every process reads (it runs forward from there). */
const NOW = { TEST_CLOCK_START: '2026-12-07T18:30:00.000Z' };

describe('soporte CLI for operators (child processes, real SQLite in a temp DATA_DIR)', () => {
  jest.setTimeout(120_000);
  const cli = cliSandbox('soporte-ops-', NOW);
  const { run, json } = cli;

  beforeAll(async () => {
    await json('clients', 'add', '--name', 'Contoso', '--id', 'contoso', '--locale', 'es-MX', '--domain', 'contoso.example');
    await json(
      'requesters',
      'add',
      '--client',
      'contoso',
      '--email',
      'eva@contoso.example',
      '--name',
      'Eva Ruiz',
      '--effective',
      '2026-01-01',
    );
    await json('staff', 'add', '--name', 'Lena Ortiz', '--email', 'lena@partner.example', '--role', 'L2');
  });

  it('shows instants in the support zone with its name, never UTC, and finds `tickets show 1` by number', async () => {
    await json(...phoneCall('contoso', 'eva@contoso.example', 'Nómina caída', '--called-at', '2026-12-07T18:30:00Z'));
    const es = await run('--lang', 'es-MX', 'tickets', 'show', '1');
    expect(es.code).toBe(0);
    expect(es.stdout).toContain('SUP-2026-0001');
    expect(es.stdout).toContain('lun 7 dic 2026 12:30 (hora de la Ciudad de México)');
    expect(es.stdout).toMatch(/^Cliente +Contoso \(contoso\)$/m);
    expect(es.stdout).toMatch(/^Solicitante +Eva Ruiz <eva@contoso\.example>$/m);
    expect(es.stdout).not.toMatch(/\d{2}:\d{2}Z|UTC/);
    const en = await run('tickets', 'list');
    expect(en.stdout).toMatch(/SUP-2026-0001 .* Contoso +- +Mon 7 Dec 2026 12:30 \(Mexico City time\) +Nómina caída/);
    for (const key of ['2026-1', 'SUP-2026-0001'])
      expect((await run('tickets', 'history', key)).stdout).toContain('Mon 7 Dec 2026 12:30 (Mexico City time)');
    const receipt = await run('--lang', 'es-MX', 'sla', 'explain', '1');
    expect(receipt.stdout).toMatch(
      /^Comprobante de SLA de SUP-2026-0001, al lun 7 dic 2026 12:3\d\nPolítica: default \(versión p-[0-9a-f]{16}\)\nHorario: hora de la Ciudad de México/,
    );
    expect(receipt.stdout).toContain('Reloj de respuesta (prioridad Crítica)');
    expect(receipt.stdout).toContain('Leyenda: + cuenta para el reloj');
    expect(receipt.stdout).not.toMatch(/\d\.\d+ ?min|America\/Mexico_City/);
    const hours = await run('--lang', 'es-MX', 'hours', '--client', 'contoso', '--month', '2026-12');
    expect(hours.stdout.split('\n')[0]).toBe(
      'Tiempo facturado de Contoso en 2026-12 (mar 1 dic 2026 00:00 (hora de la Ciudad de México) a vie 1 ene 2027 00:00 (hora de la Ciudad de México))',
    );
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
    const result = await soporteIntoClosedPipe(cli.dir, ['tickets', 'list']);
    expect(result).toEqual({ code: 0, stderr: '' });
  });

  it('closes a day an administrator adds for tickets opened after it; tickets already open keep their calendar', async () => {
    // Monday 18:00 in Mexico City; both calls came in at 17:50, 10 business minutes before closing.
    const evening = { TEST_CLOCK_START: '2026-12-08T00:00:00.000Z' };
    const call = phoneCall('contoso', 'eva@contoso.example', 'Correo caído', '--called-at', '2026-12-07T23:50:00Z');
    const due = async (number: string) =>
      (await soporteJson<{ sla: { response: { breachAt: string } } }>(cli.dir, ['tickets', 'show', number], evening)).sla.response
        .breachAt;
    const before = await soporteJson<{ number: string; policyVersion: string }>(cli.dir, call, evening);
    const added = await soporte(
      cli.dir,
      ['--lang', 'es-MX', 'holidays', 'add', '2026-12-08', '--name', 'Día de la empresa'],
      evening,
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toContain('mar 8 dic 2026, Día de la empresa');
    const after = await soporteJson<{ number: string; policyVersion: string }>(cli.dir, call, evening);
    expect(after.policyVersion).not.toBe(before.policyVersion);
    expect(await due(before.number)).toBe('2026-12-08T14:50:00.000Z'); // Tuesday 08:50: opened before the day off was added
    expect(await due(after.number)).toBe('2026-12-09T14:50:00.000Z'); // Wednesday 08:50: Tuesday is closed for it

    const listed = await soporte(cli.dir, ['holidays', 'list', '--year', '2026'], evening);
    expect(listed.stdout).toMatch(/2026-12-08 \(Tue 8 Dec 2026\)\s+Día de la empresa\s+company day off\s+cli:/);
    expect(listed.stdout).toMatch(/2026-12-25 \(Fri 25 Dec 2026\)\s+Statutory rest day/);
    const twice = await soporte(cli.dir, ['holidays', 'add', '2026-12-08', '--name', 'Otra vez'], evening);
    expect(twice.stderr.trim()).toBe('error: date: 2026-12-08 is already a day off');
    expect((await soporte(cli.dir, ['holidays', 'add', '2026-02-30', '--name', 'x'], evening)).stderr.trim()).toBe(
      'error: date: "2026-02-30" is not a date (YYYY-MM-DD)',
    );
    expect(
      (await soporte(cli.dir, ['holidays', 'add', '2026-12-10', '--name', 'x', '--kind', 'party'], evening)).stderr.trim(),
    ).toBe('error: kind: "party" is not one of company, election');

    expect((await soporte(cli.dir, ['holidays', 'remove', '2026-12-08'], evening)).code).toBe(0);
    const reopened = await soporteJson<{ number: string }>(cli.dir, call, evening);
    expect(await due(reopened.number)).toBe('2026-12-08T14:50:00.000Z');
    expect(await soporteJson<unknown[]>(cli.dir, ['holidays', 'list'], evening)).toEqual([]);
  });

  it("reads a client's requester audit trail: who changed whom, when, on whose request", async () => {
    const later = { TEST_CLOCK_START: '2026-12-07T19:00:00.000Z' };
    await soporteJson(
      cli.dir,
      [
        'requesters',
        'deactivate',
        '--client',
        'contoso',
        '--email',
        'eva@contoso.example',
        '--effective',
        '2027-01-01',
        '--on-request-of',
        'cio@contoso.example',
      ],
      later,
    );
    const es = await run('--lang', 'es-MX', 'requesters', 'history', '--client', 'contoso');
    expect(es.code).toBe(0);
    const lines = es.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Cuándo\s+Cambio\s+Solicitante\s+Vigente desde\/hasta\s+Cambiado por\s+A solicitud de$/);
    expect(lines[2]).toMatch(
      /^lun 7 dic 2026 12:3\d \(hora de la Ciudad de México\)\s+autorizado\s+Eva Ruiz <eva@contoso\.example>\s+jue 1 ene 2026 00:00 \(hora de la Ciudad de México\)\s+soporte CLI \(.+\)\s+-$/,
    );
    expect(lines[3]).toMatch(
      /^lun 7 dic 2026 13:00 \(hora de la Ciudad de México\)\s+dado de baja\s+Eva Ruiz <eva@contoso\.example>\s+vie 1 ene 2027 00:00 \(hora de la Ciudad de México\)\s+soporte CLI \(.+\)\s+cio@contoso\.example$/,
    );
    const unknown = await run('requesters', 'history', '--client', 'nadie');
    expect(unknown.stderr.trim()).toBe('error: client nadie not found');
  });

  it("never promises a time already past: a back-dated phone ticket's acknowledgement says the target passed", async () => {
    const late = await json<{ number: string }>(
      ...phoneCall('contoso', 'eva@contoso.example', 'VPN caída', '--called-at', '2026-12-07T17:00:00Z'),
    );
    const onTime = await json<{ number: string }>(...phoneCall('contoso', 'eva@contoso.example', 'VPN lenta'));
    const acknowledgement = (number: string) => {
      const file = readdirSync(join(cli.dir, 'outbox')).find((name) => name.includes(`${number}-acknowledgement`));
      const raw = readFileSync(join(cli.dir, 'outbox', file as string), 'latin1');
      // The text part is quoted-printable: soft breaks joined, =XX bytes decoded as UTF-8.
      return Buffer.from(
        raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
        'latin1',
      ).toString('utf8');
    };
    // Called at 11:00, critical: the 30-minute target was 11:30, an hour before the call was logged at 12:30.
    expect(acknowledgement(late.number)).toContain(
      'Primera respuesta a más tardar: lunes 7 de diciembre de 2026, 11:30 (hora de la Ciudad de México), un plazo que ya venció: su solicitud se atiende en primer lugar y se alerta a nuestros gerentes',
    );
    expect(acknowledgement(onTime.number)).toMatch(
      /Primera respuesta a más tardar: lunes 7 de diciembre de 2026, 13:0\d \(hora de la Ciudad de México\)\r?\n/,
    );
    expect(acknowledgement(onTime.number)).not.toContain('ya venció');
  });
});
