/** One request as the service's handlers see it (a top-level HTTP request or one step of a $batch). */
export interface ServiceRequest {
  method: string;
  /** Path after the version segment, e.g. "/users/x/messages" (no query string). */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when there is none. */
  body: unknown;
  /** "http://127.0.0.1:PORT/v1.0": the prefix of every absolute link the service writes. */
  serviceRoot: string;
  inBatch: boolean;
}

export interface ServiceResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON value, or raw text/bytes (then headers must say content-type). */
  body?: unknown;
}

/** Where the service reads the time (seeded data carries its own instants). */
export type ServiceClock = () => Date;
