import type {
  Clock,
  IdGenerator,
  Mailer,
  Notification,
  Notifier,
  OutboundMail,
  SideEffectErrors,
} from '../../shared/application/ports';

/**
 * The test doubles of the application's ports, defined once: every harness (application, mail,
 * API, bot, SharePoint) and bench uses these. The Bot Connector double is ./connector.
 */

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export class SequentialIds implements IdGenerator {
  private n = 0;
  constructor(private readonly prefix = 'id') {}
  newId(): string {
    this.n += 1;
    return `${this.prefix}-${String(this.n).padStart(6, '0')}`;
  }
}

export class CapturingMailer implements Mailer {
  readonly sent: OutboundMail[] = [];
  async send(mail: OutboundMail): Promise<{ messageId: string }> {
    this.sent.push(mail);
    return { messageId: `<m${this.sent.length}@test>` };
  }
  kinds(): string[] {
    return this.sent.map((m) => m.kind);
  }
}

export class CapturingNotifier implements Notifier {
  readonly sent: Notification[] = [];
  async notify(notification: Notification): Promise<{ ref?: string }> {
    this.sent.push(notification);
    return { ref: `n${this.sent.length}` };
  }
  kinds(): string[] {
    return this.sent.map((n) => n.kind);
  }
}

export class CollectedErrors implements SideEffectErrors {
  readonly errors: Array<{ error: unknown; what: string }> = [];
  report(error: unknown, context: { what: string }): void {
    this.errors.push({ error, what: context.what });
  }
}
