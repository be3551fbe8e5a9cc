import type { ChildProcess } from 'node:child_process';
import { killAll, startServer } from '../crash/server-process';
import { cliSandbox } from '../support/cli-runner';

/** A Teams message from `aadObjectId`, answered in the response body. */
function teamsMessage(text: string, aadObjectId: string) {
  return {
    type: 'message',
    id: `m-${aadObjectId}`,
    text,
    deliveryMode: 'expectReplies',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    locale: 'en-US',
    from: { id: `user-${aadObjectId}`, name: 'User', aadObjectId },
    recipient: { id: 'bot', name: 'Soporte' },
    conversation: { id: `personal-${aadObjectId}`, conversationType: 'personal' },
  };
}

describe('soporte staff deactivate <email> (issue 10, also)', () => {
  jest.setTimeout(120_000);
  const children: ChildProcess[] = [];
  const cli = cliSandbox('soporte-staff-');
  afterEach(() => killAll(children));

  it('deactivates the staff member; from then on the bot refuses their Teams actions', async () => {
    expect(
      (
        await cli.run(
          'staff',
          'add',
          '--name',
          'Lena',
          '--email',
          'lena@partner.example',
          '--role',
          'L2',
          '--aad-object-id',
          'aad-lena',
          '--locale',
          'en',
        )
      ).code,
    ).toBe(0);
    const server = await startServer(cli.dir, {});
    children.push(server.child);
    const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(server.lines.join('\n'))?.[1];
    const ask = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(teamsMessage('help', 'aad-lena')),
      });
      return JSON.stringify(await res.json());
    };
    expect(await ask()).not.toMatch(/not registered/i);

    const done = await cli.run('staff', 'deactivate', 'LENA@partner.example');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(
      /Deactivated staff member .* \(lena@partner\.example\): their Teams actions are refused from now on/,
    );
    const listed = await cli.run('staff', 'list', '--json');
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ email: 'lena@partner.example', active: false })]);
    expect(await ask()).toMatch(/not registered/i);

    const unknown = await cli.run('staff', 'deactivate', 'nobody@partner.example');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/nobody@partner\.example/);
  });
});
