import type { DirectoryStore } from '../../shared/application/ports';
import type { AuthorizedRequester, Client, Staff } from '../../shared/domain/requesters';

/** The day client ACME and its people were registered. */
const REGISTERED = '2026-01-01T00:00:00.000Z';

/** Client ACME (es-MX, acme.example); manager Marta is told of strangers' mail. */
export const ACME: Client = {
  id: 'acme',
  name: 'ACME',
  domains: ['acme.example'],
  locale: 'es-MX',
  managerEmails: ['marta@partner.example'],
  createdAt: REGISTERED,
};

/** Ana, ACME's requester (no locale of her own: the client's). */
export const ANA: AuthorizedRequester = {
  id: 'r-ana',
  clientId: 'acme',
  email: 'ana@acme.example',
  name: 'Ana',
  isClientAdmin: false,
  effectiveFrom: REGISTERED,
};

/** Bob, ACME's client administrator, who reads English. */
export const BOB: AuthorizedRequester = {
  id: 'r-bob',
  clientId: 'acme',
  email: 'bob@acme.example',
  name: 'Bob',
  locale: 'en',
  isClientAdmin: true,
  effectiveFrom: REGISTERED,
};

/** A requester of ACME whose authorization ended on 1 February 2026. */
export const OLD_TIMER: AuthorizedRequester = {
  id: 'r-old',
  clientId: 'acme',
  email: 'old@acme.example',
  name: 'Old Timer',
  isClientAdmin: false,
  effectiveFrom: '2025-01-01T00:00:00.000Z',
  effectiveTo: '2026-02-01T00:00:00.000Z',
};

/** Luis, an L1 consultant of the partner. */
export const LUIS: Staff = {
  id: 'staff-l1',
  name: 'Luis',
  email: 'luis@partner.example',
  role: 'L1',
  locale: 'es-MX',
  active: true,
};

export interface AcmeSeed {
  /** Changes to the client record (e.g. `{ managerEmails: [] }`, a tenant id). */
  client?: Partial<Client>;
  /** ACME's requesters: Ana alone unless given. */
  requesters?: AuthorizedRequester[];
  /** The partner's staff: none unless given. */
  staff?: Staff[];
}

/** Registers client ACME, its requesters and staff through the store's directory port. */
export async function seedAcme(store: { directory: DirectoryStore }, seed: AcmeSeed = {}): Promise<void> {
  await store.directory.putClient({ ...ACME, ...seed.client });
  for (const requester of seed.requesters ?? [ANA]) await store.directory.putRequester(requester);
  for (const member of seed.staff ?? []) await store.directory.putStaff(member);
}

/** Ana's email asking for a ticket (tests add the priority and change what they need). */
export const ANA_MAIL = {
  clientId: 'acme',
  requesterEmail: 'ana@acme.example',
  subject: 'Payroll export fails',
  description: 'error 500',
  channel: 'email' as const,
};
