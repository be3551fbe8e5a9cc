import { badRequest } from './graph-http-error';
import type { InternetMessageHeader, ItemBody, Recipient, StoredMessage } from './mail-types';
import { readPath } from './odata-filter';
import { preferences } from './odata-query';
import type { ServiceRequest } from './service-types';

/** Prefer: IdType="ImmutableId": ids survive moves between folders (send of a draft, delete). */
export function immutableIds(request: ServiceRequest): boolean {
  return preferences(request.headers).some((p) => /^IdType\s*=\s*"?ImmutableId"?$/i.test(p));
}

export function bodyAsText(request: ServiceRequest): boolean {
  return preferences(request.headers).some((p) => /^outlook\.body-content-type\s*=\s*"?text"?$/i.test(p));
}

export function recipients(value: unknown, field: string): Recipient[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest('ErrorInvalidRecipients', `${field} must be an array of recipients.`);
  return value.map((r) => {
    const address = readPath(r, 'emailAddress/address');
    if (typeof address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(address)) {
      throw badRequest(
        'ErrorInvalidRecipients',
        `At least one recipient isn't valid., Recipient '${String(address)}' isn't resolved. All recipients must be resolved before a message can be submitted.`,
      );
    }
    const name = readPath(r, 'emailAddress/name');
    return { emailAddress: typeof name === 'string' ? { name, address } : { address } };
  });
}

export function itemBody(value: unknown): ItemBody {
  if (value === undefined || value === null) return { contentType: 'text', content: '' };
  const contentType = String(readPath(value, 'contentType') ?? 'text').toLowerCase();
  if (contentType !== 'html' && contentType !== 'text')
    throw badRequest('RequestBodyRead', `Invalid body.contentType '${contentType}': use 'text' or 'html'.`);
  return { contentType, content: String(readPath(value, 'content') ?? '') };
}

export function customHeaders(value: unknown): InternetMessageHeader[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest('RequestBodyRead', 'internetMessageHeaders must be an array.');
  return value.map((h) => {
    const name = String(readPath(h, 'name') ?? '');
    if (!/^x-/i.test(name))
      throw badRequest(
        'InvalidInternetMessageHeader',
        `The internet message header name '${name}' should start with 'x-' or 'X-'.`,
      );
    return { name, value: String(readPath(h, 'value') ?? '') };
  });
}

const FLAG_STATUSES = new Set(['notFlagged', 'flagged', 'complete']);
export const ANY_MESSAGE_WRITABLE = new Set(['categories', 'flag', 'isRead', 'importance', 'inferenceClassification', 'subject']);
export const DRAFT_WRITABLE = new Set(['body', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo']);

/** Applies one PATCH property to a message, refusing a value of the wrong shape. */
export function applyChange(message: StoredMessage, key: string, value: unknown): void {
  switch (key) {
    case 'categories':
      if (!Array.isArray(value) || value.some((c) => typeof c !== 'string'))
        throw badRequest('RequestBodyRead', 'categories must be an array of strings.');
      message.categories = value as string[];
      return;
    case 'flag': {
      const status = readPath(value, 'flagStatus');
      if (typeof status !== 'string' || !FLAG_STATUSES.has(status))
        throw badRequest(
          'RequestBodyRead',
          `flag.flagStatus must be notFlagged, flagged or complete (got ${JSON.stringify(status)}).`,
        );
      message.flag = { ...(value as object), flagStatus: status } as StoredMessage['flag'];
      return;
    }
    case 'isRead':
      if (typeof value !== 'boolean') throw badRequest('RequestBodyRead', 'isRead must be a boolean.');
      message.isRead = value;
      return;
    case 'importance':
      if (value !== 'low' && value !== 'normal' && value !== 'high')
        throw badRequest('RequestBodyRead', 'importance must be low, normal or high.');
      message.importance = value;
      return;
    case 'inferenceClassification':
      if (value !== 'focused' && value !== 'other')
        throw badRequest('RequestBodyRead', 'inferenceClassification must be focused or other.');
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
