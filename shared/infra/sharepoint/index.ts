export { openSharePointStore, SharePointStore, type SharePointStoreOptions } from './sharepoint-store';
export { provisionSite, type ProvisionAction, type ProvisionEvent, type ProvisionReport } from './provision';
export { LISTS, SCHEMA_VERSION, type ListSpec, type ColumnSpec } from './list-schema';
export { sitePath, resolveSiteId } from './site-ref';
export { GRAPH_BATCH_LIMIT } from '../graph/graph-batch';
export { MAX_PAGE_SIZE } from './list-items';
