import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MailQuarantine, QuarantinedMail } from '../../application/intake/mail-quarantine';
import type { Clock, Mailbox, MailOutcome, PendingMail } from '../../application/ports';
import { NotFoundError } from '../../domain/common';
import type { FileAttachmentStore } from './attachment-store';
import { parseMime } from './mime-parser';
import { definedOnly } from '../../domain/index';

const READ_CONCURRENCY = 8;

export interface MaildropOptions {
  /** DATA_DIR: reads DATA_DIR/maildrop, files into DATA_DIR/mail/processed and DATA_DIR/mail/quarantine. */
  dataDir: string;
  attachments: FileAttachmentStore;
  clock: Clock;
}

/**
 * The embedded mailbox: `.eml` files dropped in DATA_DIR/maildrop/ are read oldest first; once intake
 * has dealt with one it moves to DATA_DIR/mail/processed/ or DATA_DIR/mail/quarantine/ with a
 * `<name>.reason.json` beside it saying what happened and why. Nothing is ever deleted: the moved
 * file is the original MIME, byte for byte. Hidden files and `*.tmp` (still being copied) are skipped.
 */
export class MaildropMailbox implements Mailbox, MailQuarantine {
  readonly kind = 'maildrop';
  readonly dropDir: string;
  readonly processedDir: string;
  readonly quarantineDir: string;
  /** Names already used in processed/ and quarantine/ (read once, then kept up to date): no stat per move. */
  private readonly settledNames: Record<string, Set<string>> = {};
  private readonly mtimes = new Map<string, number>();

  constructor(private readonly options: MaildropOptions) {
    this.dropDir = path.join(options.dataDir, 'maildrop');
    this.processedDir = path.join(options.dataDir, 'mail', 'processed');
    this.quarantineDir = path.join(options.dataDir, 'mail', 'quarantine');
  }

  async ensureFolders(): Promise<void> {
    for (const dir of [this.dropDir, this.processedDir, this.quarantineDir]) await mkdir(dir, { recursive: true });
  }

  async pending(limit = 500): Promise<PendingMail[]> {
    await this.ensureFolders();
    const names = (await readdir(this.dropDir)).filter((n) => n.toLowerCase().endsWith('.eml') && !n.startsWith('.'));
    const withTimes = (await Promise.all(names.map(async (name) => ({ name, mtime: await this.mtimeOf(name) })))).filter(
      (f): f is { name: string; mtime: number } => f.mtime !== undefined,
    );
    withTimes.sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name));
    const batch = withTimes.slice(0, limit).map((f) => f.name);
    const items: PendingMail[] = new Array(batch.length);
    let next = 0;
    // Reading and parsing overlap (a few files at a time); intake still handles them one by one, in order.
    const worker = async (): Promise<void> => {
      for (let i = next++; i < batch.length; i = next++) items[i] = await this.read(batch[i]);
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, batch.length) }, worker));
    return items;
  }

  async settle(item: PendingMail, outcome: MailOutcome): Promise<void> {
    const targetDir = outcome.disposition === 'processed' ? this.processedDir : this.quarantineDir;
    const target = await this.freeName(targetDir, item.id);
    // Small, local and quick: synchronous like the SQLite store (no thread-pool round trips).
    writeFileSync(`${target}.reason.json`, `${JSON.stringify(this.reasonRecord(item, outcome), null, 2)}\n`);
    renameSync(path.join(this.dropDir, item.id), target);
    this.mtimes.delete(item.id);
  }

  /** What waits in DATA_DIR/mail/quarantine/, oldest first, with what intake did and why. */
  async listQuarantined(): Promise<QuarantinedMail[]> {
    await this.ensureFolders();
    const names = (await readdir(this.quarantineDir)).filter((n) => n.toLowerCase().endsWith('.eml') && !n.startsWith('.'));
    const entries = await Promise.all(names.map((name) => this.quarantinedEntry(name)));
    return entries.sort((a, b) => (a.settledAt ?? '').localeCompare(b.settledAt ?? '') || a.id.localeCompare(b.id));
  }

  async readQuarantined(id: string): Promise<{ entry: QuarantinedMail; item: PendingMail; quarantineRef: string }> {
    const file = this.quarantinedFile(id);
    const raw = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new NotFoundError('quarantined message', id);
      throw error;
    });
    const entry = await this.quarantinedEntry(id);
    try {
      const mail = await parseMime(raw, {
        originalRef: file,
        receivedAt: this.options.clock.now(),
        attachments: this.options.attachments,
      });
      return { entry, item: { id, mail }, quarantineRef: file };
    } catch (error) {
      return { entry, item: { id, unreadable: error instanceof Error ? error.message : String(error) }, quarantineRef: file };
    }
  }

  /**
   * A released message processed now moves to processed/ (its record keeps the quarantine it left and who
   * released it); quarantined again, it stays, its record saying why this time.
   */
  async settleReleased(
    item: PendingMail,
    outcome: MailOutcome,
    release: { by: string; at: string; previous: QuarantinedMail },
  ): Promise<void> {
    const id = item.id;
    const file = this.quarantinedFile(id);
    const record = {
      ...this.reasonRecord(item, outcome),
      originalFile: release.previous.id,
      releasedBy: release.by,
      releasedAt: release.at,
      quarantined: release.previous,
    };
    if (outcome.disposition === 'quarantined') {
      writeFileSync(`${file}.reason.json`, `${JSON.stringify(record, null, 2)}\n`);
      return;
    }
    const target = await this.freeName(this.processedDir, id);
    writeFileSync(`${target}.reason.json`, `${JSON.stringify(record, null, 2)}\n`);
    renameSync(file, target);
    unlinkSync(`${file}.reason.json`);
  }

  private reasonRecord(item: PendingMail, outcome: MailOutcome): Record<string, unknown> {
    return {
      disposition: outcome.disposition,
      action: outcome.action,
      reason: outcome.reason,
      ticketNumber: outcome.ticketNumber,
      messageId: item.mail?.messageId,
      from: item.mail?.from.address,
      subject: item.mail?.subject,
      attachments: item.mail?.attachments.map((a) => a.storedRef),
      rejectedAttachments: item.mail?.rejectedAttachments,
      originalFile: item.id,
      settledAt: this.options.clock.now().toISOString(),
    };
  }

  /** A file directly in the quarantine folder: a name with a path in it is no quarantined message. */
  private quarantinedFile(id: string): string {
    if (!id || id !== path.basename(id) || id.startsWith('.') || !id.toLowerCase().endsWith('.eml'))
      throw new NotFoundError('quarantined message', id);
    return path.join(this.quarantineDir, id);
  }

  private async quarantinedEntry(name: string): Promise<QuarantinedMail> {
    const text = await readFile(path.join(this.quarantineDir, `${name}.reason.json`), 'utf8').catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      },
    );
    const record = text === undefined ? {} : (JSON.parse(text) as Partial<QuarantinedMail>);
    return {
      id: name,
      ...definedOnly({ settledAt: record.settledAt, from: record.from, subject: record.subject, messageId: record.messageId }),
      action: record.action ?? 'unknown',
      reason: record.reason ?? 'no reason recorded',
    };
  }

  /** A waiting file's modification time, read once (a big maildrop is listed on every poll). */
  private async mtimeOf(name: string): Promise<number | undefined> {
    let mtime = this.mtimes.get(name);
    if (mtime === undefined) {
      const info = await stat(path.join(this.dropDir, name)).catch((error: NodeJS.ErrnoException) => {
        // Taken away between the listing and now (an operator, another reader): not ours to read.
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (!info) return undefined;
      mtime = info.mtimeMs;
      this.mtimes.set(name, mtime);
    }
    return mtime;
  }

  quarantineRef(item: PendingMail): string {
    return path.join(this.quarantineDir, item.id);
  }

  private async read(name: string): Promise<PendingMail> {
    const file = path.join(this.dropDir, name);
    const raw = await readFile(file);
    try {
      // Received when the file arrived in the maildrop (its mtime, set by the local delivery, not the sender).
      const now = this.options.clock.now().getTime();
      const receivedAt = new Date(Math.min(this.mtimes.get(name) ?? now, now));
      const mail = await parseMime(raw, { originalRef: file, receivedAt, attachments: this.options.attachments });
      return { id: name, mail };
    } catch (error) {
      return { id: name, unreadable: error instanceof Error ? error.message : String(error) };
    }
  }

  /** `name`, or `name` prefixed with a counter when a file of that name was settled before. */
  private async freeName(dir: string, name: string): Promise<string> {
    this.settledNames[dir] ??= new Set(await readdir(dir));
    const taken = this.settledNames[dir];
    let candidate = name;
    for (let n = 1; taken.has(candidate); n += 1) candidate = `${n}-${name}`;
    taken.add(candidate);
    return path.join(dir, candidate);
  }
}
