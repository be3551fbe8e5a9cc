import { emailLifecycle } from '../../../bench/email-lifecycle';

/** Issue 13's bench as a guard: the Graph requests of an email ticket's life do not creep back up. */
describe('email ticket lifecycle on SharePoint + Graph mail', () => {
  it('takes at most 20 Graph requests (10 Outlook calls, inside them) and 132 SharePoint resource units', async () => {
    const { steps, idlePass } = await emailLifecycle();
    const byStep = Object.fromEntries(steps.map((s) => [s.step.split(':')[0]!.split(' ')[0], s.requests]));
    expect(byStep).toEqual({ intake: 7, respond: 2, 'follow-up': 1, resolve: 2, client: 8 });
    expect(steps.reduce((n, s) => n + s.mail, 0)).toBe(10);
    expect(steps.reduce((n, s) => n + s.units, 0)).toBeLessThanOrEqual(132);
    // Between mails: the lease renewal and the delta read in one batch, then the delta link saved.
    expect(idlePass).toMatchObject({ requests: 2, mail: 1 });
  });
});
