import { resolveBotIdentity } from '../../bot/adapter/bot-identity';
import { BotConnector } from '../support/connector/bot-connector';
import { actionData, cardAction, cardText, installed, message } from './activities';
import { BotHarness } from './bot-harness';

const L2 = { aadObjectId: 'aad-l2', locale: 'en-US' };

describe('Teams bot over HTTP (restify on 127.0.0.1, CloudAdapter in local mode)', () => {
  let h: BotHarness;
  let connector: BotConnector;
  beforeEach(async () => {
    h = await BotHarness.start();
    connector = await BotConnector.start();
  });
  afterEach(async () => {
    await h.close();
    await connector.close();
  });

  it('answers a command in the response body with deliveryMode expectReplies', async () => {
    const ticket = await h.openTicket();
    const { status, body } = await h.post({ ...message(`ticket ${ticket.number}`, L2), deliveryMode: 'expectReplies' });
    expect(status).toBe(200);
    expect(body.activities).toHaveLength(1);
    expect(cardText(body.activities?.[0].attachments?.[0].content)).toMatch(new RegExp(`${ticket.number}[\\s\\S]*Status: New`));
    expect(connector.calls).toHaveLength(0);
  });

  it('answers Action.Execute with the updated card in the invoke response', async () => {
    const ticket = await h.openTicket();
    const { status, body } = await h.post(cardAction('ticket.assignToMe', { ticketId: ticket.id, version: ticket.version }, L2));
    expect(status).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toMatch(/Assignee: Lena L2/);
  });

  it("saves the managers' channel on install, greets it, and posts SLA alerts there, updated in place", async () => {
    const channel = {
      aadObjectId: 'aad-manager',
      conversationType: 'channel' as const,
      conversationId: '19:managers@thread.tacv2',
      serviceUrl: connector.serviceUrl,
    };
    expect((await h.post(installed(channel))).status).toBe(200);
    const greeting = await connector.waitFor((c) => c.conversationId === channel.conversationId);
    expect(greeting.activity.text).toMatch(/SLA alerts and the daily digest will be posted here/);

    const ticket = await h.openTicket({ priority: 'high' });
    h.clock.advanceMinutes(3 * 60 + 30); // past the high-priority target (at risk), before the 4 h breach
    await h.monitor().sweep();
    const alert = await connector.waitFor(
      (c) => c.method === 'post' && JSON.stringify(c.activity).includes('At risk: response SLA'),
    );
    const card = (alert.activity.attachments as Array<{ content: unknown }>)[0].content;
    expect(cardText(card)).toMatch(new RegExp(`At risk: response SLA of ${ticket.number}`));
    expect(cardText(card)).toMatch(/Assignee: Unassigned/);

    // A manager assigns from the alert card: the card answers in place and the channel copy follows.
    const data = actionData(card, 'ticket.assignToMe');
    const { body } = await h.post(
      cardAction('ticket.assignToMe', data, {
        aadObjectId: 'aad-manager',
        locale: 'en-US',
        conversationType: 'channel',
        conversationId: channel.conversationId,
        serviceUrl: connector.serviceUrl,
      }),
    );
    expect(cardText(body.value)).toMatch(/At risk: response SLA/);
    expect(cardText(body.value)).toMatch(/Assignee: Marta Manager/);
    const update = await connector.waitFor((c) => c.method === 'update' && c.activityId === alert.activityId);
    expect(cardText((update.activity.attachments as Array<{ content: unknown }>)[0].content)).toMatch(/Assignee: Marta Manager/);

    // The breach updates the same card rather than posting another.
    h.clock.advanceMinutes(60);
    await h.monitor().sweep();
    const breached = await connector.waitFor(
      (c) => c.method === 'update' && JSON.stringify(c.activity).includes('Breached: response SLA'),
    );
    expect(breached.activityId).toBe(alert.activityId);
    expect(connector.of('post').filter((c) => JSON.stringify(c.activity).includes('response SLA'))).toHaveLength(1);
  });

  it("sends assignments and the L4 prompt to the consultant's personal chat", async () => {
    const personal = {
      aadObjectId: 'aad-l2',
      locale: 'en-US',
      conversationId: 'a:personal-l2',
      serviceUrl: connector.serviceUrl,
    };
    await h.post(installed(personal));
    const greeting = await connector.waitFor((c) => c.conversationId === personal.conversationId);
    expect(greeting.activity.text).toBe('Hi Lena L2, I am Soporte. Type "help" to see what I can do.');

    const ticket = await h.openTicket({ priority: 'critical', subject: 'Exchange Online mail flow stopped' });
    const assigned = await h.services.tickets.assign(
      { role: 'manager', id: 'staff-manager' },
      { ticketId: ticket.id, expectedVersion: ticket.version },
      'staff-l2',
    );
    const notice = await connector.waitFor(
      (c) => c.conversationId === personal.conversationId && String(c.activity.text).startsWith('You were assigned'),
    );
    expect(cardText((notice.activity.attachments as Array<{ content: unknown }>)[0].content)).toMatch(/Assignee: Lena L2/);

    const open = await h.services.tickets.acknowledge(
      { role: 'L2', id: 'staff-l2' },
      { ticketId: assigned.id, expectedVersion: assigned.version },
    );
    await h.services.tickets.escalate(
      { role: 'L2', id: 'staff-l2' },
      { ticketId: open.id, expectedVersion: open.version },
      'L4',
      'Mail flow rule engine bug',
    );
    const prompt = await connector.waitFor(
      (c) => c.conversationId === personal.conversationId && JSON.stringify(c.activity).includes('Raise the Microsoft case'),
    );
    const l4 = (prompt.activity.attachments as Array<{ content: unknown }>)[0].content;
    const json = JSON.stringify(l4);
    expect(json).toContain('"id":"severity","label":"Severity","value":"A"');
    expect(json).toContain('Exchange Online');
    expect(json).toContain('ACME (11111111-2222-3333-4444-555555555555)');
    expect(json).toContain('Since this morning the finance mailbox');

    const { body } = await h.post(
      cardAction('l4.recordCase', { ...actionData(l4, 'l4.recordCase'), caseNumber: '2603020040001234' }, personal),
    );
    expect(cardText(body.value)).toMatch(/Microsoft case 2603020040001234 recorded/);
    expect((await h.store.tickets.get(ticket.id))?.microsoftCaseNumber).toBe('2603020040001234');
  });

  it("only staff set the managers' channel and only a manager moves it: an outsider's install redirects nothing", async () => {
    const managers = {
      aadObjectId: 'aad-manager',
      locale: 'en-US',
      conversationType: 'channel' as const,
      conversationId: '19:managers@thread.tacv2',
      serviceUrl: connector.serviceUrl,
    };
    const outsider = {
      aadObjectId: 'aad-stranger',
      locale: 'en-US',
      conversationType: 'channel' as const,
      conversationId: '19:outsiders@thread.tacv2',
      serviceUrl: connector.serviceUrl,
    };
    await h.post(installed(outsider));
    const refused = await connector.waitFor((c) => c.conversationId === outsider.conversationId);
    expect(refused.activity.text).toMatch(/You are not registered in Soporte/);
    expect(await h.store.state.getState('teams:ref:managers-channel')).toBeUndefined();

    await h.post(installed(managers));
    await connector.waitFor((c) => c.conversationId === managers.conversationId);
    const other = {
      ...L2,
      conversationType: 'channel' as const,
      conversationId: '19:dev-team@thread.tacv2',
      serviceUrl: connector.serviceUrl,
    };
    await h.post(installed(other));
    const kept = await connector.waitFor((c) => c.conversationId === other.conversationId);
    expect(kept.activity.text).toMatch(/SLA alerts stay in the channel where they are posted now/);
    const saved = await h.store.state.getState<{ conversation: { id: string } }>('teams:ref:managers-channel');
    expect(saved?.conversation.id).toBe(managers.conversationId);
  });

  it("sends reminders to the assignee's chat and budget, after-hours and closure notices to the channel", async () => {
    const channel = {
      aadObjectId: 'aad-manager',
      conversationType: 'channel' as const,
      conversationId: '19:managers@thread.tacv2',
      serviceUrl: connector.serviceUrl,
      locale: 'en-US',
    };
    const personal = {
      aadObjectId: 'aad-l2',
      locale: 'en-US',
      conversationId: 'a:personal-l2',
      serviceUrl: connector.serviceUrl,
    };
    await h.post(installed(channel));
    await h.post(installed(personal));
    const ticket = await h.openTicket();
    const assigned = await h.services.tickets.assign(
      { role: 'manager', id: 'staff-manager' },
      { ticketId: ticket.id, expectedVersion: ticket.version },
      'staff-l2',
    );
    const withCase = { ...assigned, microsoftCaseNumber: '2603020040001234' };
    const notifier = h.runtime.notifier;
    const text = (conversationId: string, pattern: RegExp) =>
      connector.waitFor((c) => c.conversationId === conversationId && pattern.test(String(c.activity.text)));

    await notifier.notify({ kind: 'phone-email-reminder', ticket: assigned });
    await text(personal.conversationId, new RegExp(`Reminder: ${ticket.number} .* still has no client email`));
    await notifier.notify({ kind: 'microsoft-case-reminder', ticket: withCase });
    await text(personal.conversationId, new RegExp(`${ticket.number} is waiting on Microsoft case 2603020040001234`));
    await notifier.notify({ kind: 'budget-alert', ticket: assigned, percent: 80, consumedMinutes: 288, budgetMinutes: 360 });
    await text(channel.conversationId, new RegExp(`${ticket.number} \\(ACME\\): 288 of 360 min of its budget used, 80%`));
    await notifier.notify({ kind: 'after-hours-unapproved', ticket: assigned, entryId: 'e1' });
    await text(channel.conversationId, /after-hours work was logged without an approved window/);
    await notifier.notify({ kind: 'closed-no-response', ticket: assigned });
    await text(channel.conversationId, /closed for lack of response/);
    await notifier.notify({
      kind: 'unauthorized-sender',
      clientId: 'acme',
      senderEmail: 'mallory@elsewhere.example',
      subject: 'Help',
      quarantineRef: 'q1',
      managerEmails: [],
    });
    await text(channel.conversationId, /mallory@elsewhere\.example wrote "Help" but is not an authorized requester of ACME/);
    expect(h.fallback.sent).toHaveLength(0);
  });

  it('falls back to the log notifier when Teams has no conversation for a notification', async () => {
    const ticket = await h.openTicket();
    await h.services.tickets.assign(
      { role: 'manager', id: 'staff-manager' },
      { ticketId: ticket.id, expectedVersion: ticket.version },
      'staff-l1',
    );
    expect(h.fallback.sent.map((n) => n.kind)).toContain('assignment');
    expect(connector.calls).toHaveLength(0);
  });

  it("posts the daily digest card in the managers' channel", async () => {
    const channel = {
      aadObjectId: 'aad-manager',
      conversationType: 'channel' as const,
      conversationId: '19:managers@thread.tacv2',
      serviceUrl: connector.serviceUrl,
      locale: 'es-MX',
    };
    await h.post(installed(channel));
    const ticket = await h.openTicket();
    await h.runtime.notifier.notify({
      kind: 'daily-digest',
      date: '2026-03-02',
      lines: [
        {
          ticketNumber: ticket.number,
          ticketId: ticket.id,
          subject: ticket.subject,
          status: 'new',
          priority: 'high',
          responseState: 'at-risk',
          resolutionState: 'on-track',
        },
      ],
    });
    const digest = await connector.waitFor((c) => JSON.stringify(c.activity).includes('Resumen diario'));
    expect(cardText((digest.activity.attachments as Array<{ content: unknown }>)[0].content)).toMatch(
      /Nuevo \(en espera de primera respuesta\) · Alta · Sin asignar · respuesta En riesgo/,
    );
  });
});

describe('bot identity and authentication', () => {
  it('refuses to start in production without a bot identity, naming what is missing', () => {
    expect(() => resolveBotIdentity({ NODE_ENV: 'production' })).toThrow(
      /MicrosoftAppType must be SingleTenant or UserAssignedMSI.*MicrosoftAppId.*MicrosoftAppTenantId/,
    );
    expect(() =>
      resolveBotIdentity({
        NODE_ENV: 'production',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppId: 'app',
        MicrosoftAppTenantId: 'tenant',
      }),
    ).toThrow(/SingleTenant needs MicrosoftAppPassword or CertificateThumbprint/);
    expect(() =>
      resolveBotIdentity({
        NODE_ENV: 'production',
        MicrosoftAppType: 'MultiTenant',
        MicrosoftAppId: 'app',
        MicrosoftAppTenantId: 't',
      }),
    ).toThrow(/got "MultiTenant"/);
    expect(
      resolveBotIdentity({
        NODE_ENV: 'production',
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppId: 'app',
        MicrosoftAppTenantId: 'tenant',
      }),
    ).toEqual({ mode: 'user-assigned-msi', appId: 'app', tenantId: 'tenant' });
    expect(resolveBotIdentity({ NODE_ENV: 'development' })).toEqual({ mode: 'local' });
  });

  it('rejects unauthenticated requests once a bot identity is configured', async () => {
    const h = await BotHarness.start({
      identity: { mode: 'single-tenant', appId: 'c0ffee00-0000-4000-8000-000000000001', tenantId: 'tenant', password: 'secret' },
    });
    // botbuilder logs the refused request itself; keep it out of the test output, but check it happened.
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { status } = await h.post({ ...message('help', L2), deliveryMode: 'expectReplies' });
      expect(status).toBe(401);
      expect(String(logged.mock.calls[0]?.[0])).toMatch(/Unauthorized Access/);
    } finally {
      logged.mockRestore();
      await h.close();
    }
  });
});
