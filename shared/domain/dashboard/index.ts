/** The door of shared/domain/dashboard: code outside the domain imports this area from here. */
export * from './compliance';
export * from './dashboard-ticket';
export * from './hours-against-budgets';
export * from './months';
export * from './open-profile';
export * from './sla-incidents';
export * from './workload';
