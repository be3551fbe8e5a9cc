import { NotAuthorizedError, NotFoundError, ValidationError } from '../domain/common';
import { DEFAULT_POLICY } from '../domain/policy';
import { mergePolicy } from '../domain/policy';
import { policyForClient } from '../domain/policy';
import { assertAllowed } from '../domain/ticket';
import { LOCALES, STAFF_ROLES, type Actor, type Locale, type StaffRole } from '../domain/ticket';
import type { AuthorizedRequester, Client, DeepPartial, DirectoryAuditEntry, Staff } from '../domain/requesters';
import { requesterHistory, type RequesterChange } from '../domain/requesters';
import type { SupportPolicy } from '../domain/policy';
import { isEffective } from '../domain/requesters';
import { deactivateRequester } from '../domain/requesters';
import { effectiveInstant } from './effective-date';
import { optionalText, requireEmail, requireOneOf, requireText } from '../domain/common';
import type { Clock, IdGenerator, Store } from './ports';
import { activeRequester } from './requester-access';
import { definedOnly } from '../domain/index';

export interface AddClientInput {
  id?: string | undefined;
  name: string;
  domains?: string[] | undefined;
  locale?: Locale;
  managerEmails?: string[] | undefined;
  tenantId?: string | undefined;
  policyOverrides?: DeepPartial<SupportPolicy>;
}

export interface AddRequesterInput {
  clientId: string;
  email: string;
  name: string;
  locale?: Locale | undefined;
  isClientAdmin?: boolean;
  /** A date (YYYY-MM-DD, start of that day in the support zone) or an instant; default now. */
  effectiveFrom?: string | undefined;
  /** The client-side person who asked for the change (audited). */
  onRequestOf?: string | undefined;
}

export interface DeactivateRequesterInput {
  clientId: string;
  email: string;
  /** A date or an instant: the requester is no longer authorized from then on. */
  effective: string;
  onRequestOf?: string | undefined;
}

export interface AddStaffInput {
  id?: string;
  name: string;
  email: string;
  role: StaffRole;
  aadObjectId?: string | undefined;
  locale?: Locale;
}

/** One CSV row of a requester import, as the edge parsed it (`line` is the file's line number). */
export interface RequesterRow {
  line: number;
  fields: Record<string, string | undefined>;
}

export interface ImportResult {
  added: AuthorizedRequester[];
  errors: Array<{ line: number; message: string }>;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** Dates without a time are days in the zone of the client's policy calendar. */
function zoneOf(client: Client): string {
  return policyForClient(client).calendar.timezone;
}

function yes(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|si|sí|y)$/i.test(value.trim());
}

/**
 * Clients, their authorized requesters and the partner's staff. Every change is audited (who, when,
 * on whose request). Requesters are never deleted: deactivation sets the end of their authorized
 * period. Managers maintain the directory; a client's administrator (a requester flagged isClientAdmin)
 * maintains the requesters of their own client.
 */
export class DirectoryService {
  constructor(private readonly deps: { store: Store; clock: Clock; ids: IdGenerator }) {}

  // ---- clients ---------------------------------------------------------------------------------

  async addClient(actor: Actor, input: AddClientInput): Promise<Client> {
    assertAllowed(actor.role, 'manage-requesters');
    const name = requireText('name', input.name, 200);
    const id = input.id ?? slugOf(name);
    if (!SLUG.test(id)) throw new ValidationError('id', `"${id}" must be lower-case letters, digits and dashes`);
    if (await this.deps.store.directory.getClient(id)) throw new ValidationError('id', `client ${id} already exists`);
    if (input.policyOverrides) mergePolicy(DEFAULT_POLICY, input.policyOverrides);
    const client: Client = {
      id,
      name,
      domains: (input.domains ?? []).map((d) => requireText('domains', d, 253).toLowerCase()),
      locale: requireOneOf('locale', input.locale ?? 'es-MX', LOCALES),
      managerEmails: (input.managerEmails ?? []).map((e) => requireEmail('managerEmails', e)),
      createdAt: this.deps.clock.now().toISOString(),
    };
    if (input.tenantId) client.tenantId = requireText('tenantId', input.tenantId, 100);
    if (input.policyOverrides) client.policyOverrides = input.policyOverrides;
    await this.deps.store.directory.putClient(client);
    await this.audit(actor, 'client.add', `client:${id}`, undefined, { name });
    return client;
  }

  listClients(): Promise<Client[]> {
    return this.deps.store.directory.listClients();
  }

  async getClient(id: string): Promise<Client> {
    const client = await this.deps.store.directory.getClient(id);
    if (!client) throw new NotFoundError('client', id);
    return client;
  }

  // ---- requesters ------------------------------------------------------------------------------

  async addRequester(actor: Actor, input: AddRequesterInput): Promise<AuthorizedRequester> {
    const client = await this.getClient(requireText('clientId', input.clientId, 200));
    await this.assertManages(actor, client.id);
    const email = requireEmail('email', input.email);
    const now = this.deps.clock.now();
    const effectiveFrom = input.effectiveFrom
      ? effectiveInstant('effectiveFrom', input.effectiveFrom, zoneOf(client))
      : now.toISOString();
    const existing = (await this.deps.store.directory.findRequestersByEmail(email)).filter((r) => r.clientId === client.id);
    const overlapping = existing.find(
      (r) => r.effectiveTo === undefined || Date.parse(r.effectiveTo) > Date.parse(effectiveFrom),
    );
    if (overlapping)
      throw new ValidationError(
        'email',
        `${email} is already an authorized requester of ${client.id} from ${overlapping.effectiveFrom}${overlapping.effectiveTo ? ` to ${overlapping.effectiveTo}` : ''}`,
      );
    const requester: AuthorizedRequester = {
      id: this.deps.ids.newId(),
      clientId: client.id,
      email,
      name: requireText('name', input.name, 200),
      isClientAdmin: input.isClientAdmin ?? false,
      effectiveFrom,
    };
    if (input.locale) requester.locale = requireOneOf('locale', input.locale, LOCALES);
    await this.deps.store.directory.putRequester(requester);
    await this.audit(
      actor,
      'requester.add',
      `requester:${client.id}:${email}`,
      optionalText('onRequestOf', input.onRequestOf, 320),
      { effectiveFrom, isClientAdmin: requester.isClientAdmin },
    );
    return requester;
  }

  async deactivateRequester(actor: Actor, input: DeactivateRequesterInput): Promise<AuthorizedRequester> {
    const client = await this.getClient(requireText('clientId', input.clientId, 200));
    await this.assertManages(actor, client.id);
    const email = requireEmail('email', input.email);
    const effectiveTo = effectiveInstant('effective', input.effective, zoneOf(client));
    const records = (await this.deps.store.directory.findRequestersByEmail(email)).filter((r) => r.clientId === client.id);
    const open = records.find((r) => r.effectiveTo === undefined || Date.parse(r.effectiveTo) > Date.parse(effectiveTo));
    if (!open) throw new NotFoundError('authorized requester', `${email} of ${client.id} active on ${effectiveTo}`);
    const updated = deactivateRequester(open, effectiveTo);
    await this.deps.store.directory.putRequester(updated);
    await this.audit(
      actor,
      'requester.deactivate',
      `requester:${client.id}:${email}`,
      optionalText('onRequestOf', input.onRequestOf, 320),
      { effectiveTo, previousEffectiveTo: open.effectiveTo ?? null },
    );
    return updated;
  }

  /** Requesters of a client (or all); with `activeAt`, only those authorized at that instant. */
  async listRequesters(clientId?: string, activeAt?: Date): Promise<AuthorizedRequester[]> {
    const all = await this.deps.store.directory.listRequesters(clientId);
    return activeAt ? all.filter((r) => isEffective(r, activeAt)) : all;
  }

  /**
   * Adds requesters row by row (columns: email, name, locale?, admin?, effective_from?, on_request_of?):
   * a bad row is reported with its line and the reason, and the good rows go in. `onRow` reports progress.
   */
  async importRequesters(
    actor: Actor,
    clientId: string,
    rows: RequesterRow[],
    onRow?: (done: number, total: number) => void,
  ): Promise<ImportResult> {
    const client = await this.getClient(requireText('clientId', clientId, 200));
    await this.assertManages(actor, client.id);
    const result: ImportResult = { added: [], errors: [] };
    for (const [index, row] of rows.entries()) {
      try {
        const f = row.fields;
        const locale = f.locale?.trim() ? requireOneOf('locale', f.locale.trim(), LOCALES) : undefined;
        result.added.push(
          await this.addRequester(actor, {
            clientId: client.id,
            email: f.email ?? '',
            name: f.name ?? '',
            locale,
            isClientAdmin: yes(f.admin),
            effectiveFrom: f.effective_from?.trim() || undefined,
            onRequestOf: f.on_request_of?.trim() || undefined,
          }),
        );
      } catch (error) {
        if (!(error instanceof ValidationError || error instanceof NotFoundError)) throw error;
        result.errors.push({ line: row.line, message: error.message });
      }
      onRow?.(index + 1, rows.length);
    }
    return result;
  }

  // ---- staff -----------------------------------------------------------------------------------

  async addStaff(actor: Actor, input: AddStaffInput): Promise<Staff> {
    assertAllowed(actor.role, 'manage-requesters');
    const email = requireEmail('email', input.email);
    if (await this.deps.store.directory.findStaffByEmail(email))
      throw new ValidationError('email', `a staff member with ${email} already exists`);
    const aadObjectId = optionalText('aadObjectId', input.aadObjectId, 100);
    if (aadObjectId && (await this.deps.store.directory.findStaffByAadObjectId(aadObjectId)))
      throw new ValidationError('aadObjectId', `${aadObjectId} is already mapped to a staff member`);
    const staff: Staff = {
      id: input.id ?? this.deps.ids.newId(),
      name: requireText('name', input.name, 200),
      email,
      role: requireOneOf('role', input.role, STAFF_ROLES),
      locale: requireOneOf('locale', input.locale ?? 'es-MX', LOCALES),
      active: true,
      ...definedOnly({ aadObjectId }),
    };
    await this.deps.store.directory.putStaff(staff);
    await this.audit(actor, 'staff.add', `staff:${staff.id}`, undefined, { email, role: staff.role });
    return staff;
  }

  /**
   * Deactivates a staff member (never deleted: their tickets and time entries keep naming them). From then
   * on their Teams actions and API tokens are refused (both check `active` on every turn and request).
   */
  async deactivateStaff(actor: Actor, email: string): Promise<Staff> {
    assertAllowed(actor.role, 'manage-requesters');
    const address = requireEmail('email', email);
    const staff = await this.deps.store.directory.findStaffByEmail(address);
    if (!staff) throw new NotFoundError('staff member', address);
    if (!staff.active) return staff;
    const updated: Staff = { ...staff, active: false };
    await this.deps.store.directory.putStaff(updated);
    await this.audit(actor, 'staff.deactivate', `staff:${staff.id}`, undefined, { email: address });
    return updated;
  }

  listStaff(): Promise<Staff[]> {
    return this.deps.store.directory.listStaff();
  }

  /** Who changed which of the client's requesters, when, on whose request (the client's administrator or staff who manage requesters). */
  async requesterHistory(actor: Actor, clientId: string): Promise<RequesterChange[]> {
    const client = await this.getClient(requireText('clientId', clientId, 200));
    await this.assertManages(actor, client.id);
    const { directory } = this.deps.store;
    const [audit, staff, requesters] = await Promise.all([
      directory.listAudit(`requester:${client.id}:`),
      directory.listStaff(),
      directory.listRequesters(client.id),
    ]);
    return requesterHistory(client.id, audit, staff, requesters);
  }

  listAudit(subjectPrefix?: string): Promise<DirectoryAuditEntry[]> {
    return this.deps.store.directory.listAudit(subjectPrefix);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** Managers manage every client's requesters; a client's administrator manages their own client's. */
  private async assertManages(actor: Actor, clientId: string): Promise<void> {
    if (actor.role === 'requester') {
      const self = await activeRequester(this.deps.store.directory, clientId, actor.id, this.deps.clock.now());
      if (self?.isClientAdmin) return;
      throw new NotAuthorizedError('requester', 'manage-requesters', `${actor.id} is not an administrator of client ${clientId}`);
    }
    assertAllowed(actor.role, 'manage-requesters');
  }

  private async audit(
    actor: Actor,
    action: string,
    subject: string,
    onRequestOf: string | undefined,
    detail: Record<string, unknown>,
  ): Promise<void> {
    const entry: DirectoryAuditEntry = {
      id: this.deps.ids.newId(),
      at: this.deps.clock.now().toISOString(),
      actorId: actor.id,
      action,
      subject,
      detail,
      ...definedOnly({ onRequestOf: onRequestOf || undefined }),
    };
    await this.deps.store.directory.appendAudit(entry);
  }
}
