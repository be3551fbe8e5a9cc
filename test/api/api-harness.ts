import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import type restify from 'restify';
import { createServer } from '../../bot/server';
import type { Notifier } from '../../shared/application/ports';
import { ACME, ANA, BOB, OLD_TIMER, seedAcme } from '../support/acme';
import { CapturingMailer, ManualClock, SequentialIds } from '../support/doubles';
import { ticketServiceFor } from '../support/ticket-wiring';
import type { TicketService } from '../../shared/application/ticket-service';
import { DirectoryService } from '../../shared/application/directory-service';
import { TicketQueryService } from '../../shared/application/ticket-query-service';
import { DashboardService } from '../../shared/application/dashboard-service';
import { openSqliteStore, type SqliteStore } from '../../shared/infra/sqlite/sqlite-store';
import { createAuthenticator } from '../../bot/auth/authenticator';
import { createTokenVerifier, ENTRA_V2_ISSUER_TEMPLATE } from '../../bot/auth/token-verifier';
import { registerApiRoutes } from '../../bot/api/register-api-routes';
import { registerAddinStatic } from '../../bot/api/addin-static';
import { createAuth } from '../../bot/auth/create-auth';
import { createSlaReader } from '../../bot/api/sla-reader';
import type { ApiDeps } from '../../bot/api/api-deps';
import type { BodyLimits } from '../../bot/request-body';
import { definedOnly } from '../../shared/domain/index';

export const PROVIDER_TENANT = '0b8f6b0e-0000-4000-8000-00000000000a';
export const ACME_TENANT = '0b8f6b0e-0000-4000-8000-0000000000ac';
export const GLOBEX_TENANT = '0b8f6b0e-0000-4000-8000-0000000000b1';
export const AUDIENCE = 'c0ffee00-0000-4000-8000-000000000001';
/** Monday 2 March 2026, 10:00 in Mexico City: inside support hours. */
export const NOW = '2026-03-02T16:00:00.000Z';

const quietNotifier: Notifier = { notify: async () => ({}) };

export interface HarnessOptions {
  bodyLimits?: BodyLimits;
  /** Local mode: development tokens from POST /api/v1/dev/token instead of the Entra JWKS. */
  localAuth?: boolean;
  /** Also serve a built add-in under /addin/ (local auth). */
  addin?: { dir: string; officeJsUrl: string; supportAddress: string };
}

export interface TokenClaims {
  email: string;
  tid: string;
  aud?: string;
  iss?: string;
  oid?: string;
  /** Expiry, seconds relative to the clock's now (default +3600). */
  expiresIn?: number;
  key?: KeyLike;
  kid?: string;
}

/**
 * The API on a real restify server on 127.0.0.1, over a real SQLite store and the real TicketService,
 * authenticating against a real JWKS served over HTTP by an in-process "Entra" on 127.0.0.1.
 */
export class ApiHarness {
  readonly clock = new ManualClock(new Date(NOW));
  readonly ids = new SequentialIds('api');
  readonly mailer = new CapturingMailer();
  store!: SqliteStore;
  service!: TicketService;
  baseUrl = '';
  jwksUrl = '';
  private dir = '';
  private server!: restify.Server;
  private jwksServer!: HttpServer;
  private signingKey!: KeyLike;
  /** Keys the JWKS does not publish (tokens signed with it must fail). */
  strangerKey!: KeyLike;

  static async start(options: HarnessOptions = {}): Promise<ApiHarness> {
    const h = new ApiHarness();
    await h.init(options);
    return h;
  }

  private async init(options: HarnessOptions): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'soporte-api-'));
    this.store = await openSqliteStore({ dataDir: this.dir, clock: this.clock });
    const { tickets, policies } = ticketServiceFor(this.store, this.clock, {
      ids: this.ids,
      mailer: this.mailer,
      notifier: quietNotifier,
      sideEffects: {
        report: (error: unknown) => {
          throw error;
        },
      },
    });
    this.service = tickets;
    await this.seedDirectory();

    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.signingKey = privateKey;
    this.strangerKey = (await generateKeyPair('RS256')).privateKey;
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'entra-key-1', alg: 'RS256', use: 'sig' }] });
    this.jwksServer = createHttpServer((req, res) => {
      if (req.url === '/common/discovery/v2.0/keys') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(jwks);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.jwksServer.listen(0, '127.0.0.1', resolve));
    this.jwksUrl = `http://127.0.0.1:${(this.jwksServer.address() as AddressInfo).port}/common/discovery/v2.0/keys`;

    const verifier = createTokenVerifier({
      keys: createRemoteJWKSet(new URL(this.jwksUrl)),
      audiences: [AUDIENCE, `api://soporte.test/${AUDIENCE}`],
      issuerTemplate: ENTRA_V2_ISSUER_TEMPLATE,
      clock: this.clock,
    });
    const local = options.localAuth
      ? await createAuth(
          { mode: 'local', nodeEnv: 'test', providerTenantId: PROVIDER_TENANT, jwksUrl: this.jwksUrl },
          { directory: this.store.directory, clock: this.clock },
        )
      : undefined;
    const deps: ApiDeps = {
      commands: this.service.via('addin'),
      tickets: this.store.tickets,
      directory: this.store.directory,
      requesters: new DirectoryService({ store: this.store, clock: this.clock, ids: this.ids }),
      queries: new TicketQueryService({ store: this.store, clock: this.clock, policies }),
      dashboard: new DashboardService({ store: this.store, clock: this.clock, policies }),
      clock: this.clock,
      ids: this.ids,
      authenticator:
        local?.authenticator ??
        createAuthenticator(verifier, { directory: this.store.directory, clock: this.clock, providerTenantId: PROVIDER_TENANT }),
      readSla: createSlaReader({ policies, afterHours: this.store.afterHours }),
      devTokens: local?.devTokens,
      tenantOf: local?.devTokens?.tenantOf,
    };
    // The server main.ts builds (its body reader and limits), with the API routes on it.
    this.server = createServer({ startedAt: this.clock.now(), version: 'test', bodyLimits: options.bodyLimits });
    registerApiRoutes(this.server, deps);
    if (options.addin)
      registerAddinStatic(this.server, {
        dir: options.addin.dir,
        officeJsUrl: options.addin.officeJsUrl,
        config: { apiBase: '', authMode: 'local', supportAddress: options.addin.supportAddress },
      });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async seedDirectory(): Promise<void> {
    await seedAcme(this.store, {
      client: { tenantId: ACME_TENANT },
      requesters: [ANA, BOB, { ...OLD_TIMER, name: 'Olga', effectiveFrom: ANA.effectiveFrom }],
    });
    const d = this.store.directory;
    await d.putClient({
      ...ACME,
      id: 'globex',
      name: 'Globex',
      domains: ['globex.example'],
      locale: 'en',
      tenantId: GLOBEX_TENANT,
    });
    await d.putRequester({
      id: 'r-gina',
      clientId: 'globex',
      email: 'gina@globex.example',
      name: 'Gina',
      isClientAdmin: true,
      effectiveFrom: ACME.createdAt,
    });
    await d.putStaff({
      id: 'staff-l2',
      name: 'Lena L2',
      email: 'lena@partner.example',
      role: 'L2',
      aadObjectId: 'oid-lena',
      locale: 'es-MX',
      active: true,
    });
    await d.putStaff({
      id: 'staff-mgr',
      name: 'Marta',
      email: 'marta@partner.example',
      role: 'manager',
      locale: 'es-MX',
      active: true,
    });
    await d.putStaff({ id: 'staff-gone', name: 'Gus', email: 'gus@partner.example', role: 'L1', locale: 'es-MX', active: false });
  }

  async token(claims: TokenClaims): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({ tid: claims.tid, preferred_username: claims.email, oid: claims.oid, name: claims.email.split('@')[0] })
      .setProtectedHeader({ alg: 'RS256', kid: claims.kid ?? 'entra-key-1' })
      .setIssuer(claims.iss ?? `https://login.microsoftonline.com/${claims.tid}/v2.0`)
      .setAudience(claims.aud ?? AUDIENCE)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (claims.expiresIn ?? 3600))
      .sign(claims.key ?? this.signingKey);
  }

  /** Tokens of the seeded people. */
  ana = () => this.token({ email: 'ana@acme.example', tid: ACME_TENANT });
  bob = () => this.token({ email: 'bob@acme.example', tid: ACME_TENANT });
  gina = () => this.token({ email: 'gina@globex.example', tid: GLOBEX_TENANT });
  lena = () => this.token({ email: 'lena@partner.example', tid: PROVIDER_TENANT, oid: 'oid-lena' });
  marta = () => this.token({ email: 'marta@partner.example', tid: PROVIDER_TENANT });

  async call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...definedOnly({ body: options.body === undefined ? undefined : JSON.stringify(options.body) }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await new Promise<void>((resolve) => this.jwksServer.close(() => resolve()));
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A response body as JSON; tests read its fields freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-side JSON of many shapes
export type Json = any;

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Json;
}

export function emailPayload(overrides: Record<string, unknown> = {}) {
  return {
    internetMessageId: '<CAF1234@mail.acme.example>',
    conversationId: 'AAQkADthread1',
    subject: 'Las facturas no se timbran',
    body: 'Desde esta mañana el timbrado falla con error 301.',
    attachmentNames: ['error.png', 'log.txt'],
    priority: 'high',
    incidentType: 'technical-urgent',
    description: 'Afecta a toda la facturación',
    ...overrides,
  };
}
