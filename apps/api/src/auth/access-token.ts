import { type Role } from '@arrears/domain';
import { SignJWT, jwtVerify } from 'jose';

/** Access tokens are short-lived; a session lives on through its refresh token. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
const ISSUER = 'arrears';
const AUDIENCE = 'arrears-api';
/** Verified tokens remembered at most: about one per active user. */
const VERIFIED_TOKENS_KEPT = 10_000;

export interface AccessClaims {
  userId: string;
  sessionId: string;
  institutionId: string;
  role: Role;
}

/** Signs and checks access tokens (HS256, via jose) with a key derived from the master secret. */
export class AccessTokens {
  /**
   * Tokens already verified, with their expiry: a client sends the same token with every
   * request for 15 minutes, and checking its signature (WebCrypto, off the main thread and
   * back) cost more than reading a 50-row page's SQL. The signature of a given string never
   * changes; its expiry is checked on every use.
   */
  private readonly verified = new Map<string, { claims: AccessClaims; expiresAtMs: number }>();

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
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAtMs) return known.claims;
    this.verified.delete(token);
    const claims = await this.verifySignature(token);
    if (claims) {
      if (this.verified.size >= VERIFIED_TOKENS_KEPT)
        this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, claims);
    }
    return claims?.claims ?? null;
  }

  private async verifySignature(
    token: string,
  ): Promise<{ claims: AccessClaims; expiresAtMs: number } | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.sid !== 'string' ||
        typeof payload.inst !== 'string' ||
        typeof payload.exp !== 'number'
      )
        return null;
      return {
        claims: {
          userId: payload.sub,
          sessionId: payload.sid,
          institutionId: payload.inst,
          role: payload.role as Role,
        },
        expiresAtMs: payload.exp * 1000,
      };
    } catch {
      return null;
    }
  }
}
