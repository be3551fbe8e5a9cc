import { AfterHoursService } from '../shared/application/after-hours-service';
import { BillingService } from '../shared/application/billing-service';
import { ClientMailer } from '../shared/application/client-mailer';
import { DashboardService } from '../shared/application/dashboard-service';
import { StatementService } from '../shared/application/statement-service';
import { createStatementRenderer } from '../shared/infra/statements/statement-files';
import { DirectoryService } from '../shared/application/directory-service';
import { PolicyRegistry } from '../shared/application/policy-registry';
import type { Clock, IdGenerator, Mailer, Notifier, Store } from '../shared/application/ports';
import type { SideEffectErrors } from '../shared/application/side-effects';
import { TicketQueryService } from '../shared/application/ticket-query-service';
import { TicketService } from '../shared/application/ticket-service';
import { DEFAULT_POLICY } from '../shared/domain/policy/default-policy';

export interface ServiceDeps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  mailer: Mailer;
  notifier: Notifier;
  sideEffects: SideEffectErrors;
}

/** The application services over one store: what the server (main.ts) and the CLI share. */
export interface Services {
  policies: PolicyRegistry;
  clientMail: ClientMailer;
  tickets: TicketService;
  queries: TicketQueryService;
  directory: DirectoryService;
  afterHours: AfterHoursService;
  billing: BillingService;
  dashboard: DashboardService;
  statements: StatementService;
}

export function buildServices(deps: ServiceDeps): Services {
  const { store, clock, ids, mailer, notifier, sideEffects } = deps;
  const policies = new PolicyRegistry(store.state, store.directory);
  const clientMail = new ClientMailer({ mailer, clock, state: store.state, directory: store.directory, alerts: store.alerts, timeZone: DEFAULT_POLICY.calendar.timezone });
  const tickets = new TicketService({ store, clock, ids, policies, mail: clientMail, notifier, sideEffects });
  return {
    policies,
    clientMail,
    tickets,
    queries: new TicketQueryService({ store, clock, policies }),
    directory: new DirectoryService({ store, clock, ids }),
    afterHours: new AfterHoursService({ store, clock, ids, mail: clientMail, sideEffects }),
    billing: new BillingService({ store, policies }),
    dashboard: new DashboardService({ store, clock, policies }),
    statements: new StatementService({ store, clock, policies, renderer: createStatementRenderer(DEFAULT_POLICY.calendar.timezone), mailer, notifier, timeZone: DEFAULT_POLICY.calendar.timezone }),
  };
}
