import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type Attachment, type HeaderLines } from 'mailparser';
import { ValidationError } from '../../domain/common';
import { findForwardedSender } from '../../domain/mail';
import type { InboundMail, MailAddress } from '../../domain/mail';
import type { FileAttachmentStore } from './attachment-store';
import { sanitizeMailHtml } from './html-sanitizer';

/**
 * Raw RFC 822 / MIME -> InboundMail with mailparser: charsets (ISO-8859-1, windows-1252 ...) decoded,
 * encoded words in headers decoded, HTML sanitized (cid: images kept as links to stored parts),
 * attachments stored or rejected by size. The raw message itself is kept by the mailbox adapter
 * (`originalRef`). A message without a usable From address throws ValidationError('from').
 */
export async function parseMime(
  raw: Buffer,
  context: { originalRef: string; receivedAt: Date; attachments: FileAttachmentStore },
): Promise<InboundMail> {
  const parsed = await simpleParser(raw, { keepCidLinks: true, skipTextToHtml: true });
  const from = addresses(parsed.from)[0];
  if (!from) throw new ValidationError('from', 'the message has no sender address (From header missing or unreadable)');
  const messageId =
    normalizeId(parsed.messageId) ?? `<${createHash('sha256').update(raw).digest('hex').slice(0, 32)}@no-message-id.invalid>`;
  const { stored, rejected } = await context.attachments.store(
    messageId,
    parsed.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
      contentId: a.cid,
      inline: a.related === true || a.contentDisposition === 'inline',
    })),
  );
  const headers = headerMap(parsed.headerLines, parsed.headers);
  // mailparser substitutes the current time for an unreadable Date header: use the received time instead.
  const date = headers.date && !Number.isNaN(Date.parse(headers.date)) && parsed.date ? parsed.date : context.receivedAt;
  const mail: InboundMail = {
    messageId,
    references: splitIds(parsed.references),
    from,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: (parsed.subject ?? '').trim(),
    date: date.toISOString(),
    receivedAt: context.receivedAt.toISOString(),
    text: (parsed.text ?? '').replace(/\r\n?/g, '\n').trim(),
    headers,
    attachments: stored,
    rejectedAttachments: rejected,
    originalRef: context.originalRef,
  };
  const forwardedFrom = (await attachedMessageSender(parsed.attachments)) ?? findForwardedSender(mail.text);
  if (forwardedFrom) mail.forwardedFrom = forwardedFrom;
  const inReplyTo = splitIds(parsed.inReplyTo)[0];
  if (inReplyTo) mail.inReplyTo = inReplyTo;
  if (parsed.html) mail.html = sanitizeMailHtml(parsed.html);
  return mail;
}

/**
 * Header lines as a lower-cased map (unfolded; repeated headers joined with ", "). Where mailparser
 * decoded a header to a plain string (encoded words, raw 8-bit UTF-8) that decoded value is used.
 */
export function headerMap(lines: HeaderLines, decoded?: Map<string, unknown>): Record<string, string> {
  const map: Record<string, string> = {};
  const repeated = new Set<string>();
  for (const { key, line } of lines) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    if (key in map) repeated.add(key);
    map[key] = key in map ? `${map[key]}, ${value}` : value;
  }
  for (const [key, value] of decoded ?? []) {
    if (typeof value === 'string' && key in map && !repeated.has(key)) map[key] = value.trim();
  }
  return map;
}

/** The sender of a message attached as message/rfc822 (Outlook's "forward as attachment"). */
async function attachedMessageSender(attachments: Attachment[]): Promise<MailAddress | undefined> {
  const attached = attachments.find((a) => a.contentType.toLowerCase() === 'message/rfc822');
  if (!attached) return undefined;
  const inner = await simpleParser(attached.content, { skipHtmlToText: true, skipTextToHtml: true });
  return addresses(inner.from)[0];
}

function addresses(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const out: MailAddress[] = [];
  const visit = (entries: AddressObject['value']): void => {
    for (const entry of entries) {
      if (entry.group) visit(entry.group);
      else if (entry.address && entry.address.includes('@')) {
        const address: MailAddress = { address: entry.address.trim().toLowerCase() };
        if (entry.name) address.name = entry.name.trim();
        out.push(address);
      }
    }
  };
  for (const object of objects) visit(object.value);
  return out;
}

function splitIds(value: string | string[] | undefined): string[] {
  if (!value) return [];
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => v.match(/<[^<>\s]+>|[^<>\s,]+@[^<>\s,]+/g) ?? []);
  return parts.map((p) => normalizeId(p)).filter((p): p is string => p !== undefined);
}

function normalizeId(id: string | undefined): string | undefined {
  const trimmed = id?.trim().replace(/^<|>$/g, '');
  return trimmed ? `<${trimmed}>` : undefined;
}
