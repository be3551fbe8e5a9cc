import { ApiHarness } from './api-harness';

describe("REST API: a client's requester audit trail, readable", () => {
  let h: ApiHarness;
  beforeEach(async () => {
    h = await ApiHarness.start();
  });
  afterEach(async () => h.close());

  it("shows the client's administrator who changed which requester, when, on whose request", async () => {
    const bob = await h.bob();
    const added = await h.call('POST', '/api/v1/clients/acme/requesters', {
      token: bob,
      body: { email: 'carla@acme.example', name: 'Carla Díaz' },
    });
    await h.call('POST', `/api/v1/clients/acme/requesters/${added.body.id}/deactivate`, {
      token: bob,
      body: { effectiveTo: '2026-04-01' },
    });
    await h.call('POST', '/api/v1/clients/acme/requesters', {
      token: await h.marta(),
      body: { email: 'dan@acme.example', name: 'Dan', isClientAdmin: true },
    });

    const history = await h.call('GET', '/api/v1/clients/acme/requesters/history', { token: bob });
    expect(history.status).toBe(200);
    expect(history.body.changes).toEqual([
      {
        at: '2026-03-02T16:00:00.000Z',
        change: 'added',
        requesterEmail: 'carla@acme.example',
        requesterName: 'Carla Díaz',
        changedBy: 'bob@acme.example',
        changedById: 'bob@acme.example',
        onRequestOf: 'bob@acme.example',
        effective: '2026-03-02T16:00:00.000Z',
        isClientAdmin: false,
      },
      {
        at: '2026-03-02T16:00:00.000Z',
        change: 'deactivated',
        requesterEmail: 'carla@acme.example',
        requesterName: 'Carla Díaz',
        changedBy: 'bob@acme.example',
        changedById: 'bob@acme.example',
        onRequestOf: 'bob@acme.example',
        effective: '2026-04-01T06:00:00.000Z',
      },
      expect.objectContaining({
        change: 'added',
        requesterEmail: 'dan@acme.example',
        changedBy: expect.stringMatching(/^Marta .*\(.+@.+\)$/),
        isClientAdmin: true,
      }),
    ]);
  });

  it('refuses a requester who is no administrator, and another client', async () => {
    expect((await h.call('GET', '/api/v1/clients/acme/requesters/history', { token: await h.ana() })).body).toMatchObject({
      status: 403,
    });
    expect((await h.call('GET', '/api/v1/clients/acme/requesters/history', { token: await h.gina() })).status).toBe(403);
    expect((await h.call('GET', '/api/v1/clients/nope/requesters/history', { token: await h.marta() })).status).toBe(404);
  });
});
