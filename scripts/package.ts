/**
 * `npm run package`: fills the manifests from environment settings, validates them offline and writes
 *   dist/soporte-teams.zip   (manifest.json + es-mx.json + color.png + outline.png, ready for Teams admin upload)
 *   dist/soporte-outlook.xml (the add-in-only manifest, ready for the M365 admin center / sideloading)
 * Settings: PUBLIC_URL, TEAMS_APP_ID, BOT_ID, ENTRA_CLIENT_ID (defaults to BOT_ID), ADDIN_ID, PROVIDER_NAME,
 * APP_VERSION (defaults to package.json's version), PRIVACY_URL, TERMS_URL, SUPPORT_URL (default: the server's
 * /legal/ pages). Refuses to write anything when a URL the manifests name answers with an error (deploy the
 * server first). See docs/deployment.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { brokenUrls, manifestUrls, type UrlFetcher } from '../manifest/check-manifest-urls';
import { parsePackageSettings, type PackageSettings } from '../manifest/package-settings';
import { ICON_FILES, renderOutlookManifest, renderTeamsLocalizations, renderTeamsManifest } from '../manifest/render-manifests';
import { validateOutlookManifest, validateTeamsLocalization, validateTeamsManifest } from '../manifest/validate-manifests';
import { version as packageVersion } from '../package.json';

export interface PackageOutput {
  teamsZip: string;
  outlookManifest: string;
}

export async function writePackages(
  settings: PackageSettings,
  outDir: string,
  options: { fetch?: UrlFetcher } = {},
): Promise<PackageOutput> {
  const teamsManifest = renderTeamsManifest(settings);
  const teamsErrors = await validateTeamsManifest(teamsManifest);
  if (teamsErrors.length > 0) throw new Error(`Teams manifest is invalid:\n${teamsErrors.join('\n')}`);
  const localizations = renderTeamsLocalizations(settings);
  for (const [file, localization] of Object.entries(localizations)) {
    const errors = await validateTeamsLocalization(localization, String(teamsManifest.manifestVersion));
    if (errors.length > 0) throw new Error(`Teams translation ${file} is invalid:\n${errors.join('\n')}`);
  }
  const outlookXml = renderOutlookManifest(settings);
  const outlookErrors = await validateOutlookManifest(outlookXml);
  if (outlookErrors.length > 0) throw new Error(`Outlook manifest is invalid:\n${outlookErrors.join('\n')}`);
  const broken = await brokenUrls(manifestUrls(teamsManifest, outlookXml), options.fetch);
  if (broken.length > 0)
    throw new Error(
      `the manifests name URLs that do not work (is the server deployed at ${settings.PUBLIC_URL}?):\n${broken.join('\n')}`,
    );

  mkdirSync(outDir, { recursive: true });
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(teamsManifest, null, 2)));
  zip.addFile('color.png', readFileSync(ICON_FILES.color));
  zip.addFile('outline.png', readFileSync(ICON_FILES.outline));
  for (const [file, localization] of Object.entries(localizations))
    zip.addFile(file, Buffer.from(JSON.stringify(localization, null, 2)));
  const teamsZip = join(outDir, 'soporte-teams.zip');
  zip.writeZip(teamsZip);
  const outlookManifest = join(outDir, 'soporte-outlook.xml');
  writeFileSync(outlookManifest, outlookXml);
  return { teamsZip, outlookManifest };
}

async function main(): Promise<void> {
  const out = await writePackages(
    parsePackageSettings(process.env, { APP_VERSION: packageVersion }),
    join(__dirname, '..', 'dist'),
  );
  console.log(`wrote ${out.teamsZip}\nwrote ${out.outlookManifest}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
