import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temp directory for one test's database, removed by `remove()`. */
export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'soporte-sqlite-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
