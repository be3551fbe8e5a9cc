#!/usr/bin/env node
// The `soporte` admin CLI: runs the TypeScript entry point through tsx.
require('tsx/cjs');
require('../bot/cli/main.ts');
