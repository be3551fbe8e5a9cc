import { randomUUID } from 'node:crypto';

/** A fresh RFC 5322 Message-ID on our mail domain: `<uuid@domain>`. */
export function newMessageId(domain: string): string {
  return `<${randomUUID()}@${domain}>`;
}

/** The domain part of an address (`soporte@partner.mx` -> `partner.mx`). */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) throw new Error(`mail address "${address}" has no domain`);
  return address
    .slice(at + 1)
    .replace(/>.*$/, '')
    .trim()
    .toLowerCase();
}
