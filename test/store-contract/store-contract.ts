/**
 * The adapter-neutral store contract: one suite, run against every Store adapter. An adapter that
 * cannot honour a behaviour declares it by test title in `options.skip`; unknown skip names fail.
 */
import type { Store } from '../../shared/application/ports';
import type { ContractContext, StoreFactory, StoreHandle } from './contract-context';
import { coordinationContract } from './coordination-contract';
import { directoryContract } from './directory-contract';
import { numberingContract } from './numbering-contract';
import { statementContract } from './statement-contract';
import { ticketContract } from './ticket-contract';

export type { StoreFactory, StoreHandle } from './contract-context';

export interface StoreContractOptions {
  /** Titles of contract tests this adapter does not run (each must name a real test). */
  skip?: string[];
}

export function runStoreContract(name: string, factory: StoreFactory, options: StoreContractOptions = {}): void {
  const skip = new Set(options.skip ?? []);
  const titles = new Set<string>();
  let handle: StoreHandle | undefined;

  const ctx: ContractContext = {
    get store(): Store {
      if (!handle) throw new Error('store contract: no store (the factory failed)');
      return handle.store;
    },
    async second(): Promise<Store> {
      if (!handle?.second) throw new Error(`store contract: ${name} has no second() instance; declare this test in options.skip`);
      return handle.second();
    },
  };

  const contractTest = (title: string, body: () => Promise<void>): void => {
    if (titles.has(title)) throw new Error(`store contract: duplicate test title "${title}"`);
    titles.add(title);
    (skip.has(title) ? test.skip : test)(title, body);
  };

  describe(`store contract: ${name}`, () => {
    beforeEach(async () => {
      handle = await factory();
    });
    afterEach(async () => {
      const current = handle;
      handle = undefined;
      await current?.cleanup();
    });

    contractTest('store: names its kind and reports a positive schema version', async () => {
      expect(ctx.store.kind).toEqual(expect.any(String));
      expect(ctx.store.kind.length).toBeGreaterThan(0);
      const version = await ctx.store.schemaVersion();
      expect(Number.isInteger(version)).toBe(true);
      expect(version).toBeGreaterThan(0);
    });
    ticketContract(contractTest, ctx);
    numberingContract(contractTest, ctx);
    directoryContract(contractTest, ctx);
    coordinationContract(contractTest, ctx);
    statementContract(contractTest, ctx);

    test('declared skips name real contract tests', () => {
      expect([...skip].filter((title) => !titles.has(title))).toEqual([]);
    });
  });
}
