/** The door of shared/domain/sla: code outside the domain imports this area from here. */
export * from './explain-sla';
export * from './format-sla-explanation';
export * from './parse-instant';
export * from './sla-calendar';
export * from './sla-status';
export * from './sla-thresholds';
export * from './sla-types';
