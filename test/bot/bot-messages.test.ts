import { BOT_MESSAGES } from '../../shared/domain/i18n';
import { hasMessage } from '../../shared/domain/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the bot's message table", () => {
  it.each(Object.entries(BOT_MESSAGES))('%s has both languages with the same placeholders', (key, entry) => {
    expect(entry.en.trim()).not.toBe('');
    expect(entry['es-MX'].trim()).not.toBe('');
    expect(placeholders(entry['es-MX'])).toEqual(placeholders(entry.en));
    expect(hasMessage(key)).toBe(true);
  });
});
