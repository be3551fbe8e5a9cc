import { ValidationError } from '../common/errors';
import { isEmailAddress } from '../common/input-checks';
import type { Locale } from '../ticket/ticket-types';
import { normalizeEmail } from './authorization';
import type { AuthorizedRequester } from './directory-types';

export interface NewRequesterInput {
  id: string;
  clientId: string;
  email: string;
  name: string;
  locale?: Locale;
  isClientAdmin?: boolean;
  effectiveFrom: string;
  effectiveTo?: string;
}

function isoOf(value: string, field: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new ValidationError(field, `"${value}" is not an ISO instant`);
  return new Date(t).toISOString();
}

/** A validated requester record (email lower-cased, instants canonical, to after from). */
export function newRequester(input: NewRequesterInput): AuthorizedRequester {
  const email = normalizeEmail(input.email ?? '');
  if (!isEmailAddress(email)) throw new ValidationError('email', `"${input.email}" is not an email address`);
  if (!input.name || !input.name.trim()) throw new ValidationError('name', 'must not be empty');
  if (!input.clientId) throw new ValidationError('clientId', 'must not be empty');
  const requester: AuthorizedRequester = {
    id: input.id,
    clientId: input.clientId,
    email,
    name: input.name.trim(),
    isClientAdmin: input.isClientAdmin ?? false,
    effectiveFrom: isoOf(input.effectiveFrom, 'effectiveFrom'),
  };
  if (input.locale) requester.locale = input.locale;
  if (input.effectiveTo !== undefined) {
    requester.effectiveTo = isoOf(input.effectiveTo, 'effectiveTo');
    if (requester.effectiveTo <= requester.effectiveFrom) throw new ValidationError('effectiveTo', 'must be after effectiveFrom');
  }
  return requester;
}

/**
 * The record deactivated from `effectiveTo` on (a dated change, never a deletion: history keeps who
 * was authorized when); refused from that instant on. Deactivating at the very instant the record starts
 * withdraws it (a requester added by mistake was never authorized). Refuses a date before the record
 * starts, or after an earlier deactivation. DirectoryService applies this rule; it has no copy of it.
 */
export function deactivateRequester(requester: AuthorizedRequester, effectiveTo: string): AuthorizedRequester {
  const to = isoOf(effectiveTo, 'effectiveTo');
  if (Date.parse(to) < Date.parse(requester.effectiveFrom))
    throw new ValidationError('effectiveTo', `${to} is before the requester became authorized (${requester.effectiveFrom})`);
  if (requester.effectiveTo !== undefined && Date.parse(to) > Date.parse(requester.effectiveTo)) {
    throw new ValidationError('effectiveTo', `the requester is already deactivated from ${requester.effectiveTo}`);
  }
  return { ...requester, effectiveTo: to };
}
