import { AfterHoursService } from '../shared/application/after-hours-service';
import { BillingService } from '../shared/application/billing-service';
import { ClientMailer, type SendProbe } from '../shared/application/client-mailer';
import { DashboardService } from '../shared/application/dashboard-service';
import { StatementService } from '../shared/application/statement-service';
import { createStatementRenderer } from '../shared/infra/statements/statement-files';
import { DirectoryService } from '../shared/application/directory-service';
import { HolidayService } from '../shared/application/holiday-service';
import { PolicyRegistry } from '../shared/application/policy-registry';
import type { Clock, IdGenerator, Mailer, Notifier, SideEffectErrors, Store } from '../shared/application/ports';
import { TicketQueryService } from '../shared/application/ticket-query-service';
import { TicketService } from '../shared/application/ticket-service';
import { DEFAULT_POLICY } from '../shared/domain/policy';

export interface ServiceDeps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  mailer: Mailer;
  notifier: Notifier;
  sideEffects: SideEffectErrors;
  /** Tests only: the crash probe of once-per-ticket sends (bot/test-hooks.ts). */
  probe?: SendProbe | undefined;
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
  holidays: HolidayService;
  dashboard: DashboardService;
  statements: StatementService;
}

export function buildServices(deps: ServiceDeps): Services {
  const { store, clock, ids, mailer, notifier, sideEffects, probe } = deps;
  const policies = new PolicyRegistry(store.state, store.directory, clock, DEFAULT_POLICY);
  const clientMail = new ClientMailer({
    mailer,
    clock,
    state: store.state,
    directory: store.directory,
    alerts: store.alerts,
    timeZone: policies.base.calendar.timezone,
    probe,
  });
  const tickets = new TicketService({ store, clock, ids, policies, mail: clientMail, notifier, sideEffects });
  return {
    policies,
    clientMail,
    tickets,
    queries: new TicketQueryService({ store, clock, policies }),
    directory: new DirectoryService({ store, clock, ids }),
    afterHours: new AfterHoursService({ store, clock, ids, mail: clientMail, sideEffects }),
    billing: new BillingService({ store, policies }),
    holidays: new HolidayService({ state: store.state, clock }),
    dashboard: new DashboardService({ store, clock, policies }),
    statements: new StatementService({
      store,
      clock,
      policies,
      renderer: createStatementRenderer(policies.base.calendar.timezone),
      mailer,
      notifier,
      timeZone: policies.base.calendar.timezone,
    }),
  };
}
