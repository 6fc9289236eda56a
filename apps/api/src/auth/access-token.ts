import { type Role } from '@arrears/domain';
import { SignJWT, jwtVerify } from 'jose';

/** Access tokens are short-lived; a session lives on through its refresh token. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
const ISSUER = 'arrears';
const AUDIENCE = 'arrears-api';

export interface AccessClaims {
  userId: string;
  sessionId: string;
  institutionId: string;
  role: Role;
}

/** Signs and checks access tokens (HS256, via jose) with a key derived from the master secret. */
export class AccessTokens {
  constructor(private readonly key: Uint8Array) {}

  async sign(claims: AccessClaims, now: Date): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((issuedAt + ACCESS_TOKEN_SECONDS) * 1000);
    const token = await new SignJWT({
      sid: claims.sessionId,
      inst: claims.institutionId,
      role: claims.role,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ACCESS_TOKEN_SECONDS)
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The claims of a valid token, or null for anything expired, forged or malformed. */
  async verify(token: string): Promise<AccessClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.sid !== 'string' ||
        typeof payload.inst !== 'string'
      )
        return null;
      return {
        userId: payload.sub,
        sessionId: payload.sid,
        institutionId: payload.inst,
        role: payload.role as Role,
      };
    } catch {
      return null;
    }
  }
}
