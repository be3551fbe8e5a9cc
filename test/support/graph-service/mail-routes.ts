import { badRequest, GraphHttpError } from './graph-http-error';
import { deltaHandler } from './mail-delta-route';
import { attachmentJson, buildMime, messageJson } from './mail-render';
import { addMailSendRoutes } from './mail-send-routes';
import type { Mailbox, MailStore } from './mail-store';
import { ANY_MESSAGE_WRITABLE, applyChange, bodyAsText, DRAFT_WRITABLE, immutableIds } from './mail-values';
import { compareValues, evaluateFilter, readPath } from './odata-filter';
import {
  parseExpand,
  parseFilterOption,
  parseOrderBy,
  parseSelect,
  parseSkip,
  parseTop,
  preferredPageSize,
  queryOption,
} from './odata-query';
import { empty, json, objectBody, raw } from './responses';
import type { Params, Router } from './router';
import type { ServiceClock, ServiceRequest } from './service-types';

/** Message lists: default and largest $top. */
export const MESSAGE_LIST_DEFAULT_PAGE_SIZE = 10;
export const MESSAGE_LIST_MAX_PAGE_SIZE = 1000;

/** Mail endpoints of Graph v1.0 under /users/{id | userPrincipalName}. */
export function addMailRoutes(router: Router, store: MailStore, clock: ServiceClock): void {
  const mailboxOf = (p: Params) => store.mailbox(p.user!);
  addMailSendRoutes(router, store, clock);

  const list = (request: ServiceRequest, mailbox: Mailbox, folderId: string | undefined) => {
    const filter = parseFilterOption(request.query);
    const select = parseSelect(queryOption(request.query, 'select'));
    const top = Math.min(
      parseTop(queryOption(request.query, 'top')) ?? preferredPageSize(request.headers) ?? MESSAGE_LIST_DEFAULT_PAGE_SIZE,
      MESSAGE_LIST_MAX_PAGE_SIZE,
    );
    const skip = parseSkip(queryOption(request.query, 'skip'));
    const order = parseOrderBy(queryOption(request.query, 'orderby'));
    const sortBy = order.length > 0 ? order : [{ path: 'receivedDateTime', descending: true }];
    const rows = [...mailbox.messages.values()]
      .filter((m) => folderId === undefined || m.folderId === folderId)
      .map((m) => ({
        m,
        view: messageJson(m, [
          ...new Set([
            'internetMessageHeaders',
            'receivedDateTime',
            'flag',
            'categories',
            'isRead',
            'subject',
            'conversationId',
            'internetMessageId',
            'from',
            'parentFolderId',
            'isDraft',
            'importance',
            'hasAttachments',
            'sentDateTime',
            'lastModifiedDateTime',
            'createdDateTime',
          ]),
        ]),
      }))
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
    const body: Record<string, unknown> = {
      '@odata.context': `${request.serviceRoot}/$metadata#users('${mailbox.id}')/messages`,
      value: page,
    };
    if (skip + top < rows.length) {
      const kept = [...request.query]
        .filter(([key]) => !/^\$?(skip|top)$/i.test(key))
        .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
      body['@odata.nextLink'] =
        `${request.serviceRoot}${request.path}?${[...kept, `$top=${top}`, `$skip=${skip + top}`].join('&')}`;
    }
    return json(200, body);
  };

  const getMessage = (request: ServiceRequest, p: Params) => {
    const mailbox = mailboxOf(p);
    const message = store.message(mailbox, p.id!);
    if (p.folder !== undefined && store.folder(mailbox, p.folder).id !== message.folderId)
      throw new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    const expand = parseExpand(queryOption(request.query, 'expand'));
    for (const e of expand)
      if (e.name.toLowerCase() !== 'attachments')
        throw badRequest('BadRequest', `This service expands only attachments on a message (got '${e.name}').`);
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
        throw badRequest(
          'RequestBodyRead',
          `The property '${key}' does not exist on type 'microsoft.graph.message' or is not writable.`,
        );
      }
      if (DRAFT_WRITABLE.has(key) && !message.isDraft) {
        throw badRequest(
          'ErrorInvalidPropertyUpdateSentMessage',
          `Update operation is not allowed for property '${key}' of a message that is not a draft.`,
        );
      }
      applyChange(message, key, value);
    }
    store.changed(mailbox, message);
    return json(200, messageJson(message));
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
      return json(200, {
        '@odata.context': `${request.serviceRoot}/$metadata#users/$entity`,
        id: mailbox.id,
        userPrincipalName: mailbox.userPrincipalName,
        displayName: mailbox.displayName,
        mail: mailbox.userPrincipalName,
      });
    })
    .add('GET', '/users/:user/mailFolders/:folder', (request, p) => {
      const mailbox = mailboxOf(p);
      const folder = store.folder(mailbox, p.folder!);
      const inFolder = [...mailbox.messages.values()].filter((m) => m.folderId === folder.id);
      return json(200, {
        '@odata.context': `${request.serviceRoot}/$metadata#users('${mailbox.id}')/mailFolders/$entity`,
        id: folder.id,
        displayName: folder.displayName,
        parentFolderId: null,
        childFolderCount: 0,
        totalItemCount: inFolder.length,
        unreadItemCount: inFolder.filter((m) => !m.isRead).length,
      });
    })
    .add('GET', '/users/:user/mailFolders/:folder/messages/delta', deltaHandler(store))
    .add('GET', '/users/:user/mailFolders/:folder/messages', (request, p) => {
      const mailbox = mailboxOf(p);
      return list(request, mailbox, store.folder(mailbox, p.folder!).id);
    })
    .add('GET', '/users/:user/mailFolders/:folder/messages/:id', getMessage)
    .add('GET', '/users/:user/messages', (request, p) => list(request, mailboxOf(p), undefined))
    .add('GET', '/users/:user/messages/:id', getMessage)
    .add('GET', '/users/:user/messages/:id/$value', (_request, p) =>
      raw(buildMime(store.message(mailboxOf(p), p.id!)), 'text/plain'),
    )
    .add('PATCH', '/users/:user/messages/:id', patchMessage)
    .add('DELETE', '/users/:user/messages/:id', (request, p) => {
      store.move(mailboxOf(p), p.id!, 'deleteditems', immutableIds(request));
      return empty(204);
    })
    .add('GET', '/users/:user/messages/:id/attachments', (request, p) => {
      const message = store.message(mailboxOf(p), p.id!);
      return json(200, {
        '@odata.context': `${request.serviceRoot}/$metadata#attachments`,
        value: message.attachments.map(attachmentJson),
      });
    })
    .add('GET', '/users/:user/messages/:id/attachments/:attachment', (_request, p) => json(200, attachmentJson(attachment(p))))
    .add('GET', '/users/:user/messages/:id/attachments/:attachment/$value', (_request, p) => {
      const found = attachment(p);
      return raw(found.bytes, found.contentType);
    });
}
