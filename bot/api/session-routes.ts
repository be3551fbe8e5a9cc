import type { Server } from 'restify';
import type { MeView } from '../../shared/contract/api-contract';
import type { ApiDeps } from './api-deps';
import { ApiProblem } from './api-problem';
import { DevTokenSchema } from './api-schemas';
import { authedRoute, json, route } from './http-io';
import { isLoopback } from './loopback';

export function registerSessionRoutes(server: Server, deps: ApiDeps): void {
  server.get(
    '/api/v1/me',
    authedRoute(deps.authenticator, async (caller) => {
      const me: MeView =
        caller.kind === 'staff'
          ? { kind: 'staff', email: caller.email, name: caller.staff.name, role: caller.staff.role, locale: caller.staff.locale }
          : {
              kind: 'requester',
              email: caller.email,
              name: caller.requester.name,
              clientId: caller.client.id,
              clientName: caller.client.name,
              isClientAdmin: caller.requester.isClientAdmin,
              locale: caller.requester.locale ?? caller.client.locale,
            };
      return json(me);
    }),
  );

  /**
   * Local mode only: a development token for an email (the tenant is looked up: the requester's client, or
   * the provider's for staff). The route does not exist unless main.ts built a dev token issuer, and it
   * refuses callers that are not on this machine.
   */
  const dev = deps.devTokens;
  if (!dev) return;
  server.post(
    '/api/v1/dev/token',
    route(async (req) => {
      // Anyone who reaches this route can sign in as anyone: it answers this machine only, whatever HOST is.
      if (!isLoopback(req.socket.remoteAddress))
        throw new ApiProblem(
          403,
          'forbidden',
          'Forbidden',
          'development tokens are issued only to requests from this machine (127.0.0.1 or ::1); configure Entra ID (AUTH_MODE=entra) to serve other hosts',
        );
      const input = DevTokenSchema.parse(req.body ?? {});
      const email = input.email.toLowerCase();
      let tenantId = input.tenantId;
      if (!tenantId) {
        const staff = await deps.directory.findStaffByEmail(email);
        const records = staff ? [] : await deps.directory.findRequestersByEmail(email);
        const clientIds = [...new Set(records.map((r) => r.clientId))];
        // A requester of several clients: which one is the caller's to say (never the first record found).
        if (clientIds.length > 1)
          throw new ApiProblem(
            400,
            'validation',
            'The request is not valid',
            `tenantId: ${email} is a requester of ${clientIds.join(' and ')}; name the tenant to sign in from`,
          );
        const client = clientIds[0] ? await deps.directory.getClient(clientIds[0]) : undefined;
        tenantId = staff ? dev.providerTenantId : client && dev.tenantOf(client);
      }
      if (!tenantId)
        throw new ApiProblem(
          404,
          'not-found',
          'Not found',
          `${email} is neither staff nor a requester of a client with a tenant id`,
        );
      return json({ token: await dev.issuer.issue({ email, tenantId, name: input.name }), tokenType: 'Bearer' });
    }),
  );
}
