import { ticketKeySeq, ticketKeyVersion } from '../../../shared/infra/sqlite/ticket-key';

describe('packed ticket keys', () => {
  test.each([
    [1, 1],
    [50_000, 3],
    [2 ** 29 - 1, 2 ** 24 - 1],
  ])('seq %d and version %d survive packing', (seq, version) => {
    const key = seq * 2 ** 24 + version;
    expect(Number.isSafeInteger(key)).toBe(true);
    expect([ticketKeySeq(key), ticketKeyVersion(key)]).toEqual([seq, version]);
  });
});
