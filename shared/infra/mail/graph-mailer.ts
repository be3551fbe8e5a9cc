import type { Client } from '@microsoft/microsoft-graph-client';
import type { Mailer, OutboundMail } from '../../application/ports';
import { IMMUTABLE_IDS } from './graph-prefer';
import { newMessageId } from './message-id';

export interface GraphMailerOptions {
  client: Client;
  /** The support mailbox (UPN) mail is sent from. */
  supportMailbox: string;
}

interface Recipient {
  emailAddress: { address: string };
}

/**
 * Sends from the support mailbox through Graph. An answer to a message the mailbox holds (found by its
 * internetMessageId) is a real reply (createReply -> PATCH subject/body -> send), so Exchange threads
 * it (In-Reply-To, References, conversationId) and the subject keeps the ticket tag; anything else goes
 * by sendMail. Graph accepts only `X-` custom headers, so Auto-Submitted is not sent here (our
 * X-Soporte-Loop header still stops loops). Returns the sent message's internetMessageId when Graph
 * shows it, else a local id.
 */
export class GraphMailer implements Mailer {
  private readonly base: string;

  constructor(private readonly options: GraphMailerOptions) {
    this.base = `/users/${encodeURIComponent(options.supportMailbox)}`;
  }

  async send(mail: OutboundMail): Promise<{ messageId: string }> {
    if (mail.to.length === 0) throw new Error('outbound mail: "to" names no recipient');
    const headers = Object.entries({ ...mail.headers, 'X-Soporte-Kind': mail.kind, ...(mail.ticketNumber ? { 'X-Soporte-Ticket': mail.ticketNumber } : {}) })
      .filter(([name]) => /^x-/i.test(name))
      .map(([name, value]) => ({ name, value }));
    const body = mail.html ? { contentType: 'html', content: mail.html } : { contentType: 'text', content: mail.text };
    const toRecipients = mail.to.map(recipient);
    const ccRecipients = (mail.cc ?? []).map(recipient);
    // Small files (a statement's) travel inline as fileAttachments (Graph takes up to 3 MB this way).
    const attachments = mail.attachments?.map((a) => ({ '@odata.type': '#microsoft.graph.fileAttachment', name: a.name, contentType: a.contentType, contentBytes: Buffer.from(a.content).toString('base64') }));
    const original = mail.inReplyTo ? await this.findByInternetId(mail.inReplyTo) : undefined;
    if (original) {
      const draft = (await this.api(`${this.base}/messages/${encodeURIComponent(original)}/createReply`).post({
        message: { toRecipients, ccRecipients, internetMessageHeaders: headers },
      })) as { id: string };
      const draftPath = `${this.base}/messages/${encodeURIComponent(draft.id)}`;
      await this.api(draftPath).patch({ subject: mail.subject, body, ...(attachments ? { attachments } : {}) });
      await this.api(`${draftPath}/send`).post({});
      // Immutable ids: the draft keeps its id when sending moves it to Sent Items.
      const sent = (await this.api(draftPath).select('internetMessageId').get()) as { internetMessageId?: string };
      return { messageId: sent.internetMessageId ?? newMessageId(domainOfMailbox(this.options.supportMailbox)) };
    }
    await this.api(`${this.base}/sendMail`).post({
      message: { subject: mail.subject, body, toRecipients, ccRecipients, internetMessageHeaders: headers, ...(attachments ? { attachments } : {}) },
      saveToSentItems: true,
    });
    return { messageId: (await this.sentInternetId(mail.subject)) ?? newMessageId(domainOfMailbox(this.options.supportMailbox)) };
  }

  /** Every request asks for immutable ids (Exchange ids otherwise change when a message moves folder). */
  private api(path: string) {
    return this.options.client.api(path).header('Prefer', IMMUTABLE_IDS);
  }

  private async findByInternetId(internetMessageId: string): Promise<string | undefined> {
    const page = (await this.api(`${this.base}/messages`)
      .filter(`internetMessageId eq '${internetMessageId.replace(/'/g, "''")}'`)
      .select('id')
      .top(1)
      .get()) as { value: Array<{ id: string }> };
    return page.value[0]?.id;
  }

  /** sendMail returns no id: the newest Sent Items copy with this subject tells it. */
  private async sentInternetId(subject: string): Promise<string | undefined> {
    const page = (await this.api(`${this.base}/mailFolders/sentitems/messages`)
      .filter(`subject eq '${subject.replace(/'/g, "''")}'`)
      .select('internetMessageId,sentDateTime')
      .top(10)
      .get()) as { value: Array<{ internetMessageId: string; sentDateTime: string }> };
    return [...page.value].sort((a, b) => b.sentDateTime.localeCompare(a.sentDateTime))[0]?.internetMessageId;
  }
}

function recipient(address: string): Recipient {
  return { emailAddress: { address } };
}

function domainOfMailbox(mailbox: string): string {
  return mailbox.includes('@') ? mailbox.slice(mailbox.lastIndexOf('@') + 1) : 'graph.invalid';
}
