import type { SupportPolicy } from '../policy/support-policy';
import type { Locale, StaffRole } from '../ticket/ticket-types';

export type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends Array<infer _U> ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

/** A client company under contract. */
export interface Client {
  id: string;
  name: string;
  /** Email domains of the client (a hint only: authorization is per requester). */
  domains: string[];
  /** The language of its messages (default es-MX). */
  locale: Locale;
  /** Entra tenant id of the client, for the add-in's tokens. */
  tenantId?: string;
  /** Who at the partner manages the account (told about unauthorized senders). */
  managerEmails: string[];
  /** Contract overrides merged onto DEFAULT_POLICY. */
  policyOverrides?: DeepPartial<SupportPolicy>;
  createdAt: string;
}

/**
 * A person the client authorized to raise tickets. Deactivation is a dated change, not a deletion:
 * the person is authorized on [effectiveFrom, effectiveTo).
 */
export interface AuthorizedRequester {
  id: string;
  clientId: string;
  /** Lower-cased address. */
  email: string;
  name: string;
  locale?: Locale;
  /** The client's administrator may manage the client's requesters from the add-in. */
  isClientAdmin: boolean;
  effectiveFrom: string;
  effectiveTo?: string;
}

/** A consultant or manager of the partner. */
export interface Staff {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  /** Entra (AAD) object id: how a Teams user maps to this record. */
  aadObjectId?: string;
  /** The language every reply, card and proactive message to them uses. */
  locale: Locale;
  /** Set when they chose `locale` themselves (`language en`); otherwise it follows their Teams client. */
  localeChosen?: boolean;
  active: boolean;
}

/** One audited change to the directory (who, when, on whose request). */
export interface DirectoryAuditEntry {
  id: string;
  at: string;
  actorId: string;
  action: string;
  subject: string;
  /** The client-side person who asked for the change, when it came from them. */
  onRequestOf?: string;
  detail?: Record<string, unknown>;
}
