import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { InboundAttachment, RejectedAttachment } from '../../domain/mail';
import { displayFileName } from '../../domain/mail';

export interface IncomingPart {
  filename?: string | undefined;
  contentType: string;
  content: Buffer;
  contentId?: string | undefined;
  inline: boolean;
}

/** Default attachment size limit: 10 MiB per file. */
export const DEFAULT_ATTACHMENT_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * Stores a message's attachments under `<root>/<message key>/<n>-<safe name>`. A file over the limit
 * is not stored but reported as rejected (the intake tells the client; the original MIME still holds
 * it, so nothing is lost).
 */
export class FileAttachmentStore {
  constructor(
    private readonly root: string,
    readonly limitBytes: number = DEFAULT_ATTACHMENT_LIMIT_BYTES,
  ) {
    if (!Number.isInteger(limitBytes) || limitBytes <= 0)
      throw new Error(`attachment limit: ${limitBytes} is not a positive integer of bytes`);
  }

  async store(
    messageId: string,
    parts: IncomingPart[],
  ): Promise<{ stored: InboundAttachment[]; rejected: RejectedAttachment[] }> {
    const stored: InboundAttachment[] = [];
    const rejected: RejectedAttachment[] = [];
    const dir = path.join(this.root, createHash('sha256').update(messageId).digest('hex').slice(0, 24));
    let index = 0;
    for (const part of parts) {
      index += 1;
      // Shown in cards and emails: without control or bidirectional-override characters.
      const filename = displayFileName(part.filename ?? '') || `part-${index}${extensionFor(part.contentType)}`;
      const sizeBytes = part.content.length;
      if (sizeBytes > this.limitBytes) {
        rejected.push({ filename, contentType: part.contentType, sizeBytes, limitBytes: this.limitBytes, reason: 'too-large' });
        continue;
      }
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${index}-${safeName(filename)}`);
      await writeFile(file, part.content);
      const attachment: InboundAttachment = {
        filename,
        contentType: part.contentType,
        sizeBytes,
        inline: part.inline,
        storedRef: file,
      };
      if (part.contentId) attachment.contentId = part.contentId;
      stored.push(attachment);
    }
    return { stored, rejected };
  }
}

function safeName(name: string): string {
  const printable = Array.from(name.normalize('NFC'), (c) => (c.charCodeAt(0) < 0x20 ? '_' : c)).join('');
  const cleaned = printable.replace(/[\\/:*?"<>|]/g, '_').replace(/^\.+/, '_');
  return cleaned.slice(-120) || 'attachment';
}

function extensionFor(contentType: string): string {
  const sub = contentType.split('/')[1]?.split(/[;+]/)[0];
  return sub ? `.${sub.replace(/[^a-z0-9.-]/gi, '')}` : '.bin';
}
