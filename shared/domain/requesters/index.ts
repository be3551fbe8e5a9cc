/** The door of shared/domain/requesters: code outside the domain imports this area from here. */
export * from './authorization';
export * from './directory-types';
export * from './requester-changes';
export * from './requester-history';
