import type { Redis } from 'ioredis';
import { ACCESS_TOKEN_SECONDS } from './access-token.js';

/**
 * Sessions logged out while their access tokens may still be live. Entries only need to
 * outlast the longest access token, so the set stays small and is checked without SQL.
 * In memory for one API instance; in Redis (REDIS_URL) several instances share it.
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

/**
 * Shared by every API instance. If Redis is unreachable a check answers "not revoked":
 * refusing every signed-in request would turn a Redis outage into an API outage, and the
 * token expires within minutes anyway.
 */
export class RedisRevokedSessions implements RevokedSessions {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'arrears:revoked-session',
  ) {}

  async revoke(sessionId: string): Promise<void> {
    await this.redis.set(`${this.prefix}:${sessionId}`, '1', 'EX', ACCESS_TOKEN_SECONDS);
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    try {
      return (await this.redis.exists(`${this.prefix}:${sessionId}`)) === 1;
    } catch {
      return false;
    }
  }
}
