import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MailPoller } from '../../shared/application/intake/mail-poller';
import { MaildropMailbox } from '../../shared/infra/mail/maildrop-mailbox';
import { eml, intakeHarness } from '../mail/intake-harness';
import { cliSandbox } from '../support/cli-runner';

/**
 * A stranger's email is quarantined by the server's maildrop intake (the real poller over DATA_DIR); the
 * operator lists the quarantine, authorizes the sender and releases the message with the real CLI.
 */
describe('soporte mail list --quarantine / mail release (maildrop, child processes)', () => {
  jest.setTimeout(120_000);
  const cli = cliSandbox('soporte-quarantine-');
  beforeAll(async () => {
    const h = await intakeHarness({ dataDir: cli.dir, startAt: '2026-12-07T16:00:00.000Z' });
    try {
      mkdirSync(join(cli.dir, 'maildrop'), { recursive: true });
      writeFileSync(
        join(cli.dir, 'maildrop', 'pedro.eml'),
        eml({
          from: 'Pedro Gómez <pedro@acme.example>',
          subject: 'No puedo entrar al ERP',
          id: '<pedro-1@acme.example>',
          date: 'Mon, 7 Dec 2026 15:55:00 +0000',
        }).replace(/\n/g, '\r\n'),
      );
      const report = await new MailPoller(
        new MaildropMailbox({ dataDir: cli.dir, attachments: h.attachments, clock: h.clock }),
        h.intake,
      ).pollOnce();
      expect(report).toMatchObject({ quarantined: 1, processed: 0 });
    } finally {
      await h.close();
    }
  });

  it('shows what waits in quarantine and why', async () => {
    const listed = await cli.run('mail', 'list', '--quarantine');
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toMatch(
      /pedro\.eml\s+Mon 7 Dec 2026 10:00 \(Mexico City time\)\s+pedro@acme\.example\s+No puedo entrar al ERP\s+unauthorized: pedro@acme\.example is not an authorized requester of ACME/,
    );
    const waiting = await cli.json<Array<{ id: string; action: string }>>('mail', 'list', '--quarantine');
    expect(waiting).toEqual([expect.objectContaining({ id: 'pedro.eml', action: 'unauthorized', from: 'pedro@acme.example' })]);
  });

  it('refuses to release while the sender is still unauthorized, then re-ingests it once they are', async () => {
    const early = await cli.run('mail', 'release', 'pedro.eml');
    expect(early.code).toBe(1);
    expect(early.stderr.trim()).toBe(
      'error: sender: pedro@acme.example is still not an authorized requester of ACME: authorize them first (soporte requesters add --client acme --email pedro@acme.example ...)',
    );
    expect(existsSync(join(cli.dir, 'outbox')) ? readdirSync(join(cli.dir, 'outbox')) : []).toEqual([]);

    await cli.json('requesters', 'add', '--client', 'acme', '--email', 'pedro@acme.example', '--name', 'Pedro Gómez');
    const released = await cli.run('mail', 'release', 'pedro.eml');
    expect(released.code).toBe(0);
    expect(released.stdout).toMatch(/^Released pedro\.eml: opened SUP-\d{4}-0001 /);
    const outbox = readdirSync(join(cli.dir, 'outbox'));
    expect(outbox).toEqual([expect.stringMatching(/SUP-\d{4}-0001-acknowledgement\.eml$/)]);
    expect(readFileSync(join(cli.dir, 'outbox', outbox[0]!), 'utf8')).toMatch(/^To: pedro@acme\.example$/m);

    expect(await cli.json<unknown[]>('mail', 'list', '--quarantine')).toEqual([]);
    const record = JSON.parse(readFileSync(join(cli.dir, 'mail', 'processed', 'pedro.eml.reason.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(record).toMatchObject({
      disposition: 'processed',
      action: 'opened',
      releasedBy: expect.stringMatching(/^cli:/),
      quarantined: expect.objectContaining({ action: 'unauthorized' }),
    });
    expect(readdirSync(join(cli.dir, 'mail', 'quarantine'))).toEqual([]);
  });

  it('says which message it does not know', async () => {
    for (const id of ['nope.eml', '../processed/pedro.eml']) {
      const result = await cli.run('mail', 'release', id);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`error: quarantined message ${id} not found`);
    }
  });
});
