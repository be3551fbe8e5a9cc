import { simpleParser, type AddressObject } from 'mailparser';
import { badRequest } from './graph-http-error';
import { exchangeId, graphInstant, guid } from './ids';
import { messageJson } from './mail-render';
import type { Mailbox, MailStore } from './mail-store';
import type { InternetMessageHeader, Recipient, SentMail, StoredMessage } from './mail-types';
import { customHeaders, immutableIds, itemBody, recipients } from './mail-values';
import { readPath } from './odata-filter';
import { empty, json, objectBody } from './responses';
import type { Params, Router } from './router';
import type { ServiceClock, ServiceRequest } from './service-types';

/** sendMail, reply, replyAll, createReply, createReplyAll and send (of a draft); what is sent is kept in mailbox.sent. */
export function addMailSendRoutes(router: Router, store: MailStore, clock: ServiceClock): void {
  const mailboxOf = (p: Params) => store.mailbox(p.user!);

  /**
   * Records what was sent at once (mailbox.sent, the test's view); the Sent Items copy and deliveries to
   * this service's mailboxes appear later (store.sentItemsDelayMs): a 202 is "accepted", not "done".
   * A MIME send keeps its own Message-ID and headers.
   */
  const send = (
    mailbox: Mailbox,
    mail: Omit<SentMail, 'id' | 'internetMessageId' | 'sentDateTime'> & { internetMessageId?: string; mime?: string },
    saveToSentItems: boolean,
    draft?: { message: StoredMessage; keepId: boolean },
  ): void => {
    const now = graphInstant(clock());
    const domain = mailbox.userPrincipalName.split('@')[1] ?? 'graph.test';
    const internetMessageId = mail.internetMessageId ?? `<${guid()}@${domain}>`;
    const me: Recipient = { emailAddress: { name: mailbox.displayName, address: mailbox.userPrincipalName } };
    const threadHeaders: InternetMessageHeader[] =
      mail.mime === undefined && mail.inReplyTo
        ? [
            { name: 'In-Reply-To', value: mail.inReplyTo },
            { name: 'References', value: (mail.references ?? []).join(' ') },
          ]
        : [];
    const copy = (folderId: string, isRead: boolean, headers: InternetMessageHeader[]): StoredMessage => ({
      id: exchangeId(),
      folderId,
      seq: 0,
      changeKey: '',
      createdDateTime: now,
      lastModifiedDateTime: now,
      receivedDateTime: now,
      sentDateTime: now,
      subject: mail.subject,
      body: mail.body,
      from: me,
      sender: me,
      toRecipients: mail.toRecipients,
      ccRecipients: mail.ccRecipients,
      bccRecipients: mail.bccRecipients,
      replyTo: [],
      internetMessageId,
      conversationId: mail.conversationId,
      internetMessageHeaders: headers,
      categories: [],
      flag: { flagStatus: 'notFlagged' },
      isRead,
      isDraft: false,
      importance: 'normal',
      inferenceClassification: 'focused',
      attachments: [],
      ...(mail.mime !== undefined ? { mime: mail.mime } : {}),
    });
    const { mime: _mime, ...record } = mail;
    if (draft) {
      Object.assign(draft.message, { isDraft: false, isRead: true, internetMessageId, sentDateTime: now });
      const draftId = draft.message.id;
      const sent: SentMail = { ...record, ...(draft.keepId ? { id: draftId } : {}), internetMessageId, sentDateTime: now };
      mailbox.sent.push(sent);
      store.defer(() => {
        if (mailbox.messages.has(draftId)) sent.id = store.move(mailbox, draftId, 'sentitems', draft.keepId);
      });
    } else {
      const saved = saveToSentItems
        ? copy(store.folder(mailbox, 'sentitems').id, true, [...mail.internetMessageHeaders, ...threadHeaders])
        : undefined;
      mailbox.sent.push({ ...record, ...(saved ? { id: saved.id } : {}), internetMessageId, sentDateTime: now });
      if (saved) store.defer(() => store.insert(mailbox, saved));
    }
    // Delivery to mailboxes this service holds, so a loop between two mailboxes can be tested.
    for (const r of [...mail.toRecipients, ...mail.ccRecipients, ...mail.bccRecipients]) {
      const target = store.findMailboxByAddress(r.emailAddress.address);
      if (!target || target === mailbox) continue;
      const headers = [...mail.internetMessageHeaders, ...threadHeaders];
      const delivered = copy(store.folder(target, 'inbox').id, false, headers);
      store.defer(() => {
        delivered.conversationId = store.conversationFor(target, headers);
        store.insert(target, delivered);
      });
    }
  };

  const replyParts = (mailbox: Mailbox, original: StoredMessage, all: boolean, body: Record<string, unknown>) => {
    const message = (body.message ?? {}) as Record<string, unknown>;
    const comment = typeof body.comment === 'string' ? body.comment : '';
    // message-reply.md: "specify either a comment or the body property of the message parameter"; both is a 400.
    if (comment !== '' && message.body !== undefined)
      throw badRequest('ErrorInvalidRequest', 'A reply can have either a comment or a message body, not both.');
    const self = mailbox.userPrincipalName.toLowerCase();
    const notSelf = (r: Recipient) => r.emailAddress.address.toLowerCase() !== self;
    const sender = original.replyTo.length > 0 ? original.replyTo : original.from ? [original.from] : [];
    const to =
      message.toRecipients !== undefined
        ? recipients(message.toRecipients, 'message.toRecipients')
        : all
          ? [...sender, ...original.toRecipients].filter(notSelf)
          : sender;
    const cc =
      message.ccRecipients !== undefined
        ? recipients(message.ccRecipients, 'message.ccRecipients')
        : all
          ? original.ccRecipients.filter(notSelf)
          : [];
    const quoted = `<hr><b>From:</b> ${original.from?.emailAddress.address ?? ''}<br><b>Subject:</b> ${original.subject}<br><br>${original.body.content}`;
    const references = [
      ...original.internetMessageHeaders
        .filter((h) => /^references$/i.test(h.name))
        .flatMap((h) => h.value.match(/<[^>]+>/g) ?? []),
      original.internetMessageId,
    ];
    return {
      subject: /^re:/i.test(original.subject) ? original.subject : `RE: ${original.subject}`,
      body:
        message.body !== undefined
          ? itemBody(message.body)
          : { contentType: 'html' as const, content: `${comment}${comment ? '<br>' : ''}${quoted}` },
      toRecipients: to,
      ccRecipients: cc,
      bccRecipients: recipients(message.bccRecipients, 'message.bccRecipients'),
      conversationId: original.conversationId,
      internetMessageHeaders: customHeaders(message.internetMessageHeaders),
      inReplyTo: original.internetMessageId,
      references,
    };
  };

  const reply = (all: boolean) => (request: ServiceRequest, p: Params) => {
    const mailbox = mailboxOf(p);
    const original = store.message(mailbox, p.id!);
    const parts = replyParts(mailbox, original, all, request.body === undefined ? {} : objectBody(request.body, 'reply'));
    if (parts.toRecipients.length === 0) throw badRequest('ErrorInvalidRecipients', 'At least one recipient is required.');
    send(mailbox, { kind: all ? 'replyAll' : 'reply', ...parts }, true);
    return empty(202);
  };

  const createReply = (all: boolean) => (request: ServiceRequest, p: Params) => {
    const mailbox = mailboxOf(p);
    const original = store.message(mailbox, p.id!);
    const parts = replyParts(mailbox, original, all, request.body === undefined ? {} : objectBody(request.body, 'createReply'));
    const now = graphInstant(clock());
    const me: Recipient = { emailAddress: { name: mailbox.displayName, address: mailbox.userPrincipalName } };
    const draft: StoredMessage = {
      id: exchangeId(),
      folderId: store.folder(mailbox, 'drafts').id,
      seq: 0,
      changeKey: '',
      createdDateTime: now,
      lastModifiedDateTime: now,
      receivedDateTime: now,
      sentDateTime: now,
      subject: parts.subject,
      body: parts.body,
      from: me,
      sender: me,
      toRecipients: parts.toRecipients,
      ccRecipients: parts.ccRecipients,
      bccRecipients: parts.bccRecipients,
      replyTo: [],
      internetMessageId: `<draft-${guid()}@drafts.invalid>`,
      conversationId: original.conversationId,
      internetMessageHeaders: parts.internetMessageHeaders,
      categories: [],
      flag: { flagStatus: 'notFlagged' },
      isRead: true,
      isDraft: true,
      importance: 'normal',
      inferenceClassification: 'focused',
      attachments: [],
      replyToMessageId: original.id,
      ...(immutableIds(request) ? { immutableId: true } : {}),
    };
    store.insert(mailbox, draft);
    return json(201, messageJson(draft));
  };

  const sendDraft = (request: ServiceRequest, p: Params) => {
    const mailbox = mailboxOf(p);
    const draft = store.message(mailbox, p.id!);
    if (!draft.isDraft) throw badRequest('ErrorInvalidOperation', 'Only a draft message can be sent.');
    if (draft.toRecipients.length + draft.ccRecipients.length + draft.bccRecipients.length === 0)
      throw badRequest('ErrorInvalidRecipients', 'At least one recipient is required.');
    const original = draft.replyToMessageId ? mailbox.messages.get(draft.replyToMessageId) : undefined;
    send(
      mailbox,
      {
        kind: 'send',
        subject: draft.subject,
        body: draft.body,
        toRecipients: draft.toRecipients,
        ccRecipients: draft.ccRecipients,
        bccRecipients: draft.bccRecipients,
        conversationId: draft.conversationId,
        internetMessageHeaders: draft.internetMessageHeaders,
        ...(original ? { inReplyTo: original.internetMessageId, references: [original.internetMessageId] } : {}),
      },
      true,
      { message: draft, keepId: immutableIds(request) },
    );
    return empty(202);
  };

  /** sendMail in MIME form: Content-Type text/plain, the base64 of an RFC 822 message; its Message-ID and headers are kept. */
  const sendMime = async (mailbox: Mailbox, text: string) => {
    const compact = text.replace(/\s+/g, '');
    if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) {
      throw badRequest('ErrorMimeContentInvalidBase64String', 'Invalid base64 string for MIME content.');
    }
    const mime = Buffer.from(compact, 'base64').toString('utf8');
    const parsed = await simpleParser(mime);
    const list = (value: AddressObject | AddressObject[] | undefined): Recipient[] =>
      (value === undefined ? [] : Array.isArray(value) ? value : [value])
        .flatMap((a) => a.value)
        .filter((a) => a.address)
        .map((a) => ({ emailAddress: { ...(a.name ? { name: a.name } : {}), address: a.address! } }));
    const to = list(parsed.to);
    const cc = list(parsed.cc);
    const bcc = list(parsed.bcc);
    if (to.length + cc.length + bcc.length === 0)
      throw badRequest('ErrorInvalidRecipients', 'At least one recipient is required.');
    const refs = typeof parsed.references === 'string' ? [parsed.references] : (parsed.references ?? []);
    const headers = parsed.headerLines.map((h) => ({
      name: h.line.slice(0, h.line.indexOf(':')),
      value: h.line.slice(h.line.indexOf(':') + 1).trim(),
    }));
    send(
      mailbox,
      {
        kind: 'sendMail',
        subject: parsed.subject ?? '',
        body:
          typeof parsed.html === 'string'
            ? { contentType: 'html', content: parsed.html }
            : { contentType: 'text', content: parsed.text ?? '' },
        toRecipients: to,
        ccRecipients: cc,
        bccRecipients: bcc,
        conversationId: store.conversationFor(mailbox, headers),
        internetMessageHeaders: headers.filter((h) => /^x-/i.test(h.name)),
        mime,
        ...(parsed.messageId ? { internetMessageId: parsed.messageId } : {}),
        ...(parsed.inReplyTo ? { inReplyTo: parsed.inReplyTo } : {}),
        ...(refs.length > 0 ? { references: refs } : {}),
      },
      true,
    );
    return empty(202);
  };

  const sendMail = async (request: ServiceRequest, p: Params) => {
    const mailbox = mailboxOf(p);
    if (typeof request.body === 'string') return sendMime(mailbox, request.body);
    const body = objectBody(request.body, 'sendMail');
    const message = body.message;
    if (message === null || typeof message !== 'object')
      throw badRequest('ErrorInvalidParameter', "The value of the parameter 'Message' is empty.");
    const to = recipients(readPath(message, 'toRecipients'), 'message.toRecipients');
    const cc = recipients(readPath(message, 'ccRecipients'), 'message.ccRecipients');
    const bcc = recipients(readPath(message, 'bccRecipients'), 'message.bccRecipients');
    if (to.length + cc.length + bcc.length === 0)
      throw badRequest('ErrorInvalidRecipients', 'At least one recipient is required.');
    send(
      mailbox,
      {
        kind: 'sendMail',
        subject: String(readPath(message, 'subject') ?? ''),
        body: itemBody(readPath(message, 'body')),
        toRecipients: to,
        ccRecipients: cc,
        bccRecipients: bcc,
        conversationId: exchangeId('AAQk'),
        internetMessageHeaders: customHeaders(readPath(message, 'internetMessageHeaders')),
      },
      body.saveToSentItems !== false,
    );
    return empty(202);
  };

  router
    .add('POST', '/users/:user/sendMail', sendMail)
    .add('POST', '/users/:user/messages/:id/reply', reply(false))
    .add('POST', '/users/:user/messages/:id/replyAll', reply(true))
    .add('POST', '/users/:user/messages/:id/createReply', createReply(false))
    .add('POST', '/users/:user/messages/:id/createReplyAll', createReply(true))
    .add('POST', '/users/:user/messages/:id/send', sendDraft);
}
