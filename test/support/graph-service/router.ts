import { badRequest } from './graph-http-error';
import type { ServiceRequest, ServiceResponse } from './service-types';

export type Params = Record<string, string>;
export type Handler = (request: ServiceRequest, params: Params) => ServiceResponse | Promise<ServiceResponse>;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

/** Splits a path into decoded segments; "delta()" and "delta" are the same function call. */
export function pathSegments(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeURIComponent(s).replace(/\(\)$/, ''));
}

/**
 * Routes by method and path pattern ("/users/:user/messages/:id"): literal segments compare
 * case-insensitively (Graph paths do), ":name" captures one segment.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: pathSegments(pattern), handler });
    return this;
  }

  dispatch(request: ServiceRequest): ServiceResponse | Promise<ServiceResponse> {
    const segments = pathSegments(request.path);
    let pathKnown = false;
    for (const route of this.routes) {
      const params = match(route.segments, segments);
      if (!params) continue;
      pathKnown = true;
      if (route.method === request.method) return route.handler(request, params);
    }
    if (pathKnown) throw badRequest('BadRequest', `Unsupported request: ${request.method} is not allowed on ${request.path}`);
    throw badRequest('BadRequest', `Resource not found for the segment '${segments[segments.length - 1] ?? ''}'.`);
  }
}

function match(pattern: string[], segments: string[]): Params | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Params = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const s = segments[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = s;
    else if (p.toLowerCase() !== s.toLowerCase()) return undefined;
  }
  return params;
}
