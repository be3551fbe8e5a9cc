import { readTicketAttachments } from '../../shared/application/ticket-attachments';
import { displayFileName } from '../../shared/domain/mail';
import { intakeHarness, SUPPORT, type IntakeHarness } from './intake-harness';

const RLO = '\u202E';

function withAttachment(filename: string, id: string): string {
  return [
    'From: ana@acme.example',
    `To: ${SUPPORT}`,
    'Subject: Factura',
    `Message-ID: <${id}@acme.example>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Adjunto la factura.',
    '--b1',
    'Content-Type: application/octet-stream',
    `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
    '',
    'MZ...',
    '--b1--',
    '',
  ].join('\n');
}

describe('attachment names are shown without control or bidirectional-override characters (issue 10, also)', () => {
  let h: IntakeHarness;
  beforeEach(async () => {
    h = await intakeHarness();
  });
  afterEach(async () => h.close());

  it('a right-to-left override cannot disguise an .exe as a .pdf on the ticket', async () => {
    const { mail } = await h.receive(withAttachment(`factura${RLO}fdp.exe`, 'bidi'));
    expect(mail.attachments.map((a) => a.filename)).toEqual(['facturafdp.exe']);
    const ticket = await h.store.tickets.findBySourceMessageId('<bidi@acme.example>');
    expect((await readTicketAttachments(h.store.state, ticket?.id ?? '')).map((a) => a.filename)).toEqual(['facturafdp.exe']);
  });

  it('a name too large to keep is named cleanly in the acknowledgement too', async () => {
    await h.receive(withAttachment(`big\u0007\r\nX-Evil: 1${RLO}.zip`, 'big'), 3);
    const ack = h.mailer.sent.find((m) => m.kind === 'acknowledgement');
    expect(ack?.text).toContain('bigX-Evil: 1.zip');
    expect([...(ack?.text ?? '')].some((c) => c === '\u0007' || c === '\u202e')).toBe(false);
  });

  it.each([
    [`a${RLO}b`, 'ab'],
    ['\u2066isolated\u2069.txt', 'isolated.txt'],
    ['tab\there\u200f.log', 'tabhere.log'],
    ['  señal ✓.pdf ', 'señal ✓.pdf'],
  ])('displayFileName(%j) = %j', (raw, shown) => {
    expect(displayFileName(raw)).toBe(shown);
  });
});
