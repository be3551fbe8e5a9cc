import { badRequest } from './graph-http-error';
import type { ServiceResponse } from './service-types';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ServiceResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8',
      ...headers,
    },
    body,
  };
}

export function empty(status: 202 | 204): ServiceResponse {
  return { status };
}

export function raw(body: string | Buffer, contentType: string): ServiceResponse {
  return { status: 200, headers: { 'content-type': contentType }, body };
}

/** The body as a JSON object, or a 400 naming what is wrong. */
export function objectBody(body: unknown, what: string): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('BadRequest', `${what}: the request body must be a JSON object.`);
  }
  return body as Record<string, unknown>;
}
