#!/usr/bin/env node
// Stages what production runs into one folder (default build/app) for App Service zip deploy:
// dist/ (npm run build first), bin/, package-lock.json, and a package.json with production dependencies only
// and `npm start` = node dist/bot/main.js. App Service installs the dependencies on Linux Node 22.
// Idempotent: the folder is recreated each time. Prints what it did.
const { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const out = resolve(root, process.argv[2] ?? 'build/app');
if (!existsSync(join(root, 'dist', 'bot', 'main.js')) || !existsSync(join(root, 'dist', 'addin', 'taskpane.html'))) {
  console.error('stage-app: dist/ is incomplete: run `npm run build` first');
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const part of ['dist', 'bin', 'package-lock.json']) cpSync(join(root, part), join(out, part), { recursive: true });
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const staged = {
  name: pkg.name,
  version: pkg.version,
  private: true,
  engines: pkg.engines,
  bin: pkg.bin,
  scripts: { start: 'node dist/bot/main.js' },
  dependencies: pkg.dependencies,
  overrides: pkg.overrides,
};
writeFileSync(join(out, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);
console.log(
  `stage-app: staged dist/, bin/, package.json (${Object.keys(pkg.dependencies).length} production dependencies), package-lock.json in ${out}`,
);
