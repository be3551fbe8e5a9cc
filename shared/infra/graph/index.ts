export { createGraphClient, GRAPH_BASE_URL, type GraphClientOptions } from './graph-client-factory';
export { createCredential, GRAPH_DEFAULT_SCOPE, type GraphCredentialConfig } from './credential';
export { GraphServiceError, GraphClientMisuseError, GraphUnreachableError, type GraphServiceErrorDetails } from './graph-errors';
export { DEFAULT_RETRY_OPTIONS, RETRYABLE_STATUSES, type RetryOptions, type RetryEvent } from './middleware/retry-middleware';
export { parseRetryAfterMs } from './middleware/retry-after';
export type { FetchLike } from './middleware/transport-middleware';
