/**
 * `npm run build:addin`: bundles the Outlook add-in (addin/taskpane.ts) and the Teams SLA board tab
 * (addin/sla-board.ts) with esbuild into dist/addin/, with their HTML, CSS and icons; the server serves that folder under /addin/. Office.js is not bundled:
 * the page loads it from the URL the server fills in (Microsoft's CDN in production, a mock in tests).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

export const ADDIN_SOURCE_DIR = join(__dirname, '..', 'addin');
export const ADDIN_DIST_DIR = join(__dirname, '..', 'dist', 'addin');
/** Task pane JS budget, gzipped, Office.js excluded (issue 6). */
export const TASKPANE_BUDGET_GZIP_BYTES = 150 * 1024;
/** The dashboard tab's JS budget, gzipped, every chunk included (issue 15). */
export const TAB_BUDGET_GZIP_BYTES = 150 * 1024;

export interface AddinBuild {
  outDir: string;
  /** The task pane bundle (taskpane.js). */
  jsBytes: number;
  jsGzipBytes: number;
  /** The SLA board tab's entry module (board/sla-board.js), without the chunks it loads on demand. */
  boardGzipBytes: number;
  /** The whole tab: every module under board/ (entry and chunks, TeamsJS included), gzipped one by one. */
  boardTotalGzipBytes: number;
}

/**
 * The dashboard tab reads only the common, add-in, SLA and dashboard messages: the server-only tables
 * (mail, bot, CLI, SharePoint, statements, records, replies, the consultant's day, legal pages) are left
 * out of its bundle, as empty tables, to keep it in its budget. A key of those tables asked for in the
 * tab would throw "message catalog has no key" (the e2e suite runs it). By module: the name it exports.
 */
const SERVER_ONLY_TABLES: Record<string, string> = {
  mail: 'MAIL_MESSAGES',
  bot: 'BOT_MESSAGES',
  cli: 'CLI_MESSAGES',
  sharepoint: 'SHAREPOINT_MESSAGES',
  statement: 'STATEMENT_MESSAGES',
  records: 'RECORD_MESSAGES',
  replies: 'REPLY_MESSAGES',
  'consultant-day': 'CONSULTANT_DAY_MESSAGES',
  legal: 'LEGAL_MESSAGES',
};

const SERVER_ONLY_MESSAGES: Plugin = {
  name: 'server-only-messages',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/messages\/[a-z-]+$/ }, (args) =>
      args.path.split('/').pop()! in SERVER_ONLY_TABLES ? { path: args.path, namespace: 'server-only-messages' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'server-only-messages' }, (args) => {
      const name = SERVER_ONLY_TABLES[args.path.split('/').pop()!];
      return { contents: `export const ${name} = {};`, loader: 'js' };
    });
  },
};

export async function buildAddin(outDir: string = ADDIN_DIST_DIR): Promise<AddinBuild> {
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  mkdirSync(join(outDir, 'board'), { recursive: true });
  const common = {
    bundle: true,
    minify: true,
    platform: 'browser' as const,
    sourcemap: 'linked' as const,
    legalComments: 'none' as const,
    logLevel: 'warning' as const,
  };
  // The task pane: one classic script (ES2017), for the broadest Outlook reach.
  await build({
    ...common,
    entryPoints: [join(ADDIN_SOURCE_DIR, 'taskpane.ts')],
    outfile: join(outDir, 'taskpane.js'),
    format: 'iife',
    target: ['es2017'],
  });
  // The Office dialog sign-in page (hosts without Nested App Authentication): its own bundle, with MSAL's redirect flow.
  await build({
    ...common,
    entryPoints: [join(ADDIN_SOURCE_DIR, 'auth-dialog.ts')],
    outfile: join(outDir, 'auth-dialog.js'),
    format: 'iife',
    target: ['es2017'],
  });
  // The Teams tab: an ES module, split so TeamsJS is fetched only when the page runs inside Teams.
  await build({
    ...common,
    entryPoints: [join(ADDIN_SOURCE_DIR, 'sla-board.ts')],
    outdir: join(outDir, 'board'),
    format: 'esm',
    splitting: true,
    target: ['es2020'],
    plugins: [SERVER_ONLY_MESSAGES],
  });
  for (const file of ['taskpane.html', 'auth-dialog.html', 'sla-board.html', 'taskpane.css', 'dashboard.css'])
    copyFileSync(join(ADDIN_SOURCE_DIR, file), join(outDir, file));
  for (const icon of readdirSync(join(ADDIN_SOURCE_DIR, 'assets')))
    copyFileSync(join(ADDIN_SOURCE_DIR, 'assets', icon), join(outDir, 'assets', icon));
  const js = readFileSync(join(outDir, 'taskpane.js'));
  const board = readFileSync(join(outDir, 'board', 'sla-board.js'));
  const boardTotalGzipBytes = readdirSync(join(outDir, 'board'))
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(outDir, 'board', f)), { level: 9 }).length, 0);
  return {
    outDir,
    jsBytes: js.length,
    jsGzipBytes: gzipSync(js, { level: 9 }).length,
    boardGzipBytes: gzipSync(board, { level: 9 }).length,
    boardTotalGzipBytes,
  };
}

if (require.main === module) {
  buildAddin()
    .then((result) => {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(
        `add-in built in ${result.outDir}: taskpane.js ${kb(result.jsBytes)}, ${kb(result.jsGzipBytes)} gzipped (budget ${kb(TASKPANE_BUDGET_GZIP_BYTES)}); sla-board.js ${kb(result.boardGzipBytes)} gzipped, the whole tab ${kb(result.boardTotalGzipBytes)} gzipped (budget ${kb(TAB_BUDGET_GZIP_BYTES)})`,
      );
      if (result.jsGzipBytes > TASKPANE_BUDGET_GZIP_BYTES || result.boardTotalGzipBytes > TAB_BUDGET_GZIP_BYTES) process.exit(2);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
