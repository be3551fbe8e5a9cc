import type { Store } from '../../shared/application/ports';
import type { ContractContext, ContractTest } from './contract-context';
import { makeTicket, openInput } from './fixtures';

const expectedNumbers = (year: number, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `SUP-${year}-${String(i + 1).padStart(4, '0')}`);

async function openMany(stores: Store[], count: number, year = 2026): Promise<string[]> {
  const results = await Promise.all(
    Array.from({ length: count }, (_, i) => stores[i % stores.length].tickets.open(openInput(makeTicket(), year))),
  );
  return results.map((r) => r.ticket.number);
}

async function storedNumbers(store: Store): Promise<string[]> {
  const numbers: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.tickets.list(cursor ? { cursor } : {});
    numbers.push(...page.tickets.map((t) => t.number));
    cursor = page.next;
  } while (cursor);
  return numbers.sort();
}

export function numberingContract(contractTest: ContractTest, ctx: ContractContext): void {
  contractTest('numbering: parallel opens get gapless numbers with no duplicate', async () => {
    const numbers = await openMany([ctx.store], 40);
    expect([...numbers].sort()).toEqual(expectedNumbers(2026, 40));
    expect(await storedNumbers(ctx.store)).toEqual(expectedNumbers(2026, 40));
  });

  contractTest('numbering: parallel opens across two instances stay gapless', async () => {
    const other = await ctx.second();
    const numbers = await openMany([ctx.store, other], 40);
    expect([...numbers].sort()).toEqual(expectedNumbers(2026, 40));
    expect(await storedNumbers(other)).toEqual(expectedNumbers(2026, 40));
  });

  contractTest('numbering: one counter per year', async () => {
    const in2026 = await openMany([ctx.store], 3, 2026);
    const in2027 = await openMany([ctx.store], 2, 2027);
    const more2026 = await openMany([ctx.store], 1, 2026);
    expect([...in2026].sort()).toEqual(expectedNumbers(2026, 3));
    expect([...in2027].sort()).toEqual(expectedNumbers(2027, 2));
    expect(more2026).toEqual(['SUP-2026-0004']);
  });
}
