import { ApiHarness, type ApiResponse, ACME_TENANT, GLOBEX_TENANT, PROVIDER_TENANT, emailPayload } from './api-harness';
import { createAuth } from '../../bot/auth/create-auth';

describe('REST API authentication (Entra tokens against a real JWKS)', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await ApiHarness.start();
  });
  afterAll(async () => h.close());

  const expectProblem = (res: ApiResponse, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status, code, type: `urn:soporte:problem:${code}` });
  };

  it('identifies an authorized requester by tenant id + email', async () => {
    const res = await h.call('GET', '/api/v1/me', { token: await h.ana() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      kind: 'requester',
      email: 'ana@acme.example',
      name: 'Ana',
      clientId: 'acme',
      clientName: 'ACME',
      isClientAdmin: false,
      locale: 'es-MX',
    });
  });

  it('identifies staff by the provider tenant and the staff list', async () => {
    const res = await h.call('GET', '/api/v1/me', { token: await h.lena() });
    expect(res.body).toMatchObject({ kind: 'staff', email: 'lena@partner.example', role: 'L2' });
  });

  it('answers 401 with WWW-Authenticate when there is no bearer token', async () => {
    const res = await h.call('GET', '/api/v1/me');
    expectProblem(res, 401, 'unauthenticated');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses an expired token', async () => {
    const res = await h.call('GET', '/api/v1/me', {
      token: await h.token({ email: 'ana@acme.example', tid: ACME_TENANT, expiresIn: -120 }),
    });
    expectProblem(res, 401, 'unauthenticated');
    expect(res.body.detail).toMatch(/expired/);
  });

  it('refuses a token for another audience', async () => {
    const res = await h.call('GET', '/api/v1/me', {
      token: await h.token({ email: 'ana@acme.example', tid: ACME_TENANT, aud: 'api://someone-else' }),
    });
    expectProblem(res, 401, 'unauthenticated');
    expect(res.body.detail).toMatch(/"aud"/);
  });

  it('refuses a token whose issuer is not its own tenant', async () => {
    const res = await h.call('GET', '/api/v1/me', {
      token: await h.token({
        email: 'ana@acme.example',
        tid: ACME_TENANT,
        iss: `https://login.microsoftonline.com/${GLOBEX_TENANT}/v2.0`,
      }),
    });
    expectProblem(res, 401, 'unauthenticated');
    expect(res.body.detail).toMatch(/"iss"/);
  });

  it('refuses a tampered token (payload changed after signing)', async () => {
    const [header, payload, signature] = (await h.token({ email: 'ana@acme.example', tid: ACME_TENANT })).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, preferred_username: 'bob@acme.example' })).toString('base64url');
    const res = await h.call('GET', '/api/v1/me', { token: `${header}.${forged}.${signature}` });
    expectProblem(res, 401, 'unauthenticated');
    expect(res.body.detail).toMatch(/signature/);
  });

  it('refuses a token signed by a key the issuer does not publish', async () => {
    const res = await h.call('GET', '/api/v1/me', {
      token: await h.token({ email: 'ana@acme.example', tid: ACME_TENANT, key: h.strangerKey }),
    });
    expectProblem(res, 401, 'unauthenticated');
  });

  it('refuses a valid token from the wrong tenant for that person (403)', async () => {
    const res = await h.call('GET', '/api/v1/me', { token: await h.token({ email: 'ana@acme.example', tid: GLOBEX_TENANT }) });
    expectProblem(res, 403, 'forbidden');
  });

  it('refuses a deactivated requester, an inactive staff member, and staff from a client tenant', async () => {
    expectProblem(
      await h.call('GET', '/api/v1/me', { token: await h.token({ email: 'old@acme.example', tid: ACME_TENANT }) }),
      403,
      'forbidden',
    );
    expectProblem(
      await h.call('GET', '/api/v1/me', { token: await h.token({ email: 'gus@partner.example', tid: PROVIDER_TENANT }) }),
      403,
      'forbidden',
    );
    expectProblem(
      await h.call('GET', '/api/v1/me', { token: await h.token({ email: 'lena@partner.example', tid: ACME_TENANT }) }),
      403,
      'forbidden',
    );
  });

  describe("no caller sees another client's tickets", () => {
    let ticketId: string;
    beforeAll(async () => {
      const res = await h.call('POST', '/api/v1/tickets', {
        token: await h.ana(),
        body: emailPayload({ internetMessageId: '<auth-1@acme.example>', conversationId: 'conv-auth-1' }),
      });
      expect(res.status).toBe(201);
      ticketId = res.body.id;
    });

    it("answers 404 for another client's ticket by id, message id and thread", async () => {
      const gina = await h.gina();
      expectProblem(await h.call('GET', `/api/v1/tickets/${ticketId}`, { token: gina }), 404, 'not-found');
      expectProblem(
        await h.call('GET', '/api/v1/tickets/lookup?internetMessageId=%3Cauth-1%40acme.example%3E', { token: gina }),
        404,
        'not-found',
      );
      expectProblem(await h.call('GET', '/api/v1/tickets/lookup?conversationId=conv-auth-1', { token: gina }), 404, 'not-found');
      const mine = await h.call('GET', '/api/v1/tickets/mine', { token: gina });
      expect(mine.body.tickets).toEqual([]);
    });

    it("refuses writes to another client's ticket without revealing it", async () => {
      const res = await h.call('POST', `/api/v1/tickets/${ticketId}/resolution/confirm`, {
        token: await h.gina(),
        headers: { 'if-match': '"1"' },
        body: {},
      });
      expectProblem(res, 404, 'not-found');
    });

    it('does not hand over a ticket when another client posts the same message id', async () => {
      const res = await h.call('POST', '/api/v1/tickets', {
        token: await h.gina(),
        body: emailPayload({ internetMessageId: '<auth-1@acme.example>' }),
      });
      expectProblem(res, 409, 'conflict');
      expect(JSON.stringify(res.body)).not.toContain(ticketId);
    });

    it("lets the client's own administrator and staff see it", async () => {
      expect((await h.call('GET', `/api/v1/tickets/${ticketId}`, { token: await h.bob() })).status).toBe(200);
      expect((await h.call('GET', `/api/v1/tickets/${ticketId}`, { token: await h.lena() })).status).toBe(200);
    });
  });

  it('refuses local mode (development tokens) in production', async () => {
    const settings = {
      mode: 'local' as const,
      nodeEnv: 'production' as const,
      providerTenantId: PROVIDER_TENANT,
      jwksUrl: h.jwksUrl,
    };
    await expect(createAuth(settings, { directory: h.store.directory, clock: h.clock })).rejects.toThrow(/refused in production/);
  });

  it('in local mode verifies development tokens signed with the local key, and only those', async () => {
    const auth = await createAuth(
      { mode: 'local', nodeEnv: 'development', providerTenantId: PROVIDER_TENANT, jwksUrl: h.jwksUrl },
      { directory: h.store.directory, clock: h.clock },
    );
    const devToken = await auth.devTokens!.issuer.issue({ email: 'ana@acme.example', tenantId: ACME_TENANT });
    const caller = await auth.authenticator.authenticate(`Bearer ${devToken}`);
    expect(caller).toMatchObject({ kind: 'requester', email: 'ana@acme.example' });
    await expect(auth.authenticator.authenticate(`Bearer ${await h.ana()}`)).rejects.toThrow(
      /not signed by a known key|signature|not valid/,
    );
  });
});

describe('local mode: development tokens from POST /api/v1/dev/token', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await ApiHarness.start({ localAuth: true });
    await h.store.directory.putClient({
      id: 'demo',
      name: 'Demo',
      domains: ['demo.example'],
      locale: 'es-MX',
      managerEmails: [],
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await h.store.directory.putRequester({
      id: 'r-dina',
      clientId: 'demo',
      email: 'dina@demo.example',
      name: 'Dina',
      isClientAdmin: false,
      effectiveFrom: '2026-01-01T00:00:00.000Z',
    });
  });
  afterAll(async () => h.close());

  const devToken = async (email: string) => h.call('POST', '/api/v1/dev/token', { body: { email } });

  it('issues tokens for requesters (even of a client without an Entra tenant) and staff, which the API accepts', async () => {
    const dina = await devToken('Dina@demo.example');
    expect(dina.status).toBe(200);
    expect((await h.call('GET', '/api/v1/me', { token: dina.body.token })).body).toMatchObject({
      kind: 'requester',
      clientId: 'demo',
    });
    const ana = await devToken('ana@acme.example');
    expect((await h.call('GET', '/api/v1/me', { token: ana.body.token })).body).toMatchObject({
      kind: 'requester',
      clientId: 'acme',
    });
    const lena = await devToken('lena@partner.example');
    expect((await h.call('GET', '/api/v1/me', { token: lena.body.token })).body).toMatchObject({ kind: 'staff', role: 'L2' });
  });

  it('refuses unknown people and Entra-signed tokens', async () => {
    expect((await devToken('eve@elsewhere.example')).body).toMatchObject({ status: 404, code: 'not-found' });
    expect((await h.call('GET', '/api/v1/me', { token: await h.ana() })).status).toBe(401);
  });
});

describe('Entra mode has no development token route', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await ApiHarness.start();
  });
  afterAll(async () => h.close());

  it('answers 404', async () => {
    expect((await h.call('POST', '/api/v1/dev/token', { body: { email: 'ana@acme.example' } })).body).toMatchObject({
      status: 404,
      code: 'not-found',
    });
  });
});
