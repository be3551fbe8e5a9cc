/** The door of shared/domain/policy: code outside the domain imports this area from here. */
export * from './added-holidays';
export * from './budget-pick';
export * from './default-policy';
export * from './merge-policy';
export * from './policy-for-client';
export * from './policy-schema';
export * from './policy-version';
export * from './support-policy';
