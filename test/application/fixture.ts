import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PolicyRegistry } from '../../shared/application/policy-registry';
import type { TicketService } from '../../shared/application/ticket-service';
import type { Actor } from '../../shared/domain/ticket';
import { openSqliteStore, type SqliteStore } from '../../shared/infra/sqlite/sqlite-store';
import { ANA, BOB, seedAcme } from '../support/acme';
import { CapturingMailer, ManualClock, SequentialIds, type CapturingNotifier, type CollectedErrors } from '../support/doubles';
import { ticketServiceFor } from '../support/ticket-wiring';

// The test doubles live once in test/support/doubles.ts; harnesses re-export them for their tests.
export { CapturingMailer, CapturingNotifier, CollectedErrors, ManualClock, SequentialIds } from '../support/doubles';

export const MANAGER: Actor = { role: 'manager', id: 'staff-manager', name: 'Marta Manager' };
export const L1: Actor = { role: 'L1', id: 'staff-l1', name: 'Luis L1' };
export const L2: Actor = { role: 'L2', id: 'staff-l2', name: 'Lena L2' };
export const SYSTEM: Actor = { role: 'system', id: 'sla-monitor' };
export const REQUESTER: Actor = { role: 'requester', id: 'ana@acme.example' };

/** Monday 2 March 2026, 10:00 in Mexico City (16:00 UTC): inside support hours. */
export const MONDAY_10AM = '2026-03-02T16:00:00.000Z';

export interface Harness {
  dir: string;
  store: SqliteStore;
  clock: ManualClock;
  ids: SequentialIds;
  mailer: CapturingMailer;
  notifier: CapturingNotifier;
  errors: CollectedErrors;
  policies: PolicyRegistry;
  tickets: TicketService;
  close(): Promise<void>;
}

/** A real SQLite store in a temp dir with client ACME, two requesters and one staff member per role. */
export async function harness(startAt = MONDAY_10AM): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'soporte-app-'));
  const clock = new ManualClock(new Date(startAt));
  const store = await openSqliteStore({ dataDir: dir, clock });
  const ids = new SequentialIds();
  const mailer = new CapturingMailer();
  const { tickets, policies, notifier, errors } = ticketServiceFor(store, clock, { ids, mailer });
  await seedAcme(store, {
    requesters: [ANA, BOB],
    staff: [MANAGER, L1, L2].map((actor) => ({
      id: actor.id,
      name: actor.name ?? actor.id,
      email: `${actor.id}@partner.example`,
      role: actor.role as 'L1',
      locale: 'es-MX' as const,
      active: true,
    })),
  });
  return {
    dir,
    store,
    clock,
    ids,
    mailer,
    notifier,
    errors,
    policies,
    tickets,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function ref(ticket: { id: string; version: string }): { ticketId: string; expectedVersion: string } {
  return { ticketId: ticket.id, expectedVersion: ticket.version };
}
