import { ConfirmForClientAction } from './card-actions/confirm-for-client-action';
import { ReopenForClientAction } from './card-actions/reopen-for-client-action';
import { ApplySuggestedPriorityAction } from './card-actions/apply-suggested-priority-action';
import { AssignToMeAction } from './card-actions/assign-to-me-action';
import { AssignAction } from './card-actions/assign-action';
import { EscalateAction } from './card-actions/escalate-action';
import { LogFollowUpAction } from './card-actions/log-follow-up-action';
import { LogPhoneCallAction } from './card-actions/log-phone-call-action';
import { LogSessionAction } from './card-actions/log-session-action';
import { RecordContactAttemptAction } from './card-actions/record-contact-attempt-action';
import { RecordMicrosoftCaseAction } from './card-actions/record-microsoft-case-action';
import { RequestBudgetExtensionAction } from './card-actions/request-budget-extension-action';
import { RequestInformationAction } from './card-actions/request-information-action';
import { ResolveAction } from './card-actions/resolve-action';
import { RespondAction } from './card-actions/respond-action';
import { RespondByPhoneAction } from './card-actions/respond-by-phone-action';
import { TriageAction } from './card-actions/triage-action';
import { CardActionOnce } from './card-action-once';
import { QueueCommand } from './commands/queue-command';
import { HoldStatementAction, SendStatementAction } from './card-actions/statement-actions';
import { CardActionRouter } from './card-action-router';
import { createCommandRouter } from './command-table';
import { ConversationRefs } from './conversation-refs';
import { CreateTicketFromMessage } from './create-ticket-from-message';
import { ErrorMapper, type UnexpectedErrorSink } from './error-mapper';
import { SoporteBot } from './soporte-bot';
import { StaffIdentity } from './staff-identity';
import type { TeamsBotDeps } from './teams-bot-deps';
import { TicketViews } from './ticket-views';

/** The explicit wiring of the Teams bot: command table, card-action table, message action, identity. */
export function createTeamsBot(deps: TeamsBotDeps, reportUnexpected: UnexpectedErrorSink): SoporteBot {
  const views = new TicketViews({
    directory: deps.directory,
    state: deps.state,
    slaOf: deps.slaOf,
    policyViewOf: deps.policyViewOf,
    events: deps.ticketEvents,
  });
  const queue = new QueueCommand({ queries: deps.queries, views });
  const errors = new ErrorMapper(reportUnexpected);
  const refs = new ConversationRefs(deps.state);
  const cardActions = new CardActionRouter(
    [
      new RespondAction(deps.tickets),
      new RespondByPhoneAction(deps.tickets),
      new TriageAction(deps.tickets),
      new ApplySuggestedPriorityAction(deps.tickets),
      new AssignToMeAction(deps.tickets),
      new AssignAction(deps.tickets),
      new LogFollowUpAction(deps.tickets),
      new LogSessionAction(deps.tickets),
      new RequestInformationAction(deps.tickets),
      new RecordContactAttemptAction(deps.tickets),
      new EscalateAction(deps.tickets),
      new RequestBudgetExtensionAction(deps.tickets),
      new ResolveAction(deps.tickets),
      new RecordMicrosoftCaseAction(deps.tickets),
      new LogPhoneCallAction(deps.tickets),
      new ConfirmForClientAction(deps.tickets),
      new ReopenForClientAction(deps.tickets),
      new SendStatementAction(deps.statements),
      new HoldStatementAction(deps.statements),
    ],
    {
      views,
      loadTicket: (actor, id) => deps.queries.byId(actor, id),
      errors,
      once: new CardActionOnce({ alerts: deps.alerts, clock: deps.clock }),
      queueCard: async (turn) => (await queue.run(turn)).card,
    },
  );
  const identity = new StaffIdentity({ directory: deps.directory, clock: deps.clock, timeZone: deps.timeZone });
  return new SoporteBot({
    identity,
    commands: createCommandRouter(deps, views, identity.language),
    cardActions,
    messageAction: new CreateTicketFromMessage({ tickets: deps.tickets, directory: deps.directory }),
    refs,
    errors,
  });
}
