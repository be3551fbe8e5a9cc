/**
 * Whether the receiving mail server (Exchange Online) could verify that a message's From is real.
 * Anyone can write `From: ana@cliente.mx`; only the receiving server's verdicts (SPF, DKIM, DMARC and
 * Microsoft's composite authentication) say whether the sending domain vouches for it. Pure: reads the
 * headers intake already parsed.
 *
 * Exchange Online stamps, at the top of the message (RFC 8601 without an authserv-id):
 *   Authentication-Results: spf=pass (sender IP is 203.0.113.7) smtp.mailfrom=cliente.mx; dkim=pass
 *     (signature was verified) header.d=cliente.mx;dmarc=pass action=none header.from=cliente.mx;compauth=pass reason=100
 * and, for ARC, `ARC-Authentication-Results: i=1; mx.microsoft.com 1; spf=pass ...`.
 * Only the top-most header is the receiving server's: a sender can add headers of their own below it. A
 * method's first verdict (the top-most header's) is the one read; later ones never override it.
 */

/** How strict intake is with mail whose sender failed authentication (policy `mail.senderAuthentication`). */
export const SENDER_AUTHENTICATION_POLICIES = ['reject', 'quarantine', 'accept'] as const;
export type SenderAuthenticationPolicy = (typeof SENDER_AUTHENTICATION_POLICIES)[number];

export interface AuthenticationVerdicts {
  spf?: string;
  dkim?: string;
  dmarc?: string;
  compauth?: string;
  /** compauth's reason code (000 = explicit DMARC failure, 001 = implicit failure, 1xx/2xx passes ...). */
  compauthReason?: string;
  /** Which header the verdicts came from. */
  header: 'authentication-results' | 'arc-authentication-results';
}

export type SenderAuthentication =
  /** No verdict header (maildrop mode, a local MTA that stamps none): accepted as before. */
  | { kind: 'unverified' }
  | { kind: 'passed'; verdicts: AuthenticationVerdicts }
  | { kind: 'failed'; verdicts: AuthenticationVerdicts; reasons: string[] };

/** What intake does with the message. */
export type SenderAuthenticationAction = 'accept' | 'quarantine' | 'reject';

const METHODS = ['spf', 'dkim', 'dmarc', 'compauth'] as const;
type Method = (typeof METHODS)[number];

/** `( comments )` removed (nesting allowed), so "(sender IP is ...)" never reads as a verdict. */
function withoutComments(value: string): string {
  let depth = 0;
  let out = '';
  for (const ch of value) {
    if (ch === '(') depth += 1;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

/** The first verdict of each method in a header value (repeated headers arrive joined, top-most first). */
export function parseAuthenticationResults(value: string, header: AuthenticationVerdicts['header']): AuthenticationVerdicts {
  const verdicts: AuthenticationVerdicts = { header };
  const pattern = /(?:^|[\s;,])(spf|dkim|dmarc|compauth)\s*=\s*([a-z]+)(?:\s+reason\s*=\s*([0-9]+))?/gi;
  for (const match of withoutComments(value).matchAll(pattern)) {
    const method = match[1].toLowerCase() as Method;
    if (verdicts[method] !== undefined) continue;
    verdicts[method] = match[2].toLowerCase();
    if (method === 'compauth' && match[3]) verdicts.compauthReason = match[3];
  }
  return verdicts;
}

function reasonsOf(v: AuthenticationVerdicts): string[] {
  const reasons: string[] = [];
  if (v.dmarc === 'fail') reasons.push('dmarc=fail');
  if (v.spf === 'fail' && v.dkim !== 'pass') reasons.push(`spf=fail without dkim=pass${v.dkim ? ` (dkim=${v.dkim})` : ''}`);
  if (v.compauth === 'fail') reasons.push(`compauth=fail${v.compauthReason ? ` reason=${v.compauthReason}` : ''}`);
  return reasons;
}

/**
 * The receiving server's verdict on the sender, from `headers` (names lower-cased): Authentication-Results,
 * else ARC-Authentication-Results. Failed when DMARC fails, when SPF fails without a DKIM pass, or when
 * Microsoft's composite authentication fails; passed otherwise; unverified without either header.
 */
export function readSenderAuthentication(headers: Readonly<Record<string, string>>): SenderAuthentication {
  const direct = headers['authentication-results'];
  const arc = headers['arc-authentication-results'];
  const value = direct ?? arc;
  if (!value) return { kind: 'unverified' };
  const verdicts = parseAuthenticationResults(value, direct ? 'authentication-results' : 'arc-authentication-results');
  if (METHODS.every((m) => verdicts[m] === undefined)) return { kind: 'unverified' };
  const reasons = reasonsOf(verdicts);
  return reasons.length ? { kind: 'failed', verdicts, reasons } : { kind: 'passed', verdicts };
}

/** What the policy says to do: a message that failed is rejected or quarantined unless the policy accepts it. */
export function senderAuthenticationAction(
  authentication: SenderAuthentication,
  policy: SenderAuthenticationPolicy,
): SenderAuthenticationAction {
  return authentication.kind === 'failed' ? policy : 'accept';
}
