import type { Locale } from '../ticket/ticket-types';

/**
 * Integer cents as an amount people read: 123456 -> "1,234.56 MXN" (en) or "1,234.56 MXN" (es-MX), in
 * the reader's number format. The cents never pass through a fraction: the whole part and the cents are
 * formatted apart.
 */
export function formatAmount(cents: number, currency: string, locale: Locale): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`an amount is whole cents (got ${cents})`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.trunc(abs / 100));
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.1).find((p) => p.type === 'decimal')?.value ?? '.';
  return `${sign}${whole}${decimal}${String(abs % 100).padStart(2, '0')} ${currency}`;
}
