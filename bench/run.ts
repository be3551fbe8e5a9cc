import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchModule, BenchResult } from './bench-result';

/**
 * `npm run bench [-- name ...]`: runs every bench/<name>.bench.ts (or only the named ones) in sequence
 * and prints one table. Missed targets are reported, not fatal; the exit code is non-zero only when a
 * benchmark crashes.
 */
async function main(filters: string[]): Promise<number> {
  const names = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts'))
    .map((file) => file.slice(0, -'.bench.ts'.length))
    .sort();
  const unknown = filters.filter((f) => !names.includes(f));
  if (unknown.length > 0) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')} (available: ${names.join(', ')})`);
    return 2;
  }
  const selected = filters.length > 0 ? names.filter((n) => filters.includes(n)) : names;
  // Several benches: each in a process of its own, so none measures the heap and JIT another one left behind.
  if (selected.length > 1) {
    const codes = selected.map(
      (name) => spawnSync(process.execPath, [...process.execArgv, __filename, name], { stdio: 'inherit' }).status ?? 1,
    );
    return codes.some((code) => code !== 0) ? 1 : 0;
  }
  let crashed = 0;
  for (const name of selected) {
    console.log(`\n== ${name} ==`);
    try {
      const started = performance.now();
      const results = await (await loadBench(name)).run();
      printTable(results);
      console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      crashed++;
      console.error(`${name} crashed:`, error);
    }
  }
  return crashed > 0 ? 1 : 0;
}

async function loadBench(name: string): Promise<BenchModule> {
  const loaded = (await import(pathToFileURL(join(__dirname, `${name}.bench.ts`)).href)) as Partial<BenchModule> & {
    default?: Partial<BenchModule>;
  };
  const run = loaded.run ?? loaded.default?.run;
  if (typeof run !== 'function') throw new Error(`bench/${name}.bench.ts does not export run(): Promise<BenchResult[]>`);
  return { run };
}

function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.name,
    formatValue(r.value),
    r.unit,
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS',
  ]);
  const header = ['measure', 'value', 'unit', 'target', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 1 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((row) => console.log(line(row)));
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
