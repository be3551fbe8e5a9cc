import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HoursReport } from '../../shared/application/billing-service';
import type { SlaExplanation } from '../../shared/domain/sla';
import type { Ticket } from '../../shared/domain/ticket';
import { LOCALES, type Locale } from '../../shared/domain/ticket';
import { digestCard } from '../../bot/cards/digest-card';
import { helpCard } from '../../bot/cards/help-card';
import { hoursCard } from '../../bot/cards/hours-card';
import { l4PromptCard } from '../../bot/cards/l4-prompt-card';
import { messageTicketCard } from '../../bot/cards/message-ticket-card';
import { phoneTicketCard } from '../../bot/cards/phone-ticket-card';
import { renderTemplate } from '../../bot/cards/render-template';
import { slaAlertCard } from '../../bot/cards/sla-alert-card';
import { slaExplainCard } from '../../bot/cards/sla-explain-card';
import { ticketCard } from '../../bot/cards/ticket-card';
import { ticketListCard } from '../../bot/cards/ticket-list-card';
import { clientReplyCard } from '../../bot/cards/client-reply-card';
import { CARD_VERBS } from '../../bot/teams/card-action';
import { adaptiveCardProblems } from '../support/adaptive-cards/validate-card';
import { verbsOf } from './activities';
import { statementCard } from '../../bot/cards/statement-card';
import { DEFAULT_POLICY } from '../../shared/domain/policy';
import { buildStatement } from '../../shared/domain/statement';
import { BotHarness } from './bot-harness';
import { definedOnly } from '../../shared/domain/index';

const CARDS_DIR = join(__dirname, '../../bot/cards');

/** The cards inside Action.ShowCard actions (validated on their own, as a host shows them). */
function nestedCards(node: unknown): unknown[] {
  if (Array.isArray(node)) return node.flatMap(nestedCards);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = record.type === 'Action.ShowCard' && record.card ? [{ version: '1.5', ...(record.card as object) }] : [];
  return [...own, ...Object.values(record).flatMap(nestedCards)];
}

const TICKET: Ticket = {
  id: 't-1',
  number: 'SUP-2026-0042',
  version: '7',
  clientId: 'acme',
  requesterEmail: 'ana@acme.example',
  subject: 'Exchange Online mailbox does not sync',
  description: 'Finance cannot receive mail.',
  priority: 'critical',
  incidentType: 'technical-urgent',
  budgetMinutes: 240,
  status: 'open',
  level: 'L2',
  assigneeId: 'staff-l2',
  channel: 'email',
  awaitingEmail: false,
  contactAttempts: 0,
  policyVersion: 'p1',
  locale: 'es-MX',
  openedAt: '2026-03-02T16:00:00.000Z',
  firstResponseAt: '2026-03-02T16:10:00.000Z',
  lastActivityAt: '2026-03-02T17:00:00.000Z',
  pauses: [],
  consumedMinutes: 75,
  sourceMessageId: '<m1@acme.example>',
  firstResponseBy: 'email',
  prioritySuggestion: {
    priority: 'critical',
    signals: [
      { source: 'header', name: 'Importance', value: 'high', priority: 'high' },
      { source: 'subject', term: 'nadie puede', priority: 'critical' },
    ],
  },
};
const SLA = {
  response: { state: 'met' as const },
  resolution: { state: 'at-risk' as const, dueAt: '2026-03-02T20:00:00.000Z', remainingMinutes: 60 },
};
const POLICY_VIEW = {
  contact: { made: 1, max: 3, allowed: false, blocked: 'too-soon' as const, nextAttemptAt: '2026-03-03T16:00:00.000Z' },
  budgetRanges: {
    'technical-regular': { minMinutes: 360, maxMinutes: 360 },
    'technical-urgent': { minMinutes: 240, maxMinutes: 240 },
    maintenance: { minMinutes: 960, maxMinutes: 2160 },
    'research-debugging': { minMinutes: 480, maxMinutes: 960 },
  },
};
const SUMMARY = { ticket: TICKET, sla: SLA, clientName: 'ACME', assigneeName: 'Lena L2', policyView: POLICY_VIEW };
const clock = (name: 'response' | 'resolution', state: 'met' | 'at-risk') =>
  definedOnly({
    clock: name,
    state,
    startedAt: TICKET.openedAt,
    countedUntil: '2026-03-02T19:00:00.000Z',
    stopped: state === 'met',
    targetMinutes: null,
    atRiskMinutes: 180,
    breachMinutes: 240,
    countedMinutes: 180,
    remainingMinutes: 60,
    skippedMinutes: { closed: 0, holiday: 0, pause: 0 },
    spans: [],
    breachAt: state === 'met' ? undefined : '2026-03-02T20:00:00.000Z',
    atRiskAt: undefined,
    targetAt: undefined,
  });
const EXPLANATION = {
  at: '2026-03-02T19:00:00.000Z',
  ticketNumber: 'SUP-2026-0001',
  timezone: 'America/Mexico_City',
  policyName: 'default',
  policyVersion: 'p1',
  priority: 'critical',
  incidentType: 'technical-urgent',
  response: clock('response', 'met'),
  resolution: clock('resolution', 'at-risk'),
  changes: [{ at: '2026-03-02T16:10:00.000Z', type: 'first-response', detail: {} }],
} as SlaExplanation;
const row = (kind: 'follow-up' | 'session' | 'work') => ({
  kind,
  entries: 1,
  regularMinutes: 15,
  afterHoursMinutes: 0,
  afterHoursWeightedMinutes: 0,
  unapprovedAfterHoursMinutes: 0,
  chargeableMinutes: 15,
  amountCents: 30000,
});
const REPORT: HoursReport = {
  clientId: 'acme',
  month: '2026-03',
  from: '',
  to: '',
  rows: [row('follow-up'), row('session'), row('work')],
  total: {
    entries: 3,
    regularMinutes: 45,
    afterHoursMinutes: 0,
    afterHoursWeightedMinutes: 0,
    unapprovedAfterHoursMinutes: 0,
    chargeableMinutes: 45,
    amountCents: 90000,
  },
  hourlyRateCents: 120000,
  currency: 'MXN',
  unapprovedAfterHours: [],
};

const STATEMENT = {
  id: 'stmt-acme-2026-02',
  clientId: 'acme',
  month: '2026-02',
  status: 'draft' as const,
  draftedAt: '2026-03-02T14:30:00.000Z',
  data: buildStatement({
    client: { id: 'acme', name: 'ACME', locale: 'es-MX' },
    policy: DEFAULT_POLICY,
    month: '2026-02',
    tickets: [],
    entries: [],
  }),
};

/** Every template, rendered by its mapper with fixture data. */
const RENDERERS: Record<string, (locale: Locale) => Record<string, unknown>> = {
  'ticket-card.json': (locale) => ticketCard({ ...SUMMARY, notice: 'changed' }, { locale, timeZone: 'America/Mexico_City' }),
  'ticket-list-card.json': (locale) =>
    ticketListCard(
      { title: 'Queue', emptyText: 'none', items: [SUMMARY], limit: 10 },
      { locale, timeZone: 'America/Mexico_City' },
    ),
  'help-card.json': (locale) =>
    helpCard(
      { staffName: 'Lena', commands: [{ usage: 'help', description: 'This list' }] },
      { locale, timeZone: 'America/Mexico_City' },
    ),
  'phone-ticket-card.json': (locale) =>
    phoneTicketCard({ clients: [{ id: 'acme', name: 'ACME' }] }, { locale, timeZone: 'America/Mexico_City' }),
  'message-ticket-card.json': (locale) =>
    messageTicketCard(
      {
        clients: [{ id: 'acme', name: 'ACME' }],
        messageId: '1700',
        subject: 'Help',
        description: 'Help please',
        requesterEmail: '',
      },
      { locale, timeZone: 'America/Mexico_City' },
    ),
  'sla-explain-card.json': (locale) =>
    slaExplainCard({ number: TICKET.number, explanation: EXPLANATION }, { locale, timeZone: 'America/Mexico_City' }),
  'hours-card.json': (locale) => hoursCard({ clientName: 'ACME', report: REPORT }, { locale, timeZone: 'America/Mexico_City' }),
  'sla-alert-card.json': (locale) =>
    slaAlertCard(
      {
        ...SUMMARY,
        clock: 'resolution',
        threshold: 'at-risk',
        dueAt: '2026-03-02T20:00:00.000Z',
        assignees: [{ title: 'Luis L1 (L1)', value: 'staff-l1' }],
      },
      { locale, timeZone: 'America/Mexico_City' },
    ),
  'l4-prompt-card.json': (locale) =>
    l4PromptCard(
      { ticket: TICKET, client: { name: 'ACME', tenantId: 'tenant-1' }, reason: 'Product bug' },
      { locale, timeZone: 'America/Mexico_City' },
    ),
  'client-reply-card.json': (locale) =>
    clientReplyCard(
      {
        kind: 'client-reply',
        ticket: { ...TICKET, status: 'resolved' },
        from: { email: 'ana@acme.example', name: 'Ana' },
        messageId: '<r@acme.example>',
        excerpt: 'Ya funciona, pero a medias.',
        outcome: 'needs-decision',
      },
      { locale, timeZone: 'America/Mexico_City' },
    ),
  'statement-card.json': (locale) =>
    statementCard(
      {
        statement: STATEMENT,
        files: ['soporte-acme-2026-02.pdf', 'soporte-acme-2026-02.csv', 'soporte-acme-2026-02.xlsx'],
        recipients: ['bob@acme.example'],
        notice: 'held',
      },
      { locale, timeZone: 'America/Mexico_City' },
    ),
  'digest-card.json': (locale) =>
    digestCard(
      {
        date: '2026-03-02',
        lines: [
          {
            ticketNumber: TICKET.number,
            ticketId: TICKET.id,
            subject: TICKET.subject,
            status: 'open',
            priority: 'critical',
            assigneeId: 'staff-l2',
            responseState: 'met',
            resolutionState: 'at-risk',
          },
        ],
        assigneeNames: { 'staff-l2': 'Lena L2' },
      },
      { locale, timeZone: 'America/Mexico_City' },
    ),
};

const templates = readdirSync(CARDS_DIR).filter((f) => f.endsWith('.json'));
const templateJson = (file: string) => JSON.parse(readFileSync(join(CARDS_DIR, file), 'utf8')) as Record<string, unknown>;

describe('Adaptive Card templates', () => {
  it('has a mapper for every template, and a template for every mapper', () => {
    expect(templates.sort()).toEqual(Object.keys(RENDERERS).sort());
  });

  it.each(templates.flatMap((file) => LOCALES.map((locale) => [file, locale] as const)))(
    '%s renders in %s with nothing unresolved',
    (file, locale) => {
      const card = RENDERERS[file](locale);
      const json = JSON.stringify(card);
      expect(json).not.toContain('${');
      expect(json).not.toContain('$when');
      expect(json).not.toContain('$data');
      expect(card).toEqual(expect.objectContaining({ type: 'AdaptiveCard', version: '1.5' }));
      expect(templateJson(file).version).toBe('1.5');
      // Microsoft's Adaptive Cards SDK parses and validates it without a complaint.
      expect(adaptiveCardProblems(card)).toEqual([]);
      for (const shown of nestedCards(card)) expect(adaptiveCardProblems(shown)).toEqual([]);
    },
  );

  it('gives every verb in the templates a handler, and every handler a verb in some template', async () => {
    const inTemplates = new Set(templates.flatMap((file) => verbsOf(templateJson(file))));
    expect([...inTemplates].sort()).toEqual([...CARD_VERBS].sort());
    const h = await BotHarness.start();
    try {
      expect(h.bot.cardVerbs().sort()).toEqual([...CARD_VERBS].sort());
    } finally {
      await h.close();
    }
  });

  it('refuses a template value the data does not have, instead of leaving ${...}', () => {
    expect(() => renderTemplate({ type: 'TextBlock', text: 'Hi ${name}' }, {})).toThrow(/\$\{name\} has no value/);
  });

  it('drops $when elements, repeats $data elements and reaches $root from inside a repeat', () => {
    const out = renderTemplate(
      {
        body: [
          { $when: '${show}', text: 'hidden' },
          { $data: '${rows}', text: '${label} of ${$root.owner}' },
        ],
      },
      { show: false, rows: [{ label: 'a' }, { label: 'b' }], owner: 'me' },
    );
    expect(out).toEqual({ body: [{ text: 'a of me' }, { text: 'b of me' }] });
  });

  it("the L4 prompt lists the files the client sent, else points at the client's email", () => {
    const format = { locale: 'en' as const, timeZone: 'America/Mexico_City' };
    const withFiles = JSON.stringify(
      l4PromptCard(
        {
          ticket: TICKET,
          client: { name: 'ACME' },
          reason: 'Bug',
          attachments: [
            { filename: 'import-log.pdf', sizeBytes: 2300 },
            { filename: 'a.png', sizeBytes: 10 },
          ],
        },
        format,
      ),
    );
    expect(withFiles).toContain('import-log.pdf (2 KB), a.png (1 KB): kept with the ticket, sent by the client');
    const without = JSON.stringify(
      l4PromptCard(
        { ticket: { ...TICKET, sourceMessageId: '<m1@acme.example>' }, client: { name: 'ACME' }, reason: 'Bug' },
        format,
      ),
    );
    expect(without).toContain("See the client's email <m1@acme.example>");
  });

  it('the SDK check catches what a host refuses (so an empty list above means something)', () => {
    const problems = adaptiveCardProblems({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Input.ChoiceSet', id: 'level', isRequired: true, choices: [] }, { type: 'Nope' }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Unknown element type "Nope"/),
        expect.stringMatching(/at least one choice/),
        expect.stringMatching(/error message/),
      ]),
    );
  });
});
