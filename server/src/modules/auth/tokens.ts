import { SignJWT, jwtVerify, errors } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Role, SessionEndReason } from '@alliance/shared';

/** The caller of a request: the account as it is now (see AccountRegistry), never the token's memory of it. */
export interface AuthUser {
  id: string;
  allianceId: string;
  role: Role;
  unitId: string | null;
  gridId: string | null;
  /** Signed in with a temporary password: only changePassword and me until it is changed. */
  mustChangePassword?: boolean;
}

/** What a token vouches for: whose session it is, and under which version of the account it was issued. */
export interface TokenClaims {
  userId: string;
  allianceId: string;
  tokenVersion: number;
}

const ISSUER = 'alliance-platform';

export async function issueToken(claims: TokenClaims, secret: Uint8Array, ttl: string): Promise<string> {
  return new SignJWT({ aid: claims.allianceId, tv: claims.tokenVersion })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(secret);
}

/**
 * Tokens already verified in this process, until their expiry (a minute at
 * most): a signed token never changes, and verifying it again on every
 * request was a measurable share of a request's CPU (docs/benchmarks.md).
 * Whether its account still stands is checked on every request all the same.
 */
const verifiedBySecret = new WeakMap<Uint8Array, LRUCache<string, { claims: TokenClaims }>>();

/** The token's claims, or the reason it was refused. */
export async function readToken(token: string, secret: Uint8Array): Promise<{ claims: TokenClaims } | { problem: SessionEndReason }> {
  let verified = verifiedBySecret.get(secret);
  if (!verified) verifiedBySecret.set(secret, (verified = new LRUCache({ max: 10_000, ttl: 60_000 })));
  const hit = verified.get(token);
  if (hit) return hit;
  const result = await verify(token, secret);
  if ('claims' in result) verified.set(token, { claims: result.claims }, { ttl: Math.min(60_000, result.expiresAt - Date.now()) });
  return 'claims' in result ? { claims: result.claims } : result;
}

async function verify(token: string, secret: Uint8Array): Promise<{ claims: TokenClaims; expiresAt: number } | { problem: SessionEndReason }> {
  try {
    // A token that never expires is refused, whoever signed it.
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] });
    if (typeof payload.sub !== 'string' || typeof payload.aid !== 'string' || typeof payload.tv !== 'number' || typeof payload.exp !== 'number') {
      return { problem: 'INVALID_TOKEN' };
    }
    return { claims: { userId: payload.sub, allianceId: payload.aid, tokenVersion: payload.tv }, expiresAt: payload.exp * 1000 };
  } catch (err) {
    return { problem: err instanceof errors.JWTExpired ? 'SESSION_EXPIRED' : 'INVALID_TOKEN' };
  }
}
