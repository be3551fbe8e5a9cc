import { cliSandbox, phoneCall } from '../support/cli-runner';

/** `--lang es-MX` covers everything the CLI prints (child process, real SQLite in a temp DATA_DIR). */
describe('soporte --lang es-MX', () => {
  jest.setTimeout(120_000);
  const cli = cliSandbox('soporte-cli-lang-');
  beforeAll(async () => {
    await cli.run(
      'clients',
      'add',
      '--id',
      'acme',
      '--name',
      'ACME',
      '--locale',
      'es-MX',
      '--domain',
      'acme.example',
      '--manager-email',
      'marta@partner.example',
      '--json',
    );
    await cli.run(
      'requesters',
      'add',
      '--client',
      'acme',
      '--email',
      'ana@acme.example',
      '--name',
      'Ana',
      '--effective',
      '2026-01-01',
      '--json',
    );
  });

  it('prints confirmations, statuses, event names, roles and channels in Spanish', async () => {
    const opened = await cli.run('--lang', 'es-MX', ...phoneCall('acme', 'ana@acme.example', 'Nómina caída'));
    expect(opened.code).toBe(0);
    expect(opened.stdout.trim()).toMatch(/^Guardado: ticket SUP-\d{4}-0001 \(Crítica\)$/);
    const number = /SUP-\d{4}-0001/.exec(opened.stdout)?.[0] ?? '';
    const list = await cli.run('--lang=es-MX', 'tickets', 'list');
    expect(list.stdout).toMatch(new RegExp(`${number}\\s+Nuevo.*Crítica`));
    const shown = await cli.run('--lang', 'es-MX', 'tickets', 'show', number);
    expect(shown.stdout).toMatch(/Canal\s+una llamada/);
    const history = await cli.run('--lang', 'es-MX', 'tickets', 'history', number);
    expect(history.stdout).toMatch(/soporte CLI \(gerente\)\s+una llamada\s+abierto\s+/);
    expect(history.stdout).not.toMatch(/cli:\S+ \(gerente\)/); // who acted, by name, not by id
    expect(history.stdout).not.toMatch(/\bopened\b|\(manager\)/);
  });

  it("says a rule's refusal in Spanish; English stays as it was", async () => {
    const missing = await cli.run('--lang', 'es-MX', 'tickets', 'history', 'SUP-2026-0999');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('error: No se encontró el ticket "SUP-2026-0999".');
    const english = await cli.run('clients', 'show', 'nope');
    expect(english.stderr.trim()).toBe('error: client nope not found');
  });
});
