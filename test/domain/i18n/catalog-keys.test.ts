import { hasMessage, messageKeys, t, type MessageKey } from '../../../shared/domain/i18n';

describe('message catalog keys are typed', () => {
  test('a misspelt key fails to compile (npm run typecheck), and is refused at run time as well', () => {
    // @ts-expect-error 'bot.hours.titel' is not a key of the catalog: tsc refuses it.
    const misspelt = (): string => t('en', 'bot.hours.titel');
    expect(misspelt).toThrow('message catalog has no key "bot.hours.titel"');
    const key: MessageKey = 'bot.hours.title';
    expect(t('en', key, { client: 'ACME', month: '2026-03' })).toBe('Hours of ACME in 2026-03');
  });

  test('a key built from outside data is narrowed by hasMessage before use', () => {
    const fromOutside = `sla.${'at-risk'}`;
    expect(hasMessage(fromOutside) ? t('es-MX', fromOutside) : fromOutside).toBe('En riesgo');
    expect(messageKeys()).toContain('bot.hours.title');
  });
});
