export { startGraphService, DEFAULT_TEST_TOKEN, type GraphService, type GraphServiceOptions } from './graph-service';
export { staticTokenCredential } from './static-token-credential';
export type { FaultSpec } from './fault-injector';
export type { CountFilter, CountedRequest } from './request-counter';
export type { PathPattern } from './path-pattern';
export type { SeedMessage, SentMail, StoredMessage } from './mail-types';
export { BATCH_MAX_REQUESTS } from './batch-route';
export { MESSAGE_DELTA_DEFAULT_PAGE_SIZE, MESSAGE_LIST_DEFAULT_PAGE_SIZE, MESSAGE_LIST_MAX_PAGE_SIZE } from './mail-routes';
