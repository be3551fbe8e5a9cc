import type { ActivityHandler, CloudAdapter, Request as BotRequest } from 'botbuilder';
import type restify from 'restify';
import { z } from 'zod';
import { isLoopback } from '../api/loopback';

/** The fields every activity Teams sends carries; without them botbuilder fails deep inside (a 500). */
const ActivityShape = z.object({
  type: z.string().min(1).max(100),
  channelId: z.string().min(1).max(100),
  serviceUrl: z.string().min(1).max(2048),
  conversation: z.object({ id: z.string().min(1).max(1024) }),
  from: z.object({ id: z.string().min(1).max(1024) }).optional(),
  text: z.string().optional(),
});

function plain(res: restify.Response, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(message);
}

/** What is wrong with a body that is not an activity, in a sentence (field names only, never internals). */
function malformation(body: unknown): string | undefined {
  const parsed = ActivityShape.safeParse(body);
  if (parsed.success) return undefined;
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'body'))];
  return `Bad Request: not a Bot Framework activity (check ${fields.join(', ')})`;
}

/**
 * Mounts the Bot Framework endpoint: `POST /api/messages` through the CloudAdapter into the bot. In local
 * mode (no bot identity, nothing authenticated) only this machine is served, whatever HOST is; a body that
 * is not an activity gets a 400 with a plain message before botbuilder sees it.
 */
export function registerBotRoutes(
  server: restify.Server,
  deps: { adapter: CloudAdapter; bot: ActivityHandler; localOnly: boolean },
): void {
  server.post('/api/messages', async (req, res) => {
    if (deps.localOnly && !isLoopback(req.socket.remoteAddress)) {
      plain(
        res,
        403,
        'Forbidden: the bot runs in local mode (no MicrosoftAppId), which answers only this machine (127.0.0.1 or ::1); configure a bot identity to serve other hosts',
      );
      return;
    }
    const problem = malformation(req.body);
    if (problem) {
      plain(res, 400, problem);
      return;
    }
    // restify types `method` as string | undefined; botbuilder's Request as an optional string: the same request.
    await deps.adapter.process(req as BotRequest, res, (context) => deps.bot.run(context));
  });
}
