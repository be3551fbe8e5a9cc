import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Clock } from '../../shared/application/ports';
import { AuthenticationError } from './authentication-error';
import { definedOnly } from '../../shared/domain/index';

/** Who a verified token speaks for: the tenant it was issued in and the signed-in user. */
export interface VerifiedIdentity {
  tenantId: string;
  /** Entra object id of the user (oid). */
  objectId?: string;
  /** Lower-cased email / UPN. */
  email: string;
  name?: string;
}

export interface TokenVerifier {
  verify(bearerToken: string): Promise<VerifiedIdentity>;
}

export interface TokenVerifierOptions {
  /** The issuer's signing keys (jose createRemoteJWKSet for Entra, createLocalJWKSet in local mode and tests). */
  keys: JWTVerifyGetKey;
  /** Accepted `aud` values: the app's client id and its Application ID URI. */
  audiences: string[];
  /** Issuer with a `{tenantid}` placeholder; Entra v2: https://login.microsoftonline.com/{tenantid}/v2.0 */
  issuerTemplate: string;
  clock: Clock;
  /** Allowed clock skew in seconds (default 60). */
  clockToleranceSeconds?: number;
}

export const ENTRA_V2_ISSUER_TEMPLATE = 'https://login.microsoftonline.com/{tenantid}/v2.0';

function claimString(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's "${error.claim}" claim is not accepted`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is invalid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token was not signed by a known key';
  if (error instanceof errors.JOSEError) return `the token is not valid (${error.code})`;
  return 'the token could not be verified';
}

/**
 * Validates Microsoft Entra ID access tokens: signature against the issuer's JWKS, audience, expiry and
 * not-before (at the injected clock), and an issuer that matches the token's own tenant (multi-tenant apps
 * accept many tenants, but each token must be issued by the tenant it names).
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const tolerance = options.clockToleranceSeconds ?? 60;
  return {
    async verify(bearerToken: string): Promise<VerifiedIdentity> {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(bearerToken, options.keys, {
          audience: options.audiences,
          currentDate: options.clock.now(),
          clockTolerance: tolerance,
          algorithms: ['RS256', 'ES256'],
          requiredClaims: ['exp', 'iss', 'tid'],
        }));
      } catch (error) {
        throw new AuthenticationError(describe(error), { cause: error });
      }
      const tenantId = claimString(payload, 'tid');
      if (!tenantId) throw new AuthenticationError('the token names no tenant (tid)');
      const expectedIssuer = options.issuerTemplate.replace('{tenantid}', tenantId);
      if (payload.iss !== expectedIssuer) throw new AuthenticationError('the token\'s "iss" claim is not accepted');
      const email = claimString(payload, 'email') ?? claimString(payload, 'preferred_username') ?? claimString(payload, 'upn');
      if (!email) throw new AuthenticationError('the token names no user (email, preferred_username or upn)');
      return definedOnly({
        tenantId,
        objectId: claimString(payload, 'oid'),
        email: email.toLowerCase(),
        name: claimString(payload, 'name'),
      });
    },
  };
}
