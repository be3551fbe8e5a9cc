import type { LeaseRecord, LeaseStore } from '../../application/ports';
import { ValidationError } from '../../domain/common';
import { eTagOf, type ListItem, type ListItems } from './list-items';

function leaseFields(holder: string, now: Date, ttlMs: number): Record<string, string> {
  if (!Number.isInteger(ttlMs) || ttlMs <= 0)
    throw new ValidationError('ttlMs', `must be a positive integer of milliseconds, got ${ttlMs}`);
  return { Holder: holder, Until: new Date(now.getTime() + ttlMs).toISOString() };
}

function record(item: ListItem): LeaseRecord {
  return { name: String(item.fields.LeaseName), holder: String(item.fields.Holder), until: String(item.fields.Until) };
}

/** A lease this instance wrote last: its item, and the eTag of that write. */
interface OwnWrite {
  holder: string;
  id: string;
  eTag: string;
}

/**
 * Leases as SoporteLeases items. Taking a lease is a compare-and-swap: the write carries the eTag of
 * the item read (If-Match), or creates the item under its unique LeaseName; a 412 or a refused create
 * (the key read again) means another instance wrote first, and it holds the lease. The eTag of this
 * instance's own last write is kept: renewing with it needs no read, and proves nobody wrote since.
 */
export class SharePointLeaseStore implements LeaseStore {
  private readonly own = new Map<string, OwnWrite>();

  constructor(private readonly items: ListItems) {}

  async acquireLease(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const fields = leaseFields(holder, now, ttlMs);
    this.own.delete(name);
    const current = await this.items.find('leases', 'LeaseName', name);
    if (!current) {
      // Refused: another instance created it first (should the refusal hide our own write, the lease
      // simply expires after its ttl).
      const outcome = await this.items.createUnique('leases', 'LeaseName', name, fields);
      if (!('created' in outcome)) return false;
      this.own.set(name, { holder, id: String(outcome.created.body?.id), eTag: eTagOf(outcome.created) });
      return true;
    }
    const lease = record(current);
    if (lease.holder !== holder && Date.parse(lease.until) > now.getTime()) return false;
    return this.write(name, { holder, id: current.id, eTag: current.eTag }, fields);
  }

  /** One If-Match write with the eTag of this instance's last write: 412 or 404, someone else wrote since. */
  async renewHeld(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const own = this.own.get(name);
    if (!own || own.holder !== holder) return false;
    return this.write(name, own, leaseFields(holder, now, ttlMs));
  }

  private async write(name: string, item: OwnWrite, fields: Record<string, string>): Promise<boolean> {
    const result = await this.items.update('leases', item.id, fields, item.eTag, [412, 404]);
    if (result.status !== 200) {
      this.own.delete(name);
      return false;
    }
    this.own.set(name, { ...item, eTag: eTagOf(result) });
    return true;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    this.own.delete(name);
    const current = await this.items.find('leases', 'LeaseName', name);
    if (current && record(current).holder === holder) await this.items.remove('leases', current.id, current.eTag, [412, 404]);
  }

  async currentLease(name: string): Promise<LeaseRecord | undefined> {
    const current = await this.items.find('leases', 'LeaseName', name);
    return current ? record(current) : undefined;
  }
}
