import type { Store } from '../../shared/application/ports';

/** What a store factory gives the contract suite for one test. */
export interface StoreHandle {
  store: Store;
  /** A second, independent instance on the same data (another connection, another client). */
  second?: () => Promise<Store>;
  /** Closes every store this handle made (including `second()` ones) and removes their data. */
  cleanup(): Promise<void>;
}

export type StoreFactory = () => Promise<StoreHandle>;

/** The current test's stores. */
export interface ContractContext {
  readonly store: Store;
  /** The second instance; fails the test when the factory has none (declare a named skip instead). */
  second(): Promise<Store>;
}

/** Registers one named contract test (or a skip, when the adapter declared it). */
export type ContractTest = (title: string, body: () => Promise<void>) => void;
