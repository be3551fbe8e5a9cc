import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { MailPoller } from '../../shared/application/intake/mail-poller';
import { FileAttachmentStore } from '../../shared/infra/mail/attachment-store';
import { GraphMailbox } from '../../shared/infra/mail/graph-mailbox';
import { GraphMailer } from '../../shared/infra/mail/graph-mailer';
import { startGraphService, type GraphService } from '../support/graph-service';
import { eml, intakeHarness, SUPPORT, type IntakeHarness } from './intake-harness';

/** Graph as documented: delta tokens expire (410 syncStateNotFound); a mailbox may be out of scope (403) or gone (404). */
const LUIS = 'luis@partner.example';
const MARTA = 'marta@partner.example';
let graph: GraphService;
let client: Client;
let h: IntakeHarness;
let dataDir: string;

beforeEach(async () => {
  graph = await startGraphService();
  client = graph.client();
  graph.mail.addMailbox({ userPrincipalName: SUPPORT });
  graph.mail.addMailbox({ userPrincipalName: LUIS });
  graph.mail.addMailbox({ userPrincipalName: MARTA });
  dataDir = mkdtempSync(path.join(tmpdir(), 'soporte-graph-resilience-'));
  h = await intakeHarness({ mailer: new GraphMailer({ client, supportMailbox: SUPPORT }), dataDir });
  h.clock.set('2026-03-02T16:00:00.000Z');
});
afterEach(async () => {
  await h.close();
  await graph.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function mailbox(): GraphMailbox {
  return new GraphMailbox({
    client,
    supportMailbox: SUPPORT,
    consultantMailboxes: [LUIS, MARTA],
    state: h.store.state,
    attachments: new FileAttachmentStore(path.join(dataDir, 'att')),
    clock: h.clock,
    dataDir,
    pageSize: 2,
    notifier: h.notifier,
  });
}

async function seed(user: string, id: string, subject: string, receivedDateTime: string, flagged = false): Promise<string> {
  const graphId = await graph.mail.seedMime(
    user,
    eml({ from: 'ana@acme.example', subject, id, date: new Date(receivedDateTime).toUTCString() }).replace(/\n/g, '\r\n'),
    { receivedDateTime },
  );
  if (flagged) graph.mail.update(user, graphId, { flag: { flagStatus: 'flagged' } });
  return graphId;
}

const mailboxAlerts = (h: IntakeHarness) => h.notifier.sent.filter((n) => n.kind === 'mailbox-alert');

test('an expired delta token (410 syncStateNotFound) starts a fresh sync without taking in twice what was handled; managers are told once', async () => {
  const mb = mailbox();
  await mb.pending();
  await seed(SUPPORT, '<e-1@acme.example>', 'Uno', '2026-03-02T16:05:00.000Z');
  await seed(LUIS, '<e-2@acme.example>', 'Marcado', '2026-03-02T16:06:00.000Z', true);
  expect((await new MailPoller(mb, h.intake).pollOnce()).outcomes.map((o) => o.action)).toEqual(['opened', 'opened']);
  await seed(SUPPORT, '<e-3@acme.example>', 'Tres', '2026-03-02T16:07:00.000Z');
  expect(graph.mail.expireDeltaTokens(SUPPORT)).toBeGreaterThan(0);
  expect(graph.mail.expireDeltaTokens(LUIS)).toBeGreaterThan(0);

  const report = await new MailPoller(mb, h.intake).pollOnce();
  expect(report.outcomes.map((o) => [o.action, o.ticketNumber])).toEqual([['opened', 'SUP-2026-0003']]);
  expect((await h.store.tickets.list({})).tickets).toHaveLength(3);
  expect(mailboxAlerts(h)).toEqual([
    { kind: 'mailbox-alert', mailbox: SUPPORT, problem: 'resynced', detail: '410 syncStateNotFound' },
    { kind: 'mailbox-alert', mailbox: LUIS, problem: 'resynced', detail: '410 syncStateNotFound' },
  ]);
  // The fresh round saved a new token: the next pass reads changes only, and tells no one.
  expect((await new MailPoller(mb, h.intake).pollOnce()).outcomes).toEqual([]);
  expect(mailboxAlerts(h)).toHaveLength(2);
  expect((await mb.health()).find((x) => x.mailbox === SUPPORT)).toMatchObject({
    state: 'ok',
    lastResyncAt: '2026-03-02T16:00:00.000Z',
  });
});

test("a new message costs no settled-record read, one with a person's category does; an untagged one handled before (an auto-reply) that a resync brings back is a duplicate", async () => {
  const mb = mailbox();
  await mb.pending();
  const auto = await graph.mail.seedMime(
    SUPPORT,
    eml({
      from: 'ana@acme.example',
      subject: 'Fuera de la oficina',
      id: '<auto-1@acme.example>',
      headers: { 'Auto-Submitted': 'auto-replied' },
    }).replace(/\n/g, '\r\n'),
    { receivedDateTime: '2026-03-02T16:05:00.000Z' },
  );
  const reads = jest.spyOn(h.store.state, 'getState');
  const first = await new MailPoller(mb, h.intake).pollOnce();
  expect(first.outcomes.map((o) => [o.disposition, o.ticketNumber])).toEqual([['processed', undefined]]);
  expect(reads.mock.calls.filter(([key]) => key.startsWith('graph-mail-seen:'))).toEqual([]);
  expect(graph.mail.get(SUPPORT, auto).categories ?? []).toEqual([]);
  const sentBefore = graph.mail.sent(SUPPORT).length;

  graph.mail.expireDeltaTokens(SUPPORT);
  const again = await new MailPoller(mb, h.intake).pollOnce();
  expect(again.outcomes.map((o) => o.action)).toEqual(['duplicate']);
  expect(graph.mail.sent(SUPPORT)).toHaveLength(sentBefore);
  expect((await h.store.tickets.list({})).tickets).toHaveLength(0);
  expect((await new MailPoller(mb, h.intake).pollOnce()).outcomes).toEqual([]);

  // A person's category says nothing about Soporte: the record is read, and the new message is taken in.
  const tagged = await seed(SUPPORT, '<tagged-1@acme.example>', 'Urgente', '2026-03-02T16:08:00.000Z');
  graph.mail.update(SUPPORT, tagged, { categories: ['Rojo'] });
  reads.mockClear();
  const third = await new MailPoller(mb, h.intake).pollOnce();
  expect(third.outcomes.map((o) => [o.action, o.ticketNumber])).toEqual([['opened', 'SUP-2026-0001']]);
  expect(reads.mock.calls.filter(([key]) => key.startsWith('graph-mail-seen:'))).toHaveLength(1);
  expect(graph.mail.get(SUPPORT, tagged).categories).toEqual(['Rojo', 'SUP-2026-0001']);
});

test("intake's record goes in the settle's commit; a tag refused leaves the message to retry, and the retry is a duplicate", async () => {
  const mb = mailbox();
  await mb.pending();
  const id = await seed(SUPPORT, '<tag-1@acme.example>', 'No timbra', '2026-03-02T16:05:00.000Z');
  // Outlook down for the tag: the client's five attempts all refused.
  graph.faults.inject({ status: 503, times: 5, method: 'PATCH', path: '/users/*/messages/*' });
  const errors: unknown[] = [];
  const first = await new MailPoller(mb, h.intake, { onError: (e) => errors.push(e) }).pollOnce();
  expect([first.retried, errors.length]).toEqual([1, 1]);
  expect(await h.store.state.getState('mail-seen:<tag-1@acme.example>')).toMatchObject({ action: 'opened' });
  graph.faults.clear();

  const again = await new MailPoller(mb, h.intake).pollOnce();
  expect(again.outcomes.map((o) => [o.action, o.ticketNumber])).toEqual([['duplicate', 'SUP-2026-0001']]);
  expect(graph.mail.get(SUPPORT, id).categories).toEqual(['SUP-2026-0001']);
  expect((await h.store.tickets.list({})).tickets).toHaveLength(1);
  expect(graph.mail.sent(SUPPORT)).toHaveLength(1);
  expect((await new MailPoller(mb, h.intake).pollOnce()).outcomes).toEqual([]);
});

test('a consultant mailbox out of scope (403) or gone (404) is skipped with one notice per episode; the others keep flowing; health tells each', async () => {
  const mb = mailbox();
  await mb.pending();
  graph.mail.refuse(LUIS, 'denied');
  graph.mail.refuse(MARTA, 'missing');
  await seed(SUPPORT, '<s-1@acme.example>', 'Soporte', '2026-03-02T16:05:00.000Z');
  await seed(MARTA, '<m-1@acme.example>', 'De Marta', '2026-03-02T16:05:30.000Z', true);
  const errors: unknown[] = [];
  const first = await new MailPoller(mb, h.intake, { onError: (e) => errors.push(e) }).pollOnce();
  expect(errors).toEqual([]);
  expect(first.outcomes.map((o) => o.ticketNumber)).toEqual(['SUP-2026-0001']);
  expect(mailboxAlerts(h).map((n) => n.kind === 'mailbox-alert' && [n.mailbox, n.problem, n.detail.split(' (')[0]])).toEqual([
    [LUIS, 'denied', '403 ErrorAccessDenied'],
    [MARTA, 'missing', '404 ErrorInvalidUser'],
  ]);
  // Still failing on later passes: no second notice; support mail still flows.
  await seed(SUPPORT, '<s-2@acme.example>', 'Soporte dos', '2026-03-02T16:06:00.000Z');
  expect((await new MailPoller(mb, h.intake).pollOnce()).outcomes.map((o) => o.ticketNumber)).toEqual(['SUP-2026-0002']);
  expect(mailboxAlerts(h)).toHaveLength(2);
  h.clock.set('2026-03-02T16:10:00.000Z');
  expect(await mb.health()).toEqual([
    { mailbox: SUPPORT, state: 'ok', since: '2026-03-02T16:00:00.000Z', lastSuccessAt: '2026-03-02T16:00:00.000Z' },
    // The last successful read is the one before access was lost.
    {
      mailbox: LUIS,
      state: 'denied',
      since: '2026-03-02T16:00:00.000Z',
      lastSuccessAt: '2026-03-02T16:00:00.000Z',
      detail: expect.stringContaining('403 ErrorAccessDenied'),
    },
    {
      mailbox: MARTA,
      state: 'missing',
      since: '2026-03-02T16:00:00.000Z',
      lastSuccessAt: '2026-03-02T16:00:00.000Z',
      detail: expect.stringContaining('404 ErrorInvalidUser'),
    },
  ]);
  // Access granted again: the mailbox reads, its flagged mail becomes a ticket, the episode ends; a new failure is a new episode.
  graph.mail.restore(MARTA);
  expect((await new MailPoller(mb, h.intake).pollOnce()).outcomes.map((o) => [o.action, o.ticketNumber])).toEqual([
    ['opened', 'SUP-2026-0003'],
  ]);
  expect((await mb.health())[2]).toEqual({
    mailbox: MARTA,
    state: 'ok',
    since: '2026-03-02T16:10:00.000Z',
    lastSuccessAt: '2026-03-02T16:10:00.000Z',
  });
  graph.mail.refuse(MARTA, 'denied');
  await new MailPoller(mb, h.intake).pollOnce();
  expect(mailboxAlerts(h)).toHaveLength(3);
  // A restart remembers the episode: the managers are not told again.
  await new MailPoller(mailbox(), h.intake).pollOnce();
  expect(mailboxAlerts(h)).toHaveLength(3);
});
