import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackageSettings } from './package-settings';

const MANIFEST_DIR = __dirname;

/** Replaces every `{{NAME}}`; a placeholder without a value is an error, never left in a manifest. */
export function fillTemplate(
  template: string,
  values: Record<string, string>,
  escape: (value: string) => string = (v) => v,
): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`manifest template: no value for {{${name}}}`);
    return escape(value);
  });
}

function templateValues(settings: PackageSettings): Record<string, string> {
  return {
    ...settings,
    PUBLIC_HOST: new URL(settings.PUBLIC_URL).host,
    ADDIN_VERSION: `${settings.APP_VERSION}.0`,
    PRIVACY_URL: settings.PRIVACY_URL ?? `${settings.PUBLIC_URL}/legal/privacy`,
    TERMS_URL: settings.TERMS_URL ?? `${settings.PUBLIC_URL}/legal/terms`,
    SUPPORT_URL: settings.SUPPORT_URL ?? `${settings.PUBLIC_URL}/legal/support`,
  };
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function renderTeamsManifest(settings: PackageSettings): Record<string, unknown> {
  const template = readFileSync(join(MANIFEST_DIR, 'teams', 'manifest.template.json'), 'utf8');
  return JSON.parse(fillTemplate(template, templateValues(settings), (v) => JSON.stringify(v).slice(1, -1)));
}

/** The Teams manifest's translations, by file name in the package (localizationInfo.additionalLanguages). */
export function renderTeamsLocalizations(settings: PackageSettings): Record<string, Record<string, unknown>> {
  const template = readFileSync(join(MANIFEST_DIR, 'teams', 'es-mx.template.json'), 'utf8');
  return { 'es-mx.json': JSON.parse(fillTemplate(template, templateValues(settings), (v) => JSON.stringify(v).slice(1, -1))) };
}

export function renderOutlookManifest(settings: PackageSettings): string {
  const template = readFileSync(join(MANIFEST_DIR, 'outlook', 'manifest.template.xml'), 'utf8');
  return fillTemplate(template, templateValues(settings), escapeXml);
}

export const ICON_FILES = {
  color: join(MANIFEST_DIR, 'icons', 'color.png'),
  outline: join(MANIFEST_DIR, 'icons', 'outline.png'),
};

export const OUTLOOK_SCHEMA_DIR = join(MANIFEST_DIR, 'schema');
