import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import {
  createCredential,
  createGraphClient,
  GRAPH_DEFAULT_SCOPE,
  GraphClientMisuseError,
  GraphServiceError,
  GraphUnreachableError,
  parseRetryAfterMs,
  type RetryEvent,
} from '../../../shared/infra/graph';
import { startGraphService, staticTokenCredential, type GraphService } from '../../support/graph-service';

const SUPPORT = 'support@contoso.test';

describe('createGraphClient against the Graph service: auth, retry, errors, transport', () => {
  let graph: GraphService;

  beforeEach(async () => {
    graph = await startGraphService();
    graph.mail.addMailbox({ userPrincipalName: SUPPORT });
  });
  afterEach(() => graph.close());

  const inbox = `/users/${SUPPORT}/mailFolders/inbox/messages`;

  it('asks the credential for the Graph .default scope and sends the bearer token', async () => {
    const credential = staticTokenCredential(graph.token);
    const client = createGraphClient({ credential, baseUrl: graph.baseUrl });
    await client.api(inbox).get();
    expect(credential.calls).toEqual([[GRAPH_DEFAULT_SCOPE]]);
  });

  it('is refused with 401 in Graph error shape without a token or with a wrong one', async () => {
    const raw = await fetch(`${graph.baseUrl}/v1.0${inbox}`);
    expect(raw.status).toBe(401);
    expect(await raw.json()).toMatchObject({
      error: {
        code: 'InvalidAuthenticationToken',
        message: 'Access token is empty.',
        innerError: { 'request-id': expect.any(String), date: expect.any(String) },
      },
    });
    const wrong = createGraphClient({ credential: staticTokenCredential('another-token'), baseUrl: graph.baseUrl });
    await expect(wrong.api(inbox).get()).rejects.toMatchObject({
      name: 'GraphServiceError',
      status: 401,
      code: 'InvalidAuthenticationToken',
    });
  });

  it('retries a 429 after the Retry-After seconds, then succeeds', async () => {
    graph.faults.inject({ status: 429, retryAfter: 1, times: 1, method: 'GET', path: '/users/*/mailFolders/*/messages' });
    const retries: RetryEvent[] = [];
    const client = graph.client({ onRetry: (e) => retries.push(e) });
    const started = Date.now();
    const page = await client.api(inbox).get();
    expect(page.value).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(retries).toEqual([
      expect.objectContaining({ status: 429, attempt: 1, delayMs: 1000, fromRetryAfter: true, method: 'GET' }),
    ]);
    expect(graph.requests.count({ method: 'GET', path: '/users/*/mailFolders/*/messages' })).toBe(2);
  });

  it('reads Retry-After as an HTTP date, and backs off exponentially (capped) when there is none', async () => {
    const now = Date.parse('2026-11-25T16:00:00Z');
    const waits: number[] = [];
    const client = graph.client({
      nowMs: () => now,
      sleep: async (ms) => {
        waits.push(ms);
      },
      retry: { baseDelayMs: 100, maxDelayMs: 300, maxAttempts: 6 },
    });
    graph.faults.inject({ status: 503, retryAfter: new Date(now + 7000).toUTCString(), times: 1 });
    graph.faults.inject({ status: 504, times: 4 });
    await client.api(inbox).get();
    expect(waits).toEqual([7000, 200, 300, 300, 300]);
  });

  it('honours a fractional Retry-After exactly; a retry that comes earlier is throttled again', async () => {
    graph.faults.inject({ status: 429, retryAfter: '0.25', times: 1, method: 'GET', path: '/users/*/mailFolders/*/messages' });
    const waits: number[] = [];
    const client = graph.client({
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
    });
    const started = Date.now();
    await client.api(inbox).get();
    expect(waits).toEqual([250]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(249);
    expect(graph.faults.early).toBe(0);
    // A client that does not wait what it was told comes back too early and is throttled again.
    graph.faults.inject({ status: 429, retryAfter: '0.3', times: 1, method: 'GET', path: '/users/*/mailFolders/*/messages' });
    const hasty = graph.client({ sleep: async () => undefined, retry: { maxAttempts: 2 } });
    await expect(hasty.api(inbox).get()).rejects.toMatchObject({ status: 429, code: 'TooManyRequests' });
    expect(graph.faults.early).toBe(1);
    expect(parseRetryAfterMs('2.128', 0)).toBe(2128);
  });

  it('gives up after maxAttempts with a GraphServiceError carrying status, code, request-id and Retry-After', async () => {
    graph.faults.inject({ status: 429, retryAfter: 0, times: 10 });
    const client = graph.client({ retry: { maxAttempts: 3 } });
    const error = await client
      .api(inbox)
      .get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphServiceError);
    expect(error).toMatchObject({
      status: 429,
      code: 'TooManyRequests',
      retryAfterSeconds: 0,
      isThrottled: true,
      method: 'GET',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(graph.requests.count()).toBe(3);
    expect(graph.faults.pending()).toBe(7);
  });

  it('does not wait for a Retry-After longer than maxRetryAfterMs: the caller gets it to reschedule', async () => {
    graph.faults.inject({ status: 503, retryAfter: 600, times: 1 });
    const client = graph.client({ retry: { maxRetryAfterMs: 5000 } });
    await expect(client.api(inbox).get()).rejects.toMatchObject({
      status: 503,
      code: 'serviceNotAvailable',
      retryAfterSeconds: 600,
    });
    expect(graph.requests.count()).toBe(1);
  });

  it('never resends a mail submission after a 504 (it may have gone); a GET after a 504 is retried', async () => {
    graph.faults.inject({ status: 504, times: 1, method: 'POST', path: '/users/*/sendMail' });
    const client = graph.client();
    await expect(
      client
        .api(`/users/${SUPPORT}/sendMail`)
        .post({ message: { subject: 'x', toRecipients: [{ emailAddress: { address: 'ana@client.test' } }] } }),
    ).rejects.toMatchObject({ status: 504, code: 'gatewayTimeout' });
    expect(graph.requests.count({ method: 'POST', path: '/users/*/sendMail' })).toBe(1);
    graph.faults.inject({ status: 504, times: 1, method: 'GET' });
    await client.api(inbox).get();
    expect(graph.requests.count({ method: 'GET' })).toBe(2);
  });

  it('resends a POST body intact after a 503, and the mail is sent once', async () => {
    graph.faults.inject({ status: 503, retryAfter: 0, times: 1, method: 'POST', path: '/users/*/sendMail' });
    await graph
      .client()
      .api(`/users/${SUPPORT}/sendMail`)
      .post({ message: { subject: 'once', toRecipients: [{ emailAddress: { address: 'ana@client.test' } }] } });
    expect(graph.mail.sent(SUPPORT).map((m) => m.subject)).toEqual(['once']);
    expect(graph.requests.count({ method: 'POST', path: '/users/*/sendMail' })).toBe(2);
  });

  it('counts requests by method and path pattern, and resets', async () => {
    const client = graph.client();
    await client.api(inbox).get();
    await client.api(`/users/${SUPPORT}/messages`).get();
    await client
      .api(`/users/${SUPPORT}/sendMail`)
      .post({ message: { subject: 's', toRecipients: [{ emailAddress: { address: 'a@b.test' } }] } });
    expect(graph.requests.count()).toBe(3);
    expect(graph.requests.count({ method: 'GET' })).toBe(2);
    expect(graph.requests.count({ path: '/users/**' })).toBe(3);
    expect(graph.requests.count({ path: '/users/*/messages' })).toBe(1);
    expect(graph.requests.count({ method: 'post', path: /sendMail$/ })).toBe(1);
    expect(graph.requests.list({ method: 'POST' })).toEqual([
      { method: 'POST', path: `/users/${SUPPORT}/sendMail`, inBatch: false, status: 202 },
    ]);
    graph.requests.reset();
    expect(graph.requests.count()).toBe(0);
    const measured = await graph.requests.measure(async () => {
      await client.api(inbox).get();
      await client.api('/$batch').post({
        requests: [
          { id: '1', method: 'GET', url: `/users/${SUPPORT}/messages` },
          { id: '2', method: 'GET', url: `/users/${SUPPORT}/mailFolders/inbox` },
        ],
      });
      return 'done';
    });
    expect(measured).toEqual({ result: 'done', requests: 2 });
    expect((await graph.requests.measure(() => client.api(inbox).get(), { inBatch: 'any' })).requests).toBe(1);
  });

  it('sends through the injected transport', async () => {
    const seen: string[] = [];
    const client = graph.client({
      fetch: (url, init) => {
        seen.push(`${init.method} ${url}`);
        return fetch(url, init);
      },
    });
    await client.api(inbox).top(1).get();
    expect(seen).toEqual([`GET ${graph.baseUrl}/v1.0${inbox}?$top=1`]);
  });

  it('never sends the token to another origin: that is client misuse, not a service refusal', async () => {
    const client = graph.client();
    const error = await client
      .api('https://elsewhere.example/v1.0/users')
      .get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphClientMisuseError);
    expect(error).not.toBeInstanceOf(GraphServiceError);
    expect(graph.requests.count()).toBe(0);
  });
});

describe('createGraphClient when nothing answers', () => {
  it('throws GraphUnreachableError (neither a refusal nor misuse)', async () => {
    const graph = await startGraphService();
    const client = graph.client();
    await graph.close();
    const error = await client
      .api('/users/x/messages')
      .get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphUnreachableError);
    expect(error).not.toBeInstanceOf(GraphServiceError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});

describe('createGraphClient and createCredential: configuration mistakes are client misuse', () => {
  const credential = staticTokenCredential('t');

  it.each([
    ['http://graph.example.com', 'baseUrl'],
    ['https://graph.microsoft.com/v1.0', 'baseUrl'],
    ['not a url', 'baseUrl'],
  ])('refuses baseUrl %s', (baseUrl, field) => {
    expect(() => createGraphClient({ credential, baseUrl })).toThrow(
      expect.objectContaining({ name: 'GraphClientMisuseError', field }),
    );
  });

  it('refuses bad retry settings and a missing credential', () => {
    expect(() => createGraphClient({ credential, retry: { maxAttempts: 0 } })).toThrow(
      expect.objectContaining({ field: 'retry.maxAttempts' }),
    );
    expect(() => createGraphClient({ credential, retry: { baseDelayMs: -1 } })).toThrow(
      expect.objectContaining({ field: 'retry.baseDelayMs' }),
    );
    expect(() => createGraphClient({ credential: undefined as never })).toThrow(expect.objectContaining({ field: 'credential' }));
  });

  it('defaults to https://graph.microsoft.com', () => {
    expect(() => createGraphClient({ credential })).not.toThrow();
  });

  it('builds the @azure/identity credential the configuration names, without any network call', () => {
    expect(
      createCredential({ kind: 'client-secret', tenantId: 'tenant-1', clientId: 'app-1', clientSecret: 's3cret' }),
    ).toBeInstanceOf(ClientSecretCredential);
    expect(
      createCredential({ kind: 'certificate', tenantId: 'tenant-1', clientId: 'app-1', certificatePath: '/etc/soporte/app.pem' }),
    ).toBeInstanceOf(ClientCertificateCredential);
    expect(createCredential({ kind: 'managed-identity' })).toBeInstanceOf(ManagedIdentityCredential);
    expect(createCredential({ kind: 'managed-identity', clientId: 'uami-1' })).toBeInstanceOf(ManagedIdentityCredential);
  });

  it('names the missing credential field', () => {
    expect(() => createCredential({ kind: 'client-secret', tenantId: 'tenant-1', clientId: 'app-1', clientSecret: '' })).toThrow(
      expect.objectContaining({ field: 'credential.clientSecret' }),
    );
    expect(() => createCredential({ kind: 'certificate', tenantId: '', clientId: 'app-1', certificatePath: '/x.pem' })).toThrow(
      expect.objectContaining({ field: 'credential.tenantId' }),
    );
    expect(() => createCredential({ kind: 'password' } as never)).toThrow(expect.objectContaining({ field: 'credential.kind' }));
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-11-25T16:00:00Z');
  it.each([
    ['0', 0],
    ['5', 5000],
    ['Wed, 25 Nov 2026 16:00:30 GMT', 30_000],
    ['Wed, 25 Nov 2026 15:59:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('%s -> %s ms', (header, expected) => {
    expect(parseRetryAfterMs(header, now)).toBe(expected);
  });
});
