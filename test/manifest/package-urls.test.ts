import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { manifestUrls } from '../../manifest/check-manifest-urls';
import { renderOutlookManifest, renderTeamsManifest } from '../../manifest/render-manifests';
import { writePackages } from '../../scripts/package';
import { routedTo, SAMPLE_SETTINGS, startServer } from './fixtures';

describe('npm run package checks the URLs the manifests name', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'soporte-package-urls-'));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it('names the pages, icons and legal links of both manifests, not schema ids', () => {
    const urls = manifestUrls(renderTeamsManifest(SAMPLE_SETTINGS), renderOutlookManifest(SAMPLE_SETTINGS));
    expect(urls).toEqual(
      expect.arrayContaining([
        'https://soporte.example.com/legal/privacy',
        'https://soporte.example.com/legal/terms',
        'https://soporte.example.com/legal/support',
        'https://soporte.example.com/addin/sla-board.html',
        'https://soporte.example.com/addin/taskpane.html?action=report',
        'https://soporte.example.com/addin/assets/icon-128.png',
      ]),
    );
    expect(urls.some((url) => url.includes('json-schemas'))).toBe(false);
  });

  it('writes the packages when every URL answers', async () => {
    const { server, base } = await startServer(true);
    try {
      const out = await writePackages(SAMPLE_SETTINGS, outDir, { fetch: routedTo(base) });
      const manifest = JSON.parse(new AdmZip(out.teamsZip).readAsText('manifest.json'));
      expect(manifest.developer).toMatchObject({
        privacyUrl: 'https://soporte.example.com/legal/privacy',
        termsOfUseUrl: 'https://soporte.example.com/legal/terms',
        websiteUrl: 'https://soporte.example.com/legal/support',
      });
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });

  it('refuses to write anything when a URL answers with an error, naming each one', async () => {
    const { server, base } = await startServer(false);
    try {
      const error = (await writePackages(SAMPLE_SETTINGS, outDir, { fetch: routedTo(base) }).catch((e: unknown) => e)) as Error;
      expect(error.message.split('\n').sort()).toEqual([
        'https://soporte.example.com/legal/privacy answers HTTP 404',
        'https://soporte.example.com/legal/support answers HTTP 404',
        'https://soporte.example.com/legal/terms answers HTTP 404',
        'the manifests name URLs that do not work (is the server deployed at https://soporte.example.com?):',
      ]);
      expect(readdirSync(outDir)).toEqual([]);
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });

  it('refuses when the server does not answer, and takes the legal URLs from settings when given', async () => {
    const { server, base } = await startServer(false);
    await new Promise<void>((done) => server.close(() => done()));
    await expect(writePackages(SAMPLE_SETTINGS, outDir, { fetch: routedTo(base) })).rejects.toThrow(
      /taskpane\.html does not answer/,
    );
    expect(existsSync(join(outDir, 'soporte-teams.zip'))).toBe(false);

    const partnerPages = {
      PRIVACY_URL: 'https://www.partner.example/privacidad',
      TERMS_URL: 'https://www.partner.example/terminos',
      SUPPORT_URL: 'https://www.partner.example/soporte',
    };
    const teams = renderTeamsManifest({ ...SAMPLE_SETTINGS, ...partnerPages });
    expect(teams.developer).toMatchObject({
      privacyUrl: partnerPages.PRIVACY_URL,
      termsOfUseUrl: partnerPages.TERMS_URL,
      websiteUrl: partnerPages.SUPPORT_URL,
    });
    expect(renderOutlookManifest({ ...SAMPLE_SETTINGS, ...partnerPages })).toContain(
      '<SupportUrl DefaultValue="https://www.partner.example/soporte"/>',
    );
  });
});
