import type { CloudAdapter } from 'botbuilder';
import type restify from 'restify';
import type { BillingService } from '../../shared/application/billing-service';
import { PolicyRegistry } from '../../shared/application/policy-registry';
import type { Clock, Notifier, Store } from '../../shared/application/ports';
import type { TicketCommands } from '../../shared/application/ticket-commands';
import type { TicketQueryService } from '../../shared/application/ticket-query-service';
import type { StatementReview } from './card-actions/statement-actions';
import { createSlaReader } from '../api/sla-reader';
import type { BotIdentity } from '../adapter/bot-identity';
import { botAppId, describeBotIdentity } from '../adapter/bot-identity';
import { createCloudAdapter, type TurnErrorSink } from '../adapter/create-cloud-adapter';
import { registerBotRoutes } from '../adapter/register-bot-routes';
import { AlertCards } from '../notify/alert-cards';
import { ProactiveSender } from '../notify/proactive-sender';
import { TeamsNotifier } from '../notify/teams-notifier';
import { ConversationRefs } from './conversation-refs';
import { createTeamsBot } from './create-teams-bot';
import { createSlaExplainer } from './sla-explainer';
import { createPolicyViewReader } from './policy-view-reader';
import type { SoporteBot } from './soporte-bot';
import { TicketViews } from './ticket-views';

export interface TeamsRuntimeDeps {
  identity: BotIdentity;
  store: Pick<Store, 'directory' | 'state' | 'afterHours' | 'tickets' | 'alerts'>;
  clock: Clock;
  /** Where notifications go while Teams has no conversation for them (log lines). */
  fallback: Notifier;
  /** Errors that escaped a turn or the error mapper (logged by main.ts, collected by tests). */
  reportError: TurnErrorSink;
  /** Zone instants are shown in (default: the zone of the desk policy's calendar, PolicyRegistry.base). */
  timeZone?: string;
}

/** The services the bot's commands and card actions call. */
export interface TeamsBotServices {
  tickets: TicketCommands;
  queries: Pick<TicketQueryService, 'queue' | 'mine' | 'byNumber' | 'byId'>;
  billing: Pick<BillingService, 'hoursReport'>;
  statements?: StatementReview;
}

/**
 * Teams in two steps, because the ticket services need the notifier and the bot needs the services:
 * `new TeamsRuntime(...)` gives the adapter and the TeamsNotifier; `attach(server, services)` builds
 * the bot and mounts `POST /api/messages`.
 */
export class TeamsRuntime {
  readonly adapter: CloudAdapter;
  readonly notifier: TeamsNotifier;
  private readonly policies: PolicyRegistry;
  private readonly timeZone: string;

  constructor(private readonly deps: TeamsRuntimeDeps) {
    this.adapter = createCloudAdapter(deps.identity, deps.reportError);
    this.policies = new PolicyRegistry(deps.store.state, deps.store.directory);
    this.timeZone = deps.timeZone ?? this.policies.base.calendar.timezone;
    const views = new TicketViews({
      directory: deps.store.directory,
      state: deps.store.state,
      slaOf: this.slaOf(),
      policyViewOf: createPolicyViewReader({ policies: this.policies }),
      events: (id) => deps.store.tickets.events(id),
    });
    this.notifier = new TeamsNotifier({
      sender: new ProactiveSender(this.adapter, botAppId(deps.identity)),
      refs: new ConversationRefs(deps.store.state),
      alerts: new AlertCards(deps.store.state),
      directory: deps.store.directory,
      views,
      clock: deps.clock,
      timeZone: this.timeZone,
      fallback: deps.fallback,
    });
  }

  private slaOf() {
    return createSlaReader({ policies: this.policies, afterHours: this.deps.store.afterHours });
  }

  /** Builds the bot over `services` (ticket commands recorded as channel `teams`). */
  createBot(services: TeamsBotServices): SoporteBot {
    const { store, clock } = this.deps;
    return createTeamsBot(
      {
        ...services,
        slaOf: this.slaOf(),
        policyViewOf: createPolicyViewReader({ policies: this.policies }),
        explainSla: createSlaExplainer({ policies: this.policies, afterHours: store.afterHours, tickets: store.tickets }),
        directory: store.directory,
        state: store.state,
        alerts: store.alerts,
        ticketEvents: (id) => store.tickets.events(id),
        clock,
        timeZone: this.timeZone,
      },
      (error) => this.deps.reportError(error, {}),
    );
  }

  /** Builds the bot and mounts `POST /api/messages` on `server`. */
  attach(server: restify.Server, services: TeamsBotServices): SoporteBot {
    const bot = this.createBot(services);
    registerBotRoutes(server, { adapter: this.adapter, bot, localOnly: this.deps.identity.mode === 'local' });
    return bot;
  }

  /** The start-up line main.ts prints. */
  describe(): string {
    return describeBotIdentity(this.deps.identity);
  }
}
