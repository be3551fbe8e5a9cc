import type { Client } from '@microsoft/microsoft-graph-client';
import { SentNotRecordedError, sendThenRecord, type Clock, type Mailer, type OutboundMail } from '../../application/ports';
import { isOk, stepError } from '../graph/graph-batch';
import type { StepQueue } from '../graph/step-queue';
import { domainOf, newMessageId } from './message-id';
import { composeMime } from './mime-composer';

export interface GraphMailerOptions {
  client: Client;
  /** The support mailbox (UPN) mail is sent from. */
  supportMailbox: string;
  /** Display name on the From line. */
  fromName?: string;
  /** Date header. Default: the system clock. */
  clock?: Clock;
  /**
   * The step queue of the SharePoint store, when the store signs in as the same app: a send's record
   * (its store writes) then goes in the send's $batch, chained after it. Without it, the record follows.
   */
  storeSteps?: StepQueue | undefined;
}

/**
 * Sends from the support mailbox through Graph, as MIME: `POST /users/{mailbox}/sendMail` with
 * Content-Type text/plain and the base64 of the message nodemailer's composer builds (user-sendmail.md,
 * MIME format). The message carries our own Message-ID, In-Reply-To and References, so every reply
 * threads, also replies to mail flagged in a consultant's mailbox (which the support mailbox does not
 * hold), and all our headers travel (JSON sendMail would take only X- ones).
 *
 * One request, and the Message-ID is known before it: nothing is read back from Sent Items (its copy
 * appears some time after the 202), so nothing after an accepted send can fail and have it sent twice.
 */
export class GraphMailer implements Mailer {
  private readonly path: string;
  private readonly domain: string;

  constructor(private readonly options: GraphMailerOptions) {
    this.path = `/users/${encodeURIComponent(options.supportMailbox)}/sendMail`;
    this.domain = options.supportMailbox.includes('@') ? domainOf(options.supportMailbox) : 'graph.invalid';
  }

  async send(mail: OutboundMail): Promise<{ messageId: string }> {
    const { messageId, base64 } = await this.compose(mail);
    await this.options.client.api(this.path).header('Content-Type', 'text/plain').post(base64);
    return { messageId };
  }

  /**
   * With the store's step queue: one $batch, the sendMail first and the record's writes chained after
   * it (they run only if the send is accepted). Otherwise the send, then the record.
   */
  async sendAndRecord(mail: OutboundMail, record: (messageId: string) => Promise<void>): Promise<{ messageId: string }> {
    const steps = this.options.storeSteps;
    if (!steps) return sendThenRecord(this, mail, record);
    const { messageId, base64 } = await this.compose(mail);
    // Inside a batch a body that is not JSON is itself base64-encoded (json-batching.md; the SDK's
    // BatchRequestContent does the same): Graph decodes it back to the base64 MIME sendMail takes.
    const body = Buffer.from(base64, 'ascii').toString('base64');
    const step = { method: 'POST' as const, url: this.path, headers: { 'Content-Type': 'text/plain' }, body };
    const { lead, followed } = await steps.withFollowers(step, () => record(messageId));
    if (!isOk(lead)) throw stepError(step, lead);
    await followed.catch((error: unknown) => {
      throw new SentNotRecordedError(messageId, error);
    });
    return { messageId };
  }

  private async compose(mail: OutboundMail): Promise<{ messageId: string; base64: string }> {
    if (mail.to.length === 0) throw new Error('outbound mail: "to" names no recipient');
    const messageId = newMessageId(this.domain);
    const mime = await composeMime(mail, {
      from: this.options.supportMailbox,
      ...(this.options.fromName ? { fromName: this.options.fromName } : {}),
      messageId,
      date: this.options.clock?.now() ?? new Date(),
    });
    return { messageId, base64: mime.toString('base64') };
  }
}
