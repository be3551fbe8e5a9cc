/**
 * Failures of side effects that happen after a change is saved (client email, staff notification).
 * The change stands (it is in the log); the failure is reported here, never swallowed: main.ts logs
 * it as a structured line, tests collect it.
 */
export interface SideEffectErrors {
  report(error: unknown, context: { action: string; ticketId?: string; what: string }): void;
}
