import type { DirectoryStore } from '../../application/ports';
import type { AuthorizedRequester, Client, DirectoryAuditEntry, Staff } from '../../domain/requesters';
import { eq, quote, type ListItem, type ListItems } from './list-items';
import { ReadCache, type ReadCacheOptions } from './read-cache';

const parse = <T>(item: ListItem): T => JSON.parse(String(item.fields.Data)) as T;

/**
 * Clients, requesters, staff and the directory audit, one list each. Records are kept whole as JSON
 * in Data; the columns the store looks them up by (client, lower-cased email, AAD object id, audit
 * subject) are indexed. The audit comes back in append order: SharePoint item ids only grow.
 *
 * With `cache`, lookups of clients, requesters and staff are answered from memory for its TTL (the
 * server uses a short one); every write through this instance clears it. The audit is never cached.
 * The clients list is small (the partner's clients): with the cache on, it is read whole once per TTL
 * and answers every client lookup (intake's sender check reads it with the requester's records).
 */
export class SharePointDirectoryStore implements DirectoryStore {
  private readonly cache: ReadCache;

  constructor(
    private readonly items: ListItems,
    cache?: ReadCacheOptions,
  ) {
    this.cache = new ReadCache(cache);
  }

  async putClient(client: Client): Promise<void> {
    this.cache.clear();
    await this.items.upsert('clients', 'ClientId', client.id, { Data: JSON.stringify(client) });
    this.cache.clear(); // a read made during the write may have cached the old record
  }

  async getClient(id: string): Promise<Client | undefined> {
    if (this.cache.enabled) return (await this.listClients()).find((c) => c.id === id);
    return this.cache.read(`client:${id}`, async () => {
      const item = await this.items.find('clients', 'ClientId', id);
      return item ? parse<Client>(item) : undefined;
    });
  }

  async listClients(): Promise<Client[]> {
    return this.cache.read('clients', async () => {
      return (await this.items.all('clients')).map(parse<Client>);
    });
  }

  async putRequester(requester: AuthorizedRequester): Promise<void> {
    this.cache.clear();
    await this.items.upsert('requesters', 'RequesterId', requester.id, {
      ClientId: requester.clientId,
      Email: requester.email.toLowerCase(),
      Data: JSON.stringify(requester),
    });
    this.cache.clear(); // a read made during the write may have cached the old record
  }

  async listRequesters(clientId?: string): Promise<AuthorizedRequester[]> {
    return this.cache.read(`requesters:${clientId ?? '*'}`, async () => {
      return (await this.items.all('requesters', clientId === undefined ? undefined : eq('ClientId', clientId))).map(
        parse<AuthorizedRequester>,
      );
    });
  }

  async findRequestersByEmail(email: string): Promise<AuthorizedRequester[]> {
    return this.cache.read(`requesters-by-email:${email.toLowerCase()}`, async () => {
      return (await this.items.all('requesters', eq('Email', email.toLowerCase()))).map(parse<AuthorizedRequester>);
    });
  }

  async putStaff(staff: Staff): Promise<void> {
    this.cache.clear();
    await this.items.upsert('staff', 'StaffId', staff.id, {
      Email: staff.email.toLowerCase(),
      AadObjectId: staff.aadObjectId ?? null,
      Data: JSON.stringify(staff),
    });
    this.cache.clear(); // a read made during the write may have cached the old record
  }

  async listStaff(): Promise<Staff[]> {
    return this.cache.read('staff', async () => {
      return (await this.items.all('staff')).map(parse<Staff>);
    });
  }

  async getStaff(id: string): Promise<Staff | undefined> {
    return this.cache.read(`staff:${id}`, async () => {
      const item = await this.items.find('staff', 'StaffId', id);
      return item ? parse<Staff>(item) : undefined;
    });
  }

  async findStaffByAadObjectId(aadObjectId: string): Promise<Staff | undefined> {
    return this.cache.read(`staff-by-aad:${aadObjectId}`, async () => {
      const [item] = await this.items.all('staff', eq('AadObjectId', aadObjectId));
      return item ? parse<Staff>(item) : undefined;
    });
  }

  async findStaffByEmail(email: string): Promise<Staff | undefined> {
    return this.cache.read(`staff-by-email:${email.toLowerCase()}`, async () => {
      const [item] = await this.items.all('staff', eq('Email', email.toLowerCase()));
      return item ? parse<Staff>(item) : undefined;
    });
  }

  async appendAudit(entry: DirectoryAuditEntry): Promise<void> {
    await this.items.create('audit', { AuditId: entry.id, Subject: entry.subject, Data: JSON.stringify(entry) });
  }

  async listAudit(subjectPrefix?: string): Promise<DirectoryAuditEntry[]> {
    const filter = subjectPrefix ? `startswith(fields/Subject, ${quote(subjectPrefix)})` : undefined;
    const items = await this.items.all('audit', filter);
    // SharePoint's startswith ignores case; the port's prefix does not.
    return items
      .map(parse<DirectoryAuditEntry>)
      .filter((e) => subjectPrefix === undefined || e.subject.startsWith(subjectPrefix));
  }
}
