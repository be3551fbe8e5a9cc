import { GraphClientError } from '@microsoft/microsoft-graph-client';

/*
 * Two kinds of failure, kept apart:
 *  - GraphServiceError: Graph answered and refused (HTTP status >= 400), with its error code and request-id.
 *  - GraphClientMisuseError: our side is wrong before anything is sent (bad configuration, bad arguments).
 *  - GraphUnreachableError: no answer at all (connection refused or reset, DNS): nothing was refused, nothing is known.
 *
 * Both extend the SDK's GraphClientError for one reason only: GraphRequest.send rethrows a GraphClientError
 * raised in the middleware chain unchanged, and wraps anything else into its own untyped GraphError. So the
 * typed error thrown by our middleware reaches the caller of `client.api(...).get()` as is.
 * (GraphClientError's constructor resets the prototype, hence the setPrototypeOf below.)
 */

export interface GraphServiceErrorDetails {
  status: number;
  code: string;
  message: string;
  requestId?: string;
  clientRequestId?: string;
  date?: string;
  /** Seconds the service asked us to wait (Retry-After), when it said so. */
  retryAfterSeconds?: number | undefined;
  method: string;
  url: string;
  body?: unknown;
}

/** Graph refused the request: the status, Graph's error code and the request-id to quote to Microsoft. */
export class GraphServiceError extends GraphClientError {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly clientRequestId: string | undefined;
  readonly date: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly method: string;
  readonly url: string;
  readonly body: unknown;

  constructor(details: GraphServiceErrorDetails) {
    super(
      `Graph refused ${details.method} ${details.url}: ${details.status} ${details.code}: ${details.message}${details.requestId ? ` (request-id ${details.requestId})` : ''}`,
    );
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'GraphServiceError';
    this.status = details.status;
    this.code = details.code;
    this.requestId = details.requestId;
    this.clientRequestId = details.clientRequestId;
    this.date = details.date;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.method = details.method;
    this.url = details.url;
    this.body = details.body;
  }

  /** 412: the If-Match eTag was stale (someone else wrote first). */
  get isPreconditionFailed(): boolean {
    return this.status === 412;
  }

  /** 429/503/504 that survived every retry. */
  get isThrottled(): boolean {
    return this.status === 429 || this.status === 503 || this.status === 504;
  }
}

/** Our own mistake, found before or without asking Graph: names the field or argument at fault. */
export class GraphClientMisuseError extends GraphClientError {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'GraphClientMisuseError';
    this.field = field;
  }
}

/** No answer from Graph (network failure). Not retried here: a POST may or may not have reached the service. */
export class GraphUnreachableError extends GraphClientError {
  readonly method: string;
  readonly url: string;
  constructor(method: string, url: string, cause: unknown) {
    super(`Graph could not be reached for ${method} ${url}: ${describeCause(cause)}`);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'GraphUnreachableError';
    this.method = method;
    this.url = url;
    this.cause = cause;
  }
}

/** fetch rejects with "fetch failed" and the real reason (ECONNREFUSED...) in its cause; errors may come from another realm. */
function describeCause(cause: unknown): string {
  const outer = cause as { message?: unknown; cause?: { message?: unknown; code?: unknown } } | undefined;
  const inner = outer?.cause;
  const parts = [outer?.message, inner?.code, inner?.message].filter((p) => typeof p === 'string' && p !== '');
  return parts.length > 0 ? [...new Set(parts)].join(': ') : String(cause);
}
