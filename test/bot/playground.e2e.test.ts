import { cardText } from './activities';
import { BotHarness } from './bot-harness';
import { PlaygroundClient, type PlaygroundFrame } from './playground-client';

jest.setTimeout(180_000);

const fromBot = (frame: PlaygroundFrame) =>
  frame.action === 'createMessage' && frame.message.from?.id !== undefined && !frame.message.from.id.startsWith('user-id');
const cardIn = (frame: PlaygroundFrame) => cardText(frame.message.attachments?.[0]?.content);

/**
 * End to end against Microsoft's local Teams emulator (@microsoft/m365agentsplayground), started here
 * on a free port and stopped after: install greeting, help, queue, an Action.Execute answered with the
 * updated card, and a proactive SLA alert arriving in the team channel.
 */
describe('Soporte in the Microsoft 365 Agents Playground', () => {
  let h: BotHarness;
  let pg: PlaygroundClient;
  beforeAll(async () => {
    h = await BotHarness.start();
    pg = await PlaygroundClient.start(`${h.baseUrl}/api/messages`);
    const user = pg.config.currentUser;
    await h.store.directory.putStaff({
      id: 'staff-alex',
      name: 'Alex Wilber',
      email: 'alexw@example.com',
      role: 'manager',
      aadObjectId: user.aadObjectId,
      locale: 'en',
      active: true,
    });
  });
  afterAll(async () => {
    await pg?.stop();
    await h?.close();
  });

  it('greets on install, answers help and queue, updates a card on Action.Execute, and receives a proactive SLA alert', async () => {
    const chat = pg.config.personalChat.id;
    const channel = pg.config.teams[0].channels[0].id;

    // Install in the personal chat and in the team (the managers' channel): each is greeted.
    expect((await pg.install(chat)).status).toBe(200);
    const greeting = await pg.waitFor((f) => fromBot(f) && f.actionConversationId === chat);
    expect(greeting.message.text).toBe('Hi Alex Wilber, I am Soporte. Type "help" to see what I can do.');
    expect((await pg.install(channel)).status).toBe(200);
    const channelGreeting = await pg.waitFor((f) => fromBot(f) && f.actionConversationId === channel);
    expect(channelGreeting.message.text).toMatch(/SLA alerts and the daily digest will be posted here/);

    // help
    let since = pg.frames.length;
    await pg.say(chat, 'help');
    const help = await pg.waitFor(
      (f) => fromBot(f) && f.actionConversationId === chat && cardIn(f).includes('Soporte commands'),
      since,
    );
    expect(cardIn(help)).toMatch(/ticket <number>: A ticket card with its actions/);

    // queue
    const ticket = await h.openTicket({ priority: 'high', subject: 'Exchange mailbox does not sync' });
    since = pg.frames.length;
    await pg.say(chat, 'queue');
    const queue = await pg.waitFor((f) => fromBot(f) && cardIn(f).includes('Queue:'), since);
    expect(cardIn(queue)).toMatch(
      new RegExp(`Queue: 1 new or unassigned[\\s\\S]*${ticket.number} · Exchange mailbox does not sync`),
    );

    // ticket card, then Action.Execute "assign to me" answered with the updated card
    since = pg.frames.length;
    await pg.say(chat, `ticket ${ticket.number}`);
    const card = await pg.waitFor((f) => fromBot(f) && cardIn(f).includes('Assignee: Unassigned'), since);
    const invoke = await pg.execute(chat, card.message.messageId, 'ticket.assignToMe', {
      ticketId: ticket.id,
      version: ticket.version,
      view: 'ticket',
    });
    expect(invoke.status).toBe(200);
    expect(JSON.stringify(invoke.body)).toContain('Assignee');
    expect(cardText((invoke.body as { value: unknown }).value)).toMatch(/Assignee: Alex Wilber/);
    expect((await h.store.tickets.get(ticket.id))?.assigneeId).toBe('staff-alex');

    // Time passes: the SLA monitor finds the response clock at risk and the alert lands in the channel.
    h.clock.advanceMinutes(3 * 60 + 30);
    since = pg.frames.length;
    await h.monitor().sweep();
    const alert = await pg.waitFor(
      (f) => f.action === 'createMessage' && f.actionConversationId === channel && cardIn(f).includes('At risk: response SLA'),
      since,
    );
    expect(cardIn(alert)).toMatch(new RegExp(`At risk: response SLA of ${ticket.number}[\\s\\S]*Assignee: Alex Wilber`));

    // The ticket changes: the alert card is updated in place in the channel.
    const current = await h.store.tickets.get(ticket.id);
    await h.services.tickets.acknowledge(
      { role: 'manager', id: 'staff-alex' },
      { ticketId: ticket.id, expectedVersion: current?.version ?? '' },
    );
    const updated = await pg.waitFor(
      (f) =>
        f.action === 'updateMessage' && f.actionConversationId === channel && f.message.messageId === alert.message.messageId,
      since,
    );
    expect(cardIn(updated)).toMatch(/Response SLA: Met/);
  });
});
