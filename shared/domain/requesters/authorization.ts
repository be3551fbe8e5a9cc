import { ValidationError } from '../errors';
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

/** Whether `requester` is in force at `at`: effective on [effectiveFrom, effectiveTo). */
export function isEffective(requester: Pick<AuthorizedRequester, 'effectiveFrom' | 'effectiveTo'>, at: string | Date): boolean {
  const t = instant(at, 'at');
  return Date.parse(requester.effectiveFrom) <= t && (requester.effectiveTo === undefined || t < Date.parse(requester.effectiveTo));
}

/** The requester record authorizing `email` for `client` at `at`, if any (email compared case-insensitively). */
export function authorizedRequesterFor(client: Pick<Client, 'id'>, requesters: readonly AuthorizedRequester[], email: string, at: string | Date): AuthorizedRequester | undefined {
  const wanted = normalizeEmail(email);
  return requesters.find((r) => r.clientId === client.id && normalizeEmail(r.email) === wanted && isEffective(r, at));
}

/** Whether `email` may raise tickets for `client` at `at`. */
export function isAuthorizedRequester(client: Pick<Client, 'id'>, requesters: readonly AuthorizedRequester[], email: string, at: string | Date): boolean {
  return authorizedRequesterFor(client, requesters, email, at) !== undefined;
}

/** Who an unauthorized sender should ask: the client's administrators in force at `at`, and the partner's account managers. */
export interface Authorizers {
  clientAdmins: Array<Pick<AuthorizedRequester, 'name' | 'email'>>;
  accountManagers: string[];
}

/** For the unauthorized-sender reply: who can authorize the sender (client admins; the account's managers). */
export function whoCanAuthorize(client: Pick<Client, 'id' | 'managerEmails'>, requesters: readonly AuthorizedRequester[], at: string | Date): Authorizers {
  return {
    clientAdmins: requesters.filter((r) => r.clientId === client.id && r.isClientAdmin && isEffective(r, at)).map((r) => ({ name: r.name, email: normalizeEmail(r.email) })),
    accountManagers: [...client.managerEmails],
  };
}
