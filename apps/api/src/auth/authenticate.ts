import type { EntityManager } from '@mikro-orm/core';
import { authenticatePartnerKey } from '../modules/partner-app/partner-app.service.js';
import { ANONYMOUS, type Actor } from './actor.js';
import type { AccessTokens } from './access-token.js';
import type { RevokedSessions } from './revoked-sessions.js';

export interface Authenticator {
  /** The actor behind a request's credentials; anonymous when there are none or they are not valid. */
  authenticate(credentials: { authorization?: string; apiKey?: string }, now: Date): Promise<Actor>;
}

/**
 * People send `Authorization: Bearer <access token>`; partner apps send their key either as
 * `X-Api-Key` or as the bearer token (it starts with `ark_`). Invalid credentials make the
 * caller anonymous, so protected fields answer UNAUTHENTICATED and public ones still work.
 */
export function createAuthenticator(
  root: EntityManager,
  tokens: AccessTokens,
  revoked: RevokedSessions,
): Authenticator {
  return {
    async authenticate({ authorization, apiKey }, now) {
      const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
      const key = apiKey ?? (bearer?.startsWith('ark_') ? bearer : undefined);
      if (key) return (await authenticatePartnerKey(root.fork(), key, now)) ?? ANONYMOUS;
      if (!bearer) return ANONYMOUS;
      const claims = await tokens.verify(bearer);
      if (!claims || (await revoked.isRevoked(claims.sessionId, now))) return ANONYMOUS;
      return {
        kind: 'user',
        id: claims.userId,
        institutionId: claims.institutionId,
        role: claims.role,
        sessionId: claims.sessionId,
      };
    },
  };
}
