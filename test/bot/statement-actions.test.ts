import { cardAction, cardText } from './activities';
import { BotHarness } from './bot-harness';
import { invokeTurn } from './bot-turns';

const MANAGER = { aadObjectId: 'aad-manager', locale: 'en-US' };
const L2 = { aadObjectId: 'aad-l2', locale: 'en-US' };

describe('Teams: a manager holds or sends a drafted statement from its card', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
    await h.store.directory.putRequester({
      id: 'r-bob',
      clientId: 'acme',
      email: 'bob@acme.example',
      name: 'Bob',
      isClientAdmin: true,
      effectiveFrom: '2026-01-01T00:00:00.000Z',
    });
    await h.services.statements.draft({ role: 'manager', id: 'staff-manager' }, 'acme', '2026-02');
  });
  afterEach(async () => h.close());

  it('needs a note to hold, refuses other roles, and sends once to the client administrators', async () => {
    const noNote = await invokeTurn(h, cardAction('statement.hold', { statementId: 'stmt-acme-2026-02', note: '' }, MANAGER));
    expect(JSON.stringify(noNote.value)).toMatch(/note/);
    const held = await invokeTurn(
      h,
      cardAction('statement.hold', { statementId: 'stmt-acme-2026-02', note: 'check the sessions' }, MANAGER),
    );
    expect(held.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(held.value)).toMatch(/Held by Marta Manager: check the sessions/);
    expect((await h.store.statements.get('stmt-acme-2026-02'))?.status).toBe('held');

    const refused = await invokeTurn(h, cardAction('statement.send', { statementId: 'stmt-acme-2026-02' }, L2));
    expect(refused.type).not.toBe('application/vnd.microsoft.card.adaptive');
    expect(h.mailer.sent.filter((m) => m.kind === 'statement')).toEqual([]);

    const sent = await invokeTurn(h, cardAction('statement.send', { statementId: 'stmt-acme-2026-02' }, MANAGER));
    expect(cardText(sent.value)).toMatch(/Sent by Marta Manager to bob@acme.example/);
    expect(JSON.stringify(sent.value)).not.toContain('statement.send');
    const mails = h.mailer.sent.filter((m) => m.kind === 'statement');
    expect(mails.map((m) => [m.to, m.attachments?.length])).toEqual([[['bob@acme.example'], 3]]);
    const again = await invokeTurn(h, cardAction('statement.send', { statementId: 'stmt-acme-2026-02' }, MANAGER));
    expect(again.type).not.toBe('application/vnd.microsoft.card.adaptive');
    expect(h.mailer.sent.filter((m) => m.kind === 'statement')).toHaveLength(1);
  });
});
