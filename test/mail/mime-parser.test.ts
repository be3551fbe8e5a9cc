import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { classifyAutomated } from '../../shared/domain/mail';
import type { InboundMail } from '../../shared/domain/mail';
import { parseReplyIntent } from '../../shared/domain/mail';
import { FileAttachmentStore } from '../../shared/infra/mail/attachment-store';
import { parseMime } from '../../shared/infra/mail/mime-parser';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'mail');
const RECEIVED = new Date('2026-03-02T00:00:00.000Z');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'soporte-mime-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function parse(name: string, limitBytes = 1024 * 1024): Promise<InboundMail> {
  return parseMime(readFileSync(path.join(FIXTURES, name)), {
    originalRef: name,
    receivedAt: RECEIVED,
    attachments: new FileAttachmentStore(path.join(dir, 'att'), limitBytes),
  });
}

function automated(mail: InboundMail) {
  return classifyAutomated({ headers: mail.headers, subject: mail.subject, fromAddress: mail.from.address });
}

describe('parseMime over real-world shapes', () => {
  test('Outlook HTML: encoded-word headers decoded, HTML sanitized (no script, handlers, trackers, javascript: links)', async () => {
    const mail = await parse('outlook-html.eml');
    expect(mail.from).toEqual({ address: 'ana@acme.example', name: 'Ana López' });
    expect(mail.subject).toBe('Error al timbrar facturas en producción');
    expect(mail.messageId).toBe('<MW4PR12MB1234A1B2C3D4E5F6@MW4PR12MB1234.namprd12.prod.outlook.com>');
    expect(mail.date).toBe('2026-03-02T16:02:10.000Z');
    expect(mail.text).toContain('no podemos timbrar facturas en producción');
    expect(mail.html).toContain('CFDI40145');
    expect(mail.html).not.toMatch(/script|onload|alert|tracker\.example|javascript:|MsoNormal/);
    expect(mail.headers['content-language']).toBe('es-MX');
    expect(automated(mail)).toEqual({ automated: false });
  });

  test('Gmail multipart/alternative: the text part is the text, the HTML part sanitized', async () => {
    const mail = await parse('gmail-alternative.eml');
    expect(mail.text).toBe(
      'Hi team,\n\nSince this morning nobody in finance can log in to the portal: "AADSTS50105".\n\nThanks,\nBob',
    );
    expect(mail.html).toContain('<div dir="ltr">');
    expect(mail.to).toEqual([{ address: 'soporte@partner.example' }]);
    expect(mail.date).toBe('2026-03-02T16:15:22.000Z');
  });

  test('forwarded message keeps the forwarded content in the text (the description needs it)', async () => {
    const mail = await parse('forwarded.eml');
    expect(mail.text).toContain('Les reenvío el reporte del almacén.');
    expect(mail.text).toContain('Timeout expired');
    expect(mail.forwardedFrom).toEqual({ address: 'carlos@acme.example', name: 'Carlos Ruiz' });
  });

  test('quoted reply: threading headers read, the reply intent found above the quote', async () => {
    const mail = await parse('quoted-reply.eml');
    expect(mail.inReplyTo).toBe('<ack-0001@partner.example>');
    expect(mail.references).toEqual([
      '<MW4PR12MB1234A1B2C3D4E5F6@MW4PR12MB1234.namprd12.prod.outlook.com>',
      '<ack-0001@partner.example>',
    ]);
    expect(parseReplyIntent(mail.text)).toBe('confirm');
  });

  test.each([
    ['iso-8859-1.eml', 'José Peña', 'Información de nómina incompleta', '¿Pueden revisarlo? Señal: "error de conexión".'],
    [
      'windows-1252.eml',
      'Jose Pena',
      'Cotizacion pendiente',
      'El cálculo del año muestra “€ 1,250” en lugar de pesos; la señal de error dice ‘sin conexión’.',
    ],
  ])('non-UTF-8 charset %s decodes Spanish accents', async (file, name, subject, line) => {
    const mail = await parse(file);
    expect(mail.from.name).toBe(name);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(line);
  });

  test('inline image: stored as an inline part, the HTML keeps the cid: link and nothing remote', async () => {
    const mail = await parse('inline-image.eml');
    expect(mail.attachments).toHaveLength(1);
    const [image] = mail.attachments;
    expect(image).toMatchObject({
      filename: 'captura.png',
      contentType: 'image/png',
      inline: true,
      contentId: 'captura@01DA0000',
    });
    expect(readFileSync(image.storedRef).subarray(1, 4).toString()).toBe('PNG');
    expect(mail.html).toContain('src="cid:captura@01DA0000"');
  });

  test('attachment under the limit is stored byte for byte; over the limit it is rejected with sizes', async () => {
    const stored = await parse('attachment.eml');
    expect(stored.attachments.map((a) => [a.filename, a.contentType, a.sizeBytes])).toEqual([
      ['import-log.pdf', 'application/pdf', 2045],
    ]);
    expect(readFileSync(stored.attachments[0].storedRef).subarray(0, 8).toString()).toBe('%PDF-1.4');
    const rejected = await parse('attachment.eml', 1000);
    expect(rejected.attachments).toEqual([]);
    expect(rejected.rejectedAttachments).toEqual([
      { filename: 'import-log.pdf', contentType: 'application/pdf', sizeBytes: 2045, limitBytes: 1000, reason: 'too-large' },
    ]);
  });

  test.each([
    ['exchange-oof.eml', 'auto-reply'],
    ['gmail-vacation.eml', 'auto-reply'],
    ['dsn-bounce.eml', 'bounce'],
    ['exchange-ndr.eml', 'bounce'],
  ])('%s is recognised as automated (%s)', async (file, kind) => {
    const verdict = automated(await parse(file));
    expect(verdict).toMatchObject({ automated: true, kind });
  });

  test('malformed MIME (unclosed boundary, unknown charset, bad base64, bad Date) still yields a message', async () => {
    const mail = await parse('malformed.eml');
    expect(mail.from.address).toBe('bob@acme.example');
    expect(mail.text).toContain('The export to Excel crashes.');
    expect(mail.date).toBe(RECEIVED.toISOString());
  });

  test('bytes that are no email are refused naming the missing field', async () => {
    await expect(parse('no-sender.eml')).rejects.toThrow(/^from: /);
  });

  test('a message without Message-ID gets a stable synthetic one (same bytes, same id)', async () => {
    const raw = Buffer.from('From: a@b.example\r\nSubject: x\r\n\r\nhello\r\n');
    const ctx = { originalRef: 'x', receivedAt: RECEIVED, attachments: new FileAttachmentStore(path.join(dir, 'att')) };
    const first = await parseMime(raw, ctx);
    const second = await parseMime(raw, ctx);
    expect(first.messageId).toMatch(/^<[0-9a-f]{32}@no-message-id\.invalid>$/);
    expect(second.messageId).toBe(first.messageId);
  });
});
