import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { renderOutlookManifest } from '../../manifest/render-manifests';
import { validateOutlookManifest } from '../../manifest/validate-manifests';
import { SAMPLE_SETTINGS } from './fixtures';

describe('Outlook add-in manifest', () => {
  const xml = renderOutlookManifest(SAMPLE_SETTINGS);

  it('fills every placeholder from the settings, escaping XML', () => {
    expect(xml).not.toMatch(/\{\{\w+\}\}/);
    expect(xml).toContain('<Id>33333333-3333-4333-8333-333333333333</Id>');
    expect(xml).toContain('<ProviderName>Partner &amp; Co</ProviderName>');
    expect(xml).toContain('<Version>1.2.3.0</Version>');
    expect(xml).toContain('https://soporte.example.com/addin/taskpane.html?action=after-hours');
  });

  it('is valid against the XSDs kept in manifest/schema', async () => {
    expect(await validateOutlookManifest(xml)).toEqual([]);
  });

  it.each([
    ['a resid with no resource', xml.replace('resid="Report.Url"', 'resid="Missing.Url"'), /keyref/],
    [
      'an unknown permission',
      xml.replace('<Permissions>ReadWriteItem</Permissions>', '<Permissions>Everything</Permissions>'),
      /Permissions/,
    ],
    [
      'an http (not https) task pane',
      xml.replace(
        'DefaultValue="https://soporte.example.com/addin/taskpane.html"',
        'DefaultValue="http://soporte.example.com/addin/taskpane.html"',
      ),
      /pattern/,
    ],
    [
      'elements out of the official order',
      xml
        .replace(/<DefaultLocale>es-MX<\/DefaultLocale>\n/, '')
        .replace(
          '<Hosts>\n    <Host Name="Mailbox"/>',
          '<DefaultLocale>es-MX</DefaultLocale>\n  <Hosts>\n    <Host Name="Mailbox"/>',
        ),
      /DefaultLocale|DisplayName/,
    ],
    [
      'a button without an action',
      xml.replace(/<Action xsi:type="ShowTaskpane">\s*<SourceLocation resid="Taskpane.Url"\/>\s*<\/Action>/, ''),
      /Action|Control/,
    ],
    ['a malformed add-in id', xml.replace('<Id>33333333-3333-4333-8333-333333333333</Id>', '<Id>not-a-guid</Id>'), /Id/],
  ])('rejects %s', async (_name, broken, pattern) => {
    const errors = await validateOutlookManifest(broken);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(pattern);
  });

  it('parses offline with office-addin-manifest (the `info` command reader)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soporte-manifest-'));
    try {
      const file = join(dir, 'manifest.xml');
      writeFileSync(file, xml);
      const info = await OfficeAddinManifest.readManifestFile(file);
      expect(info).toMatchObject({
        id: SAMPLE_SETTINGS.ADDIN_ID,
        officeAppType: 'MailApp',
        displayName: 'Soporte',
        providerName: 'Partner & Co',
        permissions: 'ReadWriteItem',
        hosts: ['Mailbox'],
        defaultLocale: 'es-MX',
        appDomains: ['https://soporte.example.com'],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('offers a read surface and the two compose actions', () => {
    expect(xml).toMatch(/xsi:type="MessageReadCommandSurface"/);
    expect(xml).toMatch(/xsi:type="MessageComposeCommandSurface"/);
    expect(xml).toContain('Value="Report to support"');
    expect(xml).toContain('Value="Request after-hours attention"');
  });
});
