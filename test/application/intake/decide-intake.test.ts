import { decideIntake, type IntakeDecision, type IntakeFacts } from '../../../shared/application/intake/decide-intake';
import type { InboundMail } from '../../../shared/domain/mail';
import type { AuthorizedRequester, Client } from '../../../shared/domain/requesters';
import type { Ticket } from '../../../shared/domain/ticket';
import { makeTicket } from '../../store-contract/fixtures';
import { ACME as ACME_SEED, ANA as ANA_SEED, LUIS } from '../../support/acme';

const ACME: Client = { ...ACME_SEED, id: 'client-acme' };
const ANA: AuthorizedRequester = { ...ANA_SEED, clientId: ACME.id };
const CARLOS: AuthorizedRequester = { ...ANA, id: 'r-carlos', email: 'carlos@acme.example', name: 'Carlos' };
const BOB: AuthorizedRequester = { ...ANA, id: 'r-bob', email: 'bob@acme.example', name: 'Bob', isClientAdmin: true };

function mail(over: Partial<InboundMail> = {}): InboundMail {
  return {
    messageId: '<m-1@acme.example>',
    references: [],
    from: { address: 'ana@acme.example', name: 'Ana' },
    to: [{ address: 'soporte@partner.example' }],
    cc: [],
    subject: 'Error al timbrar',
    date: '2026-03-02T15:55:00.000Z',
    receivedAt: '2026-03-02T15:55:00.000Z',
    text: 'Hola, tenemos una falla.',
    headers: {},
    attachments: [],
    rejectedAttachments: [],
    originalRef: 'test.eml',
    ...over,
  };
}

const authorized = (requester: AuthorizedRequester) => ({ authorized: true as const, requester, client: ACME });
const stranger = { authorized: false as const, client: ACME, authorizers: [{ name: 'Bob', email: 'bob@acme.example' }] };
const on = (ticket: Partial<Ticket>) => ({
  ticket: makeTicket({ number: 'SUP-2026-0001', version: '3', ...ticket }),
  match: 'in-reply-to' as const,
});
const facts = (over: Partial<IntakeFacts> = {}): IntakeFacts => ({
  fromOwnAddress: false,
  at: new Date('2026-03-02T15:55:00.000Z'),
  sender: authorized(ANA),
  ...over,
});
const pending = { requestId: 'ext-1', minutes: 120, requestedAt: '2026-03-02T15:00:00.000Z' };

type Row = [string, Partial<InboundMail>, Partial<IntakeFacts>, IntakeDecision['kind'], Record<string, unknown>?];

// One row per line of the table in decideIntake's comment; the first match wins.
const TABLE: Row[] = [
  [
    'our own address',
    { from: { address: 'soporte@partner.example' } },
    { fromOwnAddress: true, thread: on({}) },
    'ignore',
    { action: 'ignored-own-mail' },
  ],
  [
    'an out-of-office on a ticket',
    { headers: { 'auto-submitted': 'auto-replied' }, subject: 'Automatic reply: x' },
    { thread: on({ status: 'resolved' }) },
    'ignore',
    { action: 'ignored-auto-reply' },
  ],
  [
    'a bounce from a stranger',
    {
      from: { address: 'mailer-daemon@acme.example' },
      headers: { 'content-type': 'multipart/report; report-type=delivery-status' },
    },
    { sender: stranger },
    'ignore',
    { action: 'ignored-bounce' },
  ],
  [
    'a forged sender the policy quarantines',
    {
      headers: {
        'authentication-results':
          'spf=fail smtp.mailfrom=acme.example; dkim=none; dmarc=fail action=none header.from=acme.example;compauth=fail reason=000',
      },
    },
    { forgedSender: { action: 'quarantine', detail: 'dmarc=fail', claimedClient: ACME }, thread: on({}) },
    'quarantine-spoofed',
    { claimedClient: ACME },
  ],
  ['a forged sender the policy rejects', {}, { forgedSender: { action: 'reject', detail: 'dmarc=fail' } }, 'reject-spoofed'],
  [
    'a forged sender claiming to be staff',
    { from: { address: 'luis@partner.example' } },
    { forgedSender: { action: 'quarantine', detail: 'compauth=fail' }, staff: LUIS },
    'quarantine-spoofed',
  ],
  [
    'staff on a phone ticket awaiting email',
    { from: { address: 'luis@partner.example' } },
    { staff: LUIS, thread: on({ status: 'open', awaitingEmail: true }) },
    'link-phone-ticket-by-staff',
  ],
  [
    'staff writing to the requester on a new ticket',
    { from: { address: 'luis@partner.example' }, to: [{ address: 'ana@acme.example' }] },
    { staff: LUIS, thread: on({ status: 'new' }) },
    'staff-first-response',
  ],
  [
    'staff writing to the requester later',
    { from: { address: 'luis@partner.example' }, cc: [{ address: 'ana@acme.example' }] },
    { staff: LUIS, thread: on({ status: 'open' }) },
    'staff-follow-up',
  ],
  [
    'staff writing among ourselves on a ticket',
    { from: { address: 'luis@partner.example' } },
    { staff: LUIS, thread: on({ status: 'open' }) },
    'staff-mail',
  ],
  [
    'staff forwarding an authorized client email',
    { from: { address: 'luis@partner.example' }, forwardedFrom: { address: 'ana@acme.example' } },
    { staff: LUIS, forwarded: authorized(ANA) },
    'open',
    { forwardedBy: LUIS, actor: { role: 'L1', id: 'staff-l1', name: 'Luis' } },
  ],
  [
    'staff forwarding a stranger',
    { from: { address: 'luis@partner.example' }, forwardedFrom: { address: 'eve@acme.example' } },
    { staff: LUIS, forwarded: stranger },
    'quarantine-staff-mail',
  ],
  ['staff mail about nothing', { from: { address: 'luis@partner.example' } }, { staff: LUIS }, 'quarantine-staff-mail'],
  [
    'a requester of two clients naming no ticket',
    {},
    { sender: { authorized: false, authorizers: [], ambiguousClients: [ACME, { ...ACME, id: 'globex', name: 'Globex' }] } },
    'quarantine-ambiguous',
  ],
  [
    'an unauthorized sender',
    { from: { address: 'eve@acme.example' } },
    { sender: stranger },
    'quarantine-unauthorized',
    { mayReply: true },
  ],
  [
    'an unauthorized no-reply address',
    { from: { address: 'no-reply@acme.example' } },
    { sender: stranger },
    'quarantine-unauthorized',
    { mayReply: false },
  ],
  [
    'an unauthorized sender replying on a ticket',
    { from: { address: 'eve@acme.example' } },
    { sender: stranger, thread: on({ status: 'open' }) },
    'quarantine-unauthorized',
  ],
  ['a new request', {}, {}, 'open', { actor: { role: 'requester', id: 'ana@acme.example', name: 'Ana' } }],
  [
    'a new request with the add-in headers',
    { headers: { 'x-soporte-priority': 'alta', 'x-soporte-after-hours': '2026-03-07T15:00:00Z/2026-03-07T19:00:00Z' } },
    {},
    'open',
    { afterHours: { start: '2026-03-07T15:00:00.000Z', end: '2026-03-07T19:00:00.000Z' } },
  ],
  [
    '"gracias" on a validated, closed ticket',
    { text: 'Gracias.' },
    { thread: on({ status: 'closed', closeReason: 'validated' }) },
    'ignore-on-closed',
  ],
  [
    '"no resuelto" on a validated, closed ticket',
    { text: 'No resuelto, sigue fallando.' },
    { thread: on({ status: 'closed', closeReason: 'validated' }) },
    'open-linked',
  ],
  [
    'anything on a ticket closed for no response',
    { text: 'Gracias.' },
    { thread: on({ status: 'closed', closeReason: 'no-response' }) },
    'open-linked',
  ],
  ['the email confirming a phone ticket', {}, { thread: on({ status: 'open', awaitingEmail: true }) }, 'link-phone-ticket'],
  [
    '"ya quedó, gracias, confirmo" on a resolved ticket',
    { text: 'ya quedó, gracias, confirmo\n\nEnviado desde mi iPhone' },
    { thread: on({ status: 'resolved' }) },
    'validate',
    { excerpt: 'ya quedó, gracias, confirmo' },
  ],
  [
    '"no se resolvió" on a resolved ticket',
    { text: 'No se resolvió, sigue igual.' },
    { thread: on({ status: 'resolved' }) },
    'reject-resolution',
  ],
  [
    '"rechazo" on a resolved ticket',
    { text: 'Rechazo la solución.' },
    { thread: on({ status: 'resolved' }) },
    'reject-resolution',
  ],
  [
    'a hedged yes on a resolved ticket',
    { text: 'Ya funciona, pero a medias.' },
    { thread: on({ status: 'resolved' }) },
    'reply',
    { needsDecision: true },
  ],
  [
    'a question on a resolved ticket',
    { text: '¿Qué cambiaron exactamente?' },
    { thread: on({ status: 'resolved' }) },
    'reply',
    { needsDecision: true },
  ],
  [
    '"confirmo" from a colleague (not the requester, not admin)',
    { from: { address: 'carlos@acme.example' }, text: 'Confirmo.' },
    { sender: authorized(CARLOS), thread: on({ status: 'resolved' }) },
    'reply',
    { needsDecision: true, actor: { role: 'system', id: 'mail-intake' } },
  ],
  [
    '"confirmo" from the client administrator',
    { from: { address: 'bob@acme.example' }, text: 'Confirmo.' },
    { sender: authorized(BOB), thread: on({ status: 'resolved' }) },
    'validate',
  ],
  [
    '"autorizo" on a pending extension',
    { text: 'Autorizo.' },
    { thread: on({ status: 'open', pendingExtension: pending }) },
    'approve-extension',
    { requestId: 'ext-1' },
  ],
  [
    '"no autorizo" on a pending extension',
    { text: 'No autorizo, gracias.' },
    { thread: on({ status: 'open', pendingExtension: pending }) },
    'refuse-extension',
    { requestId: 'ext-1' },
  ],
  [
    '"ya funciona" on a pending extension (no approval of billable time)',
    { text: 'Ya funciona.' },
    { thread: on({ status: 'open', pendingExtension: pending }) },
    'reply',
    { needsDecision: false },
  ],
  [
    '"autorizo" on a resolved ticket (no closure)',
    { text: 'Autorizo.' },
    { thread: on({ status: 'resolved' }) },
    'reply',
    { needsDecision: true },
  ],
  [
    'an ordinary reply on an open ticket',
    { text: 'El RFC es XAXX010101000.\n\n> ¿Qué RFC?' },
    { thread: on({ status: 'waiting-on-client' }) },
    'reply',
    { needsDecision: false, excerpt: 'El RFC es XAXX010101000.' },
  ],
];

test.each(TABLE.map(([name, m, f, kind, fields]) => ({ name, m, f, kind, fields: fields ?? {} })))(
  '$name -> $kind',
  ({ m, f, kind, fields }) => {
    const decision = decideIntake(mail(m), facts(f));
    expect(decision.kind).toBe(kind);
    expect(decision).toMatchObject(fields);
  },
);

test('every kind of decision is reached by some row', () => {
  const kinds = new Set(TABLE.map((row) => row[3]));
  const all: Array<IntakeDecision['kind']> = [
    'ignore',
    'ignore-on-closed',
    'quarantine-unauthorized',
    'quarantine-staff-mail',
    'open',
    'open-linked',
    'link-phone-ticket',
    'link-phone-ticket-by-staff',
    'staff-mail',
    'staff-first-response',
    'staff-follow-up',
    'reply',
    'validate',
    'reject-resolution',
    'approve-extension',
    'refuse-extension',
    'quarantine-spoofed',
    'reject-spoofed',
    'quarantine-ambiguous',
  ];
  expect([...kinds].sort()).toEqual([...all].sort());
});

test('deciding is pure: the same message and facts give the same decision, and nothing is changed', () => {
  const input = mail({ text: 'Confirmo.' });
  const f = facts({ thread: on({ status: 'resolved' }) });
  const frozen = JSON.stringify([input, f]);
  expect(decideIntake(input, f)).toEqual(decideIntake(input, f));
  expect(JSON.stringify([input, f])).toBe(frozen);
});
