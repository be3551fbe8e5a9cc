import { z } from 'zod';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');

/** What a deployment fills into the Teams and Outlook manifests (read from the environment by scripts/package.ts). */
export const PackageSettingsSchema = z.object({
  /** Where the server is published, https, no trailing slash: https://soporte.contoso.com */
  PUBLIC_URL: z
    .string()
    .url()
    .regex(/^https:\/\/[^/]+$/, 'must be https://host with no path or trailing slash'),
  TEAMS_APP_ID: guid,
  /** The Azure Bot's Microsoft App ID (the Entra app registration of the bot). */
  BOT_ID: guid,
  /** The Entra app registration the add-in and tab get tokens for (SSO/NAA); often the bot's. */
  ENTRA_CLIENT_ID: guid,
  ADDIN_ID: guid,
  PROVIDER_NAME: z.string().min(1).max(32),
  APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be major.minor.patch'),
  /** The privacy statement, terms of use and support page; default: the pages the server serves under PUBLIC_URL/legal/. */
  PRIVACY_URL: z.string().url().startsWith('https://').optional(),
  TERMS_URL: z.string().url().startsWith('https://').optional(),
  SUPPORT_URL: z.string().url().startsWith('https://').optional(),
});

export type PackageSettings = z.infer<typeof PackageSettingsSchema>;

export function parsePackageSettings(
  env: Record<string, string | undefined>,
  defaults: Partial<PackageSettings> = {},
): PackageSettings {
  const merged = { ...defaults, ...Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')) };
  if (!merged.ENTRA_CLIENT_ID && merged.BOT_ID) merged.ENTRA_CLIENT_ID = merged.BOT_ID;
  const result = PackageSettingsSchema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues
      .map(
        (i) => `${i.path.join('.')}: ${merged[String(i.path[0]) as keyof PackageSettings] === undefined ? 'missing' : i.message}`,
      )
      .join('; ');
    throw new Error(`invalid package settings: ${problems}`);
  }
  return result.data;
}
