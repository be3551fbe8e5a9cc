import { messageKeys, t } from '../../../shared/domain/i18n';

/**
 * A ticket's status label is read by everyone: the client in the add-in and emails, consultants on the
 * Teams card, managers in the CLI and on the board. It names who is awaited and addresses no one
 * ("awaiting your validation" told a consultant that they were the one to validate).
 */
const STATUS_KEYS = messageKeys().filter((key) => key.startsWith('status.'));

test('every ticket status has a label', () => {
  expect(STATUS_KEYS).toEqual(
    expect.arrayContaining(['status.new', 'status.open', 'status.waiting-on-client', 'status.resolved', 'status.closed']),
  );
});

test.each(STATUS_KEYS)('%s addresses no one', (key) => {
  expect(t('en', key)).not.toMatch(/\b(you|your)\b/i);
  expect(t('es-MX', key)).not.toMatch(/\b(usted|su|sus|tu|tus)\b/i);
});

test('a resolved ticket awaits the client', () => {
  expect(t('en', 'status.resolved')).toBe("Resolved (awaiting the client's validation)");
});
