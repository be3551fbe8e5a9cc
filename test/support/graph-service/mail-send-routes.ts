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

  const send = (mailbox: Mailbox, mail: Omit<SentMail, 'id' | 'internetMessageId' | 'sentDateTime'>, saveToSentItems: boolean, draft?: { message: StoredMessage; keepId: boolean }): void => {
    const now = graphInstant(clock());
    const domain = mailbox.userPrincipalName.split('@')[1] ?? 'graph.test';
    const internetMessageId = `<${guid()}@${domain}>`;
    const me: Recipient = { emailAddress: { name: mailbox.displayName, address: mailbox.userPrincipalName } };
    const threadHeaders: InternetMessageHeader[] = mail.inReplyTo ? [{ name: 'In-Reply-To', value: mail.inReplyTo }, { name: 'References', value: (mail.references ?? []).join(' ') }] : [];
    const copy = (folderId: string, isRead: boolean, headers: InternetMessageHeader[]): StoredMessage => ({
      id: exchangeId(), folderId, seq: 0, changeKey: '', createdDateTime: now, lastModifiedDateTime: now, receivedDateTime: now, sentDateTime: now,
      subject: mail.subject, body: mail.body, from: me, sender: me, toRecipients: mail.toRecipients, ccRecipients: mail.ccRecipients, bccRecipients: mail.bccRecipients,
      replyTo: [], internetMessageId, conversationId: mail.conversationId, internetMessageHeaders: headers, categories: [], flag: { flagStatus: 'notFlagged' },
      isRead, isDraft: false, importance: 'normal', inferenceClassification: 'focused', attachments: [],
    });
    let id: string | undefined;
    if (draft) {
      id = store.move(mailbox, draft.message.id, 'sentitems', draft.keepId);
      Object.assign(draft.message, { isDraft: false, isRead: true, internetMessageId, sentDateTime: now });
    } else if (saveToSentItems) {
      const saved = copy(store.folder(mailbox, 'sentitems').id, true, [...mail.internetMessageHeaders, ...threadHeaders]);
      store.insert(mailbox, saved);
      id = saved.id;
    }
    mailbox.sent.push({ ...mail, ...(id ? { id } : {}), internetMessageId, sentDateTime: now });
    // Delivery to mailboxes this service holds, so a loop between two mailboxes can be tested.
    for (const r of [...mail.toRecipients, ...mail.ccRecipients, ...mail.bccRecipients]) {
      const target = store.findMailboxByAddress(r.emailAddress.address);
      if (!target || target === mailbox) continue;
      const headers = [...mail.internetMessageHeaders, ...threadHeaders];
      const delivered = copy(store.folder(target, 'inbox').id, false, headers);
      delivered.conversationId = store.conversationFor(target, headers);
      store.insert(target, delivered);
    }
  };

  const replyParts = (mailbox: Mailbox, original: StoredMessage, all: boolean, body: Record<string, unknown>) => {
    const message = (body.message ?? {}) as Record<string, unknown>;
    const comment = typeof body.comment === 'string' ? body.comment : '';
    const self = mailbox.userPrincipalName.toLowerCase();
    const notSelf = (r: Recipient) => r.emailAddress.address.toLowerCase() !== self;
    const sender = original.replyTo.length > 0 ? original.replyTo : original.from ? [original.from] : [];
    const to = message.toRecipients !== undefined ? recipients(message.toRecipients, 'message.toRecipients')
      : all ? [...sender, ...original.toRecipients].filter(notSelf) : sender;
    const cc = message.ccRecipients !== undefined ? recipients(message.ccRecipients, 'message.ccRecipients') : all ? original.ccRecipients.filter(notSelf) : [];
    const quoted = `<hr><b>From:</b> ${original.from?.emailAddress.address ?? ''}<br><b>Subject:</b> ${original.subject}<br><br>${original.body.content}`;
    const references = [...original.internetMessageHeaders.filter((h) => /^references$/i.test(h.name)).flatMap((h) => h.value.match(/<[^>]+>/g) ?? []), original.internetMessageId];
    return {
      subject: /^re:/i.test(original.subject) ? original.subject : `RE: ${original.subject}`,
      body: message.body !== undefined ? itemBody(message.body) : { contentType: 'html' as const, content: `${comment}${comment ? '<br>' : ''}${quoted}` },
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
      id: exchangeId(), folderId: store.folder(mailbox, 'drafts').id, seq: 0, changeKey: '', createdDateTime: now, lastModifiedDateTime: now,
      receivedDateTime: now, sentDateTime: now, subject: parts.subject, body: parts.body, from: me, sender: me, toRecipients: parts.toRecipients,
      ccRecipients: parts.ccRecipients, bccRecipients: parts.bccRecipients, replyTo: [], internetMessageId: `<draft-${guid()}@drafts.invalid>`,
      conversationId: original.conversationId, internetMessageHeaders: parts.internetMessageHeaders, categories: [], flag: { flagStatus: 'notFlagged' },
      isRead: true, isDraft: true, importance: 'normal', inferenceClassification: 'focused', attachments: [], replyToMessageId: original.id,
      ...(immutableIds(request) ? { immutableId: true } : {}),
    };
    store.insert(mailbox, draft);
    return json(201, messageJson(draft));
  };

  const sendDraft = (request: ServiceRequest, p: Params) => {
    const mailbox = mailboxOf(p);
    const draft = store.message(mailbox, p.id!);
    if (!draft.isDraft) throw badRequest('ErrorInvalidOperation', 'Only a draft message can be sent.');
    if (draft.toRecipients.length + draft.ccRecipients.length + draft.bccRecipients.length === 0) throw badRequest('ErrorInvalidRecipients', 'At least one recipient is required.');
    const original = draft.replyToMessageId ? mailbox.messages.get(draft.replyToMessageId) : undefined;
    send(mailbox, {
      kind: 'send', subject: draft.subject, body: draft.body, toRecipients: draft.toRecipients, ccRecipients: draft.ccRecipients, bccRecipients: draft.bccRecipients,
      conversationId: draft.conversationId, internetMessageHeaders: draft.internetMessageHeaders,
      ...(original ? { inReplyTo: original.internetMessageId, references: [original.internetMessageId] } : {}),
    }, true, { message: draft, keepId: immutableIds(request) });
    return empty(202);
  };

  const sendMail = (request: ServiceRequest, p: Params) => {
    const mailbox = mailboxOf(p);
    const body = objectBody(request.body, 'sendMail');
    const message = body.message;
    if (message === null || typeof message !== 'object') throw badRequest('ErrorInvalidParameter', "The value of the parameter 'Message' is empty.");
    const to = recipients(readPath(message, 'toRecipients'), 'message.toRecipients');
    const cc = recipients(readPath(message, 'ccRecipients'), 'message.ccRecipients');
    const bcc = recipients(readPath(message, 'bccRecipients'), 'message.bccRecipients');
    if (to.length + cc.length + bcc.length === 0) throw badRequest('ErrorInvalidRecipients', 'At least one recipient is required.');
    send(mailbox, {
      kind: 'sendMail', subject: String(readPath(message, 'subject') ?? ''), body: itemBody(readPath(message, 'body')),
      toRecipients: to, ccRecipients: cc, bccRecipients: bcc, conversationId: exchangeId('AAQk'),
      internetMessageHeaders: customHeaders(readPath(message, 'internetMessageHeaders')),
    }, body.saveToSentItems !== false);
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
