/** The door of shared/domain/ticket: code outside the domain imports this area from here. */
export * from './apply-event';
export * from './contact-attempts';
export * from './open-ticket';
export * from './permissions';
export * from './priority-suggestion';
export * from './replay';
export * from './ticket-event';
export * from './ticket-number';
export * from './ticket-types';
export * from './ticket';
export * from './transition-table';
