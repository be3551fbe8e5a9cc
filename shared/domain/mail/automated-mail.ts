/**
 * Is a message written by a machine (out-of-office, delivery report, read receipt, mailing list)?
 * Such messages never open tickets, never count as a client's reply, and are never answered (no
 * loops). Rules follow RFC 3834 (Auto-Submitted), RFC 3464 / 8098 (multipart/report), and the headers
 * Exchange, Gmail and list managers set in practice.
 */
export type AutomatedKind = 'bounce' | 'auto-reply' | 'read-receipt' | 'bulk' | 'own-mail';

export type AutomatedVerdict = { automated: false } | { automated: true; kind: AutomatedKind; reason: string };

export interface MailEnvelope {
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  subject: string;
  fromAddress: string;
}

/** Our own outbound mail carries this header; seeing it inbound means a loop. */
export const LOOP_HEADER = 'x-soporte-loop';

const BOUNCE_SENDERS = /^(mailer-daemon|postmaster|mail-daemon|microsoftexchange[0-9a-f]*)@/i;
const BOUNCE_SUBJECTS =
  /^(undeliverable|undelivered mail|delivery status notification|mail delivery (failed|failure|system)|returned mail|failure notice|no se puede entregar|no entregado|error de entrega)\b/i;
const AUTO_REPLY_SUBJECTS =
  /^(automatic reply|auto(matic)?[- ]?reply|autoreply|out of (the )?office|respuesta autom[aá]tica|fuera de la oficina|ausencia|r[ée]ponse automatique|abwesenheitsnotiz)\b/i;

export function classifyAutomated(envelope: MailEnvelope): AutomatedVerdict {
  const h = envelope.headers;
  const contentType = (h['content-type'] ?? '').toLowerCase();
  const subject = envelope.subject.trim();
  if (h[LOOP_HEADER] !== undefined) return verdict('own-mail', `${LOOP_HEADER} header present (our own message)`);
  if (contentType.startsWith('multipart/report') && /report-type="?delivery-status/.test(contentType))
    return verdict('bounce', 'multipart/report delivery-status (RFC 3464)');
  if (contentType.startsWith('multipart/report') && /report-type="?disposition-notification/.test(contentType))
    return verdict('read-receipt', 'multipart/report disposition-notification (RFC 8098)');
  if (h['x-failed-recipients'] !== undefined) return verdict('bounce', 'X-Failed-Recipients header');
  if (BOUNCE_SENDERS.test(envelope.fromAddress)) return verdict('bounce', `sender ${envelope.fromAddress}`);
  const autoSubmitted = (h['auto-submitted'] ?? '').trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return verdict('auto-reply', `Auto-Submitted: ${autoSubmitted}`);
  const suppress = (h['x-auto-response-suppress'] ?? '').toLowerCase();
  if (
    /\b(all|oof|autoreply)\b/.test(suppress) &&
    (AUTO_REPLY_SUBJECTS.test(subject) || h['x-ms-exchange-inbox-rules-loop'] !== undefined)
  ) {
    return verdict('auto-reply', `X-Auto-Response-Suppress: ${suppress}`);
  }
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-ms-exchange-inbox-rules-loop']) {
    if (h[name] !== undefined) return verdict('auto-reply', `${name} header`);
  }
  const precedence = (h['precedence'] ?? h['x-precedence'] ?? '').trim().toLowerCase();
  if (precedence === 'auto_reply') return verdict('auto-reply', 'Precedence: auto_reply');
  if (['bulk', 'junk', 'list'].includes(precedence)) return verdict('bulk', `Precedence: ${precedence}`);
  if (h['list-id'] !== undefined || h['list-unsubscribe'] !== undefined) return verdict('bulk', 'mailing-list headers');
  if (BOUNCE_SUBJECTS.test(subject)) return verdict('bounce', `subject "${subject}"`);
  if (AUTO_REPLY_SUBJECTS.test(subject)) return verdict('auto-reply', `subject "${subject}"`);
  return { automated: false };
}

function verdict(kind: AutomatedKind, reason: string): AutomatedVerdict {
  return { automated: true, kind, reason };
}
