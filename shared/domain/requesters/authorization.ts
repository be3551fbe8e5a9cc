import { ValidationError } from '../common/errors';
import type { AuthorizedRequester, Client } from './directory-types';

/** Lower-cased, trimmed address: how requester emails are stored and compared. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function instant(value: string | Date, field: string): number {
  const t = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(t)) throw new ValidationError(field, `"${String(value)}" is not an instant`);
  return t;
}

/** A requester's dates: effective on [effectiveFrom, effectiveTo); a missing bound is open. */
export interface EffectiveDates {
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
}

/** Whether `requester` is in force at `at`: effective on [effectiveFrom, effectiveTo). */
export function isEffective(requester: EffectiveDates, at: string | Date): boolean {
  const t = instant(at, 'at');
  const from = requester.effectiveFrom ? instant(requester.effectiveFrom, 'effectiveFrom') : -Infinity;
  const to = requester.effectiveTo ? instant(requester.effectiveTo, 'effectiveTo') : Infinity;
  return from <= t && t < to;
}

/** The requester record authorizing `email` for `client` at `at`, if any (email compared case-insensitively). */
export function authorizedRequesterFor(
  client: Pick<Client, 'id'>,
  requesters: readonly AuthorizedRequester[],
  email: string,
  at: string | Date,
): AuthorizedRequester | undefined {
  const resolved = resolveRequester(requesters, email, at, client.id);
  return resolved.kind === 'authorized' ? resolved.requester : undefined;
}

/** How an address resolves to the record that authorizes it (see resolveRequester). */
export type RequesterResolution =
  | { kind: 'authorized'; requester: AuthorizedRequester }
  /** Several clients authorize the address and nothing says which one is meant. */
  | { kind: 'ambiguous'; clientIds: string[] }
  | { kind: 'none' };

/**
 * THE requester authorization rule. The record that authorizes `email` at `at` among `records` (the
 * address's records at every client): when the ticket, message or route names the client, only that
 * client's record counts; otherwise the one client that authorizes the address. A person authorized at
 * two clients is never resolved by whichever record came first: without a client, that is `ambiguous`.
 * A deactivation effective at an instant refuses from that instant on ([effectiveFrom, effectiveTo)).
 */
export function resolveRequester(
  records: readonly AuthorizedRequester[],
  email: string,
  at: string | Date,
  clientId?: string,
): RequesterResolution {
  const wanted = normalizeEmail(email);
  const active = records.filter(
    (r) => normalizeEmail(r.email) === wanted && (clientId === undefined || r.clientId === clientId) && isEffective(r, at),
  );
  const clientIds = [...new Set(active.map((r) => r.clientId))];
  if (active.length === 0) return { kind: 'none' };
  if (clientIds.length > 1) return { kind: 'ambiguous', clientIds: clientIds.sort() };
  return { kind: 'authorized', requester: active[0] };
}

/** A client with its authorized requesters (each record's clientId, when present, must be the client's). */
export interface ClientWithRequesters {
  id: string;
  requesters: ReadonlyArray<Pick<AuthorizedRequester, 'email'> & EffectiveDates & { clientId?: string }>;
}

/**
 * Whether `email` may raise tickets for `client` at `at`: one of the client's requesters has that
 * address (case-insensitive) and is in force then. A domain alone never authorizes anyone.
 */
export function isAuthorizedRequester(client: ClientWithRequesters, email: string, at: string | Date): boolean {
  const wanted = normalizeEmail(email);
  return client.requesters.some(
    (r) => (r.clientId === undefined || r.clientId === client.id) && normalizeEmail(r.email) === wanted && isEffective(r, at),
  );
}

/** Who an unauthorized sender should ask: the client's administrators in force at `at`, and the partner's account managers. */
export interface Authorizers {
  clientAdmins: Array<Pick<AuthorizedRequester, 'name' | 'email'>>;
  accountManagers: string[];
}

/** For the unauthorized-sender reply: who can authorize the sender (client admins; the account's managers). */
export function whoCanAuthorize(
  client: Pick<Client, 'id' | 'managerEmails'>,
  requesters: readonly AuthorizedRequester[],
  at: string | Date,
): Authorizers {
  return {
    clientAdmins: requesters
      .filter((r) => r.clientId === client.id && r.isClientAdmin && isEffective(r, at))
      .map((r) => ({ name: r.name, email: normalizeEmail(r.email) })),
    accountManagers: [...client.managerEmails],
  };
}
