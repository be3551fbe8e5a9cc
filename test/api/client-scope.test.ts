import { ACME_TENANT, ApiHarness, GLOBEX_TENANT, PROVIDER_TENANT, type ApiResponse } from './api-harness';

const INITECH_TENANT = '0b8f6b0e-0000-4000-8000-0000000000c3';
const TENANTS = { acme: ACME_TENANT, globex: GLOBEX_TENANT, initech: INITECH_TENANT, provider: PROVIDER_TENANT };
type ClientId = 'acme' | 'globex' | 'initech';

/** Each client-scoped route, as a call for client `c` (the same check must hold for every verb). */
const ROUTES: Array<[string, (h: ApiHarness, c: ClientId, token: string) => Promise<ApiResponse>]> = [
  ['GET requesters', (h, c, token) => h.call('GET', `/api/v1/clients/${c}/requesters`, { token })],
  [
    'POST requesters (add an administrator)',
    (h, c, token) =>
      h.call('POST', `/api/v1/clients/${c}/requesters`, {
        token,
        body: { email: `intruder@${c}.example`, name: 'Intruder', isClientAdmin: true },
      }),
  ],
  [
    'POST requesters/:id/deactivate',
    (h, c, token) => h.call('POST', `/api/v1/clients/${c}/requesters/r-admin-${c}/deactivate`, { token, body: {} }),
  ],
];

describe("client-scoped routes: the caller's tenant is the client's, and the caller is that client's administrator (issue 10, point 8)", () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await ApiHarness.start();
    const d = h.store.directory;
    const from = '2026-01-01T00:00:00.000Z';
    await d.putClient({
      id: 'initech',
      name: 'Initech',
      domains: ['initech.example'],
      locale: 'en',
      tenantId: INITECH_TENANT,
      managerEmails: [],
      createdAt: from,
    });
    // Pat: a plain requester of ACME and the administrator of Globex and of Initech (one person, three clients).
    await d.putRequester({
      id: 'r-pat-acme',
      clientId: 'acme',
      email: 'pat@consult.example',
      name: 'Pat',
      isClientAdmin: false,
      effectiveFrom: from,
    });
    await d.putRequester({
      id: 'r-pat-globex',
      clientId: 'globex',
      email: 'pat@consult.example',
      name: 'Pat',
      isClientAdmin: true,
      effectiveFrom: from,
    });
    await d.putRequester({
      id: 'r-pat-initech',
      clientId: 'initech',
      email: 'pat@consult.example',
      name: 'Pat',
      isClientAdmin: true,
      effectiveFrom: from,
    });
    for (const c of ['acme', 'globex', 'initech'])
      await d.putRequester({
        id: `r-admin-${c}`,
        clientId: c,
        email: `admin@${c}.example`,
        name: 'Admin',
        isClientAdmin: true,
        effectiveFrom: from,
      });
  });
  afterAll(async () => h.close());

  const targets: ClientId[] = ['acme', 'globex', 'initech'];
  const cases = ROUTES.flatMap(([route, call]) =>
    targets.flatMap((target) =>
      (Object.keys(TENANTS) as Array<keyof typeof TENANTS>)
        .filter((t) => t !== target)
        .map((tenant) => [route, target, tenant, call] as const),
    ),
  );

  it.each(cases)('%s of %s with a token of tenant %s: refused, nothing changed', async (_route, target, tenant, call) => {
    const before = await h.store.directory.listRequesters(target);
    // Pat administers Globex and Initech; the client's own administrator too: neither gets in with another tenant's token.
    for (const email of ['pat@consult.example', `admin@${target}.example`]) {
      const answer = await call(h, target, await h.token({ email, tid: TENANTS[tenant] }));
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ status: 403, code: 'forbidden' });
    }
    expect(await h.store.directory.listRequesters(target)).toEqual(before);
  });

  it("the bug as reported: Pat signed in with ACME's tenant cannot add an administrator to Globex", async () => {
    const pat = await h.token({ email: 'pat@consult.example', tid: ACME_TENANT });
    const answer = await h.call('POST', '/api/v1/clients/globex/requesters', {
      token: pat,
      body: { email: 'mole@globex.example', name: 'Mole', isClientAdmin: true },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.detail).toMatch(/only an administrator of client globex, signed in from that client's tenant/);
    expect(await h.store.directory.findRequestersByEmail('mole@globex.example')).toEqual([]);
  });

  it("with the client's own tenant, its administrator may use every verb (resolved by the route's client)", async () => {
    const pat = await h.token({ email: 'pat@consult.example', tid: GLOBEX_TENANT });
    expect((await h.call('GET', '/api/v1/clients/globex/requesters', { token: pat })).status).toBe(200);
    const added = await h.call('POST', '/api/v1/clients/globex/requesters', {
      token: pat,
      body: { email: 'new@globex.example', name: 'New' },
    });
    expect(added.status).toBe(201);
    expect(
      (await h.call('POST', `/api/v1/clients/globex/requesters/${added.body.id}/deactivate`, { token: pat, body: {} })).status,
    ).toBe(200);
    // Plain requester at ACME: refused there even with ACME's tenant.
    expect(
      (
        await h.call('GET', '/api/v1/clients/acme/requesters', {
          token: await h.token({ email: 'pat@consult.example', tid: ACME_TENANT }),
        })
      ).status,
    ).toBe(403);
  });

  it('a deactivated administrator is refused from the deactivation instant on', async () => {
    await h.store.directory.putRequester({
      id: 'r-admin-initech',
      clientId: 'initech',
      email: 'admin@initech.example',
      name: 'Admin',
      isClientAdmin: true,
      effectiveFrom: '2026-01-01T00:00:00.000Z',
      effectiveTo: h.clock.now().toISOString(),
    });
    const token = await h.token({ email: 'admin@initech.example', tid: INITECH_TENANT });
    expect((await h.call('GET', '/api/v1/clients/initech/requesters', { token })).status).toBe(403);
  });
});

describe("a sender on two clients' lists is resolved by the client named, never the first found (issue 10, point 9)", () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await ApiHarness.start();
    await h.store.directory.putRequester({
      id: 'r-pat-acme',
      clientId: 'acme',
      email: 'pat@consult.example',
      name: 'Pat',
      isClientAdmin: false,
      effectiveFrom: '2026-01-01T00:00:00.000Z',
    });
    await h.store.directory.putRequester({
      id: 'r-pat-globex',
      clientId: 'globex',
      email: 'pat@consult.example',
      name: 'Pat',
      isClientAdmin: false,
      effectiveFrom: '2026-01-01T00:00:00.000Z',
    });
  });
  afterAll(async () => h.close());

  const payload = (id: string, extra: Record<string, unknown> = {}) => ({
    internetMessageId: `<${id}@consult.example>`,
    subject: 's',
    body: 'b',
    priority: 'high',
    incidentType: 'technical-urgent',
    requesterEmail: 'pat@consult.example',
    ...extra,
  });

  it("staff recording Pat's email must name the client; the ticket is at that client", async () => {
    const lena = await h.lena();
    const ambiguous = await h.call('POST', '/api/v1/tickets', { token: lena, body: payload('amb') });
    expect(ambiguous.status).toBe(422);
    expect(ambiguous.body).toMatchObject({ code: 'ambiguous-requester' });
    expect(ambiguous.body.detail).toMatch(/acme and globex: name the client in clientId/);
    const atGlobex = await h.call('POST', '/api/v1/tickets', { token: lena, body: payload('glx', { clientId: 'globex' }) });
    expect(atGlobex.status).toBe(201);
    expect(atGlobex.body.clientId).toBe('globex');
    const nowhere = await h.call('POST', '/api/v1/tickets', { token: lena, body: payload('ini', { clientId: 'initech' }) });
    expect(nowhere.body).toMatchObject({ status: 422, code: 'unauthorized-sender' });
  });

  it("Pat signed in with each client's tenant is that client's requester", async () => {
    for (const [tid, clientId] of [
      [ACME_TENANT, 'acme'],
      [GLOBEX_TENANT, 'globex'],
    ]) {
      const me = await h.call('GET', '/api/v1/me', { token: await h.token({ email: 'pat@consult.example', tid }) });
      expect(me.body).toMatchObject({ kind: 'requester', clientId });
    }
  });

  it('a development token for Pat must name the tenant (local mode)', async () => {
    const local = await ApiHarness.start({ localAuth: true });
    try {
      for (const id of ['r-pat-acme', 'r-pat-globex'])
        await local.store.directory.putRequester({
          id,
          clientId: id.endsWith('acme') ? 'acme' : 'globex',
          email: 'pat@consult.example',
          name: 'Pat',
          isClientAdmin: false,
          effectiveFrom: '2026-01-01T00:00:00.000Z',
        });
      const ambiguous = await local.call('POST', '/api/v1/dev/token', { body: { email: 'pat@consult.example' } });
      expect(ambiguous.status).toBe(400);
      expect(ambiguous.body.detail).toMatch(/requester of acme and globex; name the tenant/);
      const named = await local.call('POST', '/api/v1/dev/token', {
        body: { email: 'pat@consult.example', tenantId: GLOBEX_TENANT },
      });
      expect(named.status).toBe(200);
      expect((await local.call('GET', '/api/v1/me', { token: named.body.token })).body).toMatchObject({ clientId: 'globex' });
    } finally {
      await local.close();
    }
  });

  it('the sender check answers for the client asked about', async () => {
    const lena = await h.lena();
    expect((await h.call('GET', '/api/v1/senders/authorization?email=pat%40consult.example', { token: lena })).body).toEqual({
      email: 'pat@consult.example',
      authorized: true,
    });
    expect(
      (await h.call('GET', '/api/v1/senders/authorization?email=pat%40consult.example&clientId=globex', { token: lena })).body,
    ).toMatchObject({ authorized: true, clientId: 'globex' });
  });
});
