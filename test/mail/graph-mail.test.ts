import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { MailPoller } from '../../shared/application/intake/mail-poller';
import type { RetryEvent } from '../../shared/infra/graph';
import { FileAttachmentStore } from '../../shared/infra/mail/attachment-store';
import { GraphMailbox, QUARANTINE_CATEGORY } from '../../shared/infra/mail/graph-mailbox';
import { GraphMailer } from '../../shared/infra/mail/graph-mailer';
import { handleGraphNotification } from '../../shared/infra/mail/graph-notifications';
import { startGraphService, type GraphService } from '../support/graph-service';
import { eml, intakeHarness, SUPPORT, type IntakeHarness } from './intake-harness';

const CONSULTANT = 'luis@partner.example';
const START = '2026-03-02T15:00:00.000Z';
let graph: GraphService;
let client: Client;
let h: IntakeHarness;
let dataDir: string;
const retries: RetryEvent[] = [];

beforeEach(async () => {
  graph = await startGraphService();
  retries.length = 0;
  client = graph.client({ onRetry: (e) => retries.push(e), sleep: async () => undefined });
  graph.mail.addMailbox({ userPrincipalName: SUPPORT, displayName: 'Soporte' });
  graph.mail.addMailbox({ userPrincipalName: CONSULTANT, displayName: 'Luis' });
  dataDir = mkdtempSync(path.join(tmpdir(), 'soporte-graph-mail-'));
  h = await intakeHarness({ mailer: new GraphMailer({ client, supportMailbox: SUPPORT }), dataDir });
  h.clock.set(START);
});
afterEach(async () => {
  await h.close();
  await graph.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function mailbox(pageSize = 2, via: Client = client): GraphMailbox {
  return new GraphMailbox({
    client: via,
    supportMailbox: SUPPORT,
    consultantMailboxes: [CONSULTANT],
    state: h.store.state,
    attachments: new FileAttachmentStore(path.join(dataDir, 'att')),
    clock: h.clock,
    dataDir,
    pageSize,
  });
}

async function seed(
  user: string,
  id: string,
  from: string,
  subject: string,
  receivedDateTime: string,
  flagged = false,
): Promise<string> {
  const graphId = await graph.mail.seedMime(
    user,
    eml({ from, subject, id, date: new Date(receivedDateTime).toUTCString() }).replace(/\n/g, '\r\n'),
    { receivedDateTime },
  );
  if (flagged) graph.mail.update(user, graphId, { flag: { flagStatus: 'flagged' } });
  return graphId;
}

test("delta query: new Inbox mail becomes tickets, tagged with an Outlook category; the acknowledgement is threaded to the client's Message-ID", async () => {
  const mb = mailbox();
  expect(await mb.pending()).toEqual([]); // first run: records the start instant, nothing before it is history
  h.clock.set('2026-03-02T16:00:00.000Z');
  const a = await seed(SUPPORT, '<g-1@acme.example>', 'Ana <ana@acme.example>', 'Falla de timbrado', '2026-03-02T15:10:00.000Z');
  const b = await seed(SUPPORT, '<g-2@acme.example>', 'Bob <bob@acme.example>', 'Portal caído', '2026-03-02T15:20:00.000Z');
  const c = await seed(SUPPORT, '<g-3@acme.example>', 'Eve <eve@acme.example>', 'Hola', '2026-03-02T15:30:00.000Z');
  const errors: unknown[] = [];
  const report = await new MailPoller(mb, h.intake, { onError: (e) => errors.push(e) }).pollOnce();
  expect(errors).toEqual([]);
  expect(report.outcomes.map((o) => [o.action, o.ticketNumber])).toEqual([
    ['opened', 'SUP-2026-0001'],
    ['opened', 'SUP-2026-0002'],
    ['unauthorized', undefined],
  ]);
  expect(graph.mail.get(SUPPORT, a).categories).toEqual(['SUP-2026-0001']);
  expect(graph.mail.get(SUPPORT, b).categories).toEqual(['SUP-2026-0002']);
  expect(graph.mail.get(SUPPORT, c).categories).toEqual([QUARANTINE_CATEGORY]);
  const ticket = await h.store.tickets.getByNumber('SUP-2026-0001');
  expect(ticket?.conversationId).toBe(graph.mail.get(SUPPORT, a).conversationId);
  const sent = graph.mail.sent(SUPPORT);
  const ack = sent.find((s) => s.inReplyTo === '<g-1@acme.example>');
  expect(ack).toMatchObject({
    kind: 'sendMail',
    subject: '[SUP-2026-0001] Recibido: Falla de timbrado',
    references: ['<g-1@acme.example>'],
    toRecipients: [{ emailAddress: { address: 'ana@acme.example' } }],
  });
  expect(ack?.internetMessageHeaders).toEqual(expect.arrayContaining([{ name: 'X-Soporte-Loop', value: 'SUP-2026-0001' }]));
  expect(h.mailer.sent).toEqual([]); // everything went through Graph
  expect(readdirSync(path.join(dataDir, 'mail', 'graph', 'mime'))).toHaveLength(3);
});

test('the delta token survives a restart: only changes after it are read, and our own category edits are not ingested twice', async () => {
  h.clock.set('2026-03-02T16:00:00.000Z');
  await mailbox().pending();
  await seed(SUPPORT, '<r-1@acme.example>', 'ana@acme.example', 'Uno', '2026-03-02T16:05:00.000Z');
  expect((await new MailPoller(mailbox(), h.intake).pollOnce()).processed).toBe(1);
  const saved = await h.store.state.getState<string>(`graph-delta:${SUPPORT}:inbox`);
  expect(saved).toContain('$deltatoken=');
  const restarted = mailbox(1);
  expect(await restarted.pending()).toEqual([]);
  // The category change came back in that round: the settled message leaves the backlog for good.
  expect(await h.store.state.getState(`graph-mail-backlog:${SUPPORT}`)).toEqual([]);
  await seed(SUPPORT, '<r-2@acme.example>', 'ana@acme.example', 'Dos', '2026-03-02T16:10:00.000Z');
  const supportDelta = { method: 'GET', path: /^\/users\/soporte%40partner\.example\/mailFolders\/inbox\/messages\/delta$/ };
  const before = graph.requests.count(supportDelta);
  const items = await restarted.pending();
  expect(items.map((i) => i.mail?.messageId)).toEqual(['<r-2@acme.example>']);
  // One page of changes from the saved token, not a resync of the whole Inbox (two pages of one).
  expect(graph.requests.count(supportDelta) - before).toBe(1);
});

test('a crash after the delta token moved loses nothing: the backlog offers the message again; a message deleted meanwhile is quarantined as unreadable', async () => {
  h.clock.set('2026-03-02T16:00:00.000Z');
  await mailbox().pending();
  await seed(SUPPORT, '<b-1@acme.example>', 'ana@acme.example', 'Uno', '2026-03-02T16:05:00.000Z');
  const gone = await seed(SUPPORT, '<b-2@acme.example>', 'ana@acme.example', 'Dos', '2026-03-02T16:06:00.000Z');
  expect((await mailbox().pending()).map((i) => i.mail?.messageId)).toEqual(['<b-1@acme.example>', '<b-2@acme.example>']);
  // ... the process dies here, before intake. After the restart the delta round is empty, the backlog is not.
  graph.mail.delete(SUPPORT, gone);
  const report = await new MailPoller(mailbox(), h.intake).pollOnce();
  expect(report.outcomes.map((o) => [o.disposition, o.action])).toEqual([
    ['processed', 'opened'],
    ['quarantined', 'unreadable'],
  ]);
  expect(report.outcomes[1].reason).toContain('no longer in soporte@partner.example (404 ErrorItemNotFound)');
  expect(await mailbox().pending()).toEqual([]);
});

test('flagged messages become tickets: older ones in the support Inbox, and any in a consultant mailbox; unflagged consultant mail is ignored', async () => {
  await seed(SUPPORT, '<old@acme.example>', 'ana@acme.example', 'Antiguo', '2026-02-20T10:00:00.000Z');
  const oldFlag = await seed(
    SUPPORT,
    '<old-flag@acme.example>',
    'ana@acme.example',
    'Antiguo marcado',
    '2026-02-21T10:00:00.000Z',
  );
  await seed(CONSULTANT, '<c-plain@acme.example>', 'bob@acme.example', 'Directo sin marcar', '2026-03-02T15:30:00.000Z');
  const cFlag = await seed(
    CONSULTANT,
    '<c-flag@acme.example>',
    'bob@acme.example',
    'Directo marcado',
    '2026-03-02T15:40:00.000Z',
    true,
  );
  const mb = mailbox();
  expect((await new MailPoller(mb, h.intake).pollOnce()).outcomes.map((o) => o.ticketNumber)).toEqual(['SUP-2026-0001']);
  expect(graph.mail.get(CONSULTANT, cFlag).categories).toEqual(['SUP-2026-0001']);
  graph.mail.update(SUPPORT, oldFlag, { flag: { flagStatus: 'flagged' } });
  const report = await new MailPoller(mb, h.intake).pollOnce();
  expect(report.outcomes.map((o) => [o.action, o.ticketNumber])).toEqual([['opened', 'SUP-2026-0002']]);
  expect(graph.mail.get(SUPPORT, oldFlag).categories).toEqual(['SUP-2026-0002']);
  expect((await h.store.tickets.list({})).tickets.map((t) => t.subject).sort()).toEqual(['Antiguo marcado', 'Directo marcado']);
});

test('429 and 503 with Retry-After are honoured by the client chain; the pass completes', async () => {
  h.clock.set('2026-03-02T16:00:00.000Z');
  const mb = mailbox();
  await mb.pending();
  await seed(SUPPORT, '<t-1@acme.example>', 'ana@acme.example', 'Throttled', '2026-03-02T16:01:00.000Z');
  graph.faults.inject({
    status: 429,
    retryAfter: '0.2',
    times: 1,
    method: 'GET',
    path: '/users/*/mailFolders/inbox/messages/delta',
  });
  graph.faults.inject({
    status: 503,
    retryAfter: new Date(Date.now() + 1000).toUTCString(),
    times: 1,
    method: 'PATCH',
    path: '/users/*/messages/*',
  });
  const patient = graph.client({ onRetry: (e) => retries.push(e) });
  const report = await new MailPoller(mailbox(2, patient), h.intake).pollOnce();
  expect(report.outcomes.map((o) => o.action)).toEqual(['opened']);
  expect(retries).toEqual([
    expect.objectContaining({ status: 429, delayMs: 200, fromRetryAfter: true }),
    expect.objectContaining({ status: 503, fromRetryAfter: true }),
  ]);
  // Waited what it was told: never came back early (an early retry is throttled again).
  expect(graph.faults.early).toBe(0);
});

test('a client reply arriving through Graph is matched to its ticket by conversationId and recorded', async () => {
  h.clock.set('2026-03-02T16:00:00.000Z');
  const mb = mailbox();
  await mb.pending();
  const first = await seed(SUPPORT, '<conv-1@acme.example>', 'ana@acme.example', 'Falla', '2026-03-02T16:01:00.000Z');
  await new MailPoller(mb, h.intake).pollOnce();
  const conversationId = graph.mail.get(SUPPORT, first).conversationId;
  await graph.mail.seedMime(
    SUPPORT,
    eml({ from: 'ana@acme.example', subject: 'otro dato', id: '<conv-2@acme.example>' }).replace(/\n/g, '\r\n'),
    { receivedDateTime: '2026-03-02T16:20:00.000Z', conversationId },
  );
  const report = await new MailPoller(mb, h.intake).pollOnce();
  expect(report.outcomes[0]).toMatchObject({ action: 'client-replied', ticketNumber: 'SUP-2026-0001' });
  expect(report.outcomes[0].reason).toContain('matched by conversation');
});

test('Graph mailer: one sendMail in MIME with our own Message-ID, In-Reply-To and References; every header travels; nothing read back', async () => {
  const mailer = new GraphMailer({ client, supportMailbox: SUPPORT, fromName: 'Soporte', clock: h.clock });
  graph.requests.reset();
  const { messageId } = await mailer.send({
    kind: 'resolution',
    to: ['ana@acme.example'],
    subject: '[SUP-2026-0009] Resuelto #1 & más',
    text: 'texto',
    html: '<p>texto</p>',
    locale: 'es-MX',
    inReplyTo: '<c+1@consultant-flagged.example>',
    references: ['<a@acme.example>', '<c+1@consultant-flagged.example>'],
    ticketNumber: 'SUP-2026-0009',
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Soporte-Loop': 'SUP-2026-0009' },
  });
  expect(graph.requests.list()).toEqual([
    expect.objectContaining({ method: 'POST', path: `/users/${encodeURIComponent(SUPPORT)}/sendMail`, status: 202 }),
  ]);
  const [sent] = graph.mail.sent(SUPPORT);
  expect(messageId).toMatch(/^<[0-9a-f-]{36}@partner\.example>$/);
  expect(sent).toMatchObject({
    kind: 'sendMail',
    subject: '[SUP-2026-0009] Resuelto #1 & más',
    internetMessageId: messageId,
    inReplyTo: '<c+1@consultant-flagged.example>',
    references: ['<a@acme.example>', '<c+1@consultant-flagged.example>'],
    toRecipients: [{ emailAddress: { address: 'ana@acme.example' } }],
  });
  expect(sent.internetMessageHeaders.map((x) => x.name).sort()).toEqual(['X-Soporte-Kind', 'X-Soporte-Loop', 'X-Soporte-Ticket']);
  // The Sent Items copy comes later (202 is "accepted"); it keeps our Message-ID and every header.
  expect(graph.mail.list(SUPPORT, 'sentitems')).toEqual([]);
  graph.mail.flushDeferred();
  const [copy] = graph.mail.list(SUPPORT, 'sentitems');
  expect(copy).toMatchObject({ internetMessageId: messageId });
  expect(copy!.mime).toContain('Auto-Submitted: auto-generated');
});

test('Graph mailer: a sendMail refused is an error (never reported as sent); malformed MIME is the documented 400', async () => {
  graph.faults.inject({ status: 503, times: 5, method: 'POST', path: '/users/*/sendMail' });
  const mailer = new GraphMailer({ client, supportMailbox: SUPPORT });
  await expect(
    mailer.send({ kind: 'progress', to: ['ana@acme.example'], subject: 'x', text: 'x', locale: 'en' }),
  ).rejects.toMatchObject({ status: 503 });
  expect(graph.mail.sent(SUPPORT)).toEqual([]);
  await expect(
    client.api(`/users/${SUPPORT}/sendMail`).header('Content-Type', 'text/plain').post('not base64!'),
  ).rejects.toMatchObject({ status: 400, code: 'ErrorMimeContentInvalidBase64String' });
});

describe('change notifications', () => {
  test('validation echoes the token as text/plain; only notifications with our clientState trigger a delta read', () => {
    let triggered = 0;
    const trigger = () => {
      triggered += 1;
    };
    expect(
      handleGraphNotification({ query: { validationToken: 'Validation: Token 123' }, body: undefined }, 'secret', trigger),
    ).toEqual({ status: 200, contentType: 'text/plain', body: 'Validation: Token 123', triggered: false, rejected: 0 });
    expect(
      handleGraphNotification({ query: {}, body: { value: [{ clientState: 'forged', resource: 'x' }] } }, 'secret', trigger),
    ).toMatchObject({ status: 202, triggered: false, rejected: 1 });
    expect(triggered).toBe(0);
    expect(
      handleGraphNotification(
        { query: {}, body: { value: [{ clientState: 'secret' }, { clientState: 'nope' }] } },
        'secret',
        trigger,
      ),
    ).toMatchObject({ status: 202, triggered: true, rejected: 1 });
    expect(triggered).toBe(1);
  });
});
