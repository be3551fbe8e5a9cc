import { ClientMailer } from '../../shared/application/client-mailer';
import { PolicyRegistry } from '../../shared/application/policy-registry';
import { SlaMonitor } from '../../shared/application/sla-monitor/sla-monitor';
import type { Clock, IdGenerator, Mailer, Notifier, SideEffectErrors, Store } from '../../shared/application/ports';
import { TicketService } from '../../shared/application/ticket-service';
import { CapturingMailer, CapturingNotifier, CollectedErrors, SequentialIds } from './doubles';

export interface TicketWiringOptions<N extends Notifier, E extends SideEffectErrors> {
  /** Default: SequentialIds with the prefix `id`. */
  ids?: IdGenerator;
  /** Default: a CapturingMailer. */
  mailer?: Mailer;
  /** Default: a CapturingNotifier. */
  notifier?: N;
  /** Default: CollectedErrors. */
  sideEffects?: E;
  /**
   * As the server builds it (bot/services.ts): the policies read the added days off again once a
   * minute on `clock`. Without, at every use (what the CLI does).
   */
  policiesOnClock?: boolean;
}

export interface TicketWiring<N extends Notifier, E extends SideEffectErrors> {
  tickets: TicketService;
  policies: PolicyRegistry;
  mail: ClientMailer;
  notifier: N;
  errors: E;
}

/** The real TicketService on `store`, with its policy registry, client mailer and the doubles of its other ports. */
export function ticketServiceFor<N extends Notifier = CapturingNotifier, E extends SideEffectErrors = CollectedErrors>(
  store: Store,
  clock: Clock,
  options: TicketWiringOptions<N, E> = {},
): TicketWiring<N, E> {
  const notifier = options.notifier ?? (new CapturingNotifier() as Notifier as N);
  const errors = options.sideEffects ?? (new CollectedErrors() as SideEffectErrors as E);
  const policies = new PolicyRegistry(store.state, store.directory, options.policiesOnClock ? clock : undefined);
  const mail = new ClientMailer({
    mailer: options.mailer ?? new CapturingMailer(),
    clock,
    state: store.state,
    directory: store.directory,
    alerts: store.alerts,
  });
  const tickets = new TicketService({
    store,
    clock,
    ids: options.ids ?? new SequentialIds(),
    policies,
    mail,
    notifier,
    sideEffects: errors,
  });
  return { tickets, policies, mail, notifier, errors };
}

/** The SLA monitor over the wiring's services, as `holder`, sweeping every minute in pages of `pageSize`. */
export function slaMonitorFor(
  store: Store,
  clock: Clock,
  wiring: TicketWiring<Notifier, SideEffectErrors>,
  options: { holder: string; pageSize: number },
): SlaMonitor {
  const { tickets, policies, mail, notifier, errors } = wiring;
  return new SlaMonitor({ store, clock, notifier, mail, tickets, policies, sideEffects: errors, intervalMs: 60_000, ...options });
}
