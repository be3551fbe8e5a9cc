import type { LeaseRecord, LeaseStore } from '../../application/ports';
import { ValidationError } from '../../domain/common';
import type { ListItem, ListItems } from './list-items';

function record(item: ListItem): LeaseRecord {
  return { name: String(item.fields.LeaseName), holder: String(item.fields.Holder), until: String(item.fields.Until) };
}

/**
 * Leases as SoporteLeases items. Taking a lease is a compare-and-swap: the write carries the eTag of
 * the item read (If-Match), or creates the item under its unique LeaseName; a 412 or a refused create
 * (the key read again) means another instance wrote first, and it holds the lease.
 */
export class SharePointLeaseStore implements LeaseStore {
  constructor(private readonly items: ListItems) {}

  async acquireLease(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    if (!Number.isInteger(ttlMs) || ttlMs <= 0)
      throw new ValidationError('ttlMs', `must be a positive integer of milliseconds, got ${ttlMs}`);
    const fields = { Holder: holder, Until: new Date(now.getTime() + ttlMs).toISOString() };
    const current = await this.items.find('leases', 'LeaseName', name);
    if (!current) {
      // Refused: another instance created it first (should the refusal hide our own write, the lease
      // simply expires after its ttl).
      return 'created' in (await this.items.createUnique('leases', 'LeaseName', name, fields));
    }
    const lease = record(current);
    if (lease.holder !== holder && Date.parse(lease.until) > now.getTime()) return false;
    return (await this.items.update('leases', current.id, fields, current.eTag, [412, 404])).status === 200;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    const current = await this.items.find('leases', 'LeaseName', name);
    if (current && record(current).holder === holder) await this.items.remove('leases', current.id, current.eTag, [412, 404]);
  }

  async currentLease(name: string): Promise<LeaseRecord | undefined> {
    const current = await this.items.find('leases', 'LeaseName', name);
    return current ? record(current) : undefined;
  }
}
