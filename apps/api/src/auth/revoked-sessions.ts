import { ACCESS_TOKEN_SECONDS } from './access-token.js';

/**
 * Sessions logged out while their access tokens may still be live. Entries only need to
 * outlast the longest access token, so the set stays small and is checked without SQL.
 * In memory for one API instance; several instances share it through Redis (see REDIS_URL).
 */
export interface RevokedSessions {
  revoke(sessionId: string, now: Date): Promise<void>;
  isRevoked(sessionId: string, now: Date): Promise<boolean>;
}

export class InMemoryRevokedSessions implements RevokedSessions {
  private readonly until = new Map<string, number>();

  async revoke(sessionId: string, now: Date): Promise<void> {
    this.until.set(sessionId, now.getTime() + ACCESS_TOKEN_SECONDS * 1000);
    this.forgetExpired(now);
  }

  async isRevoked(sessionId: string, now: Date): Promise<boolean> {
    const until = this.until.get(sessionId);
    return until !== undefined && until > now.getTime();
  }

  private forgetExpired(now: Date): void {
    for (const [id, until] of this.until) if (until <= now.getTime()) this.until.delete(id);
  }
}
