import type { Config } from '../../bot/config';
import { buildMailChannel, type MailChannel } from '../../bot/mail/mail-wiring';
import { buildServices, type Services } from '../../bot/services';
import type { Clock, Mailer, Store } from '../../shared/application/ports';
import { CapturingNotifier, CollectedErrors, SequentialIds } from '../support/doubles';

/**
 * The services and the mail channel as `npm start` wires them (bot/services.ts, bot/mail/mail-wiring.ts)
 * on `store`, with `mailer`.
 */
export function startWiring(
  config: Config,
  store: Store,
  clock: Clock,
  mailer: Mailer,
): { services: Services; channel: MailChannel } {
  const notifier = new CapturingNotifier();
  const services = buildServices({
    store,
    clock,
    ids: new SequentialIds(),
    mailer,
    notifier,
    sideEffects: new CollectedErrors(),
  });
  const channel = buildMailChannel({
    config,
    store,
    clock,
    ids: new SequentialIds('w'),
    tickets: services.tickets,
    clientMail: services.clientMail,
    policies: services.policies,
    notifier,
  });
  if (!channel) throw new Error(`MAIL_MODE=${config.MAIL_MODE} has no mail channel`);
  return { services, channel };
}
