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
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(payload), 'cache-control': 'no-store', ...headers });
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

/** The ticket version of an `If-Match` header (quotes and a weak prefix stripped); 428 without it. */
export function requireIfMatch(req: Request): string {
  const raw = req.header('if-match');
  if (!raw || raw.trim() === '*') throw new ApiProblem(428, 'precondition-required', 'If-Match required', 'Send the ticket version you saw in an If-Match header.');
  return raw.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

export function etag(version: string): Record<string, string> {
  return { etag: `"${version}"` };
}
