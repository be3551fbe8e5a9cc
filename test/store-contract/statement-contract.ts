import { ConflictError } from '../../shared/domain/common';
import { DEFAULT_POLICY } from '../../shared/domain/policy';
import { buildStatement } from '../../shared/domain/statement';
import { statementId, type Statement } from '../../shared/domain/statement';
import type { ContractContext, ContractTest } from './contract-context';

function makeStatement(clientId: string, month: string, patch: Partial<Statement> = {}): Statement {
  const data = buildStatement({
    client: { id: clientId, name: clientId.toUpperCase(), locale: 'es-MX' },
    policy: DEFAULT_POLICY,
    month,
    tickets: [],
    entries: [],
  });
  return {
    id: statementId(clientId, month),
    clientId,
    month,
    status: 'draft',
    draftedAt: '2026-03-02T14:00:00.000Z',
    data,
    ...patch,
  };
}

/** Monthly statements: drafts replaced, sent ones immutable, found by the Message-ID replies thread on. */
export function statementContract(contractTest: ContractTest, ctx: ContractContext): void {
  contractTest('statements: put, get, replace a draft, list by client and status', async () => {
    const feb = makeStatement('client-a', '2026-02');
    const jan = makeStatement('client-a', '2026-01', { status: 'held', note: 'waiting for the rate' });
    const other = makeStatement('client-b', '2026-02');
    for (const s of [feb, jan, other]) await ctx.store.statements.put(s);
    expect(await ctx.store.statements.get(feb.id)).toEqual(feb);
    expect(await ctx.store.statements.get('stmt-nobody-2026-02')).toBeUndefined();
    const redrafted = { ...feb, draftedAt: '2026-03-03T14:00:00.000Z' };
    await ctx.store.statements.put(redrafted);
    expect(await ctx.store.statements.get(feb.id)).toEqual(redrafted);
    expect((await ctx.store.statements.list({ clientId: 'client-a' })).map((s) => s.month)).toEqual(['2026-01', '2026-02']);
    expect((await ctx.store.statements.list({ status: 'draft' })).map((s) => s.id)).toEqual([feb.id, other.id]);
  });

  contractTest('statements: a sent statement is immutable, found by its Message-ID, and collects replies', async () => {
    const sent = makeStatement('client-a', '2026-02', {
      status: 'sent',
      decidedBy: 'staff-manager',
      decidedAt: '2026-03-02T15:00:00.000Z',
      sentMessageId: '<stmt-1@soporte.test>',
      sentTo: ['bob@acme.example'],
    });
    await ctx.store.statements.put(makeStatement('client-a', '2026-02'));
    await ctx.store.statements.put(sent);
    await expect(ctx.store.statements.put({ ...sent, status: 'held', note: 'oops' })).rejects.toBeInstanceOf(ConflictError);
    await expect(ctx.store.statements.put(makeStatement('client-a', '2026-02'))).rejects.toBeInstanceOf(ConflictError);
    expect(await ctx.store.statements.get(sent.id)).toEqual(sent);
    expect((await ctx.store.statements.findBySentMessageId('<stmt-1@soporte.test>'))?.id).toBe(sent.id);
    expect(await ctx.store.statements.findBySentMessageId('<other@soporte.test>')).toBeUndefined();
    const reply = {
      at: '2026-03-03T16:00:00.000Z',
      from: 'bob@acme.example',
      intent: 'agreed' as const,
      excerpt: 'De acuerdo',
      messageId: '<r1@acme.example>',
    };
    await ctx.store.statements.addReply(sent.id, reply);
    expect(await ctx.store.statements.get(sent.id)).toEqual({ ...sent, replies: [reply] });
  });
}
