import { badRequest } from './graph-http-error';
import type { Recipient, StoredAttachment, StoredMessage } from './mail-types';

/** Properties a message has in Graph's answer when no $select is given. */
const DEFAULT_PROPERTIES = [
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'receivedDateTime',
  'sentDateTime',
  'hasAttachments',
  'internetMessageId',
  'subject',
  'bodyPreview',
  'importance',
  'parentFolderId',
  'conversationId',
  'conversationIndex',
  'isDeliveryReceiptRequested',
  'isReadReceiptRequested',
  'isRead',
  'isDraft',
  'webLink',
  'inferenceClassification',
  'body',
  'sender',
  'from',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'flag',
];

/** Only returned when asked for with $select, as in Graph. */
const SELECT_ONLY_PROPERTIES = ['internetMessageHeaders', 'uniqueBody'];

export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

function allProperties(m: StoredMessage, bodyAsText: boolean): Record<string, unknown> {
  const text = m.body.contentType === 'html' ? htmlToText(m.body.content) : m.body.content;
  const body = bodyAsText && m.body.contentType === 'html' ? { contentType: 'text', content: text } : m.body;
  return {
    createdDateTime: m.createdDateTime,
    lastModifiedDateTime: m.lastModifiedDateTime,
    changeKey: m.changeKey,
    categories: m.categories,
    receivedDateTime: m.receivedDateTime,
    sentDateTime: m.sentDateTime,
    hasAttachments: m.attachments.some((a) => !a.isInline),
    internetMessageId: m.internetMessageId,
    subject: m.subject,
    bodyPreview: text.replace(/\s+/g, ' ').slice(0, 255),
    importance: m.importance,
    parentFolderId: m.folderId,
    conversationId: m.conversationId,
    conversationIndex: Buffer.from(m.conversationId).toString('base64').slice(0, 30),
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: m.isRead,
    isDraft: m.isDraft,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(m.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: m.inferenceClassification,
    body,
    uniqueBody: body,
    sender: m.sender ?? null,
    from: m.from ?? null,
    toRecipients: m.toRecipients,
    ccRecipients: m.ccRecipients,
    bccRecipients: m.bccRecipients,
    replyTo: m.replyTo,
    flag: m.flag,
    internetMessageHeaders: m.internetMessageHeaders,
  };
}

/** Graph's JSON for a message: id and @odata.etag always, then the selected (or default) properties. */
export function messageJson(
  m: StoredMessage,
  select?: string[],
  options: { bodyAsText?: boolean; withType?: boolean } = {},
): Record<string, unknown> {
  const all = allProperties(m, options.bodyAsText ?? false);
  const out: Record<string, unknown> = {
    ...(options.withType ? { '@odata.type': '#microsoft.graph.message' } : {}),
    '@odata.etag': `W/"${m.changeKey}"`,
    id: m.id,
  };
  for (const wanted of select ?? DEFAULT_PROPERTIES) {
    if (wanted === 'id') continue;
    const key = [...DEFAULT_PROPERTIES, ...SELECT_ONLY_PROPERTIES].find((p) => p.toLowerCase() === wanted.toLowerCase());
    if (!key)
      throw badRequest(
        'RequestBroker--ParseUri',
        `Could not find a property named '${wanted}' on type 'Microsoft.OutlookServices.Message'.`,
      );
    out[key] = all[key];
  }
  return out;
}

export function attachmentJson(a: StoredAttachment): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.fileAttachment',
    '@odata.mediaContentType': a.contentType,
    id: a.id,
    lastModifiedDateTime: a.lastModifiedDateTime,
    name: a.name,
    contentType: a.contentType,
    size: a.bytes.length,
    isInline: a.isInline,
    contentId: a.contentId ?? null,
    contentLocation: null,
    contentBytes: a.bytes.toString('base64'),
  };
}

function address(r: Recipient): string {
  const name = r.emailAddress.name;
  return name && name !== r.emailAddress.address
    ? `"${name.replace(/"/g, '')}" <${r.emailAddress.address}>`
    : `<${r.emailAddress.address}>`;
}

/** RFC 822 source for a message that was not seeded from MIME (what /$value returns). */
export function buildMime(m: StoredMessage): string {
  if (m.mime !== undefined) return m.mime;
  const lines = [
    ...(m.from ? [`From: ${address(m.from)}`] : []),
    ...(m.toRecipients.length ? [`To: ${m.toRecipients.map(address).join(', ')}`] : []),
    ...(m.ccRecipients.length ? [`Cc: ${m.ccRecipients.map(address).join(', ')}`] : []),
    `Subject: ${m.subject}`,
    `Date: ${new Date(m.sentDateTime).toUTCString()}`,
    `Message-ID: ${m.internetMessageId}`,
    ...m.internetMessageHeaders
      .filter((h) => !/^(from|to|cc|subject|date|message-id|mime-version|content-type|content-transfer-encoding)$/i.test(h.name))
      .map((h) => `${h.name}: ${h.value}`),
    'MIME-Version: 1.0',
    `Content-Type: ${m.body.contentType === 'html' ? 'text/html' : 'text/plain'}; charset=utf-8`,
    'Content-Transfer-Encoding: base64',
    '',
    ...(Buffer.from(m.body.content, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []),
    '',
  ];
  return lines.join('\r\n');
}
