import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { registerAddinStatic } from '../../bot/api/addin-static';

describe('the add-in under /addin/', () => {
  let dir: string;
  let server: restify.Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'soporte-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'taskpane.html'), '<script src="%OFFICE_JS_URL%"></script>');
    writeFileSync(join(dir, 'taskpane.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'icon-16.png'), Buffer.from([0x89, 0x50]));
    writeFileSync(join(tmpdir(), 'soporte-secret.js'), 'secret');
    server = restify.createServer();
    registerAddinStatic(server, {
      dir,
      officeJsUrl: 'https://cdn.example/office.js?"x',
      config: { apiBase: '', authMode: 'local', supportAddress: 'soporte@partner.example' },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(tmpdir(), 'soporte-secret.js'), { force: true });
  });

  it('serves the page with the configured Office.js URL (escaped), the bundle and the icons', async () => {
    const page = await fetch(`${base}/addin/taskpane.html`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('<script src="https://cdn.example/office.js?&quot;x"></script>');
    expect((await fetch(`${base}/addin/taskpane.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${base}/addin/assets/icon-16.png`)).headers.get('content-type')).toBe('image/png');
  });

  it('hands the page its settings in config.js', async () => {
    expect(await (await fetch(`${base}/addin/config.js`)).text()).toBe(
      'window.SOPORTE_CONFIG = {"apiBase":"","authMode":"local","supportAddress":"soporte@partner.example"};\n',
    );
  });

  it.each([
    ['a missing file', '/addin/nope.js'],
    ['a path climbing out', '/addin/..%2Fsoporte-secret.js'],
    ['a malformed escape', '/addin/%E0%A4%A.js'],
    ['an unlisted file type', '/addin/notes.txt'],
  ])('answers 404 for %s', async (_name, path) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret');
  });
});
