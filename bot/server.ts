import restify from 'restify';
import { DEFAULT_BODY_LIMITS, readJsonBody, type BodyLimits } from './request-body';

export interface ServerDeps {
  startedAt: Date;
  version: string;
  /** Extra health facts (store kind, schema version, SLA monitor's last sweep, lease holder). */
  health?: () => Promise<Record<string, unknown>>;
  /** The largest decoded body each route reads (default DEFAULT_BODY_LIMITS). */
  bodyLimits?: BodyLimits | undefined;
}

/** Builds the restify server and its routes; main.ts decides when and where it listens. */
export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'soporte' });
  server.use(readJsonBody(deps.bodyLimits ?? DEFAULT_BODY_LIMITS));
  server.get('/healthz', async (_req, res) => {
    const base = { status: 'ok', version: deps.version, startedAt: deps.startedAt.toISOString() };
    try {
      res.json({ ...base, ...(deps.health ? await deps.health() : {}) });
    } catch (error) {
      res.json(503, { ...base, status: 'degraded', error: error instanceof Error ? error.message : String(error) });
    }
  });
  return server;
}
