import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGzip, gzipSync } from 'node:zlib';
import { ApiHarness } from '../api/api-harness';
import { message } from './activities';
import { BotHarness } from './bot-harness';

interface Raw {
  status: number;
  type: string;
  text: string;
}

/** One HTTP request with a raw body (a Buffer, or a stream sent chunked), over TCP or a Unix socket. */
function send(
  target: { baseUrl?: string; socketPath?: string },
  path: string,
  headers: Record<string, string>,
  body?: Buffer | Readable,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const url = target.baseUrl ? new URL(path, target.baseUrl) : undefined;
    const req = request(
      { method: 'POST', path, headers, ...(url ? { host: url.hostname, port: url.port } : { socketPath: target.socketPath }) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    // The server may answer and close before the whole body is sent: the answer is what counts.
    req.on('error', (error) =>
      error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error),
    );
    if (body instanceof Readable) body.pipe(req);
    else req.end(body);
  });
}

/** A gzip stream of `bytes` zeros (a "zip bomb": tiny on the wire, huge once inflated), made lazily. */
function gzipBomb(bytes: number): Readable {
  const block = Buffer.alloc(1024 * 1024);
  let left = bytes;
  const zeros = new Readable({
    read() {
      const n = Math.min(block.length, left);
      left -= n;
      this.push(n > 0 ? block.subarray(0, n) : null);
    },
  });
  return zeros.pipe(createGzip({ level: 9 }));
}

function uploadFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.startsWith('upload_'));
}

function multipart(boundary: string): Buffer {
  return Buffer.from(
    [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="big.bin"',
      'Content-Type: application/octet-stream',
      '',
      'x'.repeat(200_000),
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

describe('anonymous requests cannot hurt the server (issue 10, points 1-3)', () => {
  jest.setTimeout(60_000);
  let api: ApiHarness;
  let bot: BotHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
    bot = await BotHarness.start();
  });
  afterAll(async () => {
    await api.close();
    await bot.close();
  });

  it.each([
    ['/api/v1/tickets', () => api.baseUrl],
    ['/api/messages', () => bot.baseUrl],
  ])(
    'POST %s with a gzip body inflating to 200 MB: 413 problem+json before authentication, and the server lives on',
    async (path, base) => {
      const before = process.memoryUsage().rss;
      const answer = await send(
        { baseUrl: base() },
        path,
        { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        gzipBomb(200 * 1024 * 1024),
      );
      expect(answer.status).toBe(413);
      expect(answer.type).toBe('application/problem+json');
      expect(JSON.parse(answer.text)).toMatchObject({ status: 413, code: 'payload-too-large' });
      // Reading stopped at the limit: nowhere near the inflated size was held in memory.
      expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
      expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    },
  );

  it('counts the decoded bytes: a small gzip body over the configured limit is refused, one under it is read', async () => {
    const small = await ApiHarness.start({ bodyLimits: { apiBytes: 4096, botBytes: 4096 } });
    try {
      const big = gzipSync(Buffer.from(JSON.stringify({ subject: 'x'.repeat(10_000) })));
      expect(big.length).toBeLessThan(4096);
      const refused = await send(
        { baseUrl: small.baseUrl },
        '/api/v1/tickets',
        { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${await small.ana()}` },
        big,
      );
      expect(refused.status).toBe(413);
      const ok = await send(
        { baseUrl: small.baseUrl },
        '/api/v1/tickets',
        { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${await small.ana()}` },
        gzipSync(Buffer.from(JSON.stringify({ subject: 'hola' }))),
      );
      expect(ok.status).toBe(400); // read and parsed: the schema names what is missing
      expect(JSON.parse(ok.text).detail).toMatch(/internetMessageId/);
    } finally {
      await small.close();
    }
  });

  it.each([
    ['/api/v1/tickets', () => api.baseUrl],
    ['/api/messages', () => bot.baseUrl],
  ])('a multipart upload to %s is refused (415) and leaves no file in the temp folder', async (path, base) => {
    const before = uploadFilesIn(tmpdir());
    const answer = await send(
      { baseUrl: base() },
      path,
      { 'content-type': 'multipart/form-data; boundary=XyZ' },
      multipart('XyZ'),
    );
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.text)).toMatchObject({ status: 415, code: 'unsupported-media-type' });
    expect(uploadFilesIn(tmpdir()).filter((f) => !before.includes(f))).toEqual([]);
  });

  it('a form-encoded body does not create a ticket, even with a valid token', async () => {
    const form = new URLSearchParams({
      internetMessageId: '<form@acme.example>',
      subject: 'form',
      body: 'b',
      priority: 'high',
      incidentType: 'technical-urgent',
    }).toString();
    const answer = await send(
      { baseUrl: api.baseUrl },
      '/api/v1/tickets',
      { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${await api.ana()}` },
      Buffer.from(form),
    );
    expect(answer.status).toBe(415);
    expect(await api.store.tickets.findBySourceMessageId('<form@acme.example>')).toBeUndefined();
  });

  it('an unknown Content-Encoding is 415; broken gzip and broken JSON are 400', async () => {
    const json = { 'content-type': 'application/json' };
    expect(
      (await send({ baseUrl: api.baseUrl }, '/api/v1/tickets', { ...json, 'content-encoding': 'zstd' }, Buffer.from('{}')))
        .status,
    ).toBe(415);
    expect(
      (
        await send(
          { baseUrl: api.baseUrl },
          '/api/v1/tickets',
          { ...json, 'content-encoding': 'gzip' },
          Buffer.from('not gzip at all'),
        )
      ).status,
    ).toBe(400);
    expect((await send({ baseUrl: api.baseUrl }, '/api/v1/tickets', json, Buffer.from('{"subject":'))).status).toBe(400);
  });

  it.each([
    ['GET', '/api/v1/no-such-route', 404, 'Not found'],
    ['DELETE', '/api/v1/tickets', 405, 'Method not allowed'],
  ])('%s %s: problem titled in words a person understands, not a class name', async (method, path, status, title) => {
    const res = await fetch(`${api.baseUrl}${path}`, { method });
    expect(res.status).toBe(status);
    const problem = (await res.json()) as { title: string };
    expect(problem.title).toBe(title);
    expect(problem.title).not.toMatch(/Error$|[a-z][A-Z]/);
  });

  it.each([
    ['not an object', '"hello"'],
    ['no type', JSON.stringify({ channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c' } })],
    ['no conversation', JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/' })],
    [
      'a conversation that is a string',
      JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', conversation: 'c' }),
    ],
  ])('a malformed activity (%s) gets 400 with a plain message naming no internal function', async (_what, body) => {
    const answer = await send(
      { baseUrl: bot.baseUrl },
      '/api/messages',
      { 'content-type': 'application/json' },
      Buffer.from(body),
    );
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/^text\/plain/);
    expect(answer.text).toMatch(/^Bad Request: not a Bot Framework activity/);
    expect(answer.text).not.toMatch(/Error|at |\.js|\.ts|Parse/);
  });

  it('an unknown command is quoted back short, never whole', async () => {
    const word = 'x'.repeat(300_000);
    const { status, body } = await bot.post({
      ...message(word, { aadObjectId: 'aad-l2', locale: 'en-US' }),
      deliveryMode: 'expectReplies',
    });
    expect(status).toBe(200);
    const reply = String(body.activities?.[0].text);
    expect(reply.length).toBeLessThan(200);
    expect(reply).toMatch(/^I do not know the command "x{40}…"/);
  });

  it('an 8 MB command is not read at all (413 over the bot limit)', async () => {
    const answer = await send(
      { baseUrl: bot.baseUrl },
      '/api/messages',
      { 'content-type': 'application/json' },
      Buffer.from(JSON.stringify(message('y'.repeat(8 * 1024 * 1024), { aadObjectId: 'aad-l2' }))),
    );
    expect(answer.status).toBe(413);
  });
});

describe('local mode is for this machine only (issue 10, point 4)', () => {
  it('refuses an activity from a peer that is not loopback, with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soporte-sock-'));
    const socketPath = join(dir, 'bot.sock');
    const h = await BotHarness.start({ socketPath });
    try {
      const answer = await send(
        { socketPath },
        '/api/messages',
        { 'content-type': 'application/json' },
        Buffer.from(JSON.stringify(message('help', { aadObjectId: 'aad-l2' }))),
      );
      expect(answer.status).toBe(403);
      expect(answer.text).toMatch(/local mode .* answers only this machine \(127\.0\.0\.1 or ::1\)/);
      expect(h.runtime.describe()).toMatch(/answers this machine only \(loopback\), whatever HOST is/);
    } finally {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
