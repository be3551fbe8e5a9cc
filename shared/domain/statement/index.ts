/** The door of shared/domain/statement: code outside the domain imports this area from here. */
export * from './build-statement';
export * from './statement-data';
export * from './statement-due';
export * from './statement';
