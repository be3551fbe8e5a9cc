import type { Clock, Notifier, SideEffectErrors, Store } from '../../shared/application/ports';
import { resolveBotIdentity, type BotIdentitySettings } from '../adapter/bot-identity';
import { TeamsRuntime } from './teams-runtime';

/**
 * The Teams runtime for main.ts: checks the bot identity (throws, naming what is missing, when
 * production has none), builds the adapter and the TeamsNotifier over the store. Notifications with no
 * Teams conversation yet go to `fallback` (log lines); turn failures to the side-effect log.
 */
export function buildTeams(
  settings: BotIdentitySettings,
  deps: { store: Store; clock: Clock; sideEffects: SideEffectErrors; fallback: Notifier },
): TeamsRuntime {
  const identity = resolveBotIdentity(settings);
  return new TeamsRuntime({
    identity,
    store: deps.store,
    clock: deps.clock,
    fallback: deps.fallback,
    reportError: (error, activity) =>
      deps.sideEffects.report(error, { action: 'teams-turn', what: `${activity.type ?? 'turn'} ${activity.id ?? ''}`.trim() }),
  });
}
