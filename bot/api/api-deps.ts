import type { Clock, DirectoryStore, IdGenerator, TicketStore } from '../../shared/application/ports';
import type { Client } from '../../shared/domain/requesters';
import type { TicketCommands } from '../../shared/application/ticket-commands';
import type { Authenticator } from '../auth/authenticator';
import type { DevTokens } from '../auth/create-auth';
import type { BoardQueries } from './board-routes';
import type { DashboardQueries } from './dashboard-routes';
import type { RequesterDirectory } from './requester-routes';
import type { SlaReader } from './ticket-view';

/** What the REST API needs; bot/main.ts (or a test) builds it. */
export interface ApiDeps {
  commands: TicketCommands;
  tickets: TicketStore;
  directory: DirectoryStore;
  /** Adds and deactivates authorized requesters (DirectoryService). */
  requesters: RequesterDirectory;
  /** The staff queue by SLA urgency (TicketQueryService), for the SLA board. */
  queries: BoardQueries;
  /** The managers' dashboard (DashboardService); absent, GET /api/v1/dashboard answers 404. */
  dashboard?: DashboardQueries;
  clock: Clock;
  ids: IdGenerator;
  authenticator: Authenticator;
  readSla: SlaReader;
  /** The tenant a client's people sign in from (default its tenantId; local mode names tenant-less clients). */
  tenantOf?: ((client: Client) => string | undefined) | undefined;
  /** Local mode only: issues development tokens at POST /api/v1/dev/token. */
  devTokens?: DevTokens | undefined;
}
