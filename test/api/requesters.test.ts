import { ApiHarness } from './api-harness';

describe("REST API: a client's administrator manages its authorized requesters", () => {
  let h: ApiHarness;
  beforeEach(async () => {
    h = await ApiHarness.start();
  });
  afterEach(async () => h.close());

  it("tells whether a sender is authorized, only within the caller's client", async () => {
    const ana = await h.ana();
    expect((await h.call('GET', '/api/v1/senders/authorization?email=Bob%40acme.example', { token: ana })).body).toEqual({
      email: 'bob@acme.example',
      authorized: true,
      clientId: 'acme',
      clientName: 'ACME',
    });
    expect((await h.call('GET', '/api/v1/senders/authorization?email=old%40acme.example', { token: ana })).body).toEqual({
      email: 'old@acme.example',
      authorized: false,
    });
    expect((await h.call('GET', '/api/v1/senders/authorization?email=gina%40globex.example', { token: ana })).body).toEqual({
      email: 'gina@globex.example',
      authorized: false,
    });
    expect(
      (await h.call('GET', '/api/v1/senders/authorization?email=gina%40globex.example', { token: await h.lena() })).body,
    ).toMatchObject({ authorized: true, clientId: 'globex' });
    expect((await h.call('GET', '/api/v1/senders/authorization?email=nope', { token: ana })).status).toBe(400);
  });

  it('lists, adds and deactivates requesters with an audit of who asked', async () => {
    const bob = await h.bob();
    const list = await h.call('GET', '/api/v1/clients/acme/requesters', { token: bob });
    expect(list.body.requesters.map((r: { email: string; active: boolean }) => [r.email, r.active])).toEqual(
      expect.arrayContaining([
        ['ana@acme.example', true],
        ['bob@acme.example', true],
        ['old@acme.example', false],
      ]),
    );

    const added = await h.call('POST', '/api/v1/clients/acme/requesters', {
      token: bob,
      body: { email: 'Carla@Acme.example', name: 'Carla' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      email: 'carla@acme.example',
      active: true,
      isClientAdmin: false,
      effectiveFrom: '2026-03-02T16:00:00.000Z',
    });
    const duplicate = await h.call('POST', '/api/v1/clients/acme/requesters', {
      token: bob,
      body: { email: 'carla@acme.example', name: 'Carla' },
    });
    expect(duplicate.body).toMatchObject({ status: 400, code: 'validation', errors: [{ field: 'email' }] });

    // Carla can now authenticate as a requester of ACME.
    const carla = await h.token({ email: 'carla@acme.example', tid: '0b8f6b0e-0000-4000-8000-0000000000ac' });
    expect((await h.call('GET', '/api/v1/me', { token: carla })).status).toBe(200);

    const gone = await h.call('POST', `/api/v1/clients/acme/requesters/${added.body.id}/deactivate`, { token: bob, body: {} });
    expect(gone.body).toMatchObject({ active: false, effectiveTo: '2026-03-02T16:00:00.000Z' });
    expect((await h.call('GET', '/api/v1/me', { token: carla })).status).toBe(403);

    const audit = await h.store.directory.listAudit('requester:acme:carla@acme.example');
    expect(audit.map((a) => [a.action, a.actorId, a.onRequestOf])).toEqual([
      ['requester.add', 'bob@acme.example', 'bob@acme.example'],
      ['requester.deactivate', 'bob@acme.example', 'bob@acme.example'],
    ]);
  });

  it("refuses non-administrators, other clients' administrators and staff who do not manage requesters", async () => {
    expect((await h.call('GET', '/api/v1/clients/acme/requesters', { token: await h.ana() })).body).toMatchObject({
      status: 403,
      code: 'forbidden',
    });
    expect(
      (
        await h.call('POST', '/api/v1/clients/acme/requesters', {
          token: await h.gina(),
          body: { email: 'x@acme.example', name: 'X' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await h.call('POST', '/api/v1/clients/acme/requesters/r-ana/deactivate', { token: await h.gina(), body: {} })).status,
    ).toBe(403);
    expect((await h.call('GET', '/api/v1/clients/acme/requesters', { token: await h.lena() })).status).toBe(403);
    expect(
      (
        await h.call('POST', '/api/v1/clients/acme/requesters', {
          token: await h.lena(),
          body: { email: 'x@acme.example', name: 'X' },
        })
      ).status,
    ).toBe(403);
    expect((await h.call('GET', '/api/v1/clients/acme/requesters', { token: await h.marta() })).status).toBe(200);
    const byManager = await h.call('POST', '/api/v1/clients/acme/requesters', {
      token: await h.marta(),
      body: { email: 'dan@acme.example', name: 'Dan', effectiveFrom: '2026-03-09' },
    });
    expect(byManager.body).toMatchObject({ email: 'dan@acme.example', active: false, effectiveFrom: '2026-03-09T06:00:00.000Z' });
  });

  it('validates input and refuses a deactivation before the start', async () => {
    const bob = await h.bob();
    const bad = await h.call('POST', '/api/v1/clients/acme/requesters', {
      token: bob,
      body: { email: 'not-an-email', name: '' },
    });
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'name']);
    const early = await h.call('POST', '/api/v1/clients/acme/requesters/r-ana/deactivate', {
      token: bob,
      body: { effectiveTo: '2025-01-01T00:00:00Z' },
    });
    expect(early.body).toMatchObject({ status: 400, code: 'validation' });
    expect((await h.call('POST', '/api/v1/clients/acme/requesters/r-nobody/deactivate', { token: bob, body: {} })).status).toBe(
      404,
    );
  });
});
