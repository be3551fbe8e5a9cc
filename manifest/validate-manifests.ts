import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { validateXML } from 'xmllint-wasm';
import { OUTLOOK_SCHEMA_DIR } from './render-manifests';

/** Schema-checks the Outlook XML manifest against the XSDs kept in manifest/schema (offline, xmllint-wasm). */
export async function validateOutlookManifest(xml: string): Promise<string[]> {
  const schemaFiles = readdirSync(OUTLOOK_SCHEMA_DIR).filter((f) => f.endsWith('.xsd'));
  const preload = schemaFiles.map((fileName) => ({
    fileName,
    contents: readFileSync(join(OUTLOOK_SCHEMA_DIR, fileName), 'utf8'),
  }));
  const main = preload.find((f) => f.fileName === 'offappmanifest-1.1.xsd');
  if (!main) throw new Error('manifest/schema/offappmanifest-1.1.xsd is missing');
  const result = await validateXML({ xml: [{ fileName: 'manifest.xml', contents: xml }], schema: [main], preload });
  return result.errors.map((e) => e.rawMessage);
}

/** A Teams JSON schema of the manifest's version, from the copy bundled in @microsoft/app-manifest (never downloaded). */
function bundledTeamsSchema(manifestVersion: string, name = 'MicrosoftTeams.schema.json'): object {
  const packageDir = join(require.resolve('@microsoft/app-manifest/package.json'), '..');
  const file = join(packageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, name);
  return JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
}

/** Validates the Teams manifest offline against its bundled schema. */
export async function validateTeamsManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const version = String(manifest.manifestVersion);
  // The schema object is the package's own JSON schema; its generic type is not worth restating.
  const schema = bundledTeamsSchema(version) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, schema);
}

/** Validates a translation file of the Teams manifest against the bundled localization schema. */
export async function validateTeamsLocalization(
  localization: Record<string, unknown>,
  manifestVersion: string,
): Promise<string[]> {
  const raw = bundledTeamsSchema(manifestVersion, 'MicrosoftTeams.Localization.schema.json') as {
    patternProperties?: Record<string, unknown>;
  };
  // Microsoft's schema writes `activityTypes\[\b(...)\b]` with an unescaped `]`, which a unicode-mode
  // RegExp (ajv's) rejects: escape that bracket, the meaning is unchanged.
  const patternProperties = Object.fromEntries(
    Object.entries(raw.patternProperties ?? {}).map(([pattern, rule]) => [pattern.replace(/\\b\]/g, '\\b\\]'), rule]),
  );
  const schema = { ...raw, patternProperties } as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  return AppManifestUtils.validateAgainstSchema(localization as unknown as AppManifest, schema);
}
