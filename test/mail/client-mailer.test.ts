import { ClientMailer } from '../../shared/application/client-mailer';
import { readThread, ticketIdForMessage } from '../../shared/application/mail-thread';
import { L1 } from '../application/fixture';
import { intakeHarness, eml, type IntakeHarness } from './intake-harness';

let h: IntakeHarness;
beforeEach(async () => {
  h = await intakeHarness();
});
afterEach(() => h.close());

async function ticketFromMail() {
  const { outcome } = await h.receive(eml({ from: 'bob@acme.example', subject: 'Portal down', id: '<root@acme.example>' }));
  return (await h.store.tickets.getByNumber(outcome.ticketNumber ?? ''))!;
}

test('the acknowledgement goes out once per ticket, whoever asks again', async () => {
  const ticket = await ticketFromMail();
  expect(h.mailer.kinds()).toEqual(['acknowledgement']);
  expect(await h.clientMailer.sendClientMail('acknowledgement', ticket, { responseDueAt: '2026-03-02T20:00:00.000Z' })).toEqual({
    sent: false,
    reason: 'already-sent',
  });
  expect(h.mailer.sent).toHaveLength(1);
  expect((await h.store.alerts.get(`mail:acknowledgement:${ticket.id}`))?.ref).toBe('<m1@test>');
});

test("each message answers the latest of the thread with the whole chain in References, in the requester's language", async () => {
  const ticket = await ticketFromMail();
  await h.tickets.requestInformation(
    L1,
    { ticketId: ticket.id, expectedVersion: (await h.store.tickets.get(ticket.id))!.version },
    'Which browser?',
  );
  await h.receive(
    eml({ from: 'bob@acme.example', subject: 'Re: x', id: '<bob-2@acme.example>', inReplyTo: '<m2@test>', body: 'Edge.' }),
  );
  const latest = (await h.store.tickets.get(ticket.id))!;
  await h.clientMailer.sendClientMail('progress', latest, { note: 'Fixed the proxy rule.' });
  const progress = h.mailer.sent[2];
  expect(progress).toMatchObject({
    kind: 'progress',
    locale: 'en',
    inReplyTo: '<bob-2@acme.example>',
    references: ['<root@acme.example>', '<m1@test>', '<m2@test>', '<bob-2@acme.example>'],
  });
  expect(progress.subject).toBe('[SUP-2026-0001] Update: Portal down');
  expect(progress.text).toContain('Hello Bob Smith,');
});

test("the after-hours decision is sent in the requester's language, threaded to the request; an undecided window is refused", async () => {
  const window = {
    id: 'w1',
    clientId: 'acme',
    start: '2026-03-07T15:00:00.000Z',
    end: '2026-03-07T19:00:00.000Z',
    requestedBy: 'ana@acme.example',
    requestMessageId: '<ah@acme.example>',
    requestedAt: '2026-03-02T16:00:00.000Z',
  };
  await h.clientMailer.sendAfterHoursDecision({ ...window, status: 'approved' }, 'ana@acme.example');
  const [mail] = h.mailer.sent;
  expect(mail).toMatchObject({
    kind: 'after-hours-decision',
    locale: 'es-MX',
    to: ['ana@acme.example'],
    inReplyTo: '<ah@acme.example>',
    subject: 'Solicitud fuera de horario aprobada',
  });
  expect(mail.text).toContain(
    'del sábado 7 de marzo de 2026, 09:00 (hora de la Ciudad de México) al sábado 7 de marzo de 2026, 13:00 (hora de la Ciudad de México), fue aprobada',
  );
  await expect(h.clientMailer.sendAfterHoursDecision({ ...window, status: 'requested' }, 'ana@acme.example')).rejects.toThrow(
    'window.status: an after-hours request still undecided',
  );
});

test('a store without batched writes (no setStates / completeWithState) records the same thread, index and once-key', async () => {
  const ticket = await ticketFromMail();
  const { store } = h;
  const state = {
    getState: store.state.getState.bind(store.state),
    setState: store.state.setState.bind(store.state),
    deleteState: store.state.deleteState.bind(store.state),
  };
  const alerts = {
    claim: store.alerts.claim.bind(store.alerts),
    complete: store.alerts.complete.bind(store.alerts),
    release: store.alerts.release.bind(store.alerts),
    takeOverStale: store.alerts.takeOverStale.bind(store.alerts),
    get: store.alerts.get.bind(store.alerts),
    list: store.alerts.list.bind(store.alerts),
  };
  const plain = new ClientMailer({ mailer: h.mailer, clock: h.clock, state, alerts });
  expect(await plain.sendClientMail('closure', ticket, { closeReason: 'validated' })).toEqual({
    sent: true,
    messageId: '<m2@test>',
  });
  expect(await plain.sendClientMail('closure', ticket, { closeReason: 'validated' })).toEqual({
    sent: false,
    reason: 'already-sent',
  });
  expect(await readThread(store.state, ticket.id)).toEqual({ messageIds: ['<root@acme.example>', '<m1@test>', '<m2@test>'] });
  expect(await ticketIdForMessage(store.state, '<M2@test>')).toBe(ticket.id);
  expect(await store.alerts.get(`mail:closure:${ticket.id}`)).toMatchObject({
    holder: 'client-mailer',
    ref: '<m2@test>',
    completedAt: h.clock.now().toISOString(),
  });
});

test('the batched path writes the same records: thread, index of every id, completed once-key', async () => {
  const ticket = await ticketFromMail();
  expect(await readThread(h.store.state, ticket.id)).toEqual({ messageIds: ['<root@acme.example>', '<m1@test>'] });
  expect(await ticketIdForMessage(h.store.state, '<root@acme.example>')).toBe(ticket.id);
  expect(await ticketIdForMessage(h.store.state, '<m1@test>')).toBe(ticket.id);
  expect(await h.store.alerts.get(`mail:acknowledgement:${ticket.id}`)).toMatchObject({
    holder: 'client-mailer',
    ref: '<m1@test>',
    completedAt: h.clock.now().toISOString(),
  });
});

test('a failure after the mailer accepted the message never frees the once-key: asked again, nothing is sent twice', async () => {
  const ticket = await ticketFromMail();
  const { store } = h;
  // Recording the send fails after the mailer accepted it (a store outage): the caller sees the error...
  const a = store.alerts;
  const alerts = {
    claim: a.claim.bind(a),
    complete: a.complete.bind(a),
    release: a.release.bind(a),
    takeOverStale: a.takeOverStale.bind(a),
    get: a.get.bind(a),
    list: a.list.bind(a),
    completeWithState: async () => {
      throw new Error('store down');
    },
  };
  const failing = new ClientMailer({ mailer: h.mailer, clock: h.clock, state: store.state, alerts });
  await expect(failing.sendClientMail('closure', ticket, { closeReason: 'validated' })).rejects.toThrow('store down');
  expect(h.mailer.kinds()).toEqual(['acknowledgement', 'closure']);
  // ...but the closure went out, so asking again (any instance) sends nothing more.
  expect(await h.clientMailer.sendClientMail('closure', ticket, { closeReason: 'validated' })).toEqual({
    sent: false,
    reason: 'already-sent',
  });
  expect(h.mailer.kinds()).toEqual(['acknowledgement', 'closure']);
  expect(await store.alerts.get(`mail:closure:${ticket.id}`)).toMatchObject({
    ref: '<m2@test>',
    completedAt: expect.any(String),
  });
});
