import { CardFactory, MessageFactory, type Activity, type ConversationReference } from 'botbuilder';
import type { ClientReplyNotification, Clock, DirectoryStore, Notification, Notifier } from '../../shared/application/ports';
import { resolveLocale, t } from '../../shared/domain/i18n';
import type { Ticket } from '../../shared/domain/ticket';
import type { Locale } from '../../shared/domain/ticket';
import { plainText, type CardFormat } from '../cards/card-format';
import { clientReplyCard, firstLines } from '../cards/client-reply-card';
import { digestCard } from '../cards/digest-card';
import { statementCard } from '../cards/statement-card';
import type { CardJson } from '../cards/render-template';
import type { ConversationRefs } from '../teams/conversation-refs';
import type { TicketViews } from '../teams/ticket-views';
import { AlertCards } from './alert-cards';
import type { ProactiveSender } from './proactive-sender';
import { definedOnly } from '../../shared/domain/index';

export interface TeamsNotifierDeps {
  sender: ProactiveSender;
  refs: ConversationRefs;
  alerts: AlertCards;
  directory: DirectoryStore;
  views: TicketViews;
  clock: Clock;
  timeZone: string;
  /** Where notifications go when Teams has no conversation for them yet (the bot is not installed there). */
  fallback: Notifier;
}

type Target = { reference: Partial<ConversationReference>; locale: Locale };

function cardActivity(card: CardJson, text?: string): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card), text);
}

/**
 * The Notifier on Teams: SLA alert cards in the managers' channel, updated in place as the ticket
 * changes; assignment, reminder and L4 messages in the consultant's personal chat (the channel when
 * they have not installed the bot); the daily digest in the channel. Without a saved conversation the
 * notification goes to the fallback notifier (log lines), never silently dropped.
 */
export class TeamsNotifier implements Notifier {
  constructor(private readonly deps: TeamsNotifierDeps) {}

  async notify(notification: Notification): Promise<{ ref?: string }> {
    switch (notification.kind) {
      case 'sla-alert':
        return this.slaAlert(notification);
      case 'ticket-changed':
        await this.refreshAlerts(notification.ticket);
        return {};
      case 'assignment':
        return this.toStaff(notification, notification.assigneeId, async (format) => {
          const text = t(format.locale, 'bot.notify.assigned', {
            number: notification.ticket.number,
            subject: plainText(notification.ticket.subject),
          });
          return cardActivity(await this.deps.views.ticketCard(notification.ticket, format, this.deps.clock.now()), text);
        });
      case 'phone-email-reminder': {
        const { number, channel } = notification.ticket;
        const subject = plainText(notification.ticket.subject);
        return this.toAssignee(notification, (format) =>
          MessageFactory.text(
            channel === 'phone'
              ? t(format.locale, 'bot.notify.phoneEmailReminder', { number, subject })
              : t(format.locale, 'bot.notify.emailReminder', {
                  number,
                  subject,
                  channel: t(format.locale, `bot.channel.${channel}`),
                }),
          ),
        );
      }
      case 'contact-attempt-due':
        return this.toAssignee(notification, async (format) => {
          const text = t(format.locale, 'bot.notify.contactAttemptDue', {
            attempt: notification.attempt,
            max: notification.maxAttempts,
            number: notification.ticket.number,
            subject: notification.ticket.subject,
          });
          return cardActivity(await this.deps.views.ticketCard(notification.ticket, format, this.deps.clock.now()), text);
        });
      case 'microsoft-case-reminder':
        return this.toAssignee(notification, (format) =>
          MessageFactory.text(
            t(format.locale, 'bot.notify.microsoftCaseReminder', {
              number: notification.ticket.number,
              caseNumber: notification.ticket.microsoftCaseNumber ?? '?',
            }),
          ),
        );
      case 'l4-escalation':
        return this.toAssignee(notification, async (format) =>
          cardActivity(await this.deps.views.l4Card(notification.ticket, notification.reason, format)),
        );
      case 'budget-alert': {
        // The real consumption (315 of 240 min, 131%), not the threshold that triggered the alert.
        const { consumedMinutes: consumed, budgetMinutes: budget } = notification;
        const client = plainText(await this.deps.views.clientName(notification.ticket.clientId));
        return this.toChannel(notification, (format) =>
          MessageFactory.text(
            t(format.locale, 'bot.notify.budget', {
              number: notification.ticket.number,
              client,
              consumed,
              budget,
              percent: Math.round((consumed * 100) / budget),
            }),
          ),
        );
      }
      case 'after-hours-unapproved': {
        const client = plainText(await this.deps.views.clientName(notification.ticket.clientId));
        return this.toChannel(notification, (format) =>
          MessageFactory.text(
            t(format.locale, 'bot.notify.afterHoursUnapproved', { number: notification.ticket.number, client }),
          ),
        );
      }
      case 'closed-no-response': {
        const client = plainText(await this.deps.views.clientName(notification.ticket.clientId));
        return this.toChannel(notification, (format) =>
          MessageFactory.text(
            t(format.locale, 'bot.notify.closedNoResponse', {
              number: notification.ticket.number,
              subject: plainText(notification.ticket.subject),
              client,
            }),
          ),
        );
      }
      case 'unauthorized-sender': {
        const { quarantineRef: ref, clientId } = notification;
        const params = {
          sender: plainText(notification.senderEmail),
          subject: plainText(notification.subject),
          id: ref.split(/[\\/]/).pop() ?? ref,
        };
        const client = clientId ? plainText(await this.deps.views.clientName(clientId)) : undefined;
        return this.toChannel(notification, (format) =>
          MessageFactory.text(
            client
              ? t(format.locale, 'bot.notify.unauthorizedSender', { ...params, client })
              : t(format.locale, 'bot.notify.unknownSender', params),
          ),
        );
      }
      case 'client-reply':
        return this.clientReply(notification);
      case 'quarantined-mail':
        return this.toChannel(notification, (format) =>
          MessageFactory.text(
            t(format.locale, `bot.notify.quarantined.${notification.reason}`, {
              sender: plainText(notification.senderEmail),
              subject: plainText(notification.subject),
              detail: plainText(notification.detail),
            }),
          ),
        );
      case 'mailbox-alert':
        return this.toChannel(notification, (format) =>
          MessageFactory.text(
            t(format.locale, `bot.notify.mailbox.${notification.problem}`, {
              mailbox: notification.mailbox,
              detail: notification.detail,
            }),
          ),
        );
      case 'daily-digest':
        return this.toChannel(notification, async (format) => {
          const names = Object.fromEntries((await this.deps.directory.listStaff()).map((s) => [s.id, s.name]));
          return cardActivity(digestCard({ date: notification.date, lines: notification.lines, assigneeNames: names }, format));
        });
      case 'statement-draft':
        return this.toChannel(notification, (format) =>
          cardActivity(
            statementCard(
              { statement: notification.statement, files: notification.files, recipients: notification.recipients },
              format,
            ),
          ),
        );
      case 'statement-reply': {
        const { statement } = notification;
        return this.toChannel(notification, (format) =>
          MessageFactory.text(
            t(format.locale, `statement.reply.${notification.intent}`, {
              client: statement.data.clientName,
              month: statement.month,
              from: notification.from,
              excerpt: notification.excerpt,
            }),
          ),
        );
      }
    }
  }

  /**
   * A client's reply, to the assignee (the managers' channel when unassigned or not installed): who
   * wrote, its first lines and what intake did (with the close / reopen choice when it is unclear on
   * a resolved ticket), then the ticket card.
   */
  private clientReply(notification: ClientReplyNotification): Promise<{ ref?: string }> {
    return this.toAssignee(notification, async (format) => {
      const { ticket, from, excerpt } = notification;
      const text = t(format.locale, 'bot.notify.clientReply', {
        number: ticket.number,
        subject: ticket.subject,
        from: from.name ? `${from.name} <${from.email}>` : from.email,
        excerpt: firstLines(excerpt).split('\n')[0] ?? '',
      });
      const cards = [
        clientReplyCard(notification, format),
        await this.deps.views.ticketCard(ticket, format, this.deps.clock.now()),
      ];
      return MessageFactory.list(
        cards.map((card) => CardFactory.adaptiveCard(card)),
        text,
      );
    });
  }

  private format(locale: Locale): CardFormat {
    return { locale, timeZone: this.deps.timeZone };
  }

  private async channel(): Promise<Target | undefined> {
    const reference = await this.deps.refs.channel();
    return reference ? { reference, locale: resolveLocale(reference.locale) } : undefined;
  }

  private async personal(staffId: string): Promise<Target | undefined> {
    const staff = await this.deps.directory.getStaff(staffId);
    if (!staff?.aadObjectId) return undefined;
    const reference = await this.deps.refs.personal(staff.aadObjectId);
    return reference ? { reference, locale: staff.locale } : undefined;
  }

  private async send(
    target: Target | undefined,
    notification: Notification,
    build: (format: CardFormat) => Partial<Activity> | Promise<Partial<Activity>>,
  ): Promise<{ ref?: string }> {
    if (!target) return this.deps.fallback.notify(notification);
    const id = await this.deps.sender.post(target.reference, await build(this.format(target.locale)));
    return definedOnly({ ref: id });
  }

  private async toChannel(
    notification: Notification,
    build: (format: CardFormat) => Partial<Activity> | Promise<Partial<Activity>>,
  ): Promise<{ ref?: string }> {
    return this.send(await this.channel(), notification, build);
  }

  private async toStaff(
    notification: Notification,
    staffId: string,
    build: (format: CardFormat) => Partial<Activity> | Promise<Partial<Activity>>,
  ): Promise<{ ref?: string }> {
    return this.send(await this.personal(staffId), notification, build);
  }

  /** The assignee's personal chat, or the managers' channel when unassigned or not installed. */
  private async toAssignee(
    notification: Notification & { ticket: Ticket },
    build: (format: CardFormat) => Partial<Activity> | Promise<Partial<Activity>>,
  ): Promise<{ ref?: string }> {
    const personal = notification.ticket.assigneeId ? await this.personal(notification.ticket.assigneeId) : undefined;
    return this.send(personal ?? (await this.channel()), notification, build);
  }

  private async slaAlert(notification: Extract<Notification, { kind: 'sla-alert' }>): Promise<{ ref?: string }> {
    const target = await this.channel();
    if (!target) return this.deps.fallback.notify(notification);
    const { ticket, clock, threshold } = notification;
    const card = cardActivity(
      await this.deps.views.alertCard(ticket, { clock, threshold }, this.format(target.locale), this.deps.clock.now()),
    );
    const live = (await this.deps.alerts.of(ticket.id)).find((alert) => alert.clock === clock);
    if (live) {
      await this.deps.sender.update(target.reference, live.activityId, card);
      await this.deps.alerts.put(ticket.id, { clock, threshold, activityId: live.activityId });
      return { ref: live.activityId };
    }
    const activityId = await this.deps.sender.post(target.reference, card);
    if (activityId) await this.deps.alerts.put(ticket.id, { clock, threshold, activityId });
    return definedOnly({ ref: activityId });
  }

  /** Re-renders the ticket's live alert cards from its current state. */
  private async refreshAlerts(ticket: Ticket): Promise<void> {
    const live = await this.deps.alerts.of(ticket.id);
    if (live.length === 0) return;
    const target = await this.channel();
    if (!target) return;
    for (const alert of live) {
      const card = await this.deps.views.alertCard(ticket, alert, this.format(target.locale), this.deps.clock.now());
      await this.deps.sender.update(target.reference, alert.activityId, cardActivity(card));
    }
  }
}
