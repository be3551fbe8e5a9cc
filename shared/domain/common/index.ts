/** The door of shared/domain/common: code outside the domain imports this area from here. */
export * from './errors';
export * from './input-checks';
export * from './optional';
