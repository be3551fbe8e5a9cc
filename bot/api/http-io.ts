import type { Request, Response } from 'restify';
import type { Caller } from '../auth/caller';
import type { Authenticator } from '../auth/authenticator';
import { ApiProblem } from './api-problem';
import { toProblem } from './problem-mapper';

export interface ApiResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): ApiResult {
  return { status, body, headers };
}

function write(res: Response, status: number, contentType: string, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(payload);
}

export function writeProblem(res: Response, error: unknown): void {
  const { problem, headers } = toProblem(error);
  write(res, problem.status, 'application/problem+json', problem, headers);
}

/** A restify handler around an async function: the result as JSON, any error through the one mapper. */
export function route(handler: (req: Request) => Promise<ApiResult>) {
  return (req: Request, res: Response, next: () => void): void => {
    handler(req)
      .then((result) => write(res, result.status, 'application/json', result.body, result.headers))
      .catch((error: unknown) => writeProblem(res, error))
      .finally(() => next());
  };
}

/** Like route(), after authenticating the bearer token into a Caller. */
export function authedRoute(authenticator: Authenticator, handler: (caller: Caller, req: Request) => Promise<ApiResult>) {
  return route(async (req) => handler(await authenticator.authenticate(req.header('authorization')), req));
}

export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
}

/** Characters an entity-tag may hold between its quotes (RFC 9110 etagc: no DQUOTE, no space). */
const ETAG_SAFE = /^[\x21\x23-\x7e]+$/;
/** A version that is not ETAG_SAFE (SharePoint's eTags are quoted already) travels base64url-encoded. */
const ENCODED = 'v64.';

/**
 * The ticket version of an `If-Match` header (a weak prefix and the quotes stripped, an encoded
 * version decoded); 428 without it. The version as the API's JSON shows it, quoted, works too.
 */
export function requireIfMatch(req: Request): string {
  const raw = req.header('if-match');
  if (!raw || raw.trim() === '*')
    throw new ApiProblem(
      428,
      'precondition-required',
      'If-Match required',
      'Send the ticket version you saw in an If-Match header.',
    );
  const tag = raw
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
  return tag.startsWith(ENCODED) ? Buffer.from(tag.slice(ENCODED.length), 'base64url').toString('utf8') : tag;
}

/** The ETag header of a ticket version: always a well-formed entity-tag. */
export function etag(version: string): Record<string, string> {
  return {
    etag: `"${ETAG_SAFE.test(version) && !version.startsWith(ENCODED) ? version : ENCODED + Buffer.from(version, 'utf8').toString('base64url')}"`,
  };
}
