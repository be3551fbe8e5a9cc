/** The door of shared/domain/billing: code outside the domain imports this area from here. */
export * from './after-hours-rating';
export * from './after-hours-request';
export * from './billing-month';
export * from './billing-types';
export * from './budget';
export * from './charge';
export * from './monthly-summary';
export * from './time-entry';
export * from './weighted-minutes';
export * from './format-amount';
