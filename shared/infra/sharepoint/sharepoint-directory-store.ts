import type { DirectoryStore } from '../../application/ports';
import type { AuthorizedRequester, Client, DirectoryAuditEntry, Staff } from '../../domain/requesters/directory-types';
import { eq, quote, type ListItem, type ListItems } from './list-items';

const parse = <T>(item: ListItem): T => JSON.parse(String(item.fields.Data)) as T;

/**
 * Clients, requesters, staff and the directory audit, one list each. Records are kept whole as JSON
 * in Data; the columns the store looks them up by (client, lower-cased email, AAD object id, audit
 * subject) are indexed. The audit comes back in append order: SharePoint item ids only grow.
 */
export class SharePointDirectoryStore implements DirectoryStore {
  constructor(private readonly items: ListItems) {}

  async putClient(client: Client): Promise<void> {
    await this.items.upsert('clients', 'ClientId', client.id, { Data: JSON.stringify(client) });
  }

  async getClient(id: string): Promise<Client | undefined> {
    const item = await this.items.find('clients', 'ClientId', id);
    return item ? parse<Client>(item) : undefined;
  }

  async listClients(): Promise<Client[]> {
    return (await this.items.all('clients')).map(parse<Client>);
  }

  async putRequester(requester: AuthorizedRequester): Promise<void> {
    await this.items.upsert('requesters', 'RequesterId', requester.id, {
      ClientId: requester.clientId,
      Email: requester.email.toLowerCase(),
      Data: JSON.stringify(requester),
    });
  }

  async listRequesters(clientId?: string): Promise<AuthorizedRequester[]> {
    return (await this.items.all('requesters', clientId === undefined ? undefined : eq('ClientId', clientId))).map(parse<AuthorizedRequester>);
  }

  async findRequestersByEmail(email: string): Promise<AuthorizedRequester[]> {
    return (await this.items.all('requesters', eq('Email', email.toLowerCase()))).map(parse<AuthorizedRequester>);
  }

  async putStaff(staff: Staff): Promise<void> {
    await this.items.upsert('staff', 'StaffId', staff.id, {
      Email: staff.email.toLowerCase(),
      AadObjectId: staff.aadObjectId ?? null,
      Data: JSON.stringify(staff),
    });
  }

  async listStaff(): Promise<Staff[]> {
    return (await this.items.all('staff')).map(parse<Staff>);
  }

  async getStaff(id: string): Promise<Staff | undefined> {
    const item = await this.items.find('staff', 'StaffId', id);
    return item ? parse<Staff>(item) : undefined;
  }

  async findStaffByAadObjectId(aadObjectId: string): Promise<Staff | undefined> {
    const [item] = await this.items.all('staff', eq('AadObjectId', aadObjectId));
    return item ? parse<Staff>(item) : undefined;
  }

  async findStaffByEmail(email: string): Promise<Staff | undefined> {
    const [item] = await this.items.all('staff', eq('Email', email.toLowerCase()));
    return item ? parse<Staff>(item) : undefined;
  }

  async appendAudit(entry: DirectoryAuditEntry): Promise<void> {
    await this.items.create('audit', { AuditId: entry.id, Subject: entry.subject, Data: JSON.stringify(entry) });
  }

  async listAudit(subjectPrefix?: string): Promise<DirectoryAuditEntry[]> {
    const filter = subjectPrefix ? `startswith(fields/Subject, ${quote(subjectPrefix)})` : undefined;
    const items = await this.items.all('audit', filter);
    // SharePoint's startswith ignores case; the port's prefix does not.
    return items.map(parse<DirectoryAuditEntry>).filter((e) => subjectPrefix === undefined || e.subject.startsWith(subjectPrefix));
  }
}
