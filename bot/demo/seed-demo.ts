import type { Store } from '../../shared/application/ports';
import type { Actor } from '../../shared/domain/ticket';
import type { Services } from '../services';
import { DEMO_CLIENT, DEMO_MARKER_KEY, DEMO_REQUESTERS, DEMO_STAFF, DEMO_TICKETS } from './demo-data';

const SEEDER: Actor = { role: 'manager', id: 'demo-seed', name: 'Demo data loader' };
const INTAKE: Actor = { role: 'system', id: 'demo-seed' };

export type SeedOutcome = { seeded: true; tickets: string[] } | { seeded: false; reason: 'store-not-empty' | 'already-seeded' };

/**
 * Loads the demo data set into an EMPTY store (no clients), once: the marker in the state store keeps a
 * later start from seeding again even after the demo client is edited.
 */
export async function seedDemo(store: Store, services: Services): Promise<SeedOutcome> {
  if (await store.state.getState(DEMO_MARKER_KEY)) return { seeded: false, reason: 'already-seeded' };
  if ((await store.directory.listClients()).length > 0) return { seeded: false, reason: 'store-not-empty' };
  await services.directory.addClient(SEEDER, DEMO_CLIENT);
  for (const requester of DEMO_REQUESTERS) {
    await services.directory.addRequester(SEEDER, {
      clientId: DEMO_CLIENT.id,
      ...requester,
      effectiveFrom: '2020-01-01',
      onRequestOf: DEMO_REQUESTERS[0].email,
    });
  }
  for (const staff of DEMO_STAFF) await services.directory.addStaff(SEEDER, { ...staff, locale: 'es-MX' });
  const numbers: string[] = [];
  for (const ticket of DEMO_TICKETS) {
    const { ticket: opened } = await services.tickets.open(INTAKE, { clientId: DEMO_CLIENT.id, channel: 'email', ...ticket });
    numbers.push(opened.number);
  }
  await store.state.setState(DEMO_MARKER_KEY, { tickets: numbers });
  return { seeded: true, tickets: numbers };
}
