import { badRequest } from './graph-http-error';
import { errorResponse } from './graph-http-error';
import { objectBody, json } from './responses';
import type { ServiceClock, ServiceRequest, ServiceResponse } from './service-types';

/** Graph's documented limit of requests in one JSON batch. */
export const BATCH_MAX_REQUESTS = 20;

interface BatchStep {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

export type InnerHandler = (request: ServiceRequest) => Promise<ServiceResponse>;

function readStep(value: unknown): BatchStep {
  const step = objectBody(value, 'batch request');
  const { id, method, url } = step;
  if (typeof id !== 'string' || id === '')
    throw badRequest('BadRequest', 'Invalid batch payload format: every request needs a string id.');
  if (typeof method !== 'string' || typeof url !== 'string')
    throw badRequest('BadRequest', `Invalid batch payload format: request '${id}' needs a method and a url.`);
  if (step.dependsOn !== undefined && (!Array.isArray(step.dependsOn) || step.dependsOn.some((d) => typeof d !== 'string'))) {
    throw badRequest('BadRequest', `Invalid batch payload format: dependsOn of request '${id}' must be an array of ids.`);
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries((step.headers ?? {}) as Record<string, unknown>)) headers[k.toLowerCase()] = String(v);
  return {
    id,
    method: method.toUpperCase(),
    url,
    headers,
    body: step.body,
    dependsOn: (step.dependsOn as string[] | undefined) ?? [],
  };
}

/** Runs steps so that each comes after what it depends on; a cycle, an unknown id, or a batch neither fully sequential nor fully parallel refuses the whole batch. */
function executionOrder(steps: BatchStep[]): BatchStep[] {
  const ids = new Set<string>();
  for (const s of steps) {
    if (ids.has(s.id.toLowerCase()))
      throw badRequest('BadRequest', `Invalid batch payload format: the request id '${s.id}' is used more than once.`);
    ids.add(s.id.toLowerCase());
  }
  for (const s of steps) {
    for (const d of s.dependsOn)
      if (!ids.has(d.toLowerCase()))
        throw badRequest(
          'BadRequest',
          `Invalid batch payload format: request '${s.id}' depends on '${d}', which is not in the batch.`,
        );
  }
  // "Batch should be either fully sequential or fully parallel": once one request depends on another,
  // the order must be forced, a single request ready at each point (json-batching.md).
  const sequential = steps.some((s) => s.dependsOn.length > 0);
  const done = new Set<string>();
  const order: BatchStep[] = [];
  while (order.length < steps.length) {
    const ready = steps.filter((s) => !done.has(s.id.toLowerCase()) && s.dependsOn.every((d) => done.has(d.toLowerCase())));
    if (ready.length === 0) throw badRequest('BadRequest', 'Invalid batch payload format: the dependsOn chain has a cycle.');
    if (sequential && ready.length > 1)
      throw badRequest('BadRequest', 'Batch should be either fully sequential or fully parallel.');
    done.add(ready[0]!.id.toLowerCase());
    order.push(ready[0]!);
  }
  return order;
}

/** Base64 or base64url, padded or not. */
function isBase64(value: string): boolean {
  const compact = value.replace(/\s+/g, '');
  return compact !== '' && /^[A-Za-z0-9+/_-]+={0,2}$/.test(compact);
}

/**
 * What the inner request receives: a JSON body as is; any other body comes base64-encoded inside the
 * batch ("a JSON object or a base64 URL-encoded value", json-batching.md) and is decoded, as Graph does.
 */
function innerBody(step: BatchStep): unknown {
  if (typeof step.body !== 'string' || /json/i.test(step.headers['content-type'] ?? '')) return step.body;
  return Buffer.from(step.body.replace(/\s+/g, ''), 'base64').toString('utf8');
}

/** Batch step headers are JSON, so their case shows: Graph writes them as "Content-Type", "Retry-After"... */
const HEADER_CASE: Record<string, string> = {
  'content-type': 'Content-Type',
  'retry-after': 'Retry-After',
  etag: 'ETag',
  'preference-applied': 'Preference-Applied',
  location: 'Location',
};

function stepHeaders(headers: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [HEADER_CASE[k] ?? k, v]));
}

function stepBody(response: ServiceResponse): unknown {
  if (response.body === undefined) return undefined;
  if (Buffer.isBuffer(response.body)) return response.body.toString('base64');
  if (typeof response.body === 'string') return Buffer.from(response.body, 'utf8').toString('base64');
  return response.body;
}

/** POST /$batch: JSON batching as documented (20 requests at most, dependsOn, one status/headers/body per step). */
export function batchHandler(inner: InnerHandler, clock: ServiceClock) {
  return async (request: ServiceRequest): Promise<ServiceResponse> => {
    const body = objectBody(request.body, '$batch');
    if (!Array.isArray(body.requests)) throw badRequest('BadRequest', 'Invalid batch payload format.');
    if (body.requests.length > BATCH_MAX_REQUESTS)
      throw badRequest('BadRequest', 'Number of requests inside batch exceeds the limit.');
    const steps = executionOrder(body.requests.map(readStep));
    const statusById = new Map<string, number>();
    const responses: Array<Record<string, unknown>> = [];
    for (const step of steps) {
      let response: ServiceResponse;
      const failed = step.dependsOn.find((d) => (statusById.get(d.toLowerCase()) ?? 0) >= 400);
      if (failed !== undefined) {
        response = errorResponse(424, 'FailedDependency', `The request depends on request '${failed}', which failed.`, clock());
      } else if (/^https?:/i.test(step.url)) {
        response = errorResponse(
          400,
          'BadRequest',
          'The url of a batch request must be relative to the version, like /users.',
          clock(),
        );
      } else if (step.body !== undefined && step.headers['content-type'] === undefined) {
        response = errorResponse(
          400,
          'BadRequest',
          'A Content-Type header is required when a batch request has a body.',
          clock(),
        );
      } else if (typeof step.body === 'string' && !/json/i.test(step.headers['content-type']!) && !isBase64(step.body)) {
        response = errorResponse(
          400,
          'BadRequest',
          'The body of a batch request that is not JSON must be a base64-encoded value.',
          clock(),
        );
      } else {
        // The SDK's BatchRequestContent keeps the version segment ("/v1.0/users"); Graph accepts both forms.
        const relative = step.url.replace(/^\/+/, '').replace(/^(v1\.0|beta)\//i, '');
        const at = relative.indexOf('?');
        response = await inner({
          method: step.method,
          path: `/${at === -1 ? relative : relative.slice(0, at)}`,
          query: new URLSearchParams(at === -1 ? '' : relative.slice(at + 1)),
          headers: step.headers,
          body: innerBody(step),
          serviceRoot: request.serviceRoot,
          inBatch: true,
        });
      }
      statusById.set(step.id.toLowerCase(), response.status);
      const stepResponse: Record<string, unknown> = {
        id: step.id,
        status: response.status,
        headers: stepHeaders(response.headers),
      };
      const payload = stepBody(response);
      if (payload !== undefined) stepResponse.body = payload;
      responses.push(stepResponse);
    }
    // "Responses may come back in a different order than the requests": callers match them by id.
    return json(200, { responses: responses.reverse() });
  };
}
