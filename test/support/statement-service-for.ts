import { PolicyRegistry } from '../../shared/application/policy-registry';
import type { Clock, Mailer, Notifier, Store } from '../../shared/application/ports';
import { StatementService } from '../../shared/application/statement-service';
import { createStatementRenderer } from '../../shared/infra/statements/statement-files';

/** The support calendar's zone, where the statements' months begin and end. */
const SUPPORT_ZONE = 'America/Mexico_City';

/**
 * The real StatementService (PDF, CSV and XLSX renderer) on a harness's store, clock, mailer and
 * notifier; its policies, or a registry of its own when the harness has none.
 */
export function statementServiceFor(h: {
  store: Store;
  clock: Clock;
  mailer: Mailer;
  notifier: Notifier;
  policies?: PolicyRegistry;
}): StatementService {
  return new StatementService({
    store: h.store,
    clock: h.clock,
    policies: h.policies ?? new PolicyRegistry(h.store.state, h.store.directory),
    renderer: createStatementRenderer(SUPPORT_ZONE),
    mailer: h.mailer,
    notifier: h.notifier,
    timeZone: SUPPORT_ZONE,
  });
}
