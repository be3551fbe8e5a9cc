import type { PackageSettings } from '../../manifest/package-settings';

export const SAMPLE_SETTINGS: PackageSettings = {
  PUBLIC_URL: 'https://soporte.example.com',
  TEAMS_APP_ID: '11111111-1111-4111-8111-111111111111',
  BOT_ID: '22222222-2222-4222-8222-222222222222',
  ENTRA_CLIENT_ID: '44444444-4444-4444-8444-444444444444',
  ADDIN_ID: '33333333-3333-4333-8333-333333333333',
  PROVIDER_NAME: 'Partner & Co',
  APP_VERSION: '1.2.3',
};
