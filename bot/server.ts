import restify from 'restify';

export interface ServerDeps {
  startedAt: Date;
  version: string;
}

/** Builds the restify server and its routes; main.ts decides when and where it listens. */
export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'soporte' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.get('/healthz', (_req, res, next) => {
    res.json({ status: 'ok', version: deps.version, startedAt: deps.startedAt.toISOString() });
    next();
  });
  return server;
}
