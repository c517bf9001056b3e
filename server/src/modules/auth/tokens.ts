import { SignJWT, jwtVerify, errors } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Role } from '@alliance/shared';

/** What a request knows about its caller, read from the signed token alone. */
export interface AuthUser {
  id: string;
  allianceId: string;
  role: Role;
  unitId: string | null;
  gridId: string | null;
}

const ISSUER = 'alliance-platform';

export async function issueToken(user: AuthUser, secret: Uint8Array, ttl: string): Promise<string> {
  return new SignJWT({ aid: user.allianceId, role: user.role, uid: user.unitId, gid: user.gridId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(secret);
}

/**
 * Tokens already verified in this process, until their expiry (a minute at
 * most): a signed token never changes, and verifying it again on every
 * request was a measurable share of a request's CPU (docs/benchmarks.md).
 */
const verifiedBySecret = new WeakMap<Uint8Array, LRUCache<string, { user: AuthUser }>>();

/** The caller, or the reason the token was refused. */
export async function readToken(token: string, secret: Uint8Array): Promise<{ user: AuthUser } | { problem: string }> {
  let verified = verifiedBySecret.get(secret);
  if (!verified) verifiedBySecret.set(secret, (verified = new LRUCache({ max: 10_000, ttl: 60_000 })));
  const hit = verified.get(token);
  if (hit) return hit;
  const result = await verify(token, secret);
  if ('user' in result) verified.set(token, { user: result.user }, { ttl: Math.min(60_000, result.expiresAt - Date.now()) });
  return 'user' in result ? { user: result.user } : result;
}

async function verify(token: string, secret: Uint8Array): Promise<{ user: AuthUser; expiresAt: number } | { problem: string }> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || typeof payload.aid !== 'string' || typeof payload.role !== 'string') {
      return { problem: 'Invalid token' };
    }
    return {
      user: {
        id: payload.sub,
        allianceId: payload.aid,
        role: payload.role as Role,
        unitId: (payload.uid as string | null) ?? null,
        gridId: (payload.gid as string | null) ?? null,
      },
      expiresAt: (payload.exp ?? 0) * 1000,
    };
  } catch (err) {
    return { problem: err instanceof errors.JWTExpired ? 'Session expired, please sign in again' : 'Invalid token' };
  }
}
