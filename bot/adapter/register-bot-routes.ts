import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import type restify from 'restify';

/** Mounts the Bot Framework endpoint: `POST /api/messages` through the CloudAdapter into the bot. */
export function registerBotRoutes(server: restify.Server, deps: { adapter: CloudAdapter; bot: ActivityHandler }): void {
  server.post('/api/messages', async (req, res) => {
    await deps.adapter.process(req, res, (context) => deps.bot.run(context));
  });
}
