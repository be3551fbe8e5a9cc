import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '../../bin/soporte.js');

function soporte(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test' }, timeout: 20_000 },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

/** `--lang es-MX` covers everything the CLI prints (child process, real SQLite in a temp DATA_DIR). */
describe('soporte --lang es-MX', () => {
  jest.setTimeout(120_000);
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'soporte-cli-lang-'));
    await soporte(
      dir,
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
    await soporte(
      dir,
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
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints confirmations, statuses, event names, roles and channels in Spanish', async () => {
    const opened = await soporte(
      dir,
      '--lang',
      'es-MX',
      'tickets',
      'open',
      '--phone',
      '--client',
      'acme',
      '--requester',
      'ana@acme.example',
      '--subject',
      'Nómina caída',
    );
    expect(opened.code).toBe(0);
    expect(opened.stdout.trim()).toMatch(/^Guardado: ticket SUP-\d{4}-0001 \(Crítica\)$/);
    const number = /SUP-\d{4}-0001/.exec(opened.stdout)?.[0] ?? '';
    const list = await soporte(dir, '--lang=es-MX', 'tickets', 'list');
    expect(list.stdout).toMatch(new RegExp(`${number}\\s+Nuevo.*Crítica`));
    const shown = await soporte(dir, '--lang', 'es-MX', 'tickets', 'show', number);
    expect(shown.stdout).toMatch(/Canal\s+una llamada/);
    const history = await soporte(dir, '--lang', 'es-MX', 'tickets', 'history', number);
    expect(history.stdout).toMatch(/soporte CLI \(gerente\)\s+una llamada\s+abierto\s+/);
    expect(history.stdout).not.toMatch(/cli:\S+ \(gerente\)/); // who acted, by name, not by id
    expect(history.stdout).not.toMatch(/\bopened\b|\(manager\)/);
  });

  it("says a rule's refusal in Spanish; English stays as it was", async () => {
    const missing = await soporte(dir, '--lang', 'es-MX', 'tickets', 'history', 'SUP-2026-0999');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('error: No se encontró el ticket "SUP-2026-0999".');
    const english = await soporte(dir, 'clients', 'show', 'nope');
    expect(english.stderr.trim()).toBe('error: client nope not found');
  });
});
