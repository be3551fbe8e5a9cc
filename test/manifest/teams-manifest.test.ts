import type { StaffLanguage } from '../../shared/application/staff-language';
import { createCommandRouter } from '../../bot/teams/command-table';
import type { TeamsBotDeps } from '../../bot/teams/teams-bot-deps';
import type { TicketViews } from '../../bot/teams/ticket-views';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ICON_FILES, renderTeamsLocalizations, renderTeamsManifest } from '../../manifest/render-manifests';
import { validateTeamsLocalization, validateTeamsManifest } from '../../manifest/validate-manifests';
import { readPngHeader } from '../../scripts/png-writer';
import { SAMPLE_SETTINGS } from './fixtures';

interface TeamsManifestShape {
  id: string;
  bots: { botId: string; commandLists: { commands: { title: string }[] }[] }[];
  composeExtensions: {
    botId: string;
    commands: { id: string; type: string; title: string; context: string[]; fetchTask: boolean }[];
  }[];
  staticTabs: { entityId: string; contentUrl: string }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string; nestedAppAuthInfo: { redirectUri: string; scopes: string[] }[] };
}

describe('Teams app manifest', () => {
  const manifest = renderTeamsManifest(SAMPLE_SETTINGS);
  const shaped = manifest as unknown as TeamsManifestShape;

  it('is valid against the bundled Teams schema of its version (offline)', async () => {
    expect(await validateTeamsManifest(manifest)).toEqual([]);
  });

  it('is on the newest schema version @microsoft/app-manifest bundles', () => {
    const schemas = join(require.resolve('@microsoft/app-manifest/package.json'), '..', 'build', 'json-schemas', 'teams');
    const newest = readdirSync(schemas)
      .filter((d) => /^v\d+\.\d+$/.test(d))
      .map((d) => d.slice(1))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .pop();
    expect(manifest.manifestVersion).toBe(newest);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
  });

  it('rejects a manifest whose bot id is not a GUID', async () => {
    const broken = JSON.parse(JSON.stringify(manifest));
    broken.bots[0].botId = 'my-bot';
    const errors = await validateTeamsManifest(broken);
    expect(errors.join('\n')).toMatch(/botId/);
  });

  it('lists the bot commands', () => {
    const titles = shaped.bots[0].commandLists.flatMap((list) => list.commands.map((c) => c.title));
    expect(titles).toEqual(['help', 'queue', 'mine', 'ticket', 'new', 'sla', 'hours', 'language']);
    expect(shaped.bots[0].botId).toBe(SAMPLE_SETTINGS.BOT_ID);
  });

  it('has the message action "Create ticket from this message"', () => {
    const [command] = shaped.composeExtensions[0].commands;
    expect(command).toMatchObject({
      type: 'action',
      title: 'Create ticket from this message',
      context: ['message'],
      fetchTask: true,
    });
    expect(shaped.composeExtensions[0].botId).toBe(SAMPLE_SETTINGS.BOT_ID);
  });

  it("has the managers' SLA board tab and SSO/NAA app info on the public host", () => {
    expect(shaped.staticTabs[0]).toMatchObject({
      entityId: 'sla-board',
      contentUrl: 'https://soporte.example.com/addin/sla-board.html',
    });
    expect(shaped.validDomains).toEqual(['soporte.example.com']);
    expect(shaped.webApplicationInfo.id).toBe(SAMPLE_SETTINGS.ENTRA_CLIENT_ID);
    expect(shaped.webApplicationInfo.resource).toBe(`api://soporte.example.com/${SAMPLE_SETTINGS.ENTRA_CLIENT_ID}`);
    expect(shaped.webApplicationInfo.nestedAppAuthInfo[0].scopes).toEqual([
      `api://soporte.example.com/${SAMPLE_SETTINGS.ENTRA_CLIENT_ID}/access_as_user`,
    ]);
  });

  it('has a Spanish (es-mx) translation that fits the localization schema and covers every command', async () => {
    const { 'es-mx.json': es } = renderTeamsLocalizations(SAMPLE_SETTINGS);
    expect(await validateTeamsLocalization(es, '1.30')).toEqual([]);
    expect(es['name.full']).toBe('Soporte: mesa de ayuda de Partner & Co');
    const commands = shaped.bots[0].commandLists[0].commands;
    commands.forEach((_c, i) => expect(es[`bots[0].commandLists[0].commands[${i}].description`]).toEqual(expect.any(String)));
    // The command list shows the words the bot answers to, in each language.
    const router = createCommandRouter({} as TeamsBotDeps, {} as TicketViews, {} as StaffLanguage);
    expect(commands.map((c: { title: string }) => c.title)).toEqual(router.specs.map((spec) => spec.words.en));
    expect(commands.map((_c, i) => es[`bots[0].commandLists[0].commands[${i}].title`])).toEqual(
      router.specs.map((spec) => spec.words['es-MX']),
    );
    expect(await validateTeamsLocalization({ ...es, 'name.short': 'x'.repeat(31) }, '1.30')).not.toEqual([]);
  });

  it('ships icons at the sizes Teams requires', () => {
    expect(readPngHeader(readFileSync(ICON_FILES.color))).toEqual({ width: 192, height: 192, colorType: 6 });
    expect(readPngHeader(readFileSync(ICON_FILES.outline))).toEqual({ width: 32, height: 32, colorType: 6 });
  });
});
