import { formatTicketNumber, isTicketNumber } from '../../../shared/domain/ticket';

describe('ticket numbers', () => {
  it('formats SUP-<year>-<n> with n padded to four digits, wider past 9999', () => {
    expect([formatTicketNumber(2026, 42), formatTicketNumber(2026, 12345)]).toEqual(['SUP-2026-0042', 'SUP-2026-12345']);
  });

  it('recognises a whole ticket number only (the Outlook category Soporte puts on a settled message)', () => {
    expect(['SUP-2026-0042', 'SUP-2026-12345'].map(isTicketNumber)).toEqual([true, true]);
    expect(
      ['[SUP-2026-0042]', 'SUP-2026-0042 ', 'sup-2026-0042', 'SUP-26-0042', 'SUP-2026-042', 'Rojo'].map(isTicketNumber),
    ).toEqual(Array(6).fill(false));
  });
});
