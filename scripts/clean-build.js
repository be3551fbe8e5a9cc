// `npm run build` step 1: removes the compiled server (dist/bot, dist/shared) so no stale module survives a rename.
const { rmSync } = require('node:fs');
const { join } = require('node:path');

for (const dir of ['bot', 'shared', 'addin']) rmSync(join(__dirname, '..', 'dist', dir), { recursive: true, force: true });
