import { SignJWT, jwtVerify, errors } from 'jose';
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

/** The caller, or the reason the token was refused. */
export async function readToken(token: string, secret: Uint8Array): Promise<{ user: AuthUser } | { problem: string }> {
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
    };
  } catch (err) {
    return { problem: err instanceof errors.JWTExpired ? 'Session expired, please sign in again' : 'Invalid token' };
  }
}
