#!/usr/bin/env node
// The `soporte` admin CLI. In a checkout (TypeScript sources and tsx present) it runs the sources through
// tsx; in a production build (npm run build; the Docker image) it runs the compiled dist/bot/cli/main.js.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const source = join(__dirname, '..', 'bot', 'cli', 'main.ts');
const compiled = join(__dirname, '..', 'dist', 'bot', 'cli', 'main.js');

function tsxAvailable() {
  try {
    require.resolve('tsx/cjs');
    return true;
  } catch {
    return false;
  }
}

if (existsSync(source) && tsxAvailable()) {
  require('tsx/cjs');
  require(source);
} else if (existsSync(compiled)) {
  require(compiled);
} else {
  process.stderr.write('soporte: neither the TypeScript sources with tsx (npm install) nor a build (npm run build) was found\n');
  process.exit(1);
}
