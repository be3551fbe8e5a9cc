import { DirectoryService } from '../../shared/application/directory-service';
import { NotAuthorizedError, ValidationError } from '../../shared/domain/common';
import { harness, L2, MANAGER, type Harness } from './fixture';

describe('DirectoryService', () => {
  let h: Harness;
  let directory: DirectoryService;
  beforeEach(async () => {
    h = await harness();
    directory = new DirectoryService({ store: h.store, clock: h.clock, ids: h.ids });
  });
  afterEach(async () => {
    await h.close();
  });

  it('adds a client with a slug id and refuses duplicates and bad policy overrides', async () => {
    const client = await directory.addClient(MANAGER, {
      name: 'Contoso México',
      locale: 'en',
      managerEmails: ['Marta@Partner.example'],
    });
    expect(client).toMatchObject({ id: 'contoso-mexico', locale: 'en', managerEmails: ['marta@partner.example'] });
    await expect(directory.addClient(MANAGER, { name: 'Contoso México' })).rejects.toThrow(/already exists/);
    await expect(directory.addClient(MANAGER, { name: 'Bad', policyOverrides: { atRiskPercent: 400 } })).rejects.toThrow(
      /atRiskPercent/,
    );
    await expect(directory.addClient(L2, { name: 'Nope' })).rejects.toThrow(NotAuthorizedError);
    expect((await directory.listAudit('client:')).map((a) => a.action)).toEqual(['client.add']);
  });

  it("reads a date without a time in the zone of the client's policy calendar", async () => {
    const madrid = await directory.addClient(MANAGER, {
      name: 'Madrid SA',
      policyOverrides: { calendar: { timezone: 'Europe/Madrid' } },
    });
    const pilar = await directory.addRequester(MANAGER, {
      clientId: madrid.id,
      email: 'pilar@madrid.example',
      name: 'Pilar',
      effectiveFrom: '2026-03-16',
    });
    expect(pilar.effectiveFrom).toBe('2026-03-15T23:00:00.000Z');
    const ended = await directory.deactivateRequester(MANAGER, {
      clientId: 'acme',
      email: 'ana@acme.example',
      effective: '2026-03-16',
    });
    expect(ended.effectiveTo).toBe('2026-03-16T06:00:00.000Z');
  });

  it('adds and deactivates requesters with effective dates, audited with who asked', async () => {
    const carla = await directory.addRequester(MANAGER, {
      clientId: 'acme',
      email: 'Carla@ACME.example',
      name: 'Carla',
      onRequestOf: 'bob@acme.example',
    });
    expect(carla.email).toBe('carla@acme.example');
    await expect(
      directory.addRequester(MANAGER, { clientId: 'acme', email: 'carla@acme.example', name: 'Carla' }),
    ).rejects.toThrow(/already an authorized requester/);
    const ended = await directory.deactivateRequester(MANAGER, {
      clientId: 'acme',
      email: 'carla@acme.example',
      effective: '2026-03-16',
      onRequestOf: 'bob@acme.example',
    });
    // The start of 16 March in Mexico City (UTC-6).
    expect(ended.effectiveTo).toBe('2026-03-16T06:00:00.000Z');
    expect((await directory.listRequesters('acme', new Date('2026-03-10T00:00:00Z'))).map((r) => r.email)).toContain(
      'carla@acme.example',
    );
    expect((await directory.listRequesters('acme', new Date('2026-03-17T00:00:00Z'))).map((r) => r.email)).not.toContain(
      'carla@acme.example',
    );
    const audit = await directory.listAudit('requester:acme:carla');
    expect(audit.map((a) => [a.action, a.actorId, a.onRequestOf, a.at])).toEqual([
      ['requester.add', MANAGER.id, 'bob@acme.example', h.clock.now().toISOString()],
      ['requester.deactivate', MANAGER.id, 'bob@acme.example', h.clock.now().toISOString()],
    ]);
    // Re-authorizing after the end date is a new period, not an overlap.
    const again = await directory.addRequester(MANAGER, {
      clientId: 'acme',
      email: 'carla@acme.example',
      name: 'Carla',
      effectiveFrom: '2026-04-01',
    });
    expect(again.effectiveFrom).toBe('2026-04-01T06:00:00.000Z');
  });

  it('lets a client administrator manage only their own client', async () => {
    await directory.addClient(MANAGER, { id: 'globex', name: 'Globex' });
    const bob = { role: 'requester' as const, id: 'bob@acme.example' };
    await expect(
      directory.addRequester(bob, { clientId: 'acme', email: 'dan@acme.example', name: 'Dan' }),
    ).resolves.toMatchObject({ clientId: 'acme' });
    await expect(directory.addRequester(bob, { clientId: 'globex', email: 'dan@globex.example', name: 'Dan' })).rejects.toThrow(
      NotAuthorizedError,
    );
    await expect(
      directory.addRequester(
        { role: 'requester', id: 'ana@acme.example' },
        { clientId: 'acme', email: 'x@acme.example', name: 'X' },
      ),
    ).rejects.toThrow(/not an administrator/);
  });

  it('imports requesters row by row, reporting each bad row and keeping the good ones', async () => {
    const progress: number[] = [];
    const result = await directory.importRequesters(
      MANAGER,
      'acme',
      [
        { line: 2, fields: { email: 'e1@acme.example', name: 'E One', locale: 'en', admin: 'yes' } },
        { line: 3, fields: { email: 'not-an-email', name: 'Broken' } },
        { line: 4, fields: { email: 'e2@acme.example', name: '' } },
        { line: 5, fields: { email: 'e3@acme.example', name: 'E Three', locale: 'fr' } },
        { line: 6, fields: { email: 'ana@acme.example', name: 'Ana again' } },
        { line: 7, fields: { email: 'e4@acme.example', name: 'E Four', effective_from: '2026-04-01' } },
      ],
      (done) => progress.push(done),
    );
    expect(result.added.map((r) => r.email)).toEqual(['e1@acme.example', 'e4@acme.example']);
    expect(result.added[0].isClientAdmin).toBe(true);
    expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(result.errors[0].message).toMatch(/^email:/);
    expect(result.errors[1].message).toMatch(/^name:/);
    expect(result.errors[2].message).toMatch(/^locale:/);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('adds staff with a role and a Teams object id, refusing duplicates', async () => {
    const staff = await directory.addStaff(MANAGER, {
      name: 'Tere',
      email: 'tere@partner.example',
      role: 'L3',
      aadObjectId: '00000000-0000-0000-0000-0000000000aa',
    });
    expect(staff).toMatchObject({ role: 'L3', active: true });
    await expect(directory.addStaff(MANAGER, { name: 'T2', email: 'tere@partner.example', role: 'L1' })).rejects.toThrow(
      ValidationError,
    );
    await expect(directory.addStaff(MANAGER, { name: 'T3', email: 't3@partner.example', role: 'L4' as 'L1' })).rejects.toThrow(
      /role/,
    );
    expect(await h.store.directory.findStaffByAadObjectId('00000000-0000-0000-0000-0000000000aa')).toMatchObject({
      email: 'tere@partner.example',
    });
  });
});
