import { badRequest, GraphHttpError } from './graph-http-error';
import { exchangeId, graphInstant, guid } from './ids';
import { attachmentJson, buildMime, messageJson } from './mail-render';
import type { Mailbox, MailStore } from './mail-store';
import type { InternetMessageHeader, ItemBody, Recipient, SentMail, StoredMessage } from './mail-types';
import { compareValues, evaluateFilter, parseFilter, readPath } from './odata-filter';
import { decodeToken, encodeToken, parseExpand, parseFilterOption, parseOrderBy, parseSelect, parseSkip, parseTop, preferences, preferredPageSize, queryOption } from './odata-query';
import { empty, json, objectBody, raw } from './responses';
import type { Params, Router } from './router';
import type { ServiceClock, ServiceRequest } from './service-types';

/** Messages delta: default page size when neither $top nor Prefer: odata.maxpagesize says otherwise. */
export const MESSAGE_DELTA_DEFAULT_PAGE_SIZE = 10;
/** Message lists: default and largest $top. */
export const MESSAGE_LIST_DEFAULT_PAGE_SIZE = 10;
export const MESSAGE_LIST_MAX_PAGE_SIZE = 1000;

interface DeltaState {
  /** folder id */ f: string;
  /** changes after this sequence... */ s: number;
  /** ...up to this one (the round's snapshot) */ u: number;
  /** last sequence already returned in this round */ c: number;
  /** $select */ sel?: string[];
  /** page size from $top */ n?: number;
  /** report removals (not on the initial sync) */ r: boolean;
  /** $filter (only receivedDateTime ge/gt, as documented) */ flt?: string;
  /** changeType=created|updated|deleted (applies to rounds after the initial sync) */ ct?: string;
}

const DELTA_CHANGE_TYPES = new Set(['created', 'updated', 'deleted']);

/** Message delta supports only $filter=receivedDateTime ge|gt {value}. */
function deltaFilter(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\s*receivedDateTime\s+(ge|gt)\s+\S+\s*$/i.test(text)) throw badRequest('ErrorInvalidUrlQueryFilter', `The only supported $filter on message delta is receivedDateTime ge|gt {value} (got '${text}').`);
  return text;
}

/** Prefer: IdType="ImmutableId": ids survive moves between folders (send of a draft, delete). */
function immutableIds(request: ServiceRequest): boolean {
  return preferences(request.headers).some((p) => /^IdType\s*=\s*"?ImmutableId"?$/i.test(p));
}

function bodyAsText(request: ServiceRequest): boolean {
  return preferences(request.headers).some((p) => /^outlook\.body-content-type\s*=\s*"?text"?$/i.test(p));
}

function recipients(value: unknown, field: string): Recipient[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest('ErrorInvalidRecipients', `${field} must be an array of recipients.`);
  return value.map((r) => {
    const address = readPath(r, 'emailAddress/address');
    if (typeof address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(address)) {
      throw badRequest('ErrorInvalidRecipients', `At least one recipient isn't valid., Recipient '${String(address)}' isn't resolved. All recipients must be resolved before a message can be submitted.`);
    }
    const name = readPath(r, 'emailAddress/name');
    return { emailAddress: typeof name === 'string' ? { name, address } : { address } };
  });
}

function itemBody(value: unknown): ItemBody {
  if (value === undefined || value === null) return { contentType: 'text', content: '' };
  const contentType = String(readPath(value, 'contentType') ?? 'text').toLowerCase();
  if (contentType !== 'html' && contentType !== 'text') throw badRequest('RequestBodyRead', `Invalid body.contentType '${contentType}': use 'text' or 'html'.`);
  return { contentType, content: String(readPath(value, 'content') ?? '') };
}

function customHeaders(value: unknown): InternetMessageHeader[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest('RequestBodyRead', 'internetMessageHeaders must be an array.');
  return value.map((h) => {
    const name = String(readPath(h, 'name') ?? '');
    if (!/^x-/i.test(name)) throw badRequest('InvalidInternetMessageHeader', `The internet message header name '${name}' should start with 'x-' or 'X-'.`);
    return { name, value: String(readPath(h, 'value') ?? '') };
  });
}

const FLAG_STATUSES = new Set(['notFlagged', 'flagged', 'complete']);
const ANY_MESSAGE_WRITABLE = new Set(['categories', 'flag', 'isRead', 'importance', 'inferenceClassification', 'subject']);
const DRAFT_WRITABLE = new Set(['body', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo']);

/** Mail endpoints of Graph v1.0 under /users/{id | userPrincipalName}. */
export function addMailRoutes(router: Router, store: MailStore, clock: ServiceClock): void {
  const mailboxOf = (p: Params) => store.mailbox(p.user!);

  const list = (request: ServiceRequest, mailbox: Mailbox, folderId: string | undefined) => {
    const filter = parseFilterOption(request.query);
    const select = parseSelect(queryOption(request.query, 'select'));
    const top = Math.min(parseTop(queryOption(request.query, 'top')) ?? preferredPageSize(request.headers) ?? MESSAGE_LIST_DEFAULT_PAGE_SIZE, MESSAGE_LIST_MAX_PAGE_SIZE);
    const skip = parseSkip(queryOption(request.query, 'skip'));
    const order = parseOrderBy(queryOption(request.query, 'orderby'));
    const sortBy = order.length > 0 ? order : [{ path: 'receivedDateTime', descending: true }];
    const rows = [...mailbox.messages.values()]
      .filter((m) => folderId === undefined || m.folderId === folderId)
      .map((m) => ({ m, view: messageJson(m, [...new Set(['internetMessageHeaders', 'receivedDateTime', 'flag', 'categories', 'isRead', 'subject', 'conversationId', 'internetMessageId', 'from', 'parentFolderId', 'isDraft', 'importance', 'hasAttachments', 'sentDateTime', 'lastModifiedDateTime', 'createdDateTime'])]) }))
      .filter((row) => !filter || evaluateFilter(filter, (path) => readPath(row.view, path)))
      .sort((a, b) => {
        for (const o of sortBy) {
          const x = readPath(a.view, o.path);
          const y = readPath(b.view, o.path);
          if (compareValues('lt', x, y)) return o.descending ? 1 : -1;
          if (compareValues('gt', x, y)) return o.descending ? -1 : 1;
        }
        return a.m.seq - b.m.seq;
      });
    const page = rows.slice(skip, skip + top).map((row) => messageJson(row.m, select, { bodyAsText: bodyAsText(request) }));
    const body: Record<string, unknown> = { '@odata.context': `${request.serviceRoot}/$metadata#users('${mailbox.id}')/messages`, value: page };
    if (skip + top < rows.length) {
      const kept = [...request.query].filter(([key]) => !/^\$?(skip|top)$/i.test(key)).map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
      body['@odata.nextLink'] = `${request.serviceRoot}${request.path}?${[...kept, `$top=${top}`, `$skip=${skip + top}`].join('&')}`;
    }
    return json(200, body);
  };

  const delta = (request: ServiceRequest, p: Params) => {
    const mailbox = mailboxOf(p);
    const folder = store.folder(mailbox, p.folder!);
    const skipToken = queryOption(request.query, 'skiptoken');
    const deltaToken = queryOption(request.query, 'deltatoken');
    let state: DeltaState;
    if (skipToken !== undefined) {
      state = decodeToken<DeltaState>(skipToken, '$skiptoken');
    } else if (deltaToken !== undefined) {
      const d = decodeToken<DeltaState>(deltaToken, '$deltatoken');
      state = { ...d, u: store.currentSeq(), c: d.s, r: true };
    } else {
      const select = parseSelect(queryOption(request.query, 'select'));
      const top = parseTop(queryOption(request.query, 'top'));
      const flt = deltaFilter(queryOption(request.query, 'filter'));
      const ct = request.query.get('changeType') ?? undefined;
      if (ct !== undefined && !DELTA_CHANGE_TYPES.has(ct)) throw badRequest('BadRequest', `changeType must be created, updated or deleted (got '${ct}').`);
      state = { f: folder.id, s: 0, u: store.currentSeq(), c: 0, r: false, ...(select ? { sel: select } : {}), ...(top ? { n: top } : {}), ...(flt ? { flt } : {}), ...(ct ? { ct } : {}) };
    }
    if (state.f !== folder.id) throw badRequest('BadRequest', 'The delta token belongs to another folder.');
    const preferred = preferredPageSize(request.headers);
    const pageSize = preferred ?? state.n ?? MESSAGE_DELTA_DEFAULT_PAGE_SIZE;
    const filter = state.flt === undefined ? undefined : parseFilter(state.flt);
    const rows = store.changes(mailbox, folder.id, state.c, state.u, state.r).filter((row) => {
      if (state.r && state.ct !== undefined) {
        const kind = row.message === undefined ? 'deleted' : (row.message.createdSeq ?? 0) > state.s ? 'created' : 'updated';
        if (kind !== state.ct) return false;
      }
      return !filter || !row.message || evaluateFilter(filter, (path) => readPath(row.message, path));
    });
    const page = rows.slice(0, pageSize);
    const body: Record<string, unknown> = {
      '@odata.context': `${request.serviceRoot}/$metadata#Collection(message)`,
      value: page.map((row) => row.message
        ? messageJson(row.message, state.sel, { bodyAsText: bodyAsText(request), withType: true })
        : { '@odata.type': '#microsoft.graph.message', id: row.removedId, '@removed': { reason: 'deleted' } }),
    };
    const link = `${request.serviceRoot}${request.path}`;
    if (rows.length > pageSize) body['@odata.nextLink'] = `${link}?$skiptoken=${encodeToken({ ...state, c: page[page.length - 1]!.seq })}`;
    else {
      const { f, sel, n, flt, ct } = state;
      body['@odata.deltaLink'] = `${link}?$deltatoken=${encodeToken({ f, s: state.u, ...(sel ? { sel } : {}), ...(n ? { n } : {}), ...(flt ? { flt } : {}), ...(ct ? { ct } : {}) })}`;
    }
    return json(200, body, preferred ? { 'preference-applied': `odata.maxpagesize=${preferred}` } : {});
  };

  const getMessage = (request: ServiceRequest, p: Params) => {
    const mailbox = mailboxOf(p);
    const message = store.message(mailbox, p.id!);
    if (p.folder !== undefined && store.folder(mailbox, p.folder).id !== message.folderId) throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    const expand = parseExpand(queryOption(request.query, 'expand'));
    for (const e of expand) if (e.name.toLowerCase() !== 'attachments') throw badRequest('BadRequest', `This service expands only attachments on a message (got '${e.name}').`);
    return json(200, {
      '@odata.context': `${request.serviceRoot}/$metadata#users('${mailbox.id}')/messages/$entity`,
      ...messageJson(message, parseSelect(queryOption(request.query, 'select')), { bodyAsText: bodyAsText(request) }),
      ...(expand.length > 0 ? { attachments: message.attachments.map(attachmentJson) } : {}),
    });
  };

  const patchMessage = (request: ServiceRequest, p: Params) => {
    const mailbox = mailboxOf(p);
    const message = store.message(mailbox, p.id!);
    const changes = objectBody(request.body, 'PATCH message');
    for (const [key, value] of Object.entries(changes)) {
      if (!ANY_MESSAGE_WRITABLE.has(key) && !DRAFT_WRITABLE.has(key)) {
        throw badRequest('RequestBodyRead', `The property '${key}' does not exist on type 'microsoft.graph.message' or is not writable.`);
      }
      if (DRAFT_WRITABLE.has(key) && !message.isDraft) {
        throw badRequest('ErrorInvalidPropertyUpdateSentMessage', `Update operation is not allowed for property '${key}' of a message that is not a draft.`);
      }
      applyChange(message, key, value);
    }
    store.changed(mailbox, message);
    return json(200, messageJson(message));
  };

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

  const attachment = (p: Params) => {
    const message = store.message(mailboxOf(p), p.id!);
    const found = message.attachments.find((a) => a.id === p.attachment);
    if (!found) throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return found;
  };

  router
    .add('GET', '/users/:user', (request, p) => {
      const mailbox = mailboxOf(p);
      return json(200, { '@odata.context': `${request.serviceRoot}/$metadata#users/$entity`, id: mailbox.id, userPrincipalName: mailbox.userPrincipalName,
        displayName: mailbox.displayName, mail: mailbox.userPrincipalName });
    })
    .add('GET', '/users/:user/mailFolders/:folder', (request, p) => {
      const mailbox = mailboxOf(p);
      const folder = store.folder(mailbox, p.folder!);
      const inFolder = [...mailbox.messages.values()].filter((m) => m.folderId === folder.id);
      return json(200, { '@odata.context': `${request.serviceRoot}/$metadata#users('${mailbox.id}')/mailFolders/$entity`, id: folder.id, displayName: folder.displayName,
        parentFolderId: null, childFolderCount: 0, totalItemCount: inFolder.length, unreadItemCount: inFolder.filter((m) => !m.isRead).length });
    })
    .add('GET', '/users/:user/mailFolders/:folder/messages/delta', delta)
    .add('GET', '/users/:user/mailFolders/:folder/messages', (request, p) => {
      const mailbox = mailboxOf(p);
      return list(request, mailbox, store.folder(mailbox, p.folder!).id);
    })
    .add('GET', '/users/:user/mailFolders/:folder/messages/:id', getMessage)
    .add('GET', '/users/:user/messages', (request, p) => list(request, mailboxOf(p), undefined))
    .add('GET', '/users/:user/messages/:id', getMessage)
    .add('GET', '/users/:user/messages/:id/$value', (_request, p) => raw(buildMime(store.message(mailboxOf(p), p.id!)), 'text/plain'))
    .add('PATCH', '/users/:user/messages/:id', patchMessage)
    .add('DELETE', '/users/:user/messages/:id', (request, p) => {
      store.move(mailboxOf(p), p.id!, 'deleteditems', immutableIds(request));
      return empty(204);
    })
    .add('POST', '/users/:user/sendMail', sendMail)
    .add('POST', '/users/:user/messages/:id/reply', reply(false))
    .add('POST', '/users/:user/messages/:id/replyAll', reply(true))
    .add('POST', '/users/:user/messages/:id/createReply', createReply(false))
    .add('POST', '/users/:user/messages/:id/createReplyAll', createReply(true))
    .add('POST', '/users/:user/messages/:id/send', sendDraft)
    .add('GET', '/users/:user/messages/:id/attachments', (request, p) => {
      const message = store.message(mailboxOf(p), p.id!);
      return json(200, { '@odata.context': `${request.serviceRoot}/$metadata#attachments`, value: message.attachments.map(attachmentJson) });
    })
    .add('GET', '/users/:user/messages/:id/attachments/:attachment', (_request, p) => json(200, attachmentJson(attachment(p))))
    .add('GET', '/users/:user/messages/:id/attachments/:attachment/$value', (_request, p) => {
      const found = attachment(p);
      return raw(found.bytes, found.contentType);
    });
}

function applyChange(message: StoredMessage, key: string, value: unknown): void {
  switch (key) {
    case 'categories':
      if (!Array.isArray(value) || value.some((c) => typeof c !== 'string')) throw badRequest('RequestBodyRead', 'categories must be an array of strings.');
      message.categories = value as string[];
      return;
    case 'flag': {
      const status = readPath(value, 'flagStatus');
      if (typeof status !== 'string' || !FLAG_STATUSES.has(status)) throw badRequest('RequestBodyRead', `flag.flagStatus must be notFlagged, flagged or complete (got ${JSON.stringify(status)}).`);
      message.flag = { ...(value as object), flagStatus: status } as StoredMessage['flag'];
      return;
    }
    case 'isRead':
      if (typeof value !== 'boolean') throw badRequest('RequestBodyRead', 'isRead must be a boolean.');
      message.isRead = value;
      return;
    case 'importance':
      if (value !== 'low' && value !== 'normal' && value !== 'high') throw badRequest('RequestBodyRead', 'importance must be low, normal or high.');
      message.importance = value;
      return;
    case 'inferenceClassification':
      if (value !== 'focused' && value !== 'other') throw badRequest('RequestBodyRead', 'inferenceClassification must be focused or other.');
      message.inferenceClassification = value;
      return;
    case 'subject':
      message.subject = String(value ?? '');
      return;
    case 'body':
      message.body = itemBody(value);
      return;
    default:
      (message as unknown as Record<string, Recipient[]>)[key] = recipients(value, key);
  }
}
