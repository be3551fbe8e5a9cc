import { plainText } from '../../bot/cards/card-format';
import { message } from './activities';
import { BotHarness } from './bot-harness';

/** Every TextBlock text and fact value of a card, as Teams receives them. */
function texts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'TextBlock' && typeof n.text === 'string') out.push(n.text);
      if (typeof n.title === 'string' && typeof n.value === 'string') out.push(n.value);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** A live link or emphasis in Teams' markdown: [text](url) or **bold** / _italic_ not escaped by a backslash. */
const LIVE_MARKDOWN = /(^|[^\\])\[[^\]]*(^|[^\\])\]\(|(^|[^\\])\*\*|(^|[^\\])_[^_]+(^|[^\\])_/;

describe('client text on cards is plain text (issue 10, also)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(async () => h.close());

  it('a markdown link in a subject is shown as written, never as a live link', async () => {
    const subject = '[Click here](https://evil.example/login) to restore **your** mailbox_now_';
    const ticket = await h.openTicket({ subject });
    const { body } = await h.post({
      ...message(`ticket ${ticket.number}`, { aadObjectId: 'aad-l2', locale: 'en-US' }),
      deliveryMode: 'expectReplies',
    });
    const card = body.activities?.[0].attachments?.[0].content;
    const shown = texts(card).find((t) => t.includes('evil.example'));
    expect(shown).toBe('\\[Click here\\](https://evil.example/login) to restore \\*\\*your\\*\\* mailbox\\_now\\_');
    expect(texts(card).some((t) => LIVE_MARKDOWN.test(t))).toBe(false);

    const list = await h.post({ ...message('queue', { aadObjectId: 'aad-l2', locale: 'en-US' }), deliveryMode: 'expectReplies' });
    const listTexts = texts(list.body.activities?.[0].attachments?.[0].content);
    expect(listTexts.some((t) => t.includes('evil.example'))).toBe(true);
    expect(listTexts.some((t) => LIVE_MARKDOWN.test(t))).toBe(false);
  });

  it.each([
    ['[x](http://a)', '\\[x\\](http://a)'],
    ['# title\n- item\n1. first', '\\# title\n\\- item\n1\\. first'],
    ['<b>html</b> `code` ~strike~', '\\<b\\>html\\</b\\> \\`code\\` \\~strike\\~'],
    ['Factura 2026-03 (urgente).', 'Factura 2026-03 (urgente).'],
  ])('plainText(%j)', (input, expected) => {
    expect(plainText(input)).toBe(expected);
  });
});
