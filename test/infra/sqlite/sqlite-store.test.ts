import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../../shared/application/ports';
import { openSqliteStore } from '../../../shared/infra/sqlite/sqlite-store';
import { runStoreContract } from '../../store-contract/store-contract';

/** Each test gets a fresh file in a temp dir; `second()` opens another connection on the same file. */
runStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'soporte-sqlite-'));
  const stores: Store[] = [await openSqliteStore({ dataDir: dir })];
  return {
    store: stores[0],
    second: async () => {
      const store = await openSqliteStore({ dataDir: dir });
      stores.push(store);
      return store;
    },
    cleanup: async () => {
      for (const store of stores) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
