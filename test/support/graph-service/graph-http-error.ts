import { randomUUID } from 'node:crypto';
import type { ServiceResponse } from './service-types';

/** A refusal a handler throws; the service turns it into Graph's error shape. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphHttpError';
  }
}

/** Graph's error body: { error: { code, message, innerError: { request-id, date, client-request-id } } }. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  at: Date,
  headers: Record<string, string> = {},
): ServiceResponse {
  const requestId = randomUUID();
  return {
    status,
    headers: { 'content-type': 'application/json', 'request-id': requestId, 'client-request-id': requestId, ...headers },
    body: {
      error: {
        code,
        message,
        innerError: { date: at.toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': requestId, 'client-request-id': requestId },
      },
    },
  };
}

export const notFound = (code: string, message: string) => new GraphHttpError(404, code, message);
export const badRequest = (code: string, message: string) => new GraphHttpError(400, code, message);
