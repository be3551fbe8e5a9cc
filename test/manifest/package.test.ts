import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { parsePackageSettings } from '../../manifest/package-settings';
import { writePackages } from '../../scripts/package';
import { routedTo, SAMPLE_SETTINGS, startServer } from './fixtures';

describe('npm run package', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'soporte-package-'));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes the Teams zip (manifest + icons) and the Outlook manifest from settings', async () => {
    const { server, base } = await startServer(true);
    const out = await writePackages(SAMPLE_SETTINGS, outDir, { fetch: routedTo(base) }).finally(
      () => new Promise<void>((done) => server.close(() => done())),
    );
    const zip = new AdmZip(out.teamsZip);
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'es-mx.json', 'manifest.json', 'outline.png']);
    expect(JSON.parse(zip.readAsText('es-mx.json'))['staticTabs[0].name']).toBe('Tablero de SLA');
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    expect(manifest.id).toBe(SAMPLE_SETTINGS.TEAMS_APP_ID);
    expect(manifest.version).toBe('1.2.3');
    expect(readFileSync(out.outlookManifest, 'utf8')).toContain('<Id>33333333-3333-4333-8333-333333333333</Id>');
  });

  it('reads the settings from the environment, defaulting ENTRA_CLIENT_ID to BOT_ID', () => {
    const { ENTRA_CLIENT_ID: _unused, ...env } = SAMPLE_SETTINGS;
    const settings = parsePackageSettings(env);
    expect(settings.ENTRA_CLIENT_ID).toBe(SAMPLE_SETTINGS.BOT_ID);
  });

  it('names the missing or malformed setting', () => {
    expect(() => parsePackageSettings({ ...SAMPLE_SETTINGS, PUBLIC_URL: 'http://soporte.example.com/' })).toThrow(/PUBLIC_URL/);
    const { ADDIN_ID: _unused, ...env } = SAMPLE_SETTINGS;
    expect(() => parsePackageSettings(env)).toThrow(/ADDIN_ID/);
  });
});
