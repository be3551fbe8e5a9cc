import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { AddinConfig } from '../../addin/addin-config';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json',
};

export interface AddinStaticOptions {
  /** The built add-in (scripts/build-addin.ts output). */
  dir: string;
  /** Where the page loads Office.js from (Microsoft's CDN in production; a local mock in tests). */
  officeJsUrl: string;
  /** Handed to the page as window.SOPORTE_CONFIG. */
  config: AddinConfig;
}

/** The file under `root` a URL path names, or undefined for a malformed path or one that climbs out of it. */
function resolveFile(root: string, urlPath: string): string | undefined {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath) || 'taskpane.html';
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
  const file = normalize(join(root, relative));
  return file.startsWith(root) ? file : undefined;
}

/** Serves the Outlook add-in under /addin/: the built files, the page with its Office.js URL, and config.js. */
export function registerAddinStatic(server: Server, options: AddinStaticOptions): void {
  const root = normalize(options.dir) + sep;
  const send = (res: Response, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-cache' });
    res.end(body);
  };
  server.get('/addin/config.js', (_req: Request, res: Response, next: () => void) => {
    send(res, 200, CONTENT_TYPES['.js'], `window.SOPORTE_CONFIG = ${JSON.stringify(options.config)};\n`);
    next();
  });
  server.get('/addin/*', (req: Request, res: Response, next: () => void) => {
    const file = resolveFile(root, (req.path() ?? '').replace(/^\/addin\//, ''));
    if (!file || !existsSync(file) || !CONTENT_TYPES[extname(file)]) {
      send(res, 404, 'text/plain; charset=utf-8', 'not found');
      return next();
    }
    let body: string | Buffer = readFileSync(file);
    if (extname(file) === '.html')
      body = body.toString('utf8').replace('%OFFICE_JS_URL%', options.officeJsUrl.replace(/"/g, '&quot;'));
    send(res, 200, CONTENT_TYPES[extname(file)], body);
    next();
  });
}
