import { stripQuotedReply } from '../../shared/domain/mail';
import { parseReplyIntent } from '../../shared/domain/mail';
import { REPLY_CORPUS } from '../fixtures/replies/corpus';

describe('the reply corpus (test/fixtures/replies/corpus.ts)', () => {
  test('holds at least 80 replies, every mail client shape and every reading, ids unique', () => {
    expect(REPLY_CORPUS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(REPLY_CORPUS.map((r) => r.id)).size).toBe(REPLY_CORPUS.length);
    expect(new Set(REPLY_CORPUS.map((r) => r.shape))).toEqual(
      new Set(['outlook', 'outlook-mobile', 'gmail', 'iphone', 'android', 'plain']),
    );
    expect(new Set(REPLY_CORPUS.map((r) => r.expected))).toEqual(new Set(['confirm', 'reject', 'approve', 'refuse', null]));
  });

  test.each(REPLY_CORPUS.map((r) => ({ ...r, reading: r.expected ?? 'nothing clear' })))(
    '$id ($shape) reads as $reading',
    ({ text, expected }) => {
      expect(parseReplyIntent(text) ?? null).toBe(expected);
    },
  );

  test.each(REPLY_CORPUS.filter((r) => r.shape !== 'plain').map((r) => ({ id: r.id, text: r.text })))(
    '$id: the quoted history, footer and our instructions are cut off',
    ({ text }) => {
      const written = stripQuotedReply(text);
      expect(written).not.toMatch(
        /Soporte Partner|responda|reply "|Enviado desde|Sent from my|Outlook para|Outlook for|AVISO DE CONFIDENCIALIDAD/,
      );
    },
  );
});
