import { messageExtension } from './activities';
import { BotHarness } from './bot-harness';
import { testTurn } from './bot-turns';

/** A task module's value: the form (continue) or the message shown. */
type TaskValue = string & { card: { content: unknown } };

const L1 = { aadObjectId: 'aad-l1', locale: 'en-US' };
const TEAMS_MESSAGE = {
  id: '1772467200000',
  body: {
    contentType: 'html',
    content: '<p>ACME says: mailbox sync is broken</p><p>Finance cannot receive mail since 9:00.</p>',
  },
};

async function invoke(
  h: BotHarness,
  name: 'composeExtension/fetchTask' | 'composeExtension/submitAction',
  value: Record<string, unknown>,
  from = L1,
) {
  const sent = await testTurn(h, messageExtension(name, value, from));
  const response = sent.find((a) => a.type === 'invokeResponse');
  return (response?.value as { body: { task: { type: string; value: TaskValue } } }).body.task;
}

describe('message action "Create ticket from this message"', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers fetchTask with a form prefilled from the message', async () => {
    const task = await invoke(h, 'composeExtension/fetchTask', {
      commandId: 'createTicketFromMessage',
      commandContext: 'message',
      messagePayload: TEAMS_MESSAGE,
    });
    expect(task.type).toBe('continue');
    const json = JSON.stringify(task.value.card.content);
    expect(json).toContain(
      '"id":"subject","label":"Subject","isRequired":true,"errorMessage":"This field is required.","value":"ACME says: mailbox sync is broken"',
    );
    expect(json).toContain('Finance cannot receive mail since 9:00.');
    expect(json).toContain('"title":"ACME","value":"acme"');
    expect(json).toContain(`"sourceMessageId":"${TEAMS_MESSAGE.id}"`);
  });

  it('opens the ticket for the chosen client on submitAction, once per message', async () => {
    const data = {
      clientId: 'acme',
      requesterEmail: 'ana@acme.example',
      subject: 'Mailbox sync broken',
      description: 'Finance cannot receive mail.',
      priority: 'high',
      sourceMessageId: TEAMS_MESSAGE.id,
    };
    const task = await invoke(h, 'composeExtension/submitAction', { commandId: 'createTicketFromMessage', data });
    expect(task).toEqual({ type: 'message', value: 'Ticket SUP-2026-0001 opened.' });
    const ticket = await h.store.tickets.getByNumber('SUP-2026-0001');
    expect(ticket).toEqual(
      expect.objectContaining({
        clientId: 'acme',
        channel: 'teams',
        priority: 'high',
        sourceMessageId: `teams:${TEAMS_MESSAGE.id}`,
        awaitingEmail: true,
      }),
    );
    const again = await invoke(h, 'composeExtension/submitAction', { commandId: 'createTicketFromMessage', data });
    expect(again.value).toBe('This message already has ticket SUP-2026-0001.');
  });

  it('refuses a requester the client did not authorize, and unknown users', async () => {
    const data = {
      clientId: 'acme',
      requesterEmail: 'mallory@elsewhere.example',
      subject: 'x',
      description: 'y',
      sourceMessageId: '1',
    };
    const refused = await invoke(h, 'composeExtension/submitAction', { commandId: 'createTicketFromMessage', data });
    expect(refused.value).toMatch(/not an authorized requester of client ACME/);
    const stranger = await invoke(
      h,
      'composeExtension/fetchTask',
      { commandId: 'createTicketFromMessage', messagePayload: TEAMS_MESSAGE },
      { aadObjectId: 'aad-nobody', locale: 'en-US' },
    );
    expect(stranger.value).toMatch(/not registered/);
  });
});
